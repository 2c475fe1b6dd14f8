export interface MailAddress {
  address: string;
  name: string;
}

export type AutomatedKind = 'auto_reply' | 'bounce' | 'list' | 'loop';

export interface AutomatedVerdict {
  automated: boolean;
  kind: AutomatedKind | null;
  reasons: string[];
}

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  disposition: 'inline' | 'attachment';
  contentId: string | null;
  content?: Buffer;
}

export interface ParsedMail {
  /** Without angle brackets, e.g. "abc@host". */
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first, without angle brackets. */
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  normalizedSubject: string;
  /** ISO 8601, or null when the Date header is missing or unreadable. */
  date: string | null;
  text: string;
  html: string | null;
  newText: string;
  quoted: string;
  signature: string | null;
  automated: AutomatedVerdict;
  attachments: MailAttachment[];
  /** Lower-cased header name -> unfolded value of its first occurrence. */
  headers: Record<string, string>;
  /** Message-IDs named inside an enclosed returned message (bounces, complaints), without angle brackets. */
  enclosedMessageIds: string[];
  /** sha256 hex of normalised from+date+subject+text: a dedup key when Message-ID is missing. */
  contentHash: string;
}

export interface ParseOptions {
  /** Our own domains: mail whose Message-ID or X-Loop names one of them is our own mail looping back. */
  ownDomains?: string[];
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /** Default 50 MB. */
  maxBytes?: number;
  /** Longest text body accepted (after decoding or HTML conversion); longer → MailParseError TOO_LARGE. Default: no limit. */
  maxTextChars?: number;
  /** Longest HTML body accepted; longer → MailParseError TOO_LARGE. Default: no limit. */
  maxHtmlChars?: number;
  keepAttachmentContent?: boolean;
}

export interface StrippedReply {
  newText: string;
  quoted: string;
  signature: string | null;
}

export interface AutomatedInput {
  headers: Record<string, string>;
  from: string | null;
  subject: string;
  contentType?: string;
  ownDomains?: string[];
  /** Content types of the parts after the first (a returned or reported message is enclosed as one). */
  attachmentTypes?: string[];
  /** Body text: only its start is read, for challenge-response robots that say what they are in words. */
  text?: string;
}
