import { BearerTokenAuthenticator, RealmAuthenticator, Realms } from '@draftdesk/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';

/** CHAT_ADMIN_TOKEN opens the channel admin API; while it is unset the API is closed. */
@Injectable()
@RealmAuthenticator()
export class ChatAdminAuthenticator extends BearerTokenAuthenticator {
  constructor(@Inject(CHAT_GATEWAY_OPTIONS) options: ChatGatewayOptions) {
    super([Realms.chatAdmin], 'CHAT_ADMIN_TOKEN', options.adminToken);
  }
}
