import pino from 'pino';
import { PollingWorker } from './polling-worker';

const silent = pino({ level: 'silent' });
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PollingWorker', () => {
  let passes: number;
  let gate: Promise<void>;
  let worker: PollingWorker;

  beforeEach(async () => {
    passes = 0;
    gate = Promise.resolve();
    worker = new PollingWorker(async () => {
      passes++;
      await gate;
      return { more: false, waitMs: 60_000 };
    }, silent);
    worker.start();
    await tick();
    expect(passes).toBe(1);
  });

  afterEach(() => worker.stop());

  it('wakes one pass for commits that finish in the same turn of the event loop', async () => {
    for (let i = 0; i < 5; i++) setImmediate(() => worker.nudge());
    await tick();
    await tick();
    await tick();
    expect(passes).toBe(2);
  });

  it('runs once more for nudges that arrive during a pass, then sleeps', async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    worker.nudge();
    await tick();
    expect(passes).toBe(2);
    worker.nudge();
    worker.nudge();
    gate = Promise.resolve();
    release();
    await tick();
    await tick();
    expect(passes).toBe(3);
  });
});
