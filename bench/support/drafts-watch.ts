import { SingleBar, Presets } from 'cli-progress';
import { LatencySummary, summarise } from './stats';

export interface WatchResult {
  reached: number;
  completed: boolean;
  elapsedMs: number;
}

/**
 * Polls a count every `intervalMs` until it reaches `target` or the deadline passes, with a progress bar on
 * stderr. `count` must return the number of this run's drafts.
 */
export async function watchDrafts(
  label: string,
  count: () => Promise<number>,
  target: number,
  timeoutMs: number,
  intervalMs = 200,
): Promise<WatchResult> {
  const started = Date.now();
  const bar = new SingleBar(
    {
      format: `${label.padEnd(22)} [{bar}] {value}/{total} drafts | {rate}/s | {duration}s`,
      stream: process.stderr,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  bar.start(target, 0, { rate: 0 });
  let reached = 0;
  try {
    while (Date.now() - started < timeoutMs) {
      reached = await count();
      const seconds = (Date.now() - started) / 1000;
      bar.update(Math.min(reached, target), { rate: seconds > 0 ? Math.round(reached / seconds) : 0 });
      if (reached >= target) break;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  } finally {
    bar.stop();
  }
  return { reached, completed: reached >= target, elapsedMs: Date.now() - started };
}

export interface DraftTiming {
  externalMessageId: string;
  /** drafts.created_at in epoch milliseconds. */
  draftedMs: number;
}

/** Query returning every drafted inbound message of a run with the draft's creation time. */
export function draftTimingsSql(externalIdPrefix: string, quote: (s: string) => string): string {
  return `SELECT m.external_message_id AS "externalMessageId",
                 (extract(epoch FROM d.created_at) * 1000)::float8 AS "draftedMs"
            FROM drafts d JOIN messages m ON m.id = d.message_id
           WHERE m.external_message_id LIKE ${quote(externalIdPrefix + '%')}`;
}

export interface PipelineTimings {
  latency: LatencySummary;
  /** From the first push to the last draft stored. */
  spanMs: number;
  matched: number;
}

/**
 * Latency per message = draft stored − message pushed. Both clocks are this machine's: the push time is taken
 * in this process, drafts.created_at by the database on the same host.
 */
export function pipelineTimings(
  pushedAt: ReadonlyMap<string, number>,
  drafted: readonly DraftTiming[],
): PipelineTimings {
  const latencies: number[] = [];
  let firstPush = Infinity;
  let lastDraft = -Infinity;
  for (const t of pushedAt.values()) firstPush = Math.min(firstPush, t);
  for (const d of drafted) {
    const pushed = pushedAt.get(d.externalMessageId);
    if (pushed === undefined) continue;
    latencies.push(Number(d.draftedMs) - pushed);
    lastDraft = Math.max(lastDraft, Number(d.draftedMs));
  }
  return {
    latency: summarise(latencies),
    spanMs: latencies.length ? lastDraft - firstPush : 0,
    matched: latencies.length,
  };
}
