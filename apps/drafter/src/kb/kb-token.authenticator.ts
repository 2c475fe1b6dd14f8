import { BearerTokenAuthenticator, RealmAuthenticator, Realms } from '@draftdesk/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DRAFTER_OPTIONS, DrafterOptions } from '../drafts/drafter.options';

/** KB_API_TOKEN opens the knowledge-base API; while it is unset the API is closed. */
@Injectable()
@RealmAuthenticator()
export class KbTokenAuthenticator extends BearerTokenAuthenticator {
  constructor(@Inject(DRAFTER_OPTIONS) options: DrafterOptions) {
    super([Realms.kb], 'KB_API_TOKEN', options.kbApiToken);
  }
}
