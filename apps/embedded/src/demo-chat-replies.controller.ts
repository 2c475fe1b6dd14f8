import { Public } from '@draftdesk/platform';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_WEBHOOK_BYTES } from '../../chat-gateway/src';
import { ChatIntakeErrorCode, unauthorized } from '../../chat-gateway/src';
import { RawBodyRequest, readRawBody } from '../../chat-gateway/src';
import { verifyWebhook } from '../../chat-gateway/src';

export const DEMO_CHAT_REPLIES = Symbol('DEMO_CHAT_REPLIES');

export interface DemoChatReplies {
  secret: string;
  /** Each reply is kept here as <draftId>.json, as mail replies are kept in <data dir>/sent. */
  dir: string;
}

const header = (req: RawBodyRequest, name: string) => [req.headers[name]].flat().join(' ') || undefined;

/** The demo chat channel's callback: approved chat replies come back to the suite and are kept as files. */
@Public() // checks the demo channel's signature, like any receiver of our replies would
@Controller('v1/demo-chat')
export class DemoChatRepliesController {
  constructor(@Inject(DEMO_CHAT_REPLIES) private readonly replies: DemoChatReplies) {}

  @Post('replies')
  @HttpCode(200)
  async receive(@Req() req: RawBodyRequest) {
    const raw = await readRawBody(req, MAX_WEBHOOK_BYTES);
    const verified = verifyWebhook(
      [this.replies.secret],
      {
        id: header(req, 'webhook-id'),
        timestamp: header(req, 'webhook-timestamp'),
        signature: header(req, 'webhook-signature'),
      },
      raw,
    );
    if (!verified.ok) throw unauthorized(ChatIntakeErrorCode.SignatureInvalid, `reply refused: ${verified.reason}`);
    // The webhook id is the draft id; anything else would not make a safe file name.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(verified.id))
      throw unauthorized(ChatIntakeErrorCode.SignatureInvalid, 'webhook-id is not a draft id');
    await mkdir(this.replies.dir, { recursive: true });
    // Written aside and renamed, so whoever watches the folder never reads half a reply.
    const file = join(this.replies.dir, `${verified.id}.json`);
    await writeFile(`${file}.part`, raw);
    await rename(`${file}.part`, file);
    return { status: 'kept' };
  }
}
