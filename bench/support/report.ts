import { cpus, totalmem } from 'node:os';
import { ModeResult } from './pipeline-run';
import { RawKafkaResult } from './raw-kafka';
import { RawInsertResult } from './raw-postgres';
import { ratio } from './stats';

export interface PipelineReport {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  setup: Record<string, unknown>;
  modes: ModeResult[];
  raw: { kafkajs: RawKafkaResult | null; postgres: RawInsertResult | null; pglite: RawInsertResult | null };
  ratios: Record<string, Record<string, number | null>>;
  failures: { mode: string; error: string }[];
}

/** Pipeline throughput as a share of what the engine underneath manages alone (1.0 = the engine's limit). */
export function ratios(modes: ModeResult[], raw: PipelineReport['raw']): PipelineReport['ratios'] {
  const out: PipelineReport['ratios'] = {};
  for (const m of modes) {
    const r: Record<string, number | null> = {};
    if (m.mode !== 'embedded') r.vsRawKafkajs = ratio(m.throughputPerS, raw.kafkajs?.messagesPerS);
    // Tracing's cost: the same pipeline in the same run with spans recorded and exported, against it off.
    if (m.mode === 'kafka+tracing')
      r.vsTracingOff = ratio(m.throughputPerS, modes.find((o) => o.mode === 'kafka')?.throughputPerS);
    r.vsRawPostgresTransactionPerRow = ratio(m.throughputPerS, raw.postgres?.transactionPerRow.rowsPerS);
    r.vsRawPostgresBatched = ratio(m.throughputPerS, raw.postgres?.batched.rowsPerS);
    if (m.mode === 'embedded') {
      r.vsRawPgliteTransactionPerRow = ratio(m.throughputPerS, raw.pglite?.transactionPerRow.rowsPerS);
      r.vsRawPgliteBatched = ratio(m.throughputPerS, raw.pglite?.batched.rowsPerS);
    }
    out[m.mode] = r;
  }
  return out;
}

export function buildReport(
  setup: Record<string, unknown>,
  modes: ModeResult[],
  raw: PipelineReport['raw'],
  failures: PipelineReport['failures'] = [],
): PipelineReport {
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    setup,
    modes,
    raw,
    ratios: ratios(modes, raw),
    failures,
  };
}

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fmt = (x: number | null | undefined, digits = 1) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(digits));

export function formatReport(report: PipelineReport): string {
  const parts: string[] = [];
  parts.push(
    `draftdesk pipeline benchmark — ${report.machine.cpus} CPUs (${report.machine.cpuModel}), node ${report.machine.node}, ${report.generatedAt}`,
    '',
    table(
      ['mode', 'N', 'drafted', 'msgs/s', 'p50 ms', 'p95 ms', 'p99 ms', 'peak RSS MB', 'complete'],
      report.modes.map((m) => [
        m.mode === 'kafka' ? 'kafka+postgres' : m.mode === 'kafka+tracing' ? 'kafka+postgres, tracing on' : 'embedded',
        m.n,
        m.drafts,
        fmt(m.throughputPerS),
        fmt(m.latencyMs.p50, 0),
        fmt(m.latencyMs.p95, 0),
        fmt(m.latencyMs.p99, 0),
        fmt(m.peakRss.totalMb),
        m.completed ? 'yes' : 'NO (timeout)',
      ]),
    ),
  );
  const rawRows: (string | number)[][] = [];
  const k = report.raw.kafkajs;
  if (k) rawRows.push([`kafkajs produce→consume (${k.partitions} partitions)`, k.consumed, fmt(k.messagesPerS)]);
  for (const db of [report.raw.postgres, report.raw.pglite]) {
    if (!db) continue;
    rawRows.push([
      `${db.engine} insert, 1 transaction/row${db.transactionPerRow.truncated ? ' (time-bounded)' : ''}`,
      db.transactionPerRow.rows,
      fmt(db.transactionPerRow.rowsPerS),
    ]);
    rawRows.push([
      `${db.engine} insert, ${db.batched.batchSize} rows/transaction`,
      db.batched.rows,
      fmt(db.batched.rowsPerS),
    ]);
  }
  if (rawRows.length) parts.push('', table(['raw engine', 'messages', 'per s'], rawRows));
  const ratioRows = Object.entries(report.ratios).flatMap(([mode, rs]) =>
    Object.entries(rs).map(([name, v]) => [mode, name, fmt(v, 3)]),
  );
  if (ratioRows.length) parts.push('', table(['mode', 'pipeline / raw', 'ratio'], ratioRows));
  for (const m of report.modes) {
    const per = Object.entries(m.peakRss.perProcessMb).map(
      ([n, mb]) => `${n} ${fmt(mb)} MB / ${fmt(m.peakRss.cpuSeconds[n])} CPU s`,
    );
    parts.push('', `peak RSS / CPU time per process (${m.mode}): ${per.join(', ')}`);
  }
  for (const f of report.failures) parts.push('', `${f.mode} mode FAILED: ${f.error.split('\n')[0]}`);
  return parts.join('\n');
}
