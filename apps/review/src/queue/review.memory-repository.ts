import type { DraftedPayload, DraftStatus } from '@draftdesk/contracts';
import type { OutboxService } from '@draftdesk/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditLogRepository } from '../drafts/audit-log.repository';
import type { ConversationDraftSummary, CountRow, ReviewItemsRepository } from '../drafts/review-items.repository';
import type { BusinessHours, SlaPolicy } from '../sla/business-hours.util';
import type { ShopsRepository } from '../sla/shops.repository';
import type { LiveEvent, LiveEventsService } from '../live/live-events.service';
import type { ReviewOptions } from '../review.options';
import { ActionsService } from './actions.service';
import type { QueueFilter } from './queue-filter.util';
import type { ReviewItemRow } from './review-item.view';
import type { ReviewRecordsRepository, TriageCorrection } from './review-records.repository';
import type { ScheduledSendWorker } from './scheduled-send.worker';

/**
 * The review desk's repositories over arrays and maps, for unit specs of the services' decisions. They do what
 * the SQL does for one process: no locks (a "transaction" just runs), versions bump on every change.
 */
const TX = {} as EntityManager;

type Item = ReviewItemRow & { trace_headers?: Record<string, string> | null };

export class InMemoryReviewItems implements Pick<
  ReviewItemsRepository,
  | 'transaction'
  | 'lockConversation'
  | 'itemsOfConversation'
  | 'lockItem'
  | 'versionOf'
  | 'traceHeadersOf'
  | 'claim'
  | 'release'
  | 'approve'
  | 'scheduleSend'
  | 'undoSend'
  | 'reject'
  | 'keepForOwnReply'
  | 'approveWritten'
  | 'requestRedraft'
  | 'escalate'
  | 'reassign'
  | 'snooze'
  | 'correctTriage'
  | 'find'
  | 'draftsOfConversation'
  | 'counts'
> {
  readonly items = new Map<string, Item>();

  add(item: Item): void {
    this.items.set(item.draft_id, { ...item });
  }

  get(draftId: string): Item {
    return this.items.get(draftId)!;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(TX);
  }

  async lockConversation() {}

  async itemsOfConversation(_m: EntityManager, conversationId: string) {
    return [...this.items.values()]
      .filter((i) => i.conversation_id === conversationId)
      .map((i) => ({
        draftId: i.draft_id,
        messageId: i.payload.messageId,
        sequence: i.payload.messageSequence ?? null,
        status: i.status as DraftStatus,
      }));
  }

  async lockItem(_m: EntityManager, draftId: string, shopId: string) {
    return this.find(draftId, shopId);
  }

  async find(draftId: string, shopId: string): Promise<ReviewItemRow | null> {
    const item = this.items.get(draftId);
    return item && item.shop_id === shopId ? { ...item } : null;
  }

  async versionOf(_m: EntityManager, draftId: string, shopId: string) {
    return (await this.find(draftId, shopId))?.version ?? null;
  }

  async traceHeadersOf(_m: EntityManager, draftId: string) {
    return this.items.get(draftId)?.trace_headers ?? null;
  }

  claim(_m: EntityManager, draftId: string, shopId: string, userId: string, ttlSeconds: number) {
    return this.update(draftId, shopId, {
      claimed_by: userId,
      claim_expires_at: new Date(Date.now() + ttlSeconds * 1000),
    });
  }

  release(_m: EntityManager, draftId: string, shopId: string) {
    return this.update(draftId, shopId, unclaimed);
  }

  approve(_m: EntityManager, draftId: string, shopId: string, body: string, decidedBy: string) {
    return this.update(draftId, shopId, { status: 'approved', body, ...decided(decidedBy), ...unclaimed });
  }

  scheduleSend(_m: EntityManager, draftId: string, shopId: string, body: string, decidedBy: string, delay: number) {
    const send_at = new Date(Date.now() + delay * 1000);
    return this.update(draftId, shopId, {
      status: 'sending',
      send_at,
      body,
      needs_human_reply: false,
      ...decided(decidedBy),
      ...unclaimed,
    });
  }

  undoSend(_m: EntityManager, draftId: string, shopId: string, by?: { messageId: string; draftId: string }) {
    const reopened = { send_at: null, decided_by: null, decided_at: null };
    if (!by) return this.update(draftId, shopId, { status: 'pending', ...reopened });
    return this.update(draftId, shopId, {
      status: 'superseded',
      superseded_by_message_id: by.messageId,
      superseded_by_draft_id: by.draftId,
      superseded_at: new Date(),
      ...reopened,
    });
  }

  reject(
    _m: EntityManager,
    draftId: string,
    shopId: string,
    reason: string | null,
    decidedBy: string,
    closeReason: string | null = null,
  ) {
    return this.update(draftId, shopId, {
      status: 'rejected',
      reject_reason: reason,
      close_reason: closeReason,
      needs_human_reply: false,
      ...decided(decidedBy),
      ...unclaimed,
    });
  }

  keepForOwnReply(_m: EntityManager, draftId: string, shopId: string, userId: string, reason: string | null) {
    return this.update(draftId, shopId, {
      needs_human_reply: true,
      assignee_id: userId,
      body: null,
      reject_reason: reason,
    });
  }

  approveWritten(_m: EntityManager, draftId: string, shopId: string, body: string, decidedBy: string) {
    return this.update(draftId, shopId, {
      status: 'approved',
      body,
      needs_human_reply: false,
      ...decided(decidedBy),
      ...unclaimed,
    });
  }

  requestRedraft(_m: EntityManager, draftId: string, shopId: string, decidedBy: string) {
    return this.update(draftId, shopId, { status: 'redraft_requested', ...decided(decidedBy), ...unclaimed });
  }

  escalate(_m: EntityManager, draftId: string, shopId: string, reason: string | null, escalatedBy: string) {
    return this.update(draftId, shopId, {
      escalated: true,
      escalation_reason: reason,
      escalated_by: escalatedBy,
      assignee_id: null,
      ...unclaimed,
    });
  }

  handBack(_m: EntityManager, draftId: string, shopId: string, assigneeId: string | null) {
    return this.update(draftId, shopId, {
      escalated: false,
      escalation_reason: null,
      escalated_by: null,
      assignee_id: assigneeId,
      ...unclaimed,
    });
  }

  reassign(_m: EntityManager, draftId: string, shopId: string, assigneeId: string | null) {
    return this.update(draftId, shopId, { assignee_id: assigneeId, ...unclaimed });
  }

  snooze(_m: EntityManager, draftId: string, shopId: string, until: string | null) {
    return this.update(draftId, shopId, { snoozed_until: until ? new Date(until) : null, ...unclaimed });
  }

  correctTriage(
    _m: EntityManager,
    draftId: string,
    shopId: string,
    t: { intent: string | null; language: string | null; priority: string; dueAt: Date | null },
  ) {
    return this.update(draftId, shopId, {
      intent: t.intent,
      language: t.language,
      priority: t.priority,
      due_at: t.dueAt,
    });
  }

  async draftsOfConversation(conversationId: string, shopId: string): Promise<ConversationDraftSummary[]> {
    return [...this.items.values()]
      .filter((i) => i.conversation_id === conversationId && i.shop_id === shopId)
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.draft_id.localeCompare(b.draft_id))
      .map((i) => ({
        draftId: i.draft_id,
        messageId: i.payload.messageId,
        status: i.status,
        createdAt: i.created_at,
        decidedAt: i.decided_at,
        supersededAt: i.superseded_at,
      }));
  }

  /** GROUPING SETS ((priority), (intent), (language), (channel), (mailbox), ()) of the shop's items in the status. */
  async counts(shopId: string, userId: string, filter: Pick<QueueFilter, 'status' | 'includeSnoozed'>) {
    const now = new Date();
    const rows = [...this.items.values()].filter(
      (i) =>
        i.shop_id === shopId &&
        i.status === filter.status &&
        (filter.includeSnoozed || !i.snoozed_until || i.snoozed_until <= now),
    );
    const row = (group: ReviewItemRow[], g: number, key?: (typeof DIMENSIONS)[number]): CountRow => ({
      ...(Object.fromEntries(DIMENSIONS.map((d) => [d, d === key ? (group[0][d] ?? null) : null])) as Pick<
        CountRow,
        (typeof DIMENSIONS)[number]
      >),
      n: group.length,
      breached: group.filter((i) => i.sla_breached_at).length,
      mine: group.filter((i) => i.assignee_id === userId).length,
      unassigned: group.filter((i) => !i.assignee_id).length,
      escalated: group.filter((i) => i.escalated).length,
      g,
    });
    const out = [row(rows, 31)];
    DIMENSIONS.forEach((key, index) => {
      const groups = new Map<string | null, ReviewItemRow[]>();
      for (const i of rows) groups.set(i[key] ?? null, [...(groups.get(i[key] ?? null) ?? []), i]);
      for (const group of groups.values()) out.push(row(group, 31 ^ (1 << (4 - index)), key));
    });
    return out;
  }

  private async update(draftId: string, shopId: string, patch: Partial<ReviewItemRow>): Promise<ReviewItemRow> {
    const item = this.items.get(draftId);
    if (!item || item.shop_id !== shopId) throw new Error(`no item ${draftId} in shop ${shopId}`);
    Object.assign(item, patch, { version: item.version + 1 });
    return { ...item };
  }
}

const DIMENSIONS = ['priority', 'intent', 'language', 'channel', 'mailbox'] as const;

const unclaimed = { claimed_by: null, claim_expires_at: null };
const decided = (by: string) => ({ decided_by: by, decided_at: new Date() });

export interface AuditEntry {
  actor: string;
  action: string;
  draftId: string;
  before: unknown;
  after: unknown;
  shopId: string;
}

export class InMemoryAuditLog implements Pick<AuditLogRepository, 'recordDraft' | 'trail'> {
  readonly entries: AuditEntry[] = [];

  async recordDraft(
    ...[, actor, action, draftId, before, after, shopId]: Parameters<AuditLogRepository['recordDraft']>
  ) {
    this.entries.push({ actor, action, draftId, before, after, shopId });
  }

  async trail(shopId: string, limit: number, entityId: string | null) {
    return this.entries
      .map((e, i) => ({ id: i + 1, ...e }))
      .filter((e) => e.shopId === shopId && (!entityId || e.draftId === entityId))
      .reverse()
      .slice(0, limit);
  }
}

export class InMemoryReviewRecords implements Pick<
  ReviewRecordsRepository,
  'addNote' | 'addMentions' | 'strangersTo' | 'notesOf' | 'recordRedraftRequest' | 'recordTriageCorrection'
> {
  readonly notes: { id: string; shopId: string; draftId: string; authorId: string; body: string; createdAt: Date }[] =
    [];
  readonly redraftRequests: { shopId: string; draftId: string; instruction: string; requestedBy: string }[] = [];
  readonly corrections: TriageCorrection[] = [];
  /** Authors' emails, as the users table would give them. */
  readonly emails = new Map<string, string>();
  /** Who has a role in which shop, as memberships would say: `${shopId}/${userId}`. */
  readonly members = new Set<string>();
  readonly mentions: { noteId: string; userId: string; shopId: string }[] = [];

  async addMentions(_m: EntityManager, shopId: string, noteId: string, userIds: readonly string[]) {
    for (const userId of new Set(userIds)) this.mentions.push({ noteId, userId, shopId });
  }

  async strangersTo(_m: EntityManager, shopId: string, userIds: readonly string[]) {
    return userIds.filter((id) => !this.members.has(`${shopId}/${id}`));
  }

  async addNote(_m: EntityManager, shopId: string, draftId: string, authorId: string, body: string) {
    const note = { id: String(this.notes.length + 1), shopId, draftId, authorId, body, createdAt: new Date() };
    this.notes.push(note);
    return { id: note.id, createdAt: note.createdAt };
  }

  async notesOf(draftId: string) {
    return this.notes
      .filter((n) => n.draftId === draftId)
      .map((n) => ({
        id: n.id,
        body: n.body,
        createdAt: n.createdAt,
        author: this.emails.get(n.authorId) ?? null,
        mentions: this.mentions
          .filter((m) => m.noteId === n.id)
          .map((m) => ({ id: m.userId, email: this.emails.get(m.userId) ?? '', name: '' })),
      }));
  }

  async recordRedraftRequest(
    _m: EntityManager,
    shopId: string,
    draftId: string,
    instruction: string,
    requestedBy: string,
  ) {
    this.redraftRequests.push({ shopId, draftId, instruction, requestedBy });
  }

  async recordTriageCorrection(_m: EntityManager, c: TriageCorrection) {
    this.corrections.push(c);
  }
}

export class InMemoryShops implements Pick<ShopsRepository, 'slaSettings' | 'hasMember' | 'sendDelaySeconds'> {
  readonly shops = new Map<string, { businessHours: BusinessHours; sla: SlaPolicy }>();
  /** Shops with a send delay of their own (shops.send_delay_seconds). */
  readonly sendDelays = new Map<string, number>();
  /** `${shopId}/${userId}` of every membership. */
  readonly members = new Set<string>();

  async slaSettings(_m: EntityManager, shopId: string) {
    return this.shops.get(shopId) ?? null;
  }

  async sendDelaySeconds(_m: EntityManager, shopId: string) {
    return this.sendDelays.get(shopId) ?? null;
  }

  async hasMember(shopId: string, userId: string, _m?: unknown) {
    return this.members.has(`${shopId}/${userId}`);
  }
}

/** A draft as the drafter announces it; override what the spec cares about. */
export function draftedPayload(overrides: Partial<DraftedPayload> = {}): DraftedPayload {
  const draftId = randomUUID();
  return {
    draftId,
    messageId: randomUUID(),
    channel: 'email',
    to: { address: 'sanne@example.test', name: 'Sanne' },
    mailbox: 'support@shop.test',
    subject: 'Re: Waar is mijn bestelling?',
    body: 'Beste Sanne, uw pakket is onderweg.',
    language: 'nl',
    intent: 'track_order',
    confidence: 0.9,
    decision: 'review',
    reasons: [],
    citations: [],
    reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
    chat: null,
    customerText: 'Waar is mijn bestelling?',
    ...overrides,
  };
}

/** A pending item of the default shop for a fresh draft; override what the spec cares about. */
export function reviewItem(overrides: Partial<ReviewItemRow> = {}): ReviewItemRow {
  const payload = draftedPayload();
  return {
    draft_id: payload.draftId,
    conversation_id: randomUUID(),
    shop_id: 'default',
    status: 'pending',
    decision: 'review',
    version: 1,
    payload,
    body: payload.body,
    channel: 'email',
    mailbox: payload.mailbox,
    intent: 'track_order',
    language: 'nl',
    priority: 'normal',
    response_kind: 'first',
    due_at: new Date('2026-12-01T12:00:00Z'),
    sla_breached_at: null,
    assignee_id: null,
    escalated: false,
    claimed_by: null,
    claim_expires_at: null,
    snoozed_until: null,
    decided_by: null,
    decided_at: null,
    reject_reason: null,
    close_reason: null,
    needs_human_reply: false,
    send_error: null,
    superseded_by_message_id: null,
    superseded_by_draft_id: null,
    superseded_at: null,
    send_at: null,
    escalation_reason: null,
    escalated_by: null,
    created_at: new Date('2026-12-01T09:00:00Z'),
    ...overrides,
  };
}

/**
 * An ActionsService over these repositories, with the outbox's events and the live events it published kept in
 * arrays; `sender` stands in for the worker that sends delayed approvals.
 */
export function inMemoryActions(options: ReviewOptions, sender?: Pick<ScheduledSendWorker, 'scheduled'>) {
  const desk = {
    items: new InMemoryReviewItems(),
    auditLog: new InMemoryAuditLog(),
    records: new InMemoryReviewRecords(),
    shops: new InMemoryShops(),
    events: [] as { topic: string; payload: Record<string, unknown> }[],
    live: [] as LiveEvent[],
  };
  const outbox = {
    add: async (_m: unknown, event: { topic: string; payload: Record<string, unknown> }) =>
      void desk.events.push(event),
    committed: () => undefined,
  } as unknown as OutboxService;
  const actions = new ActionsService(
    desk.items as unknown as ReviewItemsRepository,
    desk.records as unknown as ReviewRecordsRepository,
    desk.auditLog as unknown as AuditLogRepository,
    desk.shops as unknown as ShopsRepository,
    outbox,
    { publish: (e: LiveEvent) => desk.live.push(e) } as unknown as LiveEventsService,
    options,
    sender as ScheduledSendWorker | undefined,
  );
  return { ...desk, actions };
}
