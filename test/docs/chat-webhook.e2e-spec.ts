import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/engines';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { blockAfter, readDoc } from './docs-text.util';

const doc = readDoc('chat-webhook.md');
const channelSetup = blockAfter(doc, 'Setting up a channel', 'sh');
const shellExample = blockAfter(doc, 'In shell', 'sh');
const typeScriptExample = blockAfter(doc, 'In TypeScript', 'ts');

function captured(text: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`docs/chat-webhook.md: ${what} not found`);
  return match[1];
}

/**
 * The chat webhook guide's examples, run as they are written against `draftdesk start` with the guide's own channel:
 * each request is accepted, and the message it carries ends up in a conversation.
 */
describe('docs/chat-webhook.md: the signed examples', () => {
  let suite: RunningEmbedded;
  const scratch = mkdtempSync(join(tmpdir(), 'draftdesk-chat-doc-'));

  beforeAll(async () => {
    const channels = captured(channelSetup, /^CHAT_CHANNELS_JSON='([^']+)' npm start$/m, 'the CHAT_CHANNELS_JSON line');
    suite = await startEmbeddedSandbox({ CHAT_CHANNELS_JSON: channels, CHAT_QUIET_WINDOW_MS: '200' });
  }, 150_000);

  afterAll(async () => {
    await suite?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  // stdin from /dev/null: bash takes a socket on stdin for a remote shell and would read the system's bashrc first.
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      env: { PATH: process.env.PATH ?? '', DRAFTDESK: suite.url },
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  /** The customer's text is stored as a message of a conversation, read back through the conversations API. */
  async function expectStored(text: string) {
    await expectEventually(async () => {
      const conversations = (await (
        await fetch(`${suite.url}/v1/conversations`, { headers: suite.reviewAuth() })
      ).json()) as { id: string }[];
      const threads = await Promise.all(
        conversations.map(
          async (c) =>
            (await (await fetch(`${suite.url}/v1/conversations/${c.id}`, { headers: suite.reviewAuth() })).json()) as {
              channel: string;
              messages: { text: string }[];
            },
        ),
      );
      const stored = threads.filter((t) => t.channel === 'chat').flatMap((t) => t.messages.map((m) => m.text));
      expect(stored).toContain(text);
    });
  }

  it('shell (curl + openssl): 202 accepted, and the message is stored', async () => {
    const sent = run('bash', ['-euo', 'pipefail', '-c', shellExample]);
    expect(sent.stderr).toBe('');
    expect(sent.status).toBe(0); // curl --fail-with-body exits non-zero on any 4xx/5xx
    expect(JSON.parse(sent.stdout)).toEqual({ status: 'accepted', stored: 1 });
    await expectStored(captured(shellExample, /"text":"([^"]+)"/, 'the shell example text'));
  });

  it('TypeScript (node:crypto + fetch): 202 accepted, and the message is stored', async () => {
    const file = join(scratch, 'send-chat.ts');
    writeFileSync(file, typeScriptExample);
    const sent = run(process.execPath, [join(repoRoot, 'scripts', 'run-ts.js'), file]);
    expect(sent.stderr).toBe('');
    expect(sent.status).toBe(0);
    expect(sent.stdout.trim()).toBe('202 {"status":"accepted","stored":1}');
    await expectStored(captured(typeScriptExample, /text: '([^']+)'/, 'the TypeScript example text'));
  });

  it('refuses the shell example signed with another secret', () => {
    const forged = shellExample.replace(
      /^SECRET='whsec_[^']+'$/m,
      `SECRET='whsec_${Buffer.alloc(24, 7).toString('base64')}'`,
    );
    expect(forged).not.toBe(shellExample);
    const sent = run('bash', ['-euo', 'pipefail', '-c', forged]);
    expect(sent.status).not.toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ statusCode: 401, code: 'SIGNATURE_INVALID' });
  });
});
