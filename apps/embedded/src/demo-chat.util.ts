import { join } from 'node:path';
import { ChannelInput } from '../../chat-gateway/src';
import { decodeWebhookSecret } from '../../chat-gateway/src';
import { EmbeddedSecrets, SECRET_FILES } from './embedded-secrets.util';

export const DEMO_CHAT_CHANNEL_ID = 'demo';

/** The generic chat channel embedded mode opens when CHAT_CHANNELS_JSON names none, so chat can be tried at once. */
export interface DemoChatChannel {
  channel: ChannelInput;
  webhookUrl: string;
  secret: string;
  /** The file the secret is kept in. */
  keptIn: string;
  /** Where approved replies to the demo channel are kept, one <draftId>.json each. */
  repliesDir: string;
}

/** Where this process can be reached from itself: a wildcard bind address answers on loopback. */
export function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export function demoChatChannel(secrets: EmbeddedSecrets, dataDir: string, baseUrl: string): DemoChatChannel {
  const secret = secrets.demoChatSecret();
  return {
    channel: {
      id: DEMO_CHAT_CHANNEL_ID,
      kind: 'generic',
      secrets: [secret],
      // Approved replies come back to the suite itself, which keeps them in <data dir>/chat-replies.
      callbackUrl: `${baseUrl}/v1/demo-chat/replies`,
    },
    webhookUrl: `${baseUrl}/v1/channels/${DEMO_CHAT_CHANNEL_ID}/messages`,
    secret,
    keptIn: join(dataDir, SECRET_FILES.demoChatSecret),
    repliesDir: join(dataDir, 'chat-replies'),
  };
}

/**
 * One shell line that sends a customer's chat message to the demo channel, signed as Standard Webhooks wants it
 * (HMAC-SHA256 of "id.timestamp.body" with the secret's bytes, base64): openssl takes the key as hex.
 */
export function demoChatCurl(demo: Pick<DemoChatChannel, 'webhookUrl' | 'secret'>): string {
  const key = decodeWebhookSecret(demo.secret).toString('hex');
  const body =
    `{"sessionId":"demo-session","messageId":"m-'$T'","customer":{"id":"demo-customer","name":"Sanne"},` +
    `"text":"Hoi, waar blijft bestelling 100234? Postcode 1015 CJ.","timestamp":'$T'}`;
  const signature = `$(printf %s "m-$T.$T.$B" | openssl dgst -sha256 -mac HMAC -macopt hexkey:${key} -binary | base64)`;
  return [
    `T=$(date +%s); B='${body}';`,
    `curl -s -w ' %{http_code}\\n' -H 'content-type: application/json' -H "webhook-id: m-$T" -H "webhook-timestamp: $T"`,
    `-H "webhook-signature: v1,${signature}" -d "$B" ${demo.webhookUrl}`,
  ].join(' ');
}
