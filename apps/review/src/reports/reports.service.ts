import { loadSampleShop, autoSendFor, effectivePolicy, type ShopPolicy } from '@draftdesk/shop';
import { Inject, Injectable } from '@nestjs/common';
import { ShopPoliciesRepository } from '../policy/shop-policies.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { daysOf } from './dto/report-query.dto';
import { normalisedEditDistance } from './edit-distance.util';
import { AgentFiguresRow, EditedReplyRow, IntentFiguresRow, ReportsReadModel } from './reports.read-model';

/** Edited replies read per round trip while the edit distance is summed: bounds the memory a year's range takes. */
const EDIT_PAGE = 2000;

export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/** Every figure of one intent (or of all, `intent` null), and what the shop's policy lets it do on its own. */
export interface IntentFigures {
  intent: string | null;
  volume: number;
  autoSent: number;
  approved: number;
  approvedUnchanged: number;
  rejected: number;
  /** Auto-sent of all replies sent (auto-sent + approved by a person). */
  autoSendRate: number | null;
  /** Approved as drafted, of the drafts a person approved. */
  approvedUnchangedRate: number | null;
  /** Mean normalised edit distance (0 unchanged … 1 rewritten) of the drafts a person approved. */
  editDistance: number | null;
  /** Seconds. */
  firstResponse: Percentiles & { count: number };
  /** Seconds from the customer's message to the reply sent or the item closed. */
  resolution: Percentiles;
  sla: { due: number; met: number; attainment: number | null };
  topRejectReason: string | null;
  /** The shop policy for this intent: auto-send on, and the triage confidence it needs. */
  policy: { enabled: boolean; minConfidence: number } | null;
}

export interface AgentFigures {
  email: string;
  name: string | null;
  decisions: number;
  approved: number;
  approvedUnchanged: number;
  /** Seconds from the agent's claim of an item to their decision, median. */
  medianHandlingSeconds: number | null;
}

export interface Report {
  from: string;
  to: string;
  days: string[];
  /** Items per day (aligned with `days`), per channel and per intent. */
  volume: { byChannel: Record<string, number[]>; byIntent: Record<string, number[]> };
  totals: IntentFigures;
  intents: IntentFigures[];
  rejectReasons: { reason: string; count: number }[];
  agents: AgentFigures[];
  autoSendEnabled: boolean;
}

const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const seconds = (n: number | null) => (n === null ? null : Math.round(n));

/** The desk's reports: volumes, response and resolution times, SLA, auto-send and edits, per intent and per agent. */
@Injectable()
export class ReportsService {
  private filePolicy: ShopPolicy | null = null;

  constructor(
    private readonly readModel: ReportsReadModel,
    private readonly policies: ShopPoliciesRepository,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  async report(shopId: string, from: string, to: string): Promise<Report> {
    const [volume, figures, reasons, agents, edits, policy] = await Promise.all([
      this.readModel.volumeByDay(shopId, from, to),
      this.readModel.figuresPerIntent(shopId, from, to),
      this.readModel.rejectReasons(shopId, from, to),
      this.readModel.figuresPerAgent(shopId, from, to),
      this.editDistanceSums(shopId, from, to),
      this.shopPolicy(shopId),
    ]);
    const days = daysOf(from, to);
    const index = new Map(days.map((d, i) => [d, i]));
    const byChannel: Record<string, number[]> = {};
    const byIntent: Record<string, number[]> = {};
    for (const r of volume) {
      const [table, key] = r.channel !== null ? [byChannel, r.channel] : [byIntent, r.intent ?? 'unknown'];
      (table[key] ??= days.map(() => 0))[index.get(r.day)!] = r.n;
    }
    const topReason = new Map<string | null, string>();
    for (const r of reasons) if (!topReason.has(r.intent)) topReason.set(r.intent, r.reason);

    const toFigures = (row: IntentFiguresRow): IntentFigures => ({
      intent: row.intent,
      volume: row.volume,
      autoSent: row.auto_sent,
      approved: row.approved,
      approvedUnchanged: row.approved_unchanged,
      rejected: row.rejected,
      autoSendRate: ratio(row.auto_sent, row.auto_sent + row.approved),
      approvedUnchangedRate: ratio(row.approved_unchanged, row.approved_with_draft),
      editDistance: ratio(edits.get(row.intent) ?? 0, row.approved_with_draft),
      firstResponse: {
        count: row.first_responses,
        p50: seconds(row.first_response_p50),
        p90: seconds(row.first_response_p90),
      },
      resolution: { p50: seconds(row.resolution_p50), p90: seconds(row.resolution_p90) },
      sla: { due: row.sla_due, met: row.sla_met, attainment: ratio(row.sla_met, row.sla_due) },
      topRejectReason: topReason.get(row.intent) ?? null,
      policy: row.intent === null ? null : autoSendFor(policy, row.intent),
    });
    const rows = figures.map(toFigures);
    const totals = rows.find((r) => r.intent === null) ?? toFigures(emptyRow(null));
    const intents = rows.filter((r) => r.intent !== null);
    // Intents the policy would auto-send show too, with nothing received: the shop sees its whole setting.
    for (const intent of policy.autoSend.intents)
      if (!intents.some((r) => r.intent === intent)) intents.push(toFigures(emptyRow(intent)));
    intents.sort((a, b) => b.volume - a.volume || a.intent!.localeCompare(b.intent!));
    return {
      from,
      to,
      days,
      volume: { byChannel, byIntent },
      totals,
      intents,
      rejectReasons: reasons.filter((r) => r.intent === null).map((r) => ({ reason: r.reason, count: r.n })),
      agents: agents.map(toAgentFigures),
      autoSendEnabled: policy.autoSend.enabled,
    };
  }

  /** Sum of the edit distances of the changed replies, per intent and (key null) in all; unchanged ones add 0. */
  private async editDistanceSums(shopId: string, from: string, to: string): Promise<Map<string | null, number>> {
    const sums = new Map<string | null, number>();
    let after: EditedReplyRow | null = null;
    for (;;) {
      const page = await this.readModel.editedReplies(shopId, from, to, after, EDIT_PAGE);
      for (const r of page) {
        const d = normalisedEditDistance(r.drafted, r.sent);
        sums.set(r.intent, (sums.get(r.intent) ?? 0) + d);
        sums.set(null, (sums.get(null) ?? 0) + d);
      }
      if (page.length < EDIT_PAGE) return sums;
      after = page[page.length - 1];
    }
  }

  /** The policy in force, as the drafter reads it: the one saved on the settings page, else the shop folder's. */
  private async shopPolicy(shopId: string): Promise<ShopPolicy> {
    this.filePolicy ??= loadSampleShop(this.options.shopDir).policy;
    const stored = await this.policies.latest(shopId);
    return effectivePolicy(this.filePolicy, stored?.policy ?? null);
  }
}

function toAgentFigures(r: AgentFiguresRow): AgentFigures {
  return {
    email: r.email,
    name: r.name || null,
    decisions: r.decisions,
    approved: r.approved,
    approvedUnchanged: r.approved_unchanged,
    medianHandlingSeconds: seconds(r.handling_p50),
  };
}

function emptyRow(intent: string | null): IntentFiguresRow {
  return {
    intent,
    volume: 0,
    auto_sent: 0,
    approved: 0,
    approved_unchanged: 0,
    approved_with_draft: 0,
    rejected: 0,
    resolution_p50: null,
    resolution_p90: null,
    sla_due: 0,
    sla_met: 0,
    first_responses: 0,
    first_response_p50: null,
    first_response_p90: null,
  };
}
