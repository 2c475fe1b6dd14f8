export type MailParseErrorCode = 'EMPTY' | 'TIMEOUT' | 'UNPARSEABLE' | 'TOO_LARGE';

export class MailParseError extends Error {
  readonly code: MailParseErrorCode;

  constructor(code: MailParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailParseError';
    this.code = code;
  }
}
