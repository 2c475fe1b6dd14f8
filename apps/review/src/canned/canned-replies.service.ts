import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { ReviewItemsRepository } from '../drafts/review-items.repository';
import { draftNotFound } from '../queue/review.exception';
import { cannedNotFound, cannedTitleTaken } from './canned.exception';
import { renderCanned } from './canned-placeholders.util';
import { CannedRepliesRepository, CannedReply } from './canned-replies.repository';
import type { CannedReplyQuery, CreateCannedReplyDto, UpdateCannedReplyDto } from './dto/canned-reply.dto';

/** A shop's canned replies, kept by leads and admins, and filled in for the draft an agent inserts one into. */
@Injectable()
export class CannedRepliesService {
  constructor(
    private readonly replies: CannedRepliesRepository,
    private readonly items: ReviewItemsRepository,
    private readonly auditLog: AuditLogRepository,
  ) {}

  list(actor: Actor, query: CannedReplyQuery): Promise<CannedReply[]> {
    return this.replies.list(actor.shopId, query);
  }

  async get(actor: Actor, id: string): Promise<CannedReply> {
    const reply = await this.replies.find(actor.shopId, id);
    if (!reply) throw cannedNotFound(id);
    return reply;
  }

  async create(actor: Actor, dto: CreateCannedReplyDto): Promise<CannedReply> {
    const created = await this.replies.insert(actor.shopId, { ...dto, updatedBy: actor.email });
    if (!created) throw cannedTitleTaken(dto.title, dto.language);
    await this.auditLog.recordSetting(
      actor.email,
      'canned_create',
      'canned_reply',
      created.id,
      null,
      dto,
      actor.shopId,
    );
    return created;
  }

  async update(actor: Actor, id: string, dto: UpdateCannedReplyDto): Promise<CannedReply> {
    const before = await this.get(actor, id);
    const updated = await this.replies.update(actor.shopId, id, { ...dto, updatedBy: actor.email });
    if (updated === 'missing') throw cannedNotFound(id);
    if (updated === 'taken') throw cannedTitleTaken(dto.title ?? before.title, dto.language ?? before.language);
    const { language, title, body } = before;
    await this.auditLog.recordSetting(
      actor.email,
      'canned_update',
      'canned_reply',
      id,
      { language, title, body },
      dto,
      actor.shopId,
    );
    return updated;
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.get(actor, id);
    if (!(await this.replies.delete(actor.shopId, id))) throw cannedNotFound(id);
    const { language, title, body } = before;
    await this.auditLog.recordSetting(
      actor.email,
      'canned_delete',
      'canned_reply',
      id,
      { language, title, body },
      null,
      actor.shopId,
    );
  }

  /**
   * The canned reply's text for this draft: the customer's name, the order the draft was grounded in and the agent's
   * name filled in; what the desk does not know stays as a placeholder, named in `missing`.
   */
  async render(actor: Actor, agentName: string, draftId: string, cannedId: string) {
    const item = await this.items.find(draftId, actor.shopId);
    if (!item) throw draftNotFound(draftId);
    const reply = await this.get(actor, cannedId);
    const { text, missing } = renderCanned(reply.body, {
      customerName: item.payload.to?.name,
      agentName,
      order: item.payload.orderFacts,
      language: reply.language,
    });
    return { cannedId: reply.id, title: reply.title, language: reply.language, text, missing };
  }
}
