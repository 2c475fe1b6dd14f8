import { runMigrations } from '@draftdesk/database';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { engines, repoRoot } from '../../test/support/engines';
import { freePort, ServiceName } from '../../test/support/services';
import { installInterruptCleanup, killAllSync } from '../support/processes';
import { ChaosMessage, chaosMessage } from './chaos-workload';
import { Expected, StageTally, StoredRows, tallyStages } from './chaos-tally';
import { deliver, IntakeTargets } from './intake';
import { PrivateKafka } from './private-kafka';
import { PrivatePostgres } from './private-postgres';
import { mulberry32, shuffledBag } from './random.util';
import { CrashRecord, KillRecord, ServiceSupervisor } from './service-supervisor';
import { startCallbackSink, startSmtpSink } from './sinks';

export const CHAOS_SERVICES: readonly ServiceName[] = [
  'mail-ingest',
  'chat-gateway',
  'conversations',
  'triage',
  'drafter',
  'review',
  'mail-send',
];

export interface ChaosOptions {
  n: number;
  /** Mean pause between two SIGKILLs; 0 turns the kills off. */
  killEveryMs: number;
  /**
   * Kills go on after the intake (into the drain) until at least this many happened: on a slow machine a restart
   * can outlast a short intake. Victims come from a shuffled bag, so the first CHAOS_SERVICES.length kills hit each
   * service once.
   */
  minKills: number;
  seed: number;
  engineRestarts: boolean;
  /** Messages per second handed to the intake. */
  rate: number;
  /** How long the pipeline may go without progress after the intake before the run gives up. */
  stallMs: number;
  progressEveryMs: number;
  log: (line: string) => void;
  /** Stops the intake and the drain early and counts what arrived so far (Ctrl-C in `npm run chaos`). */
  signal?: AbortSignal;
}

export interface EngineRestart {
  engine: 'kafka' | 'postgres';
  atS: number;
  tookS: number;
}

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log' | 'signal'>;
  completed: boolean;
  /** Stopped before the pipeline drained: "lost" then includes messages still on their way. */
  interrupted: boolean;
  tally: StageTally;
  kills: KillRecord[];
  crashes: CrashRecord[];
  engineRestarts: EngineRestart[];
  rejected: Array<{ i: number; reason: string }>;
  intakeAttempts: number;
  deadLetters: number;
  failedDeliveries: { mail: number; chat: number };
  durationsS: { setup: number; intake: number; drain: number; total: number };
}

/** The shop of the run: the sample shop with a policy that auto-sends everything the gate finds grounded. */
function chaosShopDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'draftdesk-chaos-shop-'));
  cpSync(join(repoRoot, 'samples', 'shop'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'policy.yaml'),
    [
      '# Chaos run: replies go out without a reviewer whenever the draft is grounded, day and night.',
      'autoSend:',
      '  enabled: true',
      '  intents: [track_order, delivery_options, delivery_period, check_payment_methods, check_refund_policy, get_refund, check_invoice, get_invoice, payment_issue, contact_customer_service, cancel_order, change_order, other]',
      '  minConfidence: 0',
      'limits:',
      '  maxRefundAmount: 100000',
      '  maxDiscountPercent: 100',
      '  currency: EUR',
      'escalateOn: []',
      '',
    ].join('\n'),
  );
  return dir;
}

async function readRows(
  url: string,
): Promise<StoredRows & { deadLetters: number; failedMail: number; failedChat: number }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const conversations = await client.query(
      `SELECT c.id, coalesce(c.chat_session, cu.address) AS key FROM conversations c JOIN customers cu ON cu.id = c.customer_id`,
    );
    const inbound = await client.query(
      `SELECT m.id, m.conversation_id AS "conversationId", (t.message_id IS NOT NULL OR m.triage IS NOT NULL) AS triaged
         FROM messages m LEFT JOIN triage_results t ON t.message_id = m.id WHERE m.direction = 'inbound'`,
    );
    const drafts = await client.query(
      `SELECT id, message_id AS "messageId", decision, outbound_message_id AS "outboundMessageId" FROM drafts`,
    );
    const [extra] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM dead_letters) AS "deadLetters",
                (SELECT count(*)::int FROM outbound_mails WHERE status = 'FAILED') AS "failedMail",
                (SELECT count(*)::int FROM chat_deliveries WHERE status = 'FAILED') AS "failedChat"`,
      )
    ).rows;
    return { conversations: conversations.rows, inbound: inbound.rows, drafts: drafts.rows, ...extra };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The chaos run: a private PostgreSQL and Kafka, every service as its own process from dist/, n messages through the
 * real intake (signed chat webhooks and SMTP) while services are SIGKILLed at random and each engine is restarted
 * once; then the pipeline drains and every stage is counted from the database and the reply sinks.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const t0 = Date.now();
  const at = () => Math.round((Date.now() - t0) / 100) / 10;
  const log = options.log;
  const random = mulberry32(options.seed);
  const run = randomBytes(4).toString('hex');
  let pg: PrivatePostgres | null = null;
  let kafka: PrivateKafka | null = null;
  let supervisor: ServiceSupervisor | null = null;
  const shopDir = chaosShopDir();
  const cleanupSync = () => {
    killAllSync();
    kafka?.stopSync();
    pg?.stopSync();
    kafka = null;
    pg = null;
    rmSync(shopDir, { recursive: true, force: true });
  };
  // Whatever way the process ends (a second Ctrl-C, an exit from elsewhere), the private engines go with it.
  process.on('exit', cleanupSync);
  // With a signal the caller handles Ctrl-C (and the finally below cleans up); without one, Ctrl-C cleans up and exits.
  if (!options.signal) installInterruptCleanup(cleanupSync);
  const aborted = () => options.signal?.aborted ?? false;
  const smtpSink = await startSmtpSink();
  const callbackSink = await startCallbackSink();
  try {
    log('starting a private PostgreSQL and Kafka');
    // Both are kept as soon as they are up, so the cleanup below stops one whose partner failed to start.
    const [startedPg, startedKafka] = await Promise.allSettled([PrivatePostgres.start(), PrivateKafka.start()]);
    pg = startedPg.status === 'fulfilled' ? startedPg.value : null;
    kafka = startedKafka.status === 'fulfilled' ? startedKafka.value : null;
    if (!pg || !kafka)
      throw startedPg.status === 'rejected' ? startedPg.reason : (startedKafka as PromiseRejectedResult).reason;
    const dbUrl = pg.url('draftdesk');
    await runMigrations({ url: dbUrl, poolSize: 2 });
    log(`PostgreSQL ${pg.url()} (${pg.dir}), Kafka ${kafka.brokers} (${kafka.dir})`);

    const webhookKey = randomBytes(24);
    const chatChannel = 'chaos-web';
    const supportAddress = `chaos-${run}@shop.test`;
    const smtpInboundPort = await freePort();
    const common = {
      DATABASE_URL: dbUrl,
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC_PREFIX: `chaos-${run}.`,
      LOG_LEVEL: 'warn',
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      'mail-ingest': {
        // The shared Dovecot only gives mail-ingest its required mailbox; the chaos mail arrives over SMTP.
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: supportAddress,
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
        SMTP_INBOUND_PORT: String(smtpInboundPort),
        SMTP_INBOUND_HOST: '127.0.0.1',
      },
      'chat-gateway': {
        CHAT_SECRETS_KEY: randomBytes(32).toString('base64'),
        CHAT_CHANNELS_JSON: JSON.stringify([
          {
            id: chatChannel,
            kind: 'generic',
            secrets: [`whsec_${webhookKey.toString('base64')}`],
            callbackUrl: callbackSink.url,
            rateLimit: { perSecond: 10_000, burst: 10_000 },
          },
        ]),
        CHAT_QUIET_WINDOW_MS: '300',
        CHAT_MAX_TURN_WAIT_MS: '5000',
        CHAT_DELIVERY_RETRY_BASE_MS: '200',
        CHAT_DELIVERY_MAX_ATTEMPTS: '30',
      },
      drafter: { SHOP_DIR: shopDir },
      review: { REVIEW_API_TOKEN: `chaos-${randomBytes(24).toString('hex')}` },
      'mail-send': {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpSink.port),
        SMTP_SECURE: 'false',
        MAIL_FROM: 'Support <support@shop.test>',
        SEND_MAX_ATTEMPTS: '30',
        AUTO_REPLY_CAP: '1000',
      },
    };
    supervisor = new ServiceSupervisor((name) => ({ ...common, ...specific[name] }), t0, `chaos-${run}`);
    const sup = supervisor;
    for (const name of CHAOS_SERVICES) await sup.start(name);
    await sup.ready(CHAOS_SERVICES, 300_000);
    const setupS = at();
    log(
      `${CHAOS_SERVICES.length} services ready after ${setupS} s; pushing ${options.n} messages at ${options.rate}/s`,
    );

    const messages: ChaosMessage[] = Array.from({ length: options.n }, (_, i) => chaosMessage(run, i, chatChannel));
    const accepted = new Set<string>();
    const rejected: ChaosResult['rejected'] = [];
    let intakeAttempts = 0;
    let intakeDone = false;
    const engineRestarts: EngineRestart[] = [];
    let latest: StageTally | null = null;
    let extras = { deadLetters: 0, failedMail: 0, failedChat: 0 };
    let pushed = 0;
    const expected = (): Expected => ({
      keys: messages.slice(0, pushed).map((m) => ({ key: m.key, channel: m.channel })),
      accepted,
    });
    const refresh = async () => {
      try {
        const rows = await readRows(dbUrl);
        extras = rows;
        latest = tallyStages(expected(), rows, { mail: smtpSink.receipts, chat: callbackSink.receipts });
      } catch {
        // PostgreSQL restarting: the previous figures stand until the next poll.
      }
      return latest;
    };
    const progress = () => {
      const t = latest;
      const engine = engineRestarts.map((r) => `${r.engine}@${r.atS}s`).join(' ') || '-';
      log(
        `[${at()}s] accepted ${accepted.size}/${options.n}  stored ${t?.stored ?? 0}  triaged ${t?.triaged ?? 0}  drafted ${t?.drafted ?? 0}  ` +
          `sent ${t?.delivered ?? 0}/${t?.autoSend ?? 0}  kills ${sup.kills.length}  crashes ${sup.crashes.length}  engine restarts ${engine}`,
      );
    };
    const ticker = setInterval(() => void refresh().then(progress), options.progressEveryMs);

    // --- intake: paced, at most 32 messages in flight, each retried until acknowledged ---
    const intakeStart = Date.now();
    const targets: IntakeTargets = {
      gatewayUrl: () => sup.url('chat-gateway'),
      chatChannel,
      webhookKey,
      smtpPort: smtpInboundPort,
      supportAddress,
    };
    const inFlight = new Set<Promise<void>>();
    const intake = (async () => {
      for (const m of messages) {
        if (aborted()) break;
        const due = intakeStart + (m.i / options.rate) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        while (inFlight.size >= 32) await Promise.race(inFlight);
        pushed++;
        // Like a mail server's queue: keep trying for a long while before giving a message up.
        const p = deliver(m, targets, Date.now() + 900_000, options.signal).then((outcome) => {
          intakeAttempts += outcome.attempts;
          if (outcome.accepted) accepted.add(m.key);
          else rejected.push({ i: m.i, reason: outcome.rejected ?? 'unknown' });
        });
        const tracked = p.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      await Promise.all(inFlight);
      intakeDone = true;
    })();

    // --- chaos: random SIGKILLs while the intake runs; Kafka restarted at ~35 % of the intake, PostgreSQL at ~65 % ---
    const restartEngine = async (engine: 'kafka' | 'postgres') => {
      const started = Date.now();
      sup.engineRestart = engine;
      log(`[${at()}s] restarting ${engine}`);
      try {
        if (engine === 'kafka') await kafka!.restart();
        else pg!.restart('immediate');
      } finally {
        // Crashes shortly after the engine came back still count as caused by it.
        setTimeout(() => {
          if (sup.engineRestart === engine) sup.engineRestart = null;
        }, 15_000);
      }
      engineRestarts.push({
        engine,
        atS: Math.round((started - t0) / 100) / 10,
        tookS: Math.round((Date.now() - started) / 100) / 10,
      });
      log(`[${at()}s] ${engine} back after ${engineRestarts[engineRestarts.length - 1].tookS} s`);
    };
    const engineChaos = (async () => {
      if (!options.engineRestarts) return;
      for (const [engine, share] of [
        ['kafka', 0.35],
        ['postgres', 0.65],
      ] as const) {
        while (!intakeDone && accepted.size < options.n * share) await sleep(200);
        if (aborted()) return;
        await restartEngine(engine).catch((e) => log(`[${at()}s] ${engine} restart failed: ${(e as Error).message}`));
      }
    })();
    const restarts: Promise<void>[] = [];
    // One victim at a time: the next kill waits until every service is ready again, so on a slow machine (where a
    // start takes longer than the kill interval) the pipeline still moves between kills instead of staying down.
    const killChaos = (async () => {
      if (options.killEveryMs <= 0) return;
      const killing = () => !aborted() && (!intakeDone || sup.kills.length < options.minKills);
      const nextVictim = shuffledBag(CHAOS_SERVICES, random);
      while (killing()) {
        while (killing() && !CHAOS_SERVICES.every((s) => sup.isUp(s))) await sleep(250);
        await sleep(options.killEveryMs * (0.5 + random()));
        if (!killing()) break;
        const victim = nextVictim();
        const downMs = Math.round(200 + random() * 1_800);
        restarts.push(sup.killAndRestart(victim, downMs).catch((e) => log(`restart of ${victim} failed: ${e}`)));
      }
    })();
    await intake;
    await Promise.all([killChaos, engineChaos, ...restarts]);
    const intakeS = Math.round((Date.now() - intakeStart) / 100) / 10;
    log(
      `[${at()}s] intake done: ${accepted.size}/${options.n} acknowledged in ${intakeS} s, ${intakeAttempts} attempts; draining`,
    );

    // --- drain: until every stage has caught up, or nothing moved for stallMs ---
    const drainStart = Date.now();
    let lastProgress = Date.now();
    let lastFigure = '';
    let completed = false;
    while (!aborted()) {
      await sleep(2_000);
      const t = await refresh();
      if (!t) continue;
      const figure = `${t.stored}/${t.triaged}/${t.drafted}/${t.delivered}`;
      if (figure !== lastFigure) {
        lastFigure = figure;
        lastProgress = Date.now();
      }
      if (
        t.stored === accepted.size &&
        t.triaged === t.stored &&
        t.drafted === t.triaged &&
        t.delivered === t.autoSend
      ) {
        completed = true;
        break;
      }
      if (aborted()) {
        log(`[${at()}s] interrupted; counting what arrived`);
        break;
      }
      if (Date.now() - lastProgress > options.stallMs) {
        log(`[${at()}s] no progress for ${options.stallMs / 1000} s; counting what arrived`);
        break;
      }
    }
    // A little longer than the delivery retry backoff, so a late duplicate would be counted.
    if (!aborted()) await sleep(5_000);
    clearInterval(ticker);
    const final = (await refresh())!;
    progress();
    return {
      interrupted: aborted(),
      options: {
        n: options.n,
        killEveryMs: options.killEveryMs,
        minKills: options.minKills,
        seed: options.seed,
        engineRestarts: options.engineRestarts,
        rate: options.rate,
        stallMs: options.stallMs,
        progressEveryMs: options.progressEveryMs,
      },
      completed,
      tally: final,
      kills: sup.kills,
      crashes: sup.crashes,
      engineRestarts,
      rejected,
      intakeAttempts,
      deadLetters: extras.deadLetters,
      failedDeliveries: { mail: extras.failedMail, chat: extras.failedChat },
      durationsS: {
        setup: setupS,
        intake: intakeS,
        drain: Math.round((Date.now() - drainStart) / 100) / 10,
        total: at(),
      },
    };
  } finally {
    await supervisor?.stopAll();
    await smtpSink.close();
    await callbackSink.close();
    await kafka?.stop().catch(() => undefined);
    kafka = null;
    cleanupSync();
    process.off('exit', cleanupSync);
  }
}
