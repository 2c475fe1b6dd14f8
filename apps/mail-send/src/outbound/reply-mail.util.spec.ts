import { ReplyApprovedPayload } from '@draftdesk/contracts';
import { buildReplyMail, isPermanentSmtpError, sendFailureReason } from './reply-mail.util';

const reply: ReplyApprovedPayload = {
  draftId: '2b8f1f8e-4c1a-4a57-9f5e-0c3a1d6e7b10',
  channel: 'email',
  to: { address: 'sanne@example.test', name: 'Sanne de Vries' },
  mailbox: 'support@shop.test',
  subject: 'Re: Waar is mijn bestelling?',
  body: 'Hoi Sanne,\n\nJe pakket is onderweg.\n\nGroetjes',
  reply: {
    messageId: 'd1@replies.shop.test',
    inReplyTo: 'q1@example.test',
    references: ['q0@example.test', 'q1@example.test'],
  },
  chat: null,
  approvedBy: 'agent@shop.test',
  autoSent: false,
  quotedText: 'Waar is mijn bestelling?\nGroeten',
};

describe('buildReplyMail', () => {
  it('threads the reply under the customer message with our fixed Message-ID', () => {
    const mail = buildReplyMail(reply, 'Shop <support@shop.test>');
    expect(mail.messageId).toBe('<d1@replies.shop.test>');
    expect(mail.inReplyTo).toBe('<q1@example.test>');
    expect(mail.references).toBe('<q0@example.test> <q1@example.test>');
  });

  it('quotes the customer text below the reply in text and HTML', () => {
    const mail = buildReplyMail(reply, 'Shop <support@shop.test>');
    expect(mail.text).toContain('> Waar is mijn bestelling?\n> Groeten');
    expect(String(mail.html)).toContain(
      '<blockquote type="cite"><p>Waar is mijn bestelling?<br>Groeten</p></blockquote>',
    );
  });

  it.each([
    [true, 'auto-replied'],
    [false, undefined],
  ])('marks replies sent without a person as automatic (autoSent=%s)', (autoSent, header) => {
    const mail = buildReplyMail({ ...reply, autoSent }, 'x@shop.test');
    expect((mail.headers as Record<string, string>)['Auto-Submitted']).toBe(header);
  });

  it('escapes HTML in the body', () => {
    const mail = buildReplyMail({ ...reply, body: '<script>x</script> & co', quotedText: null }, 'x@shop.test');
    expect(mail.html).toBe('<p>&lt;script&gt;x&lt;/script&gt; &amp; co</p>');
  });
});

describe('isPermanentSmtpError', () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 421 }, false],
    [{ code: 'ECONNREFUSED' }, false],
  ])('%j → %s', (error, permanent) => expect(isPermanentSmtpError(error)).toBe(permanent));
});

describe('sendFailureReason', () => {
  it.each([
    [
      'a 550 at RCPT TO, with the server text',
      {
        responseCode: 550,
        response: '550 5.1.1 <gone@example.test> User unknown',
        message: "Can't send mail - all recipients were rejected",
      },
      'smtp_550: 5.1.1 <gone@example.test> User unknown',
    ],
    [
      'a multi-line 554',
      { responseCode: 554, response: '554-5.7.1 Rejected by policy' },
      'smtp_554: 5.7.1 Rejected by policy',
    ],
    [
      'an answer without text keeps the message',
      { responseCode: 552, message: 'Message size exceeds limit' },
      'smtp_552: Message size exceeds limit',
    ],
    ['no SMTP answer at all', new Error('connect ECONNREFUSED 127.0.0.1:2587'), 'connect ECONNREFUSED 127.0.0.1:2587'],
  ])('%s', (_name, error, reason) => expect(sendFailureReason(error)).toBe(reason));
});
