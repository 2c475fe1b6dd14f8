import { MailParseError, parseMail } from '@draftdesk/mail';
import type { ParsedMail, ParseOptions } from '@draftdesk/mail';

export interface ParseTask {
  raw: Uint8Array;
  options: ParseOptions;
}

/** Errors lose their class on the way back from a worker thread: the outcome travels as plain data instead. */
export type ParseOutcome =
  { ok: true; mail: ParsedMail } | { ok: false; code: MailParseError['code']; message: string };

/** Runs in a worker thread of MailParsePool, so a slow or huge mail never holds up the event loop of the service. */
export default async function parseInWorker({ raw, options }: ParseTask): Promise<ParseOutcome> {
  return parseToOutcome(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), options);
}

export async function parseToOutcome(raw: Buffer, options: ParseOptions): Promise<ParseOutcome> {
  try {
    return { ok: true, mail: await parseMail(raw, options) };
  } catch (error) {
    if (error instanceof MailParseError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'UNPARSEABLE', message: (error as Error)?.message ?? String(error) };
  }
}
