import { AuthRealm, Realms } from '@draftdesk/platform';
import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { RawMailRepository } from './raw-mail.repository';

/**
 * Mail that could not be parsed: kept raw, listed here with the reason, retried by `draftdesk mail retry`. Senders
 * and subjects are customer data, so the list needs MAIL_ADMIN_TOKEN like the mailbox API.
 */
@Controller('v1/mail/quarantine')
@AuthRealm(Realms.mailAdmin)
export class QuarantineController {
  constructor(private readonly rawMails: RawMailRepository) {}

  @Get()
  list(@Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number) {
    return this.rawMails.listQuarantined(Math.min(Math.max(limit, 1), 500));
  }
}
