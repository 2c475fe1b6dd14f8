import { ApiDocsController } from '@draftdesk/platform';
import { PerAddressLimit } from './auth/public-rate-limit.guard';

/**
 * OpenAPI at /docs, limited per client address like every public endpoint of the desk. Part of the review module so
 * that the embedded mode, which composes modules into an app it creates itself, documents its whole API here too.
 */
@PerAddressLimit()
export class DocsController extends ApiDocsController({
  title: 'draftdesk review API',
  description:
    'The review queue, its actions, users and tokens. Authenticate with a session cookie (+ X-CSRF-Token on writes) or Authorization: Bearer.',
  sessionCookie: 'dd_session',
}) {}
