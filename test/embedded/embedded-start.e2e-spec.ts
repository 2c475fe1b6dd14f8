import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedSuite, startEmbedded } from '../support/embedded';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * `npm start` as a newcomer sees it, from a folder of their own: a readable banner (no JSON on the terminal), an admin
 * password that survives a restart, and a demo chat channel whose printed curl line really gets a draft written.
 */
describe('embedded start: the banner, the kept admin password and the demo chat channel', () => {
  const home = mkdtempSync(join(tmpdir(), 'draftdesk-start-'));
  const dataDir = join(home, 'data');
  let ports: { http: number; smtp: number; pg: number };
  let suite: EmbeddedSuite | null = null;

  const base = () => `http://127.0.0.1:${ports.http}`;
  const auth = () => ({ authorization: `Bearer ${readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim()}` });
  const bannerLine = (label: string) => new RegExp(`^  ${label} +(.+)$`, 'm').exec(suite!.output())?.[1] ?? '';
  const start = async (env: Record<string, string> = {}) => {
    // No DRAFTDESK_DATA_DIR: the default ./data of the folder it is started from, as after a fresh clone.
    suite = await startEmbedded(
      { SMTP_INBOUND_PORT: String(ports.smtp), EMBEDDED_PG_PORT: String(ports.pg), ...env },
      { port: ports.http, cwd: home, timeoutMs: 90_000 },
    );
  };
  const signIn = (password: string) =>
    fetch(`${base()}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@shop.test', password }),
    });

  beforeAll(async () => {
    ports = { http: await freePort(), smtp: await freePort(), pg: await freePort() };
  });

  afterAll(async () => {
    await suite?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows the banner and no JSON on the terminal; the JSON lines are in data/logs/draftdesk.log', async () => {
    await start();
    const output = suite!.output();
    expect(output).toContain('draftdesk is up in');
    expect(bannerLine('agent UI')).toBe(`${base()}/`);
    expect(bannerLine('inbound mail')).toContain(`smtp://127.0.0.1:${ports.smtp}`);
    expect(output).not.toMatch(/^\{"level"/m);
    const logged = readFileSync(join(dataDir, 'logs', 'draftdesk.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(logged.map((l) => l.msg)).toContain('draftdesk is up');
  });

  it('signs the admin in with the password the banner shows, kept in data/admin-password (0600)', async () => {
    const password = /^admin@shop\.test \/ (\S+) +\(kept in data\/admin-password/.exec(bannerLine('sign in'))![1];
    expect(readFileSync(join(dataDir, 'admin-password'), 'utf8').trim()).toBe(password);
    expect(statSync(join(dataDir, 'admin-password')).mode & 0o777).toBe(0o600);
    expect((await signIn(password)).status).toBe(200);
    expect((await signIn(`${password}x`)).status).toBe(401);
  });

  it('takes the chat message of the printed curl line and drafts a reply whose approval comes back to data/chat-replies', async () => {
    const curl = bannerLine('try chat');
    expect(curl).not.toContain('\n');
    const answer = execFileSync('bash', ['-c', curl], { cwd: home, encoding: 'utf8' });
    expect(answer).toMatch(/"status":"accepted".* 202$/m);

    const draft = await expectEventually(async () => {
      const res = await fetch(`${base()}/v1/drafts?status=pending`, { headers: auth() });
      const { items } = (await res.json()) as {
        items: { draftId: string; channel: string; intent: string; body: string; reasons: string[] }[];
      };
      expect(items).toHaveLength(1);
      return items[0];
    });
    expect(draft).toMatchObject({ channel: 'chat', intent: 'track_order' });
    expect(draft.body).toContain('3SABCD1234567');
    // The sample orders are dated relative to today: the parcel is on its way, not a year overdue.
    expect(draft.reasons).not.toContain('delivery_overdue');

    const approved = await fetch(`${base()}/v1/drafts/${draft.draftId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{}',
    });
    expect(approved.status).toBe(200);
    const kept = join(dataDir, 'chat-replies', `${draft.draftId}.json`);
    await expectEventually(() => expect(existsSync(kept)).toBe(true));
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toMatchObject({
      type: 'message.reply',
      channelId: 'demo',
      draftId: draft.draftId,
      text: expect.stringContaining('3SABCD1234567'),
    });
  }, 60_000);

  it('keeps the password and the chat secret across a restart; with LOG_FORMAT=json the JSON lines go to stdout', async () => {
    const password = readFileSync(join(dataDir, 'admin-password'), 'utf8').trim();
    const secret = bannerLine('chat secret');
    await suite!.stop();
    await start({ LOG_FORMAT: 'json' });
    expect(bannerLine('sign in')).toContain(`admin@shop.test / ${password} `);
    expect(bannerLine('chat secret')).toBe(secret);
    expect((await signIn(password)).status).toBe(200);
    expect(suite!.output()).toMatch(/^\{"level":30,.*"msg":"draftdesk is up"/m);
  });

  it('lets REVIEW_ADMIN_PASSWORD win over the kept password', async () => {
    const kept = readFileSync(join(dataDir, 'admin-password'), 'utf8').trim();
    await suite!.stop();
    await start({ REVIEW_ADMIN_PASSWORD: 'chosen-admin-password' });
    expect(suite!.output()).not.toContain('chosen-admin-password');
    expect((await signIn('chosen-admin-password')).status).toBe(200);
    expect((await signIn(kept)).status).toBe(401);
  });
});
