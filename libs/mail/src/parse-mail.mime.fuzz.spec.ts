import { describeMutatedMime } from '../fuzz/mime.arbitraries';

describeMutatedMime(1);
