import { DraftedPayload, TriagedPayload, triagedPayloadSchema } from '@draftdesk/contracts';
import { composeReply } from '@draftdesk/drafting';
import {
  KbRepository,
  PgKnowledge,
  DESK_SHOP_ID,
  effectivePolicy,
  loadSampleShop,
  LoadedShop,
  OrderConnector,
  StoredPolicyReadModel,
  withDemoOrdersDatedToday,
} from '@draftdesk/shop';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ambientQueryRunner } from '@draftdesk/database';
import { DataSource, EntityManager } from 'typeorm';
import { DraftRepository } from './draft.repository';
import { DRAFTER_OPTIONS, DrafterOptions } from './drafter.options';
import { replySubject } from './reply-subject.util';
import { buildKnowledge, buildOrders, drafterFactory, DrafterFactory } from './drafting-engine';
import { redraftReason } from './reviewer-instruction.util';

/** A redraft: which review item it replaces, which attempt it is, and the reviewer's instruction. */
export interface Redraft {
  itemId: string;
  revision: number;
  instruction: string;
}

/** What the drafter kept of an earlier draft to write it again. */
export interface DraftSource {
  conversationId: string;
  messageId: string;
  source: TriagedPayload | null;
}

@Injectable()
export class DraftsService {
  readonly shop: LoadedShop;
  readonly knowledge: PgKnowledge;
  readonly kb: KbRepository;
  private readonly drafters: DrafterFactory;
  private readonly orders: OrderConnector;
  private readonly storedPolicy: StoredPolicyReadModel;

  constructor(
    @Inject(DRAFTER_OPTIONS) private readonly options: DrafterOptions,
    dataSource: DataSource,
    private readonly draftRows: DraftRepository,
  ) {
    this.shop = withDemoOrdersDatedToday(loadSampleShop(options.shopDir), new Date());
    this.drafters = drafterFactory(options, this.shop, draftRows.tokenUsage());
    this.orders = buildOrders(options, this.shop);
    // Knowledge reads join the consumer's transaction (see ambientQueryRunner) instead of taking a second connection.
    this.knowledge = buildKnowledge(ambientQueryRunner(dataSource), this.shop);
    this.kb = new KbRepository(dataSource);
    this.storedPolicy = new StoredPolicyReadModel(ambientQueryRunner(dataSource));
  }

  /** The policy for the next draft: the one saved on the desk's settings page wins over the shop folder's. */
  async policy() {
    const stored = await this.storedPolicy.latest(DESK_SHOP_ID);
    return effectivePolicy(this.shop.policy, stored?.policy ?? null);
  }

  /** Drafts the reply and asks the policy gate what may happen with it. Automated mail gets no draft at all. */
  async compose(message: TriagedPayload, redraft?: Redraft): Promise<DraftedPayload> {
    const { triage } = message;
    const draftId = randomUUID();
    const result = await composeReply(
      {
        text: message.text,
        html: message.html,
        subject: message.subject,
        customer: {
          address: message.customer.address,
          name: message.customer.name,
          identity: (message.identityVerified ?? message.channel === 'email') ? 'verified' : 'unverified',
        },
        automated: message.automated.automated,
        channel: message.channel,
        history: message.history,
        triage,
      },
      {
        shop: this.shop.shop,
        policy: await this.policy(),
        knowledge: this.knowledge,
        orders: this.orders,
        drafter: this.drafters(redraft?.instruction),
        products: this.shop.products,
      },
    );
    return {
      draftId,
      messageId: message.messageId,
      ...(message.sequence ? { messageSequence: message.sequence } : {}),
      channel: message.channel,
      to: { address: message.customer.address, name: message.customer.name },
      mailbox: message.mailbox,
      ...(message.conversationToken ? { conversationToken: message.conversationToken } : {}),
      subject: replySubject(message.subject, triage.language),
      body: result.draft?.body ?? null,
      language: triage.language,
      intent: triage.intent,
      confidence: result.confidence,
      decision: result.decision,
      reasons: redraft ? [...result.reasons, redraftReason(redraft.instruction)] : result.reasons,
      citations: result.draft?.citations ?? [],
      reply: { messageId: `${draftId}@${this.options.messageIdDomain}`, ...message.reply },
      chat: message.chat,
      customerText: message.text,
      // The reviewer checks the draft against the order it was grounded in, not against triage's guesses.
      orderFacts: result.orderFacts,
      ...(redraft ? { redraftOf: redraft.itemId, revision: redraft.revision } : {}),
    };
  }

  /**
   * Keeps the draft and the triaged message it was written from. Returns false when this revision of the
   * message's draft exists already: one first draft per message, and one draft per redraft revision.
   */
  async store(
    m: EntityManager,
    conversationId: string,
    d: DraftedPayload,
    source?: TriagedPayload,
    instruction?: string,
  ): Promise<boolean> {
    return this.draftRows.insert(m, { conversationId, payload: d, source, instruction });
  }

  /** The draft's message as triaged, and the next free revision for it; null when the draft is unknown. */
  async source(m: EntityManager, draftId: string): Promise<(DraftSource & { nextRevision: number }) | null> {
    const row = await this.draftRows.findSource(m, draftId);
    if (!row) return null;
    const parsed = row.source ? triagedPayloadSchema.safeParse(row.source) : null;
    return {
      conversationId: row.conversation_id,
      messageId: row.message_id,
      source: parsed?.success ? parsed.data : null,
      nextRevision: Number(row.next_revision),
    };
  }
}
