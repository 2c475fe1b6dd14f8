import { INTENTS } from '@draftdesk/contracts';
import { decideAgain, type Decision, type GateTriage } from '@draftdesk/drafting';
import {
  DEFAULT_ESCALATE_ON,
  effectivePolicy,
  loadSampleShop,
  type OrderFacts,
  type ShopPolicy,
} from '@draftdesk/shop';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { savedMeanwhile } from './policy.exception';
import { DecidedItemRow, PolicyPreviewReadModel } from './policy-preview.read-model';
import { ShopPoliciesRepository } from './shop-policies.repository';

/** How many of the shop's latest drafted messages the preview decides again. */
export const PREVIEW_SIZE = 100;

export interface PreviewItem {
  draftId: string;
  conversationId: string;
  receivedAt: Date;
  subject: string;
  intent: string;
  then: { decision: Decision; reasons: string[] };
  candidate: { decision: Decision; reasons: string[] };
  changed: boolean;
}

/** The canary is a test phrase hidden in the drafter's prompt: the desk neither shows nor records it. */
const withoutCanary = ({ canary: _canary, ...policy }: ShopPolicy): ShopPolicy => policy;

/**
 * The shop's policy as the settings page edits it: the one in force and where it comes from, a new version (audited,
 * in force for the next draft), and what a candidate would have decided on the latest drafted messages.
 */
@Injectable()
export class ShopPolicyService {
  private filePolicy: ShopPolicy | null = null;

  constructor(
    private readonly policies: ShopPoliciesRepository,
    private readonly previewItems: PolicyPreviewReadModel,
    private readonly auditLog: AuditLogRepository,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  /** The policy in force for the shop: the desk's newest version, else policy.yaml (SHOP_DIR, else the sample shop). */
  async effective(shopId: string): Promise<ShopPolicy> {
    const stored = await this.policies.latest(shopId);
    return effectivePolicy(this.file(), stored?.policy ?? null);
  }

  async get(actor: Actor) {
    const stored = await this.policies.latest(actor.shopId);
    return {
      source: stored ? ('desk' as const) : ('file' as const),
      policy: withoutCanary(stored?.policy ?? this.file()),
      version: stored?.version ?? null,
      savedBy: stored?.savedBy ?? null,
      savedAt: stored?.savedAt ?? null,
      filePolicy: withoutCanary(this.file()),
      // What the form offers: the intents triage knows and the usual escalation triggers.
      intents: [...INTENTS],
      escalationTriggers: [...DEFAULT_ESCALATE_ON],
    };
  }

  async save(actor: Actor, policy: ShopPolicy) {
    const before = await this.get(actor);
    const saved = await this.policies.insert(actor.shopId, policy, actor.email);
    if (!saved) throw savedMeanwhile();
    await this.auditLog.recordSetting(
      actor.email,
      'policy_update',
      'shop_policy',
      actor.shopId,
      { source: before.source, version: before.version, policy: before.policy },
      { source: 'desk', version: saved.version, policy },
      actor.shopId,
    );
    return this.get(actor);
  }

  async preview(actor: Actor, candidate: ShopPolicy) {
    const policy = effectivePolicy(this.file(), candidate);
    const items = (await this.previewItems.latest(actor.shopId, PREVIEW_SIZE)).map((row) =>
      this.decideAgain(row, policy),
    );
    const count = (p: (i: PreviewItem) => boolean) => items.filter(p).length;
    return {
      considered: items.length,
      summary: {
        toAutoSend: count((i) => i.then.decision !== 'auto_send' && i.candidate.decision === 'auto_send'),
        fromAutoSend: count((i) => i.then.decision === 'auto_send' && i.candidate.decision !== 'auto_send'),
        changed: count((i) => i.changed),
      },
      items,
    };
  }

  private decideAgain(row: DecidedItemRow, policy: ShopPolicy): PreviewItem {
    const d = row.payload;
    const candidate = decideAgain(
      {
        decision: d.decision,
        reasons: d.reasons,
        body: d.body,
        // The drafter's order source answered it in the shape OrderFacts describes; the event only checks the fields.
        orderFacts: (d.orderFacts ?? null) as OrderFacts | null,
        triage: triageOf(row),
        decidedAt: new Date(row.created_at),
      },
      policy,
    );
    return {
      draftId: row.draft_id,
      conversationId: row.conversation_id,
      receivedAt: row.created_at,
      subject: d.subject,
      intent: d.intent,
      then: { decision: d.decision, reasons: d.reasons },
      candidate,
      changed: candidate.decision !== d.decision,
    };
  }

  private file(): ShopPolicy {
    this.filePolicy ??= loadSampleShop(this.options.shopDir).policy;
    return this.filePolicy;
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/**
 * Triage's verdict as the gate read it. A message without one (not stored by the conversations service) takes the
 * draft's intent and confidence, which is triage's lowered by the gate: such a draft can only look less sure.
 */
function triageOf(row: DecidedItemRow): GateTriage {
  const t = row.triage ?? {};
  const d = row.payload;
  return {
    intent: d.intent,
    confidence: typeof t.confidence === 'number' ? t.confidence : d.confidence,
    sentiment: typeof t.sentiment === 'string' ? t.sentiment : 'neutral',
    urgency: typeof t.urgency === 'string' ? t.urgency : 'normal',
    reasons: strings(t.reasons),
    flags: strings(t.flags),
    language: d.language,
  };
}
