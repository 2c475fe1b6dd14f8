import { meetsTarget } from './chaos-tally';
import type { ChaosResult } from './chaos-run';

/** Duplicate sent replies allowed per 5,000 messages (the project's target); never fewer than one allowed in total. */
export function allowedSentDuplicates(n: number): number {
  return Math.max(1, Math.floor(n / 5_000));
}

/** The per-stage table `npm run chaos` prints. */
export function formatChaosReport(r: ChaosResult): string {
  const t = r.tally;
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  const row = (stage: string, count: number | string, lost: number | string, dup: number | string) =>
    `  ${stage.padEnd(26)}${pad(count, 8)}${pad(lost, 8)}${pad(dup, 12)}`;
  const killsBy = r.kills.reduce<Record<string, number>>(
    (m, k) => ({ ...m, [k.service]: (m[k.service] ?? 0) + 1 }),
    {},
  );
  const lines = [
    `chaos run: n=${r.options.n}, kill every ~${r.options.killEveryMs} ms, seed ${r.options.seed}, ${r.options.rate} msg/s, engine restarts ${r.options.engineRestarts ? 'on' : 'off'}`,
    `  ${'stage'.padEnd(26)}${pad('count', 8)}${pad('lost', 8)}${pad('duplicated', 12)}`,
    row('pushed', t.pushed, '', ''),
    row('accepted by the intake', t.accepted, t.pushed - t.accepted, ''),
    row('conversations', t.conversations, '', t.duplicated.conversations),
    row('stored (inbound messages)', t.stored, t.lost.stored, t.duplicated.messages),
    row('triaged', t.triaged, t.lost.triaged, ''),
    row('drafted', t.drafted, t.lost.drafted, t.duplicated.drafts),
    row('auto_send drafts', t.autoSend, '', ''),
    row('sent replies', t.delivered, t.lost.sent, t.duplicated.sentReplies),
    `  duplicated sent replies by channel: mail ${t.duplicatedSentBy.email}, chat ${t.duplicatedSentBy.chat}`,
    `  decisions: ${
      Object.entries(t.decisions)
        .map(([d, n]) => `${d} ${n}`)
        .join(', ') || '-'
    }; replies matching no auto_send draft: ${t.unexpectedReplies}`,
    `  SIGKILLs: ${r.kills.length} (${
      Object.entries(killsBy)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || '-'
    })`,
    `  engine restarts: ${r.engineRestarts.map((e) => `${e.engine} at ${e.atS} s (back after ${e.tookS} s)`).join(', ') || '-'}`,
    `  services that died on their own: ${r.crashes.length}${r.crashes.length ? ` (${r.crashes.map((c) => `${c.service} at ${c.atS} s, exit ${c.exitCode ?? c.signal}${c.duringEngineRestart ? ` during ${c.duringEngineRestart} restart` : ''}`).join('; ')})` : ''}`,
    `  intake attempts: ${r.intakeAttempts} for ${t.pushed} messages; rejected: ${r.rejected.length}; dead letters: ${r.deadLetters}; FAILED deliveries: mail ${r.failedDeliveries.mail}, chat ${r.failedDeliveries.chat}`,
    ...(r.interrupted
      ? ['  INTERRUPTED before the pipeline drained: "lost" includes messages still on their way']
      : []),
    `  time: setup ${r.durationsS.setup} s, intake ${r.durationsS.intake} s, drain ${r.durationsS.drain} s, total ${r.durationsS.total} s; drained completely: ${r.completed ? 'yes' : 'no'}`,
    `  target (0 lost, 0 duplicate conversations/messages/drafts, ≤ ${allowedSentDuplicates(t.pushed)} duplicate sent): ${meetsTarget(t, allowedSentDuplicates(t.pushed)) ? 'met' : 'NOT met'}`,
  ];
  return lines.join('\n');
}
