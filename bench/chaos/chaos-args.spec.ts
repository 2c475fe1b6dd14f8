import { parseChaosArgs } from './chaos-args';

describe('parseChaosArgs', () => {
  const out = 'bench/results/chaos.json';

  it.each([
    [[], { n: 5_000, killEveryMs: 4_000, minKills: 7, engineRestarts: true, rate: 25, stallS: 180, out, build: true }],
    [['--n', '300', '--kill-every-ms', '2500', '--seed', '7'], { n: 300, killEveryMs: 2_500, seed: 7 }],
    [['--no-engine-restarts', '--no-build'], { engineRestarts: false, build: false }],
    [['--kill-every-ms', '0'], { killEveryMs: 0 }],
    [['--min-kills', '3'], { minKills: 3 }],
    [['--rate', '50', '--out', '/tmp/c.json'], { rate: 50, out: '/tmp/c.json' }],
  ])('%j', (argv, expected) => {
    expect(parseChaosArgs(argv, out)).toMatchObject(expected);
  });

  it.each([
    [['--n', '0'], /--n must be a number ≥ 1/],
    [['--n', 'many'], /--n must be a number/],
    [['--kill-every-ms', '-5'], /--kill-every-ms/],
    [['--seed'], /--seed needs a value/],
    [['--kills', '3'], /unknown option --kills/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseChaosArgs(argv, out)).toThrow(message);
  });
});
