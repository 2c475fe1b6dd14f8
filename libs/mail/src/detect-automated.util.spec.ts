import { detectAutomated } from './detect-automated.util';
import type { AutomatedKind } from './mail.types';

const human = {
  headers: { from: 'Jan <jan@example.nl>' },
  from: 'jan@example.nl',
  subject: 'Waar blijft mijn bestelling?',
};

describe('detectAutomated', () => {
  it.each<[string, Partial<Parameters<typeof detectAutomated>[0]>, AutomatedKind, string]>([
    [
      'auto-submitted',
      { headers: { 'auto-submitted': 'auto-replied' } },
      'auto_reply',
      'header:auto-submitted=auto-replied',
    ],
    [
      'auto-submitted generated',
      { headers: { 'Auto-Submitted': 'auto-generated' } },
      'auto_reply',
      'header:auto-submitted=auto-generated',
    ],
    ['x-autoreply', { headers: { 'x-autoreply': 'yes' } }, 'auto_reply', 'header:x-autoreply'],
    ['x-autorespond', { headers: { 'x-autorespond': 'x' } }, 'auto_reply', 'header:x-autorespond'],
    [
      'x-auto-response-suppress',
      { headers: { 'x-auto-response-suppress': 'All' } },
      'auto_reply',
      'header:x-auto-response-suppress',
    ],
    ['precedence auto_reply', { headers: { precedence: 'auto_reply' } }, 'auto_reply', 'header:precedence=auto_reply'],
    ['precedence junk', { headers: { precedence: 'junk' } }, 'auto_reply', 'header:precedence=junk'],
    ['subject en', { subject: 'Out of Office: Re: order' }, 'auto_reply', 'subject:auto-reply'],
    ['subject en 2', { subject: 'Automatic reply: question' }, 'auto_reply', 'subject:auto-reply'],
    ['subject nl', { subject: 'Afwezig: vraag' }, 'auto_reply', 'subject:auto-reply'],
    ['subject nl 2', { subject: 'Automatisch antwoord: vraag' }, 'auto_reply', 'subject:auto-reply'],
    ['subject de', { subject: 'Abwesenheitsnotiz: Frage' }, 'auto_reply', 'subject:auto-reply'],
    ['subject de 2', { subject: 'Automatische Antwort: Frage' }, 'auto_reply', 'subject:auto-reply'],
    ['subject fr', { subject: 'Réponse automatique : question' }, 'auto_reply', 'subject:auto-reply'],
    ['subject fr 2', { subject: 'Absence du bureau' }, 'auto_reply', 'subject:auto-reply'],
    [
      'dsn report',
      { contentType: 'multipart/report; report-type=delivery-status; boundary="x"' },
      'bounce',
      'report:delivery-status',
    ],
    ['x-failed-recipients', { headers: { 'x-failed-recipients': 'a@b.c' } }, 'bounce', 'header:x-failed-recipients'],
    ['mailer-daemon', { from: 'MAILER-DAEMON@mx.example.com' }, 'bounce', 'from:mailer-daemon'],
    [
      'postmaster with bounce subject',
      { from: 'postmaster@example.com', subject: 'Undeliverable: order' },
      'bounce',
      'from:postmaster',
    ],
    [
      'mailer-daemon display name, empty address',
      { from: null, headers: { from: 'MAILER-DAEMON <>' } },
      'bounce',
      'from:mailer-daemon',
    ],
    ['empty from address', { from: null, headers: { from: '<>' } }, 'bounce', 'from:<>'],
    ['no-reply sender', { from: 'no-reply@notifications.example.com' }, 'auto_reply', 'from:no-reply'],
    ['list-subscribe', { headers: { 'list-subscribe': '<mailto:x@y>' } }, 'list', 'header:list-subscribe'],
    [
      'bulk return path',
      { headers: { 'return-path': '<bounces-main+x=y@list.example>' } },
      'list',
      'header:return-path=bounces',
    ],
    ['subject lv', { subject: 'Ārpus biroja automātiskā atbilde: jautājums' }, 'auto_reply', 'subject:auto-reply'],
    [
      'return-path <> with bounce subject',
      { headers: { 'return-path': '<>' }, subject: 'Undelivered Mail Returned to Sender' },
      'bounce',
      'header:return-path=<>',
    ],
    ['return-path <> alone', { headers: { 'return-path': '<>' } }, 'auto_reply', 'header:return-path=<>'],
    ['list-id', { headers: { 'list-id': '<news.shop.test>' } }, 'list', 'header:list-id'],
    ['list-unsubscribe', { headers: { 'list-unsubscribe': '<mailto:u@x>' } }, 'list', 'header:list-unsubscribe'],
    ['precedence bulk', { headers: { precedence: 'bulk' } }, 'list', 'header:precedence=bulk'],
    [
      'own message-id',
      { headers: { 'message-id': '<123.abc@mail.shop.test>' }, ownDomains: ['shop.test'] },
      'loop',
      'header:message-id=mail.shop.test',
    ],
    ['x-loop draftdesk', { headers: { 'x-loop': 'draftdesk' } }, 'loop', 'header:x-loop'],
    [
      'x-loop own domain',
      { headers: { 'x-loop': 'support@shop.test' }, ownDomains: ['shop.test'] },
      'loop',
      'header:x-loop',
    ],
    [
      'ARF feedback report',
      { contentType: 'multipart/report; report-type=feedback-report; boundary="b"' },
      'bounce',
      'report:feedback-report',
    ],
    [
      'JMRP complaint enclosing the message',
      { subject: 'complaint about message from 192.0.2.1', attachmentTypes: ['message/rfc822'] },
      'bounce',
      'subject:complaint+enclosed-message',
    ],
    [
      'postmaster returning the message (any language)',
      { from: 'postmaster@example.jp', subject: 'Nachricht', attachmentTypes: ['message/rfc822'] },
      'bounce',
      'from:postmaster+returned-message',
    ],
    [
      'Japanese bounce subject',
      { from: 'postmaster@example.jp', subject: 'メッセージを配信できません。' },
      'bounce',
      'subject:bounce',
    ],
    [
      'challenge-response header',
      { headers: { 'x-bluebottle-request': '<1>' } },
      'auto_reply',
      'header:x-bluebottle-request',
    ],
    [
      'challenge-response body',
      { text: 'Please click the link to have your address added to the allowed list of the recipient.' },
      'auto_reply',
      'body:challenge-response',
    ],
  ])('%s', (_name, patch, kind, reason) => {
    const verdict = detectAutomated({ ...human, ...patch, headers: { ...human.headers, ...patch.headers } });
    expect(verdict.automated).toBe(true);
    expect(verdict.kind).toBe(kind);
    expect(verdict.reasons).toContain(reason);
  });

  it.each<[string, Partial<Parameters<typeof detectAutomated>[0]>]>([
    ['plain human mail', {}],
    ['auto-submitted no', { headers: { 'auto-submitted': 'no' } }],
    ['foreign message-id', { headers: { 'message-id': '<1@gmail.com>' }, ownDomains: ['shop.test'] }],
    ['x-loop of someone else', { headers: { 'x-loop': 'helpdesk@other.test' }, ownDomains: ['shop.test'] }],
    ['subject mentioning absence of item', { subject: 'Re: item absent from my parcel' }],
    ['subject about the office', { subject: 'Delivery to my office address' }],
    ['postmaster writing as a person', { from: 'postmaster@example.com', subject: 'Question about my order' }],
    ['customer complaining about an undelivered parcel', { subject: 'My parcel was not delivered' }],
    ['customer forwarding an order confirmation', { subject: 'Fwd: your order', attachmentTypes: ['message/rfc822'] }],
    ['customer asking to be whitelisted in words', { text: 'Can you put my address on your list of loyal customers?' }],
  ])('human: %s', (_name, patch) => {
    const verdict = detectAutomated({ ...human, ...patch, headers: { ...human.headers, ...patch.headers } });
    expect(verdict).toEqual({ automated: false, kind: null, reasons: [] });
  });

  it('prefers bounce over auto-reply when both apply', () => {
    const verdict = detectAutomated({
      ...human,
      headers: { 'auto-submitted': 'auto-replied' },
      from: 'mailer-daemon@x.test',
    });
    expect(verdict.kind).toBe('bounce');
    expect(verdict.reasons).toEqual(
      expect.arrayContaining(['from:mailer-daemon', 'header:auto-submitted=auto-replied']),
    );
  });
});
