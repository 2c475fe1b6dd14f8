import { createTransport } from 'nodemailer';
import { ChaosMessage, chatBody, rawMail, standardWebhookHeaders } from './chaos-workload';

export interface IntakeTargets {
  /** The chat-gateway's base URL right now, or null while it is down. */
  gatewayUrl(): string | null;
  chatChannel: string;
  webhookKey: Buffer;
  smtpPort: number;
  supportAddress: string;
}

export interface IntakeOutcome {
  accepted: boolean;
  attempts: number;
  /** A 4xx/5xx answer that is final (not worth retrying), e.g. a rejected signature. */
  rejected: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Hands one message to the real intake the way a provider or a mail server does: retried with backoff until it is
 * acknowledged (chat: 2xx, mail: 250), with the same webhook id / Message-ID every time, so the intake can tell a
 * retry from a new message. Only a 4xx other than 408/429 is final.
 */
export async function deliver(
  m: ChaosMessage,
  targets: IntakeTargets,
  giveUpAt: number,
  signal?: AbortSignal,
): Promise<IntakeOutcome> {
  const body = m.channel === 'chat' ? chatBody(m) : rawMail(m, targets.supportAddress);
  const webhookId = `wh-${m.externalId}`;
  let attempts = 0;
  while (Date.now() < giveUpAt && !signal?.aborted) {
    attempts++;
    try {
      if (m.channel === 'chat') {
        const base = targets.gatewayUrl();
        if (!base) throw new Error('chat-gateway down');
        const res = await fetch(`${base}/v1/channels/${targets.chatChannel}/messages`, {
          method: 'POST',
          headers: standardWebhookHeaders(targets.webhookKey, webhookId, body),
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.ok) return { accepted: true, attempts, rejected: null };
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          return { accepted: false, attempts, rejected: `${res.status} ${text.slice(0, 200)}` };
        }
      } else {
        const transport = createTransport({
          host: '127.0.0.1',
          port: targets.smtpPort,
          secure: false,
          ignoreTLS: true,
          connectionTimeout: 5_000,
          greetingTimeout: 5_000,
          socketTimeout: 15_000,
        });
        try {
          await transport.sendMail({ envelope: { from: m.key, to: [targets.supportAddress] }, raw: body });
          return { accepted: true, attempts, rejected: null };
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          if (code && code >= 500)
            return { accepted: false, attempts, rejected: `${code} ${(error as Error).message.slice(0, 200)}` };
          throw error;
        } finally {
          transport.close();
        }
      }
    } catch {
      // Connection refused or cut (the service was killed), a timeout or a 5xx: the sender tries again.
    }
    await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempts, 5)));
  }
  return {
    accepted: false,
    attempts,
    rejected: signal?.aborted ? 'run interrupted' : 'gave up: not acknowledged before the deadline',
  };
}
