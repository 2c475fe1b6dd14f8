import { PassThrough } from 'node:stream';
import pino from 'pino';
import { lazyChild } from './logger';

describe('lazyChild', () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(JSON.parse(chunk.toString())));
  const parent = pino({ level: 'info', base: null, timestamp: false }, stream).child({ topic: 't' });
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  beforeEach(() => (lines.length = 0));

  it('builds the child only when it is first used, once, and logs as that child would', async () => {
    let built = 0;
    const log = lazyChild(parent, () => (built++, { eventId: 'e1' }));
    expect(built).toBe(0);
    log.info({ n: 1 }, 'first');
    log.info('second');
    await flush();
    expect(built).toBe(1);
    expect(lines).toEqual([
      { level: 30, topic: 't', eventId: 'e1', n: 1, msg: 'first' },
      { level: 30, topic: 't', eventId: 'e1', msg: 'second' },
    ]);
  });

  it('builds nothing for a call below the level it logs at', async () => {
    let built = 0;
    const log = lazyChild(parent, () => (built++, { eventId: 'e3' }));
    log.debug('skipped');
    await flush();
    expect(built).toBe(0);
    expect(lines).toEqual([]);
  });

  it('answers level checks, makes children of its own and follows a level change', async () => {
    const log = lazyChild(parent, () => ({ eventId: 'e2' }));
    expect(log.isLevelEnabled('debug')).toBe(false);
    log.level = 'debug';
    log.child({ step: 'retry' }).debug('again');
    await flush();
    expect(lines).toEqual([{ level: 20, topic: 't', eventId: 'e2', step: 'retry', msg: 'again' }]);
  });
});
