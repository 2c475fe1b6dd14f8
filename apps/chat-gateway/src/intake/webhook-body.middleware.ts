import { errorBody } from '@draftdesk/platform';
import type { NextFunction, Request, Response } from 'express';
import { ChatIntakeErrorCode } from './chat-intake.exception';

type BodyRequest = Request & { rawBody?: Buffer; _body?: boolean };

/**
 * Reads webhook bodies for the chat routes before any app-wide body parser does: the exact bytes are kept for the
 * signature check, the 256 KB limit is ours (Express's JSON default is 100 KB, and its overflow error would surface
 * as a 500), and marking the body read makes the app's own parsers skip it.
 */
export function webhookBodyReader(limit: number) {
  return (req: BodyRequest, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || req._body) return next();
    const tooLarge = () =>
      res
        .status(413)
        .set('connection', 'close')
        .json(errorBody(413, { code: ChatIntakeErrorCode.PayloadTooLarge, message: `body exceeds ${limit} bytes` }));
    if (Number(req.headers['content-length'] ?? 0) > limit) return void tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      settled = true;
      tooLarge();
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      req.rawBody = Buffer.concat(chunks);
      req._body = true;
      req.body = {};
      next();
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      next(error);
    });
  };
}
