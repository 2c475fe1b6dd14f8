import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, repoRoot } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { sendMail, uniqueAddress } from '../support/mail';
import { freePort } from '../support/services';

interface GuideBlock {
  /** The `<!-- guide-test: … -->` note right above the block, if any. */
  marker: string | null;
  code: string;
}

/** The guide's shell blocks in order, each with the note that tells this test how to run it. */
function guideBlocks(markdown: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  const fence = /(?:<!-- guide-test: ([^>]*?) -->\n)?```sh\n([\s\S]*?)```/g;
  for (const m of markdown.matchAll(fence)) blocks.push({ marker: m[1]?.trim() ?? null, code: m[2] });
  return blocks;
}

/**
 * docs/getting-started.md, run step by step as a reader would: every shell block in order, in an empty folder, with
 * `npx draftdesk` being this clone's command. The example mailbox of step 6 is replaced by the test's Dovecot (its
 * host, port, account and password); nothing else is changed. Ports come from the environment, as the guide allows.
 */
describe('the getting-started guide, run as written (the example mailbox replaced by the local Dovecot)', () => {
  const blocks = guideBlocks(readFileSync(join(repoRoot, 'docs', 'getting-started.md'), 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'draftdesk-guide-'));
  const mailbox = uniqueAddress('despaak', 'shop.test');
  let env: Record<string, string>;
  let suite: { child: ChildProcess; output: () => string } | null = null;
  let step = 0;

  const stopSuite = async () => {
    if (!suite || suite.child.exitCode !== null || suite.child.signalCode !== null) return;
    const exited = new Promise((resolve) => suite!.child.once('exit', resolve));
    process.kill(-suite.child.pid!, 'SIGTERM');
    await exited;
  };

  const shell = (code: string) =>
    spawnSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', code], {
      cwd: work,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });

  /** Runs the guide's next block the way its note says; returns what it printed. */
  async function next(expected: string | null): Promise<string> {
    const block = blocks[step++];
    expect(block?.marker ?? null).toBe(expected);
    if (block.marker?.startsWith('skip')) return '';
    if (block.marker === 'background') {
      await stopSuite();
      const child = spawn('bash', ['--norc', '--noprofile', '-c', block.code], {
        cwd: work,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      suite = { child, output: () => output };
      await expectEventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`draftdesk start exited ${child.exitCode}: ${output}`);
          expect(output).toContain('Stop it with Ctrl-C');
          expect((await fetch(`http://127.0.0.1:${env.PORT}/health/ready`)).status).toBe(200);
        },
        { timeoutMs: 120_000, intervalMs: 250 },
      );
      return output;
    }
    let code = block.code;
    if (block.marker === 'example-mailbox') {
      code = code
        .replace('IMAP_HOST=imap.example.com', `IMAP_HOST=${engines.imapHost}`)
        .replace('IMAP_PORT=993', `IMAP_PORT=${engines.imapPort}`)
        .replace('IMAP_SECURE=true', 'IMAP_SECURE=false')
        .replace('IMAP_USER=support@despaak.example', `IMAP_USER=${mailbox}`)
        .replace('IMAP_PASSWORD=your-app-password', `IMAP_PASSWORD=${engines.catchAllPassword}`);
      expect(code).not.toMatch(/example\.com|your-app-password/);
    }
    if (block.marker === 'eventually') {
      return expectEventually(
        async () => {
          const run = shell(code);
          expect([run.status, run.stderr]).toEqual([0, '']);
          expect(run.stdout.trim()).not.toBe('');
          return run.stdout;
        },
        { timeoutMs: 90_000, intervalMs: 1_000 },
      );
    }
    const run = shell(code);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    return run.stdout;
  }

  const pending = async () => {
    const token = readFileSync(join(work, 'my-shop', 'data', 'review-api-token'), 'utf8').trim();
    const res = await fetch(`http://127.0.0.1:${env.PORT}/v1/drafts?status=pending`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { items: Array<{ body: string; decision: string; reasons: string[] }> }).items;
  };

  beforeAll(async () => {
    // `npx draftdesk` is this clone's command, wherever the reader's folder is.
    const bin = join(work, '.bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npx'),
      `#!/bin/sh\nif [ "$1" = draftdesk ]; then shift; exec "${process.execPath}" "${join(repoRoot, 'bin', 'draftdesk.js')}" "$@"; fi\necho "unexpected npx $*" >&2; exit 1\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    env = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: work,
      PORT: String(await freePort()),
      SMTP_INBOUND_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
  });

  afterAll(async () => {
    await stopSuite();
    rmSync(work, { recursive: true, force: true });
  });

  it('1–2: installs (already done here), writes the shop folder and checks it', async () => {
    await next('skip (the test runs in an installed clone)');
    expect(await next(null)).toContain('Wrote my-shop/');
    expect(await next(null)).toContain('is valid');
  });

  it('3–5: starts on the new shop and drafts a reply to its customer from its own order', async () => {
    await next('background');
    await next(null); // Jamie's mail over SMTP
    const order = JSON.parse(readFileSync(join(work, 'my-shop', 'orders.json'), 'utf8'))[0];
    const drafts = await expectEventually(
      async () => {
        const items = await pending();
        expect(items).toHaveLength(1);
        return items;
      },
      { timeoutMs: 90_000 },
    );
    expect(drafts[0].body).toContain(order.trackingNumber);
    expect(drafts[0].body).toContain('De Spaak');
    expect(drafts[0].reasons).toContain('auto_send_disabled');
    const listed = JSON.parse(await next(null)) as { items: Array<{ body: string }> };
    expect(listed.items.map((d) => d.body)).toEqual([drafts[0].body]);
  }, 300_000);

  it('6: connects the mailbox, doctor passes, and new mail in it becomes a draft', async () => {
    const doctor = await next('example-mailbox');
    expect(doctor).toMatch(/imap .*logged in, IDLE supported/);
    expect(doctor).toContain('all checks passed');
    await next('background');
    await sendMail({
      from: 'Jamie Example <jamie@example.com>',
      to: mailbox,
      subject: 'Retour',
      text: 'Hoi, ik wil mijn bestelling 10001 graag terugsturen. Hoe werkt dat?\n\nGroet, Jamie',
    });
    await expectEventually(async () => expect((await pending()).some((d) => /retour|terug/i.test(d.body))).toBe(true), {
      timeoutMs: 90_000,
    });
  }, 300_000);

  it('7: turns on auto-send for track_order, and the next such question is answered without a person', async () => {
    const counts = JSON.parse(await next(null)) as Record<string, unknown>;
    expect(counts).toBeTruthy();
    expect(await next(null)).toContain('is valid');
    expect(readFileSync(join(work, 'my-shop', 'policy.yaml'), 'utf8')).toMatch(
      /enabled: true[\s\S]*intents: \[track_order\]/,
    );
    await next('background');
    await next(null); // Alex's mail
    const listing = await next('eventually');
    const sent = readdirSync(join(work, 'my-shop', 'data', 'sent'));
    expect(sent.length).toBe(1);
    expect(listing).toContain(sent[0]);
    const reply = readFileSync(join(work, 'my-shop', 'data', 'sent', sent[0]), 'utf8');
    expect(reply).toContain('alex@example.com');
    expect(step).toBe(blocks.length);
  }, 300_000);
});
