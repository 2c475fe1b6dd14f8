import type { AutomatedInput, AutomatedKind, AutomatedVerdict } from './mail.types';

const AUTO_REPLY_SUBJECT = new RegExp(
  [
    '^\\s*(?:auto(?:matic|matische|matisches|matisch)?[ -]?(?:reply|antwort|antwoord|response|answer)\\b)',
    '\\bout of (?:the )?office\\b',
    '\\bautoreply\\b',
    '\\bauto-reply\\b',
    '^\\s*auto:',
    '\\bafwezig(?:heid|heidsmelding)?\\b',
    '\\bautomatisch antwoord\\b',
    '\\babwesenheits(?:notiz|meldung|nachricht)\\b',
    '\\bautomatische antwort\\b',
    '\\bnicht im büro\\b',
    '\\bréponse automatique\\b',
    '\\breponse automatique\\b',
    '^\\s*absen(?:ce|t)\\b',
    '\\bon vacation\\b',
    '\\bvacation (?:reply|message|notice)\\b',
    '\\bvakantie\\b',
    '\\bi am away\\b',
    "\\bi'm away\\b",
    '\\bis out of the office\\b',
    '\\brespuesta automática\\b',
    '\\brisposta automatica\\b',
    '\\bautosvar\\b',
    '\\bautomatisk svar\\b',
    '\\bodpowiedź automatyczna\\b',
    '\\bautomatyczna odpowiedź\\b',
    '\\bautom[aā]tisk[aā] atbilde\\b',
  ].join('|'),
  'i',
);

const BOUNCE_SUBJECT =
  /\b(?:undeliver(?:able|ed)|delivery (?:status notification|failure|failed|has failed|problem|report)|returned mail|mail delivery (?:failed|failure|system|subsystem)|failure notice|non[- ]?delivery|unzustellbar|onbestelbaar|non remis|nicht zugestellt|could not be delivered|delivery notification)\b|配信できません|配送エラー|未送達|無法投遞/i;

const BOUNCE_SENDER = /^(?:mailer-daemon|mail-daemon|mailerdaemon|maildelivery|mail\.delivery)(?:[@+]|$)/i;
// Postmaster also writes to people, so it marks a bounce only together with other bounce evidence.
const POSTMASTER = /^(?:postmaster|post_master)(?:[@+]|$)/i;
const NO_REPLY_SENDER = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply)(?:[-_.+][^@]*)?@/i;
// Microsoft's JMRP complaints are multipart/mixed, not ARF, so the subject plus the enclosed message identify them.
const COMPLAINT_SUBJECT = /^\s*(?:complaint about message from|abuse report|spam report)\b/i;
// Challenge-response robots ask the sender to verify before delivery; they name themselves in headers or body.
const CHALLENGE_HEADER = /^x-(?:bluebottle|boxbe|spamarrest|choicemail|mailchannels-challenge|cr-)[\w-]*$/;
const CHALLENGE_BODY =
  /\b(?:added to|add (?:you|yourself|your (?:e-?mail )?address) to)\b[^.]{0,80}\b(?:allowed|approved|safe|white)[- ]?(?:senders? )?list\b|\bprotected by\b[^.]{0,60}\b(?:spam|challenge)|\bverify (?:that )?you are (?:a )?(?:human|real person)\b/i;
const LIST_HEADERS = [
  'list-id',
  'list-unsubscribe',
  'list-subscribe',
  'list-post',
  'list-help',
  'list-owner',
  'x-mailing-list',
  'x-mlserver',
  'x-ml-name',
];

/**
 * Decides whether a message was sent by a machine and must never be answered (RFC 3834 spirit).
 * The strongest evidence wins: bounce > loop > auto-reply > list.
 */
export function detectAutomated(input: AutomatedInput): AutomatedVerdict {
  const h = lowerKeys(input.headers);
  const found = new Map<AutomatedKind, string[]>();
  const add = (kind: AutomatedKind, reason: string) => {
    const list = found.get(kind) ?? [];
    list.push(reason);
    found.set(kind, list);
  };
  const fromAddress = bareAddress(input.from ?? h['from'] ?? '');
  const fromHeader = (h['from'] ?? '').toLowerCase();
  const subject = input.subject ?? '';
  const contentType = (input.contentType ?? h['content-type'] ?? '').toLowerCase();

  const attachmentTypes = (input.attachmentTypes ?? []).map((t) => String(t).toLowerCase());
  const enclosesMessage = attachmentTypes.some((t) =>
    /^(?:message\/(?:rfc822|global|rfc822-headers)|text\/rfc822-headers)/.test(t),
  );
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?feedback-report/.test(contentType)) {
    add('bounce', 'report:feedback-report');
  } else if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) {
    add('bounce', 'report:delivery-status');
  } else if (
    /multipart\/report/.test(contentType) &&
    /report-type\s*=\s*"?disposition-notification/.test(contentType)
  ) {
    add('auto_reply', 'report:disposition-notification');
  } else if (/multipart\/report/.test(contentType)) {
    add('bounce', 'report:multipart-report');
  }
  if (h['x-failed-recipients'] !== undefined) add('bounce', 'header:x-failed-recipients');
  if (BOUNCE_SENDER.test(fromAddress)) add('bounce', `from:${fromAddress.split(/[@+]/)[0].toLowerCase()}`);
  else if (/\bmailer-daemon\b/.test(fromHeader)) add('bounce', 'from:mailer-daemon');
  else if (h['from'] !== undefined && /<\s*>/.test(fromHeader)) add('bounce', 'from:<>');
  const postmaster = POSTMASTER.test(fromAddress);
  const returnPath = h['return-path'];
  if (returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath)) {
    // An empty envelope sender alone also marks auto-replies (RFC 3834 §3.3); it is a bounce only with more evidence.
    if (found.has('bounce') || BOUNCE_SUBJECT.test(subject)) add('bounce', 'header:return-path=<>');
    else add('auto_reply', 'header:return-path=<>');
  }
  if (
    BOUNCE_SUBJECT.test(subject) &&
    (found.has('bounce') || postmaster || /^(?:mailer|mail|daemon|bounce)/i.test(fromAddress))
  ) {
    add('bounce', 'subject:bounce');
  }
  if (postmaster && found.has('bounce')) add('bounce', 'from:postmaster');
  else if (postmaster && /^re:/i.test(subject.trim())) add('bounce', 'from:postmaster');
  // A postmaster returning the original message is a bounce whatever language its subject is in (InterScan MSS).
  else if (postmaster && enclosesMessage) add('bounce', 'from:postmaster+returned-message');
  if (COMPLAINT_SUBJECT.test(subject) && enclosesMessage) add('bounce', 'subject:complaint+enclosed-message');

  for (const reason of loopReasons(h, input.ownDomains ?? [])) add('loop', reason);

  const autoSubmitted = h['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted))
    add('auto_reply', `header:auto-submitted=${autoSubmitted.split(/[;\s]/)[0]}`);
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-response-suppress']) {
    if (h[name] !== undefined) add('auto_reply', `header:${name}`);
  }
  const precedence = h['precedence']?.trim().toLowerCase();
  if (precedence === 'auto_reply' || precedence === 'junk') add('auto_reply', `header:precedence=${precedence}`);
  if (h['x-ms-exchange-generated-message-source'] !== undefined)
    add('auto_reply', 'header:x-ms-exchange-generated-message-source');
  if (AUTO_REPLY_SUBJECT.test(subject)) add('auto_reply', 'subject:auto-reply');
  if (NO_REPLY_SENDER.test(fromAddress)) add('auto_reply', 'from:no-reply');
  const challengeHeader = Object.keys(h).find((name) => CHALLENGE_HEADER.test(name));
  if (challengeHeader) add('auto_reply', `header:${challengeHeader}`);
  else if (input.text && CHALLENGE_BODY.test(input.text.slice(0, 4000))) add('auto_reply', 'body:challenge-response');

  for (const name of LIST_HEADERS) if (h[name] !== undefined) add('list', `header:${name}`);
  if (/^<?(?:bounces?|bounce-|mailer-bounces?)[-+._]/i.test(h['return-path']?.trim() ?? ''))
    add('list', 'header:return-path=bounces');
  if (precedence === 'bulk' || precedence === 'list') add('list', `header:precedence=${precedence}`);
  if (h['feedback-id'] !== undefined) add('list', 'header:feedback-id');

  const order: AutomatedKind[] = ['bounce', 'loop', 'auto_reply', 'list'];
  const kind = order.find((k) => found.has(k)) ?? null;
  const reasons = order.flatMap((k) => found.get(k) ?? []);
  return { automated: kind !== null, kind, reasons };
}

function loopReasons(h: Record<string, string>, ownDomains: string[]): string[] {
  const reasons: string[] = [];
  const domains = ownDomains.map((d) => d.trim().toLowerCase()).filter(Boolean);
  const messageIdDomain = /@([^>\s]+)>?\s*$/.exec(h['message-id'] ?? '')?.[1]?.toLowerCase();
  if (messageIdDomain && domains.some((d) => messageIdDomain === d || messageIdDomain.endsWith(`.${d}`))) {
    reasons.push(`header:message-id=${messageIdDomain}`);
  }
  const xLoop = h['x-loop']?.toLowerCase();
  if (xLoop !== undefined && (xLoop.includes('draftdesk') || domains.some((d) => xLoop.includes(d)))) {
    reasons.push('header:x-loop');
  }
  if (h['x-draftdesk-conversation'] !== undefined || h['x-draftdesk'] !== undefined) reasons.push('header:x-draftdesk');
  return reasons;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const k = key.toLowerCase();
    if (out[k] === undefined) out[k] = String(value);
  }
  return out;
}

function bareAddress(from: string): string {
  const angle = /<([^>]*)>/.exec(from);
  return (angle ? angle[1] : from).trim().toLowerCase();
}
