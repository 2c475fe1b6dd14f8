import { BearerTokenAuthenticator, RealmAuthenticator, Realms } from '@draftdesk/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CONVERSATIONS_OPTIONS, ConversationsOptions } from './conversations.options';

/** REVIEW_API_TOKEN opens the conversations read API; while it is unset the API is closed. */
@Injectable()
@RealmAuthenticator()
export class ConversationsTokenAuthenticator extends BearerTokenAuthenticator {
  constructor(@Inject(CONVERSATIONS_OPTIONS) options: ConversationsOptions) {
    super([Realms.conversations], 'REVIEW_API_TOKEN', options.apiToken);
  }
}
