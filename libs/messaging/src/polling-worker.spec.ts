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

describe('PollingWorker options', () => {
  afterEach(() => jest.useRealTimers());

  it('ends the loop at once when stopped during a pass, without sleeping first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = new PollingWorker(async () => {
      await gate;
      return { more: false, waitMs: 60_000 };
    }, silent);
    worker.start();
    await tick();
    const stopped = worker.stop();
    let done = false;
    void stopped.then(() => (done = true));
    release();
    await tick();
    await tick();
    expect(done).toBe(true);
    expect(worker.active).toBe(false);
  });

  it('stops running passes once a pass says the work is done', async () => {
    let passes = 0;
    const worker = new PollingWorker(async () => {
      passes++;
      return { more: true, waitMs: 0, done: passes === 2 };
    }, silent);
    worker.start();
    for (let i = 0; i < 5; i++) await tick();
    expect(passes).toBe(2);
    expect(worker.active).toBe(false);
    await worker.stop();
  });

  it('waits after a failed pass as long as onFailure says, given the error and the failures in a row', async () => {
    jest.useFakeTimers();
    const asked: [string, number][] = [];
    let passes = 0;
    const worker: PollingWorker = new PollingWorker(
      async () => {
        passes++;
        if (passes <= 2) {
          worker.nudge(); // a commit during a failed pass does not cut the wait short
          throw new Error(`down ${passes}`);
        }
        return { more: false, waitMs: 60_000 };
      },
      silent,
      { onFailure: (error, failures) => (asked.push([(error as Error).message, failures]), 1_000) },
    );
    worker.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(passes).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toBe(2);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(passes).toBe(3);
    expect(asked).toEqual([
      ['down 1', 1],
      ['down 2', 2],
    ]);
    const stopped = worker.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopped;
  });

  it('backs off exponentially by default, up to maxBackoffMs', async () => {
    jest.useFakeTimers();
    let passes = 0;
    const worker = new PollingWorker(
      async () => {
        passes++;
        throw new Error('down');
      },
      silent,
      { maxBackoffMs: 1_000 },
    );
    worker.start();
    await jest.advanceTimersByTimeAsync(400);
    expect(passes).toBe(2);
    await jest.advanceTimersByTimeAsync(800);
    expect(passes).toBe(3);
    await jest.advanceTimersByTimeAsync(999);
    expect(passes).toBe(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toBe(4);
    const stopped = worker.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopped;
  });
});
