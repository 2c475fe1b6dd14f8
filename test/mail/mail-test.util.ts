import { Topics } from '@draftdesk/contracts';
import { ImapFlow } from 'imapflow';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { engines } from '../support/engines';
import { PrivateDovecot } from './private-dovecot';

export interface SeenInbound {
  eventId: string;
  externalMessageId: string;
  receivedAt: number;
}

/** Reads `<prefix>support.inbound.v1` from the start and keeps every event with the time it arrived here. */
export class InboundCollector {
  readonly events: SeenInbound[] = [];
  private consumer: Consumer | null = null;

  constructor(private readonly prefix: string) {}

  async start() {
    const kafka = new Kafka({
      clientId: `mail-test-${randomBytes(3).toString('hex')}`,
      brokers: engines.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `mail-test-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 50 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.prefix + Topics.inbound, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value!.toString()) as { id: string; payload: { externalMessageId: string } };
        this.events.push({
          eventId: event.id,
          externalMessageId: event.payload.externalMessageId,
          receivedAt: Date.now(),
        });
      },
    });
  }

  distinctMessageIds(): Set<string> {
    return new Set(this.events.map((e) => e.externalMessageId));
  }

  has(messageId: string): boolean {
    return this.events.some((e) => e.externalMessageId === messageId);
  }

  async stop() {
    await this.consumer?.disconnect();
  }
}

export function testMessage(n: number, run: string, from = `customer-${n % 17}@example.test`) {
  const messageId = `m${n}-${run}@example.test`;
  const raw = [
    `From: Klant ${n} <${from}>`,
    'To: support@shop.test',
    `Subject: Bestelling ${100000 + n}`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hallo, waar blijft bestelling ${100000 + n}? Groet, klant ${n}`,
    '',
  ].join('\r\n');
  return { messageId, raw };
}

/**
 * Appends over IMAP the way another mail server would deliver, surviving the server's restarts: after a failed
 * APPEND it reconnects and appends again only if the message is not there, so every message lands exactly once.
 */
export class ResilientAppender {
  private client: ImapFlow | null = null;

  constructor(
    private readonly dovecot: PrivateDovecot,
    private readonly user: string,
    private readonly folder = 'INBOX',
  ) {}

  async append(message: { messageId: string; raw: string }): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const client = await this.connected();
        if (attempt > 0) {
          const found = await client.search({ header: { 'message-id': message.messageId } }, { uid: true });
          if (found && found.length > 0) return;
        }
        await client.append(this.folder, message.raw);
        return;
      } catch (error) {
        this.client?.close();
        this.client = null;
        if (attempt > 100) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async close() {
    await this.client?.logout().catch(() => undefined);
    this.client = null;
  }

  private async connected(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    const client = new ImapFlow({
      host: this.dovecot.host,
      port: this.dovecot.port,
      secure: false,
      auth: { user: this.user, pass: this.dovecot.password },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.mailboxOpen(this.folder);
    this.client = client;
    return client;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
