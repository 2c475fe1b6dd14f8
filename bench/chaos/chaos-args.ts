export interface ChaosArgs {
  n: number;
  killEveryMs: number;
  minKills: number;
  seed: number;
  engineRestarts: boolean;
  rate: number;
  stallS: number;
  out: string;
  build: boolean;
}

/** Parses `npm run chaos` options; every number is checked and a bad one names its flag. */
export function parseChaosArgs(argv: string[], defaultOut: string): ChaosArgs {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const number = (name: string, fallback: number, min: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got ${raw}`);
    return n;
  };
  const known = new Set([
    'n',
    'kill-every-ms',
    'min-kills',
    'seed',
    'rate',
    'stall-s',
    'out',
    'no-engine-restarts',
    'no-build',
  ]);
  for (const a of argv) if (a.startsWith('--') && !known.has(a.slice(2))) throw new Error(`unknown option ${a}`);
  return {
    n: Math.floor(number('n', 5_000, 1)),
    killEveryMs: number('kill-every-ms', 4_000, 0),
    // Every service killed at least once by default (the victims come from a shuffled bag).
    minKills: Math.floor(number('min-kills', 7, 0)),
    seed: Math.floor(number('seed', Date.now() % 1_000_000, 0)),
    engineRestarts: !argv.includes('--no-engine-restarts'),
    rate: number('rate', 25, 0.1),
    stallS: number('stall-s', 180, 10),
    out: value('out') ?? defaultOut,
    build: !argv.includes('--no-build'),
  };
}
