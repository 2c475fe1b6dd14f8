import { ImapFlow } from 'imapflow';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../test/support/database';
import { engines } from '../../test/support/engines';
import { RunningService, startService } from '../../test/support/services';
import { localTcpPorts } from './postgres-clients.util';

export interface SendCrashOptions {
  replies: number;
  /** SIGKILLs of mail-send while replies go out, alternating between the replicas. */
  kills: number;
  /** mail-send processes sending side by side (a killed one is started again at once). */
  replicas: number;
  /** mail-send's SEND_LEASE_SECONDS; absent → the service's default. */
  leaseSeconds?: number;
  timeoutMs: number;
  progress?: (line: string) => void;
}

export interface SendCrashResult {
  replies: number;
  kills: number;
  replicas: number;
  leaseSeconds: number | null;
  sent: number;
  failed: number;
  /** Message-IDs of our replies found in the recipient's mailbox on Dovecot. */
  delivered: number;
  lost: number;
  duplicates: number;
  duplicateMessageIds: string[];
  /** Attempts the ledger shows cut short by a kill (started, never finished). */
  interruptedAttempts: number;
  /** Of those, attempts the server had already accepted (250): recorded SENT by the next worker, not sent again. */
  interruptedAfterAccept: number;
  /** From the kill to the start of the interrupted reply's next attempt, in ms. */
  retryWaitMs: { count: number; min: number; median: number; max: number };
  totalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * N replies queued for mail-send (processes from dist/, side by side as replicas) to one customer mailbox through
 * the SMTP relay into Dovecot; a replica is SIGKILLed `kills` times while they go out, each time after a random
 * number of further replies was recorded SENT, and started again. Then every Message-ID is counted in the mailbox over IMAP.
 */
export async function runSendCrash(options: SendCrashOptions): Promise<SendCrashResult> {
  const log = options.progress ?? (() => undefined);
  const started = Date.now();
  const db = await createTestDatabase('send_crash');
  const to = `crash-${randomBytes(5).toString('hex')}@example.test`;
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: engines.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: `crash-${randomBytes(4).toString('hex')}.`,
    SMTP_HOST: engines.smtpHost,
    SMTP_PORT: String(engines.smtpPort),
    MAIL_FROM: 'Shop <support@shop.test>',
    LOG_LEVEL: 'warn',
    ...(options.leaseSeconds ? { SEND_LEASE_SECONDS: String(options.leaseSeconds) } : {}),
  };
  const running: (RunningService | null)[] = [];
  try {
    const messageIds = await queueReplies(db, to, options.replies);
    const sentCount = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbound_mails WHERE status IN ('SENT', 'FAILED')`,
        )
      )[0].n;

    const killedAt: number[] = [];
    for (let r = 0; r < options.replicas; r++) running[r] = await startService('mail-send', env, `send-crash-${r}`);
    for (let k = 0; k < options.kills; k++) {
      const victim = k % options.replicas;
      // As with pods, one crashes while the others run: a killed replica's replies are theirs to retry.
      await Promise.all(running.map((r) => r!.ready(180_000)));
      const before = await sentCount();
      if (before >= options.replies) break;
      // Kill while replies go out: after 5–40 more are recorded, so some are always mid-send.
      const target = Math.min(options.replies - 1, before + 5 + Math.floor(Math.random() * 36));
      const deadline = Date.now() + options.timeoutMs;
      while ((await sentCount()) < target && Date.now() < deadline) await sleep(20);
      // The victim must be in the middle of a send: with two replicas the other may hold every reply in flight. Two
      // replies in flight, where it gets there, leave the kill a send to land in even if one finishes as it is sent.
      const busyUntil = Math.min(deadline, Date.now() + 15_000);
      while ((await sendingHeldBy(db, running[victim]!)) < 2 && Date.now() < busyUntil) await sleep(5);
      await running[victim]!.kill('SIGKILL');
      killedAt.push(Date.now());
      log(`kill ${k + 1}/${options.kills} (replica ${victim}): ${await sentCount()}/${options.replies} recorded`);
      running[victim] = await startService('mail-send', env, `send-crash-${victim}`);
    }
    const deadline = Date.now() + options.timeoutMs;
    let last = -1;
    for (;;) {
      const done = await sentCount();
      if (done !== last) log(`${done}/${options.replies} recorded`);
      last = done;
      if (done >= options.replies) break;
      if (Date.now() > deadline)
        throw new Error(`only ${done} of ${options.replies} replies recorded after ${options.timeoutMs} ms`);
      await sleep(500);
    }
    await Promise.all(running.map((r) => r?.kill('SIGTERM')));
    running.length = 0;

    const [outcome] = await db.query<{ sent: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM outbound_mails`,
    );
    const interrupted = await db.query<{ started_at: Date; retried_at: Date | null; accepted: boolean }>(
      `SELECT a.started_at, a.accepted_at IS NOT NULL AS accepted, (SELECT min(b.started_at) FROM send_attempts b WHERE b.draft_id = a.draft_id AND b.started_at > a.started_at) AS retried_at
         FROM send_attempts a WHERE a.outcome = 'interrupted' OR a.outcome IS NULL`,
    );
    const waits = interrupted
      .filter((r) => r.retried_at)
      .map((r) => {
        const kill = killedAt.find((t) => t >= r.started_at.getTime()) ?? r.started_at.getTime();
        return r.retried_at!.getTime() - kill;
      })
      .sort((a, b) => a - b);

    // The relay answers 250 once Dovecot has the mail, so this settles at once; the poll only guards against lag.
    let counts = await countByMessageId(to);
    for (
      let i = 0;
      i < 20 && [...counts.keys()].filter((id) => messageIds.includes(id)).length < options.replies;
      i++
    ) {
      await sleep(500);
      counts = await countByMessageId(to);
    }
    const ours = new Set(messageIds);
    let delivered = 0;
    let duplicates = 0;
    const duplicateMessageIds: string[] = [];
    for (const [id, n] of counts) {
      if (!ours.has(id)) continue;
      delivered++;
      if (n > 1) {
        duplicates += n - 1;
        duplicateMessageIds.push(id);
      }
    }
    return {
      replies: options.replies,
      kills: killedAt.length,
      replicas: options.replicas,
      leaseSeconds: options.leaseSeconds ?? null,
      sent: outcome.sent,
      failed: outcome.failed,
      delivered,
      lost: options.replies - delivered,
      duplicates,
      duplicateMessageIds,
      interruptedAttempts: interrupted.length,
      interruptedAfterAccept: interrupted.filter((r) => r.accepted).length,
      retryWaitMs: {
        count: waits.length,
        min: waits[0] ?? 0,
        median: waits[Math.floor(waits.length / 2)] ?? 0,
        max: waits[waits.length - 1] ?? 0,
      },
      totalMs: Date.now() - started,
    };
  } finally {
    await Promise.all(running.map((r) => r?.kill('SIGKILL')));
    await db.drop();
  }
}

/** Queues `n` approved replies to `to` straight in mail-send's table (PENDING), as its consumer would; returns their Message-IDs. */
export async function queueReplies(db: TestDatabase, to: string, n: number): Promise<string[]> {
  const messageIds: string[] = [];
  for (let i = 0; i < n; i += 100) {
    const rows = Array.from({ length: Math.min(100, n - i) }, (_, j) => {
      const draftId = randomUUID();
      const messageId = `${draftId}@replies.shop.test`;
      messageIds.push(messageId);
      const payload = {
        draftId,
        channel: 'email',
        to: { address: to, name: 'Klant' },
        mailbox: null,
        subject: `Re: Bestelling ${100000 + i + j}`,
        body: `Uw pakket ${i + j} komt morgen.`,
        reply: { messageId, inReplyTo: null, references: [] },
        chat: null,
        approvedBy: 'agent@shop.test',
        autoSent: false,
        quotedText: null,
      };
      return [draftId, randomUUID(), messageId, to, JSON.stringify(payload)];
    });
    await db.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload)
       SELECT d, c, m, t, 'PENDING', p::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS x(d, c, m, t, p)`,
      [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k])),
    );
  }
  return messageIds;
}

/** How often each Message-ID is in the mailbox's INBOX (envelopes only). */
export async function countByMessageId(address: string): Promise<Map<string, number>> {
  const client = new ImapFlow({
    host: engines.imapHost,
    port: engines.imapPort,
    secure: false,
    auth: { user: address, pass: engines.catchAllPassword },
    logger: false,
  });
  await client.connect();
  const counts = new Map<string, number>();
  const lock = await client.getMailboxLock('INBOX');
  try {
    if ((client.mailbox as { exists: number }).exists > 0) {
      for await (const m of client.fetch('1:*', { envelope: true })) {
        const id = (m.envelope?.messageId ?? '').replace(/^<|>$/g, '');
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  } finally {
    lock.release();
    await client.logout();
  }
  return counts;
}

/**
 * Replies a replica is sending right now: SENDING rows under the worker key whose advisory lock one of its own
 * PostgreSQL connections holds (the replicas share an application name, so their connections are told apart by port).
 */
async function sendingHeldBy(db: TestDatabase, replica: RunningService): Promise<number> {
  const ports = [...localTcpPorts(replica.process.pid ?? 0)];
  if (ports.length === 0) return 0;
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM outbound_mails o
       JOIN pg_locks l ON l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.objid = o.worker_key::oid
       JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE o.status = 'SENDING' AND a.client_port = ANY($1::int[])`,
    [ports],
  );
  return row.n;
}
