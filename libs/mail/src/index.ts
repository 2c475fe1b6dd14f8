export type {
  AutomatedKind,
  AutomatedVerdict,
  MailAddress,
  MailAttachment,
  ParsedMail,
  ParseOptions,
  StrippedReply,
  AutomatedInput,
} from './mail.types';
export { MailParseError } from './mail-parse.exception';
export type { MailParseErrorCode } from './mail-parse.exception';
export { parseMail } from './parse-mail.util';
export { stripReply } from './strip-reply.util';
export type { StripReplyOptions } from './strip-reply.util';
export { detectAutomated } from './detect-automated.util';
export { normalizeSubject } from './subject.util';
export {
  conversationTokenFromAddress,
  conversationTokenFromSubject,
  replyAddress,
  subjectMarker,
} from './conversation-token.util';
export { toInboundPayload } from './inbound-payload.util';
export { storableDeep, storableText } from './storable-text.util';
