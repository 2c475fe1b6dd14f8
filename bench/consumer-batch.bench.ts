/**
 * The consumer runner alone on real PostgreSQL: N events applied one transaction each (`handle`) versus in batches
 * (`handleBatch`), with a handler of a few statements like the services' own. Prints wall time, this process's
 * CPU time and the statements sent per event, so the cost of the per-event transaction is measured apart from
 * everything else the pipeline does.
 *
 *   node scripts/run-ts.js bench/consumer-batch.bench.ts [--n 2000] [--batch 200] [--statements 3] [--rounds 3]
 */
import { createEvent, EventEnvelope, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { BusRecord, ConsumerRunner, EventBus } from '@draftdesk/messaging';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../test/support/database';

const payload: ReplySentPayload = {
  draftId: '2b8f1f8e-4c1a-4a57-9f5e-0c3a1d6e7b10',
  channel: 'email',
  to: { address: 'sanne@example.test', name: '' },
  subject: 'Re: x',
  body: 'hi',
  messageId: 'm@replies.shop.test',
  status: 'sent',
  error: null,
  sentAt: new Date().toISOString(),
  autoSent: false,
};

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

async function main(): Promise<void> {
  const n = option('n', 2000);
  const batch = option('batch', 200);
  const perHandler = option('statements', 3);
  const rounds = option('rounds', 3);
  const db = await createTestDatabase('consumer_batch');
  const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
  await dataSource.initialize();
  const bus = { publish: async () => {} } as unknown as EventBus;
  const runner = new ConsumerRunner(
    'bench',
    Topics.replySent,
    async (event, { manager }) => {
      await manager.query(
        `INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('bench', 'applied', 'event', $1)`,
        [event.id],
      );
      for (let i = 1; i < perHandler; i++)
        await manager.query(`SELECT count(*) FROM audit_log WHERE entity_id = $1`, [event.id]);
    },
    dataSource,
    bus,
    () => undefined,
    undefined,
    { maxEvents: batch, maxMs: 60_000 },
  );
  const records = (): BusRecord[] =>
    Array.from({ length: n }, (_, i) => {
      const event: EventEnvelope = createEvent(Topics.replySent, {
        producer: 'bench',
        conversationId: '0d6c9c56-3f0a-4d5e-9a86-1e4f1c2a7b33',
        payload,
      });
      return { topic: Topics.replySent, key: event.key, value: JSON.stringify(event), partition: 0, offset: String(i) };
    });
  const control = { heartbeat: async () => {}, resolved: async () => {}, active: () => true };
  const modes: [string, (rs: BusRecord[]) => Promise<void>][] = [
    [
      'one transaction per event',
      async (rs) => {
        for (const r of rs) await runner.handle(r, async () => {});
      },
    ],
    [`batches of ${batch}`, (rs) => runner.handleBatch(rs, control)],
  ];
  process.stdout.write(`consumer runner, ${n} events, handler of ${perHandler} statements, ${rounds} rounds\n`);
  for (let round = 1; round <= rounds; round++) {
    for (const [name, apply] of modes) {
      const rs = records();
      const before = { statements, cpu: process.cpuUsage(), at: process.hrtime.bigint() };
      await apply(rs);
      const wallMs = Number(process.hrtime.bigint() - before.at) / 1e6;
      const cpu = process.cpuUsage(before.cpu);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      process.stdout.write(
        `round ${round}  ${name.padEnd(26)} ${(n / (wallMs / 1000)).toFixed(0).padStart(6)} events/s  ` +
          `${(cpuMs / n).toFixed(3)} CPU-ms/event  ${((statements - before.statements) / n).toFixed(2)} statements/event\n`,
      );
    }
  }
  await dataSource.destroy();
  await db.drop();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
