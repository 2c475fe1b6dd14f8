import { InternalServerErrorException } from '@nestjs/common';
import type { Request } from 'express';
import { payloadTooLarge } from './chat-intake.exception';

export type RawBodyRequest = Request & { rawBody?: Buffer; _body?: boolean };

/**
 * The exact bytes the sender signed. Taken from `req.rawBody` when the app keeps it (NestFactory.create with
 * rawBody: true); read from the stream when no parser consumed it (a content type the JSON parser skips, or an app
 * created without a body parser), so the module works however the host app is configured.
 */
export async function readRawBody(req: RawBodyRequest, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw payloadTooLarge(limit);
  if (Buffer.isBuffer(req.rawBody)) {
    if (req.rawBody.length > limit) throw payloadTooLarge(limit);
    return req.rawBody;
  }
  if (req._body || req.readableEnded) {
    throw new InternalServerErrorException(
      'the request body was parsed without keeping its raw bytes: create the app with rawBody: true',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  req.rawBody = Buffer.concat(chunks);
  return req.rawBody;
}

export function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
