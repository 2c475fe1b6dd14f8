import { ReplyApprovedPayload } from '@draftdesk/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { overCap } from './auto-reply-cap.util';
import { createComposer } from './mail-sender.service';
import { mailSendConfigRules, mailSendConfigShape, mailSendExtras } from './mail-send.options';
import { buildReplyMail, senderAddresses } from './reply-mail.util';
import { z } from 'zod';
import { loadConfig } from '@draftdesk/config';

const reply: ReplyApprovedPayload = {
  draftId: '2b8f1f8e-4c1a-4a57-9f5e-0c3a1d6e7b10',
  channel: 'email',
  to: { address: 'sanne@example.test', name: 'Sanne de Vries' },
  mailbox: 'support@shop.test',
  conversationToken: 'tok123',
  subject: 'Re: Waar is mijn bestelling?',
  body: 'Hoi Sanne,\n\nJe pakket is onderweg.',
  reply: { messageId: 'd1@replies.shop.test', inReplyTo: 'q1@example.test', references: ['q1@example.test'] },
  chat: null,
  approvedBy: 'policy',
  autoSent: true,
  quotedText: null,
};

describe('senderAddresses', () => {
  it.each<
    [
      string,
      string | undefined,
      { fromAddress: string | null; replyTo: string | null } | null,
      { from: string; replyTo: string | null },
    ]
  >([
    [
      'MAIL_FROM, token in its address',
      'tok123',
      null,
      { from: 'Shop <support@shop.test>', replyTo: 'Shop <support+tok123@shop.test>' },
    ],
    ['MAIL_FROM, no token', undefined, null, { from: 'Shop <support@shop.test>', replyTo: null }],
    [
      'mailbox From, no Reply-To',
      'tok123',
      { fromAddress: 'Fietsen <klant@fiets.test>', replyTo: null },
      { from: 'Fietsen <klant@fiets.test>', replyTo: 'Fietsen <klant+tok123@fiets.test>' },
    ],
    [
      'mailbox Reply-To gets the token',
      'tok123',
      { fromAddress: 'noreply@fiets.test', replyTo: 'help@fiets.test' },
      { from: 'noreply@fiets.test', replyTo: 'help+tok123@fiets.test' },
    ],
    [
      'mailbox Reply-To without token',
      undefined,
      { fromAddress: null, replyTo: 'help@fiets.test' },
      { from: 'Shop <support@shop.test>', replyTo: 'help@fiets.test' },
    ],
    ['unusable token left out', 'bad token!', null, { from: 'Shop <support@shop.test>', replyTo: null }],
  ])('%s', (_name, conversationToken, mailbox, expected) => {
    expect(senderAddresses({ conversationToken }, mailbox, 'Shop <support@shop.test>')).toEqual(expected);
  });

  it('puts Reply-To on the rendered message', async () => {
    const { from, replyTo } = senderAddresses(reply, null, 'Shop <support@shop.test>');
    const info = await createComposer({ dkim: null }).sendMail(buildReplyMail(reply, from, replyTo));
    expect(info.message.toString()).toMatch(/^Reply-To: Shop <support\+tok123@shop\.test>$/m);
  });
});

describe('DKIM signing (nodemailer streamTransport)', () => {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

  it.each([
    [{ domainName: 'shop.test', keySelector: 'dd2025', privateKey }, true],
    [null, false],
  ])('dkim=%s → signed=%s', async (dkim, signed) => {
    const info = await createComposer({ dkim }).sendMail(buildReplyMail(reply, 'support@shop.test'));
    const headers = info.message.toString().split(/\r?\n\r?\n/)[0];
    expect(/^DKIM-Signature: /m.test(headers)).toBe(signed);
    if (signed) expect(headers).toMatch(/d=shop\.test;[\s\S]*s=dd2025;/);
  });
});

describe('overCap', () => {
  it.each([
    [{ conversation: 0, recipient: 0 }, null],
    [{ conversation: 2, recipient: 2 }, null],
    [{ conversation: 3, recipient: 0 }, 'conversation'],
    [{ conversation: 1, recipient: 3 }, 'recipient'],
  ])('%j of 3 → %s', (counts, expected) => expect(overCap(counts, { max: 3, windowHours: 24 })).toBe(expected));
});

describe('mailSendExtras', () => {
  const base = { AUTO_REPLY_CAP: '5', AUTO_REPLY_WINDOW_HOURS: '12' };
  const parse = (env: Record<string, string>) =>
    mailSendExtras(loadConfig(z.object(mailSendConfigShape).superRefine(mailSendConfigRules), { ...base, ...env }));

  it('reads the cap and leaves DKIM and the Sent copy off by default', () => {
    expect(parse({})).toEqual({ autoReplyCap: { max: 5, windowHours: 12 }, dkim: null, sentCopy: null });
  });

  it.each([
    [{ DKIM_DOMAIN: 'shop.test' }, /DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY/],
    [{ SENT_FOLDER: 'Sent' }, /SENT_FOLDER needs IMAP_HOST/],
  ])('refuses %j', (env, message) => expect(() => parse(env)).toThrow(message));

  it('unescapes \\n in a one-line DKIM key', () => {
    const extras = parse({
      DKIM_DOMAIN: 'shop.test',
      DKIM_SELECTOR: 's1',
      DKIM_PRIVATE_KEY: '-----BEGIN-----\\nabc\\n-----END-----',
    });
    expect(extras.dkim?.privateKey).toBe('-----BEGIN-----\nabc\n-----END-----');
  });
});
