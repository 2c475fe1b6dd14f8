import { randomUUID } from 'node:crypto';
import { escapeLiteral } from 'pg';
import { perSecond } from './stats';
import { batches, workloadItem } from './workload';

export interface RawInsertFigures {
  rows: number;
  seconds: number;
  rowsPerS: number;
  /** True when the time bound stopped the loop before all rows were written. */
  truncated: boolean;
}

export interface RawInsertResult {
  engine: string;
  /** BEGIN; INSERT one row; COMMIT — the shape of one consumer's per-message transaction, minus its other statements. */
  transactionPerRow: RawInsertFigures;
  /** INSERTs of `batchSize` rows, one transaction each. */
  batched: RawInsertFigures & { batchSize: number };
}

type Rows = (sql: string) => Promise<unknown[]>;

function messageRow(conversationId: string, externalId: string, from: string, subject: string, text: string): string {
  const values = [randomUUID(), conversationId, 'inbound', 'email', externalId, from, subject, text, text].map(
    escapeLiteral,
  );
  return `(${values.join(', ')}, now())`;
}

const INSERT = `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, occurred_at) VALUES `;

/**
 * The same N messages written straight into a migrated `messages` table: the database's own ceiling for the rows
 * the pipeline stores. Literal SQL (simple protocol) keeps one code path for PostgreSQL and PGlite's socket.
 */
export async function measureRawInserts(
  engine: string,
  run: string,
  n: number,
  rows: Rows,
  options = { batchSize: 500, maxSeconds: 60 },
): Promise<RawInsertResult> {
  const customerId = randomUUID();
  const conversationId = randomUUID();
  await rows(
    `INSERT INTO customers (id, address, name) VALUES (${escapeLiteral(customerId)}, ${escapeLiteral(`raw-${run}@example.test`)}, 'Raw')`,
  );
  await rows(
    `INSERT INTO conversations (id, customer_id, channel, subject, token) VALUES (${escapeLiteral(conversationId)}, ${escapeLiteral(customerId)}, 'email', 'raw', ${escapeLiteral(`raw-${run}`)})`,
  );
  const row = (kind: string, i: number) => {
    const item = workloadItem(run, i);
    return messageRow(conversationId, `raw-${run}-${kind}-${i}`, item.customer, item.subject, item.text);
  };

  process.stderr.write(`raw ${engine}: ${n} rows, one transaction each (at most ${options.maxSeconds} s)\n`);
  let started = Date.now();
  let done = 0;
  for (; done < n && Date.now() - started < options.maxSeconds * 1000; done++) {
    await rows('BEGIN');
    await rows(INSERT + row('row', done));
    await rows('COMMIT');
  }
  const perRowMs = Date.now() - started;
  const transactionPerRow = {
    rows: done,
    seconds: perRowMs / 1000,
    rowsPerS: perSecond(done, perRowMs),
    truncated: done < n,
  };

  process.stderr.write(`raw ${engine}: ${n} rows in INSERTs of ${options.batchSize}\n`);
  started = Date.now();
  done = 0;
  for (const [from, to] of batches(n, options.batchSize)) {
    if (Date.now() - started >= options.maxSeconds * 1000) break;
    const values = Array.from({ length: to - from }, (_, k) => row('batch', from + k)).join(',\n');
    await rows('BEGIN');
    await rows(INSERT + values);
    await rows('COMMIT');
    done = to;
  }
  const batchedMs = Date.now() - started;
  return {
    engine,
    transactionPerRow,
    batched: {
      rows: done,
      seconds: batchedMs / 1000,
      rowsPerS: perSecond(done, batchedMs),
      truncated: done < n,
      batchSize: options.batchSize,
    },
  };
}
