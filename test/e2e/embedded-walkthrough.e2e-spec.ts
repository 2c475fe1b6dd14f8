import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { randomBytes } from 'node:crypto';
import { EmbeddedSuite, startEmbedded } from '../support/embedded';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { freePort } from '../support/services';

/** The README's walkthrough, verbatim in spirit: start the embedded suite, mail it, approve the draft. */
describe('embedded mode (PGlite + in-process transport): the README walkthrough', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-embedded-'));
  let ports: { http: number; smtp: number; pg: number };
  let running: EmbeddedSuite | null = null;

  const auth = () => ({ authorization: `Bearer ${readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim()}` });

  const start = () =>
    startEmbedded(
      {
        DRAFTDESK_DATA_DIR: dataDir,
        SMTP_INBOUND_PORT: String(ports.smtp),
        EMBEDDED_PG_PORT: String(ports.pg),
        LOG_LEVEL: 'warn',
      },
      { port: ports.http },
    );

  async function stop() {
    await running?.stop();
    running = null;
  }

  beforeAll(async () => {
    ports = { http: await freePort(), smtp: await freePort(), pg: await freePort() };
  });

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, drafts a Dutch reply with the order facts, and sends it on approval', async () => {
    running = await start();
    // Start-up time is reported, not asserted: a loaded CI machine must not turn it into a flaky failure.
    process.stdout.write(`embedded mode ready in ${running.startedInMs} ms\n`);
    expect(running.output()).toContain('draftdesk is up');

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: ports.smtp,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'Sanne de Vries <customer@example.test>',
      to: 'support@shop.test',
      subject: 'Waar blijft mijn bestelling?',
      text: 'Hallo, ik heb bestelling 100234 besteld maar nog niets ontvangen. Kunnen jullie kijken waar hij is?\n\nGroeten, Sanne',
      messageId: '<walkthrough-1@example.test>',
    });
    transport.close();

    const draft = await expectEventually(async () => {
      const res = await fetch(`http://127.0.0.1:${ports.http}/v1/drafts?status=pending`, { headers: auth() });
      const { items } = (await res.json()) as {
        items: { draftId: string; body: string; language: string; intent: string }[];
      };
      expect(items).toHaveLength(1);
      return items[0];
    });
    expect(draft.language).toBe('nl');
    expect(draft.intent).toBe('track_order');
    expect(draft.body).toContain('3SABCD1234567'); // the sample shop's PostNL tracking number for order 100234

    const approved = await fetch(`http://127.0.0.1:${ports.http}/v1/drafts/${draft.draftId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{}',
    });
    expect(approved.status).toBe(200);

    const sentFile = join(dataDir, 'sent', `${draft.draftId}.eml`);
    await expectEventually(() => expect(existsSync(sentFile)).toBe(true));
    const sent = readFileSync(sentFile, 'utf8');
    expect(sent).toMatch(/^In-Reply-To: <walkthrough-1@example\.test>/m);
    expect(sent).toMatch(/^To: .*customer@example\.test/m);
    expect(readdirSync(join(dataDir, 'sent'))).toHaveLength(1);

    // Step 4: the conversation, read with the same review token; without it the customer's data stays closed.
    const conversations = await fetch(`http://127.0.0.1:${ports.http}/v1/conversations`, { headers: auth() });
    expect(conversations.status).toBe(200);
    const [conversation] = (await conversations.json()) as { id: string; customerAddress: string }[];
    expect(conversation.customerAddress).toBe('customer@example.test');
    const thread = await fetch(`http://127.0.0.1:${ports.http}/v1/conversations/${conversation.id}`, {
      headers: auth(),
    });
    expect(((await thread.json()) as { messages: unknown[] }).messages).toHaveLength(2);
    expect((await fetch(`http://127.0.0.1:${ports.http}/v1/conversations`)).status).toBe(401);

    expect((await fetch(`http://127.0.0.1:${ports.http}/health/live`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${ports.http}/metrics`)).text();
    expect(metrics).toMatch(
      /^draftdesk_events_consumed_total\{consumer="conversations",topic="support.inbound.v1",outcome="applied"\} 1$/m,
    );
    expect(metrics).toMatch(/^# TYPE draftdesk_outbox_relay_lag_seconds histogram$/m);
  });

  it('keeps its data across a restart', async () => {
    await stop();
    running = await start();
    const res = await fetch(`http://127.0.0.1:${ports.http}/v1/drafts?status=approved`, { headers: auth() });
    const { items } = (await res.json()) as { items: unknown[] };
    expect(items).toHaveLength(1);
  });

  it('watches a mailbox added through its mailbox API (real Dovecot) and drafts the mail appended to it', async () => {
    running ??= await start();
    const adminToken = readFileSync(join(dataDir, 'mail-admin-token'), 'utf8').trim();
    const address = uniqueAddress('embedded', 'shop.test');
    const created = await fetch(`http://127.0.0.1:${ports.http}/v1/mailboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        name: address,
        host: engines.imapHost,
        port: engines.imapPort,
        tls: 'plain',
        auth: { kind: 'password', user: address, password: engines.catchAllPassword },
      }),
    });
    expect(created.status).toBe(201);
    // Sealed with the key kept in the data directory; the API never hands the password back.
    expect(((await created.json()) as { auth: { password: string } }).auth.password).toBe('(set)');
    expect(existsSync(join(dataDir, 'mailbox-secrets.key'))).toBe(true);

    const messageId = `imap-${randomBytes(4).toString('hex')}@example.test`;
    const raw = [
      'From: Emma Jones <emma@example.test>',
      `To: ${address}`,
      'Subject: Where is my order?',
      `Message-ID: <${messageId}>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, I ordered 100234 last week and it still has not arrived. Could you check where it is?',
      '',
      'Thanks, Emma',
      '',
    ].join('\r\n');
    const client = new ImapFlow({
      host: engines.imapHost,
      port: engines.imapPort,
      secure: false,
      auth: { user: address, pass: engines.catchAllPassword },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', raw);
    await client.logout();

    const draft = await expectEventually(
      async () => {
        const res = await fetch(`http://127.0.0.1:${ports.http}/v1/drafts?status=pending`, { headers: auth() });
        const { items } = (await res.json()) as { items: { language: string; intent: string; body: string }[] };
        expect(items).toHaveLength(1);
        return items[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(draft).toMatchObject({ language: 'en', intent: 'track_order' });
    expect(draft.body).toContain('Emma');
  }, 60_000);

  it('replaces the pending draft when the customer writes again before it is approved', async () => {
    running ??= await start();
    const base = `http://127.0.0.1:${ports.http}`;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: ports.smtp,
      secure: false,
      ignoreTLS: true,
    });
    const send = (text: string, messageId: string, inReplyTo?: string) =>
      transport.sendMail({
        from: 'Daan Bakker <daan@example.test>',
        to: 'support@shop.test',
        subject: 'Bestelling 100234',
        text,
        messageId,
        ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
      });
    type Item = { draftId: string; conversationId: string; customerText: string; status: string };
    const pendingOf = async (customerText: string) => {
      const { items } = (await (await fetch(`${base}/v1/drafts?status=pending`, { headers: auth() })).json()) as {
        items: Item[];
      };
      const mine = items.filter((i) => i.customerText.includes(customerText));
      expect(mine).toHaveLength(1);
      return mine[0];
    };

    await send('Hoi, waar is bestelling 100234?', '<followup-1@example.test>');
    const first = await expectEventually(() => pendingOf('waar is bestelling 100234'), { timeoutMs: 30_000 });
    await send(
      'Ik ben er vanaf maandag niet, kan hij naar de buren?',
      '<followup-2@example.test>',
      '<followup-1@example.test>',
    );
    const second = await expectEventually(() => pendingOf('naar de buren'), { timeoutMs: 30_000 });
    transport.close();
    expect(second.conversationId).toBe(first.conversationId);

    const approve = await fetch(`${base}/v1/drafts/${first.draftId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{}',
    });
    expect(approve.status).toBe(409);
    expect(await approve.json()).toMatchObject({ code: 'DRAFT_SUPERSEDED', supersededBy: { draftId: second.draftId } });
    const thread = (await (
      await fetch(`${base}/v1/conversations/${first.conversationId}`, { headers: auth() })
    ).json()) as { drafts: { draftId: string; status: string }[] };
    expect(thread.drafts.map((d) => [d.draftId, d.status])).toEqual([
      [first.draftId, 'superseded'],
      [second.draftId, 'pending'],
    ]);
  }, 90_000);
});
