import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChaosReport } from '../../bench/chaos/chaos-report';
import { ChaosResult, runChaos } from '../../bench/chaos/chaos-run';
import { repoRoot } from '../support/engines';

/**
 * The short chaos run CI does (`npm run chaos` is the long one): 300 messages by signed chat webhook and SMTP through
 * every service as its own process, on a private Kafka and PostgreSQL, while services are SIGKILLed every few seconds
 * and both engines are restarted once. Nothing accepted may be lost, no conversation, message or draft doubled, and
 * at most one reply sent twice.
 */
describe('the pipeline under SIGKILLs and engine restarts (short chaos run)', () => {
  let result: ChaosResult;

  beforeAll(async () => {
    result = await runChaos({
      n: 300,
      killEveryMs: 4_000,
      minKills: 3,
      seed: 20_261_201,
      engineRestarts: true,
      rate: 20,
      stallMs: 120_000,
      progressEveryMs: 10_000,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const report = formatChaosReport(result);
    process.stderr.write(`${report}\n`);
    const dir = join(repoRoot, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'chaos-short.json'), JSON.stringify(result, null, 2));
  }, 1_500_000);

  it('really did kill services and restart both engines', () => {
    expect(result.kills.length).toBeGreaterThanOrEqual(3);
    expect(result.engineRestarts.map((r) => r.engine)).toEqual(['kafka', 'postgres']);
  });

  it('had every message acknowledged by the intake and the pipeline drained', () => {
    expect(result.rejected).toEqual([]);
    expect(result.tally.accepted).toBe(300);
    expect(result.completed).toBe(true);
  });

  it('lost nothing at any stage', () => {
    expect(result.tally.lost).toEqual({ stored: 0, triaged: 0, drafted: 0, sent: 0 });
    expect(result.tally).toMatchObject({ conversations: 300, stored: 300, triaged: 300, drafted: 300 });
    expect(result.tally.delivered).toBe(result.tally.autoSend);
  });

  it('doubled no conversation, message or draft, and sent at most one reply twice', () => {
    const { duplicated } = result.tally;
    expect({
      conversations: duplicated.conversations,
      messages: duplicated.messages,
      drafts: duplicated.drafts,
    }).toEqual({ conversations: 0, messages: 0, drafts: 0 });
    expect(duplicated.sentReplies).toBeLessThanOrEqual(1);
    expect(result.tally.unexpectedReplies).toBe(0);
  });
});
