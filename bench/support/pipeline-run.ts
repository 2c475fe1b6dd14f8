import { InboundEvent, inboundEvent, batches } from './workload';
import {
  DraftTiming,
  draftTimingsSql,
  pipelineTimings,
  PipelineTimings,
  watchDrafts,
  WatchResult,
} from './drafts-watch';
import { PeakRss } from './processes';
import { perSecond } from './stats';

export interface PushOptions {
  n: number;
  /** Messages per produce call or INSERT. */
  batchSize: number;
  /** Messages per second to pace the push at; 0 pushes everything as one burst. */
  rate: number;
}

/** How a mode hands a batch of inbound events to its pipeline; resolves once the batch is durable there. */
export type PushBatch = (events: InboundEvent[]) => Promise<void>;

/** Pushes messages [0, n) of a run and records when each was handed over (this process's clock, epoch ms). */
export async function pushAll(
  run: string,
  options: PushOptions,
  push: PushBatch,
): Promise<{ pushedAt: Map<string, number>; pushMs: number }> {
  const pushedAt = new Map<string, number>();
  const started = Date.now();
  for (const [from, to] of batches(options.n, options.batchSize)) {
    if (options.rate > 0) {
      const due = started + (from / options.rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const now = new Date();
    const events = Array.from({ length: to - from }, (_, k) => inboundEvent(run, from + k, now));
    await push(events);
    for (const e of events) pushedAt.set(e.payload.externalMessageId, now.getTime());
  }
  return { pushedAt, pushMs: Date.now() - started };
}

export interface ModeResult {
  mode: 'embedded' | 'kafka' | 'kafka+tracing';
  n: number;
  completed: boolean;
  drafts: number;
  pushDurationS: number;
  /** First push to last draft stored, seconds. */
  durationS: number;
  throughputPerS: number;
  latencyMs: PipelineTimings['latency'];
  peakRss: PeakRss;
  warmup: number;
  notes: string[];
}

export interface PipelineHandle {
  push: PushBatch;
  /** Drafts in the database (all runs). */
  countDrafts(): Promise<number>;
  query<T>(sql: string): Promise<T[]>;
  quote(s: string): string;
}

/**
 * The measurement both modes share: a small warm-up (consumer groups joined, code paths compiled), then the
 * measured push with the draft count watched concurrently, then per-message latencies from the database.
 */
export async function measurePipeline(
  label: string,
  run: string,
  options: PushOptions & { warmup: number; timeoutMs: number },
  pipeline: PipelineHandle,
): Promise<{ watch: WatchResult; timings: PipelineTimings; pushMs: number }> {
  if (options.warmup > 0) {
    const before = await pipeline.countDrafts();
    await pushAll(`${run}w`, { n: options.warmup, batchSize: options.warmup, rate: 0 }, pipeline.push);
    const warm = await watchDrafts(
      `${label} warm-up`,
      async () => (await pipeline.countDrafts()) - before,
      options.warmup,
      180_000,
    );
    if (!warm.completed)
      throw new Error(`${label}: warm-up drafted ${warm.reached}/${options.warmup} in 180 s; is the pipeline running?`);
  }
  const baseline = await pipeline.countDrafts();
  const watching = watchDrafts(
    label,
    async () => (await pipeline.countDrafts()) - baseline,
    options.n,
    options.timeoutMs,
  );
  const { pushedAt, pushMs } = await pushAll(run, options, pipeline.push);
  const watch = await watching;
  const drafted = await pipeline.query<DraftTiming>(draftTimingsSql(`bench-${run}-`, pipeline.quote));
  return { watch, timings: pipelineTimings(pushedAt, drafted), pushMs };
}

/** One mode's figures from its measurement; only the process list and the notes differ between modes. */
export function modeResult(
  mode: ModeResult['mode'],
  options: { n: number; warmup: number },
  measured: { watch: WatchResult; timings: PipelineTimings; pushMs: number },
  peakRss: PeakRss,
  notes: string[],
): ModeResult {
  const { watch, timings, pushMs } = measured;
  return {
    mode,
    n: options.n,
    completed: watch.completed,
    drafts: timings.matched,
    pushDurationS: pushMs / 1000,
    durationS: timings.spanMs / 1000,
    throughputPerS: perSecond(timings.matched, timings.spanMs),
    latencyMs: timings.latency,
    peakRss,
    warmup: options.warmup,
    notes,
  };
}
