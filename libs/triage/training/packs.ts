import { DUTCH, ENGLISH, FRENCH, GERMAN } from './frames';
import { LanguagePack } from './phrase.types';

export const PACKS: LanguagePack[] = [ENGLISH, DUTCH, GERMAN, FRENCH];
