import { ImapFlow } from 'imapflow';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { RunningService, startService } from '../support/services';
import { InboundCollector, testMessage } from './mail-test.util';
import { PrivateDovecot } from './private-dovecot';

interface Watched {
  name: string;
  state: string;
  watchedBy: string;
}

/** The mailbox's entries in a replica's /health/ready detail, wherever the readiness check nests them. */
async function watchedIn(service: RunningService, name: string): Promise<Watched[]> {
  const found: Watched[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.name === name && typeof record.state === 'string') found.push(record as unknown as Watched);
      else Object.values(record).forEach(walk);
    }
  };
  walk(await (await fetch(`${service.url}/health/ready`)).json());
  return found;
}

/**
 * Two mail-ingest replicas (from dist/) on one database: a mailbox from the database gets exactly one IMAP
 * connection — one replica watches it under a PostgreSQL advisory lock, the other stands by — and when the
 * holder is killed the other takes the mailbox over and imports the mail that arrives after.
 */
describe('one IMAP connection per database mailbox across mail-ingest replicas (advisory lock, private Dovecot)', () => {
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const secretsKey = randomBytes(32).toString('base64');
  const prefix = `replicas-${randomBytes(4).toString('hex')}.`;
  const run = randomBytes(4).toString('hex');
  const address = uniqueAddress('shared', 'shop.test');
  let dovecot: PrivateDovecot;
  let db: TestDatabase;
  let replicas: RunningService[] = [];
  let collector: InboundCollector;

  const startReplica = (n: number) =>
    startService(
      'mail-ingest',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: prefix,
        IMAP_HOST: dovecot.host,
        IMAP_PORT: String(dovecot.port),
        IMAP_SECURE: 'false',
        // Env mailboxes are per process; each replica gets its own so only the database mailbox is shared.
        IMAP_USER: uniqueAddress(`env${n}`, 'shop.test'),
        IMAP_PASSWORD: dovecot.password,
        IMAP_RESYNC_SECONDS: '600',
        MAIL_ADMIN_TOKEN: adminToken,
        MAILBOX_SECRETS_KEY: secretsKey,
        MAILBOX_RECONCILE_SECONDS: '1',
      },
      `mailbox-replica-${n}`,
    );

  /** IMAP sessions Dovecot has open for the shared mailbox, whoever holds them. */
  async function sessions(): Promise<number> {
    const out = await dovecot.doveadm('who', '-1', address);
    return out.split('\n').filter((line) => line.startsWith(address) && /\bimap\b/.test(line)).length;
  }

  async function deliver(n: number) {
    const message = testMessage(n, run);
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: address, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', message.raw);
    await client.logout();
    return message;
  }

  beforeAll(async () => {
    dovecot = await PrivateDovecot.start();
    db = await createTestDatabase('mailbox_replicas');
    replicas = await Promise.all([startReplica(1), startReplica(2)]);
    await Promise.all(replicas.map((r) => r.ready()));
    collector = new InboundCollector(prefix);
    await collector.start();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
    await collector?.stop();
    await db?.drop();
    await dovecot?.stop();
  });

  it('watches the mailbox from one replica only, and moves it to the other when the holder dies', async () => {
    const res = await fetch(`${replicas[0].url}/v1/mailboxes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: address,
        host: dovecot.host,
        port: dovecot.port,
        tls: 'plain',
        auth: { kind: 'password', user: address, password: dovecot.password },
      }),
    });
    expect(res.status).toBe(201);

    const holderIndex = await expectEventually(
      async () => {
        const views = await Promise.all(replicas.map((r) => watchedIn(r, address)));
        expect(views.map((v) => v.length)).toEqual([1, 1]);
        const states = views.map((v) => v[0].state).sort();
        expect(states).toEqual(['idle', 'standby']);
        return views.findIndex((v) => v[0].state === 'idle');
      },
      { timeoutMs: 20_000 },
    );
    const holder = replicas[holderIndex];
    const other = replicas[1 - holderIndex];
    expect((await watchedIn(holder, address))[0].watchedBy).not.toBe('another replica');
    expect((await watchedIn(other, address))[0].watchedBy).toBe('another replica');
    const first = await deliver(1);
    await expectEventually(() => expect(collector.has(first.messageId)).toBe(true), { timeoutMs: 20_000 });
    // Several reconciliation rounds later, still one session at the server.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await sessions()).toBe(1);
    expect((await watchedIn(other, address))[0].state).toBe('standby');

    await holder.kill('SIGKILL');
    await expectEventually(
      async () => {
        const [entry] = await watchedIn(other, address);
        expect(entry.state).toBe('idle');
        expect(entry.watchedBy).not.toBe('another replica');
      },
      { timeoutMs: 20_000 },
    );
    const second = await deliver(2);
    await expectEventually(() => expect(collector.has(second.messageId)).toBe(true), { timeoutMs: 20_000 });
    expect(await sessions()).toBe(1);
    const rows = await db.query(`SELECT message_id FROM raw_mails WHERE mailbox = $1 ORDER BY message_id`, [address]);
    expect(rows).toEqual([{ message_id: first.messageId }, { message_id: second.messageId }]);

    // A rolling update: the holder gets SIGTERM, closes its session, releases the lock and exits; a new replica takes over.
    const successor = await (await startReplica(3)).ready();
    replicas.push(successor);
    await expectEventually(async () => expect((await watchedIn(successor, address))[0]?.state).toBe('standby'), {
      timeoutMs: 20_000,
    });
    const exited = new Promise<string>((resolve) =>
      other.process.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    );
    other.process.kill('SIGTERM');
    expect(['code 0', 'SIGTERM']).toContain(await exited);
    await expectEventually(
      async () => {
        const [entry] = await watchedIn(successor, address);
        expect(entry.state).toBe('idle');
      },
      { timeoutMs: 20_000 },
    );
    const third = await deliver(3);
    await expectEventually(() => expect(collector.has(third.messageId)).toBe(true), { timeoutMs: 20_000 });
    expect(await sessions()).toBe(1);
    const after = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT message_id)::int AS d FROM raw_mails WHERE mailbox = $1`,
      [address],
    );
    expect(after).toEqual([{ n: 3, d: 3 }]);
  }, 180_000);
});
