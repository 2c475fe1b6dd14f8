import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { loadConfig } from '@draftdesk/config';
import { checkShopFolder } from '@draftdesk/shop';
import nodemailer from 'nodemailer';
import type { InitAnswers } from '../../apps/cli/src/init/init-answers.util';
import { shopFiles, writeShopFiles } from '../../apps/cli/src/init/shop-files.util';
import { dataDirSecrets } from '../../apps/embedded/src/embedded-secrets.util';
import { embeddedConfigSchema, embeddedOptionsFromConfig } from '../../apps/embedded/src/embedded.options';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { repoRoot } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

const draftdesk = join(repoRoot, 'bin', 'draftdesk.js');

/** The command as a script or CI job runs it: no terminal, so nothing is asked. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [draftdesk, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * From nothing to a draft for the new shop: `draftdesk init` without questions, `draftdesk shop check`, then the
 * embedded suite started on the folder with the .env init wrote, and a customer's mail about one of its orders.
 */
describe('draftdesk init, then start on the new shop', () => {
  const root = mkdtempSync(join(tmpdir(), 'draftdesk-init-'));
  const shopDir = join(root, 'velo-verde');
  let running: RunningEmbedded | null = null;

  afterAll(async () => {
    await running?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses to guess a required value, naming the flag', () => {
    const run = cli('init', join(root, 'nameless'), '--support-address', 'help@veloverde.test');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--name: missing');
  });

  it('writes a shop folder that shop check accepts, and says what to run next', () => {
    const init = cli(
      'init',
      shopDir,
      '--yes',
      '--name',
      'Velo Verde',
      '--languages',
      'en,nl',
      '--tone',
      'formal',
      '--support-address',
      'help@veloverde.test',
      '--orders',
      'file',
      '--mailbox',
      'smtp',
    );
    expect([init.code, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toContain(`npx draftdesk start --env ${join(shopDir, '.env')}`);

    const check = cli('shop', 'check', shopDir);
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('shop "Velo Verde" (velo-verde) is valid')]);
    expect(check.stdout).toMatch(/orders\s+2\n\s+KB articles\s+en 2, nl 2/);

    // A second init into the same folder would overwrite the shop: refused without --force.
    const again = cli('init', shopDir, '--yes', '--name', 'Other', '--support-address', 'other@example.com');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('drafts a reply to a customer of the new shop from its own order data', async () => {
    const order = JSON.parse(readFileSync(join(shopDir, 'orders.json'), 'utf8'))[0];
    expect(order).toMatchObject({ orderNumber: '10001', status: 'shipped', customerEmail: 'jamie@example.com' });
    // The environment wins over the .env: the helper's free ports and data directory, the shop from the .env.
    const smtp = await freePort();
    running = await startEmbeddedSandbox(
      { SMTP_INBOUND_PORT: String(smtp) },
      { args: ['--env', join(shopDir, '.env')] },
    );

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: `Jamie Example <${order.customerEmail}>`,
      to: 'help@veloverde.test',
      subject: 'Where is my order?',
      text: `Hello, I ordered ${order.orderNumber} two days ago and it has not arrived yet. Could you tell me where it is?\n\nThanks, Jamie`,
    });
    transport.close();

    const draft = await expectEventually(
      async () => {
        const res = await fetch(`${running!.url}/v1/drafts?status=pending`, { headers: running!.reviewAuth() });
        const { items } = (await res.json()) as { items: { language: string; intent: string; body: string }[] };
        expect(items).toHaveLength(1);
        return items[0];
      },
      { timeoutMs: 60_000 },
    );
    expect(draft).toMatchObject({ language: 'en', intent: 'track_order' });
    expect(draft.body).toContain(order.trackingNumber);
    expect(draft.body).toContain('Velo Verde');
    expect(draft.body).not.toContain('Hollandia'); // nothing of the sample shop
  }, 200_000);
});

describe('the shop folder and .env init writes for the other order sources and mailboxes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'draftdesk-init-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base: Omit<InitAnswers, 'orders' | 'mailbox'> = {
    name: 'Velo Verde',
    languages: ['en'],
    tone: 'formal',
    supportAddress: 'help@veloverde.test',
    website: 'https://veloverde.test',
  };

  it.each<[string, Pick<InitAnswers, 'orders' | 'mailbox'>]>([
    [
      'REST orders and an IMAP mailbox',
      {
        orders: { kind: 'rest', url: 'https://erp.example/orders/{orderNumber}', token: 't0k' },
        mailbox: {
          kind: 'imap',
          host: 'imap.example.com',
          port: 993,
          user: 'help@veloverde.test',
          password: `it's "quoted"`,
        },
      },
    ],
    [
      'Shopify orders and SMTP forwarding',
      {
        orders: { kind: 'shopify', storeUrl: 'https://velo.myshopify.com', token: 'shpat_1' },
        mailbox: { kind: 'smtp' },
      },
    ],
  ])('passes shop check and is accepted by the embedded start with %s', (_case, choice) => {
    writeShopFiles(dir, shopFiles({ ...base, ...choice }, dir));
    expect(checkShopFolder(dir).findings).toEqual([]);
    const env = readFileSync(join(dir, '.env'), 'utf8');
    const settings = { ...(parseEnv(env) as Record<string, string>), REVIEW_ADMIN_PASSWORD: 'not-printed-here' };
    const options = embeddedOptionsFromConfig(
      loadConfig(embeddedConfigSchema, settings),
      dataDirSecrets(join(dir, 'data')),
    );
    expect(options.drafter).toMatchObject({ shopDir: dir, orders: { kind: choice.orders.kind } });
    expect(options.triage.languages).toEqual(['en']);
    expect(options.mailSend.from).toBe('Velo Verde <help@veloverde.test>');
    if (choice.mailbox.kind === 'imap')
      expect(options.mailIngest.mailboxes).toEqual([
        expect.objectContaining({ host: 'imap.example.com', port: 993, secure: true, password: `it's "quoted"` }),
      ]);
    else expect(options.mailIngest.smtpInbound).toMatchObject({ port: 2525 });
  });
});
