import { BearerTokenAuthenticator, RealmAuthenticator, Realms } from '@draftdesk/platform';
import { Inject, Injectable } from '@nestjs/common';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';

/** MAIL_ADMIN_TOKEN opens the mailbox API and the quarantine list; while it is unset both are closed. */
@Injectable()
@RealmAuthenticator()
export class MailAdminAuthenticator extends BearerTokenAuthenticator {
  constructor(@Inject(MAIL_INGEST_OPTIONS) options: MailIngestOptions) {
    super([Realms.mailAdmin], 'MAIL_ADMIN_TOKEN', options.adminToken);
  }
}
