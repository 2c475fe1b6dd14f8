import { execFileSync } from 'node:child_process';
import { genericMessageSchema } from '../../chat-gateway/src';
import { verifyWebhook } from '../../chat-gateway/src';
import { demoChatCurl, localUrl } from './demo-chat.util';

describe('localUrl', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:3000'],
    ['0.0.0.0', 'http://127.0.0.1:3000'],
    ['::', 'http://127.0.0.1:3000'],
    ['::1', 'http://[::1]:3000'],
    ['10.1.2.3', 'http://10.1.2.3:3000'],
  ])('%s → %s', (host, url) => {
    expect(localUrl(host, 3000)).toBe(url);
  });
});

describe('demoChatCurl', () => {
  const demo = {
    webhookUrl: 'http://127.0.0.1:3000/v1/channels/demo/messages',
    secret: 'whsec_K06HeSibEMaex0rl3MF3nc/cqjjXyVN4',
  };

  /** Runs the line in bash with a stand-in curl, and checks what it would send as the gateway checks a delivery. */
  function sent(line: string) {
    const args = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }; ${line}`], { encoding: 'utf8' })
      .split('\0')
      .slice(0, -1);
    const header = (name: string) =>
      args
        .find((a) => a.startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const body = args[args.indexOf('-d') + 1];
    const verified = verifyWebhook(
      [demo.secret],
      { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
      Buffer.from(body),
    );
    return { url: args.at(-1), body: JSON.parse(body) as unknown, verified };
  }

  it('is one line', () => {
    expect(demoChatCurl(demo)).not.toContain('\n');
  });

  it('sends a valid chat message to the webhook, signed so that the gateway accepts it', () => {
    const { url, body, verified } = sent(demoChatCurl(demo));
    expect(url).toBe(demo.webhookUrl);
    expect(verified).toMatchObject({ ok: true });
    expect(genericMessageSchema.safeParse(body).success).toBe(true);
  });

  it('is refused when signed with another secret', () => {
    expect(sent(demoChatCurl({ ...demo, secret: 'whsec_b3RoZXJvdGhlcm90aGVyb3RoZXI=' })).verified).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
