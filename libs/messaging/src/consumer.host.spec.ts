import { createEvent, EventEnvelope, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { BatchLimits, ConsumerRunner, EventContext } from './consumer.host';
import { BusRecord, EventBus } from './event-bus';
import { PermanentEventError } from './messaging.errors';

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

/**
 * A stand-in for PostgreSQL that understands the statements the runner sends: the inbox, savepoints, the effect
 * a handler writes (`INSERT INTO effects`) and dead letters. Enough to check the batch bookkeeping; the real
 * engine is exercised by test/messaging.
 */
class FakeDatabase {
  inbox = new Set<string>();
  effects: string[] = [];
  deadLetters: string[] = [];
  transactions = 0;
  inboxInserts = 0;
  down = false;

  readonly dataSource = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => this.transaction(work),
    query: async (sql: string, params: unknown[]) => {
      if (sql.includes('INSERT INTO dead_letters')) this.deadLetters.push(String(params[4]));
      return [];
    },
  } as unknown as DataSource;

  private async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    this.transactions++;
    const inbox = new Set(this.inbox);
    let effects: string[] = [];
    let savepoint: { inbox: Set<string>; effects: number } | null = null;
    const manager = {
      query: async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
        if (sql.startsWith('INSERT INTO inbox')) {
          this.inboxInserts++;
          const fresh = [...new Set(params[1] as string[])].filter((id) => !inbox.has(id));
          fresh.forEach((id) => inbox.add(id));
          return fresh.map((event_id) => ({ event_id }));
        }
        if (sql.startsWith('DELETE FROM inbox')) (params[1] as string[]).forEach((id) => inbox.delete(id));
        else if (sql.startsWith('SAVEPOINT')) savepoint = { inbox: new Set(inbox), effects: effects.length };
        else if (sql.startsWith('RELEASE')) savepoint = null;
        else if (sql.startsWith('ROLLBACK TO')) effects = effects.slice(0, savepoint!.effects);
        else if (sql.startsWith('INSERT INTO effects')) effects.push(String(params[0]));
        else throw new Error(`unexpected statement: ${sql}`);
        return [];
      },
    } as unknown as EntityManager;
    const result = await work(manager);
    this.inbox = inbox;
    this.effects.push(...effects);
    return result;
  }
}

const events = (n: number) =>
  Array.from({ length: n }, () =>
    createEvent(Topics.replySent, { producer: 'p', conversationId: '0d6c9c56-3f0a-4d5e-9a86-1e4f1c2a7b33', payload }),
  );

const records = (list: (EventEnvelope | string)[]): BusRecord[] =>
  list.map((e, i) => ({
    topic: Topics.replySent,
    key: 'k',
    value: typeof e === 'string' ? e : JSON.stringify(e),
    partition: 0,
    offset: String(i),
  }));

describe('ConsumerRunner.handleBatch', () => {
  let db: FakeDatabase;
  let resolved: string[];
  let afterCommit: string[];
  let committed: number;
  let active: () => boolean;
  /** Called with each event before its effect is written; throwing fails the handler. */
  let before: (event: EventEnvelope) => void;

  const control = () => ({
    heartbeat: async () => {},
    resolved: async (record: BusRecord) => void resolved.push(record.offset!),
    active: () => active(),
  });

  function runner(limits: BatchLimits = { maxEvents: 200, maxMs: 60_000 }) {
    const bus = { publish: async () => {} } as unknown as EventBus;
    return new ConsumerRunner(
      'c',
      Topics.replySent,
      async (event: EventEnvelope, { manager, afterCommit: after }: EventContext) => {
        before(event);
        await manager.query('INSERT INTO effects', [event.id]);
        after(() => afterCommit.push(event.id));
      },
      db.dataSource,
      bus,
      () => committed++,
      { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      limits,
    );
  }

  beforeEach(() => {
    db = new FakeDatabase();
    resolved = [];
    afterCommit = [];
    committed = 0;
    active = () => true;
    before = () => undefined;
  });

  it('applies a batch in one transaction with one inbox insert, in order, and resolves its last record', async () => {
    const list = events(5);
    await runner().handleBatch(records(list), control());
    expect(db.effects).toEqual(list.map((e) => e.id));
    expect(afterCommit).toEqual(list.map((e) => e.id));
    expect({ transactions: db.transactions, inboxInserts: db.inboxInserts, committed }).toEqual({
      transactions: 1,
      inboxInserts: 1,
      committed: 1,
    });
    expect(resolved).toEqual(['4']);
  });

  it('skips events the inbox holds, and a repeat within the batch', async () => {
    const list = events(3);
    db.inbox.add(list[0].id);
    await runner().handleBatch(records([list[0], list[1], list[1], list[2]]), control());
    expect(db.effects).toEqual([list[1].id, list[2].id]);
    expect(resolved).toEqual(['3']);
  });

  it('commits what came before a failing event, retries it alone, then goes on with the rest in order', async () => {
    const list = events(5);
    let failures = 0;
    before = (e) => {
      if (e.id === list[2].id && failures++ === 0) throw new Error('deadlock detected');
    };
    await runner().handleBatch(records(list), control());
    expect(db.effects).toEqual(list.map((e) => e.id));
    // The failed attempt's afterCommit never ran: only the retry's did.
    expect(afterCommit).toEqual(list.map((e) => e.id));
    expect(db.transactions).toBe(3);
    expect(db.inbox.size).toBe(5);
    expect(resolved).toEqual(['1', '2', '4']);
  });

  it('dead-letters an event that fails for good and an invalid record; their neighbours are applied in order', async () => {
    const list = events(4);
    before = (e) => {
      if (e.id === list[1].id) throw new PermanentEventError('customer unknown');
    };
    await runner().handleBatch(records([list[0], list[1], list[2], '{not json', list[3]]), control());
    expect(db.effects).toEqual([list[0].id, list[2].id, list[3].id]);
    expect(db.deadLetters).toEqual(['customer unknown', expect.stringContaining('not JSON')]);
    // The dead-lettered event left no inbox row: its failed effects and its inbox entry rolled back together.
    expect(db.inbox.has(list[1].id)).toBe(false);
    expect(resolved).toEqual(['0', '1', '2', '3', '4']);
  });

  it('rolls the whole batch back and resolves nothing when the database is down', async () => {
    const list = events(3);
    before = (e) => {
      if (e.id === list[1].id) throw new Error('Connection terminated unexpectedly');
    };
    await expect(runner().handleBatch(records(list), control())).rejects.toThrow('Connection terminated');
    expect(db.effects).toEqual([]);
    expect(db.inbox.size).toBe(0);
    expect(resolved).toEqual([]);
    expect(afterCommit).toEqual([]);
  });

  it('caps a transaction by count and by time', async () => {
    const list = events(5);
    await runner({ maxEvents: 2, maxMs: 60_000 }).handleBatch(records(list), control());
    expect({ transactions: db.transactions, resolved }).toEqual({ transactions: 3, resolved: ['1', '3', '4'] });

    db = new FakeDatabase();
    resolved = [];
    await runner({ maxEvents: 200, maxMs: 0 }).handleBatch(records(list), control());
    expect(db.effects).toEqual(list.map((e) => e.id));
    expect({ transactions: db.transactions, resolved }).toEqual({
      transactions: 5,
      resolved: ['0', '1', '2', '3', '4'],
    });
    // Events a transaction did not get to were not left in the inbox as applied.
    expect(db.inboxInserts).toBe(5);
  });

  it('starts no further transaction once the transport takes the records back', async () => {
    const list = events(4);
    let checks = 0;
    active = () => checks++ === 0;
    await runner({ maxEvents: 2, maxMs: 60_000 }).handleBatch(records(list), control());
    expect(db.effects).toEqual([list[0].id, list[1].id]);
    expect(resolved).toEqual(['1']);
  });
});
