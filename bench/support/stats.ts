export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array: a value that was actually observed, never an interpolation. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
    mean: round(sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : NaN),
  };
}

/** Items per second over a span in milliseconds; 0 for an empty or degenerate span. */
export function perSecond(items: number, spanMs: number): number {
  if (!(spanMs > 0) || items <= 0) return 0;
  return Math.round((items / spanMs) * 1000 * 10) / 10;
}

/** part/whole to three decimals, or null when the whole was not measured. */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part == null || whole == null || !(whole > 0)) return null;
  return Math.round((part / whole) * 1000) / 1000;
}
