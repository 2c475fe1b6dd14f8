import { runSendCrash } from '../../bench/support/send-crash-run';

/**
 * Two mail-send replicas (from dist/), one SIGKILLed after the other while 1,000 replies go out through the real SMTP relay into Dovecot.
 * Every reply must arrive; a reply goes out twice only when the kill falls between the relay's 250 and our commit
 * of SENT. The figures (duplicates, retry wait of a mid-send reply) are printed and, with `npm run
 * bench:send-crash`, kept in bench/results/send-crash.json.
 */
describe('mail-send killed while 1,000 replies go out (SMTP relay → Dovecot)', () => {
  it('loses none, sends each with one Message-ID, and retries a reply caught mid-send within its lease', async () => {
    const result = await runSendCrash({ replies: 1000, kills: 8, replicas: 2, timeoutMs: 240_000 });
    process.stdout.write(`send-crash: ${JSON.stringify(result)}\n`);
    // A replica is killed only once the other is up and sending (as when one pod of several crashes); start-up time
    // bounds how many kills fit into 1,000 replies (500 were all out after the first kill on a quiet machine).
    expect(result.kills).toBeGreaterThanOrEqual(1);
    expect(result.lost).toBe(0);
    expect(result.sent).toBe(1000);
    // Only a reply between the end of DATA and our mark of the server's 250 can repeat: at most one per SMTP
    // connection (mail-send opens 3) of the killed replica.
    expect(result.duplicates).toBeLessThanOrEqual(3 * result.kills);
    // The kills landed mid-send, and the ledger shows it.
    expect(result.interruptedAttempts).toBeGreaterThan(0);
    expect(result.retryWaitMs.count).toBe(result.interruptedAttempts);
  }, 600_000);
});
