import { KbEntry, loadSampleShop } from '@draftdesk/shop';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { articleIdFor, CreateKbArticleDto, KbArticleQuery, UpdateKbArticleDto } from './dto/kb-article.dto';
import { kbArticleIdTaken, kbArticleNotFound } from './kb.exception';
import { KbArticlesRepository } from './kb-articles.repository';

/** An article as the desk shows it; `source` says whether it can be edited here or lives in the shop folder. */
export type KbArticleView = Omit<KbEntry, 'shopId'> & { source: 'database' | 'shop-folder' };

const view = ({ shopId: _shop, ...entry }: KbEntry): KbArticleView => ({ ...entry, source: 'database' });

/**
 * The drafter's knowledge base as the desk reads and edits it. The drafter keeps one shop folder (SHOP_DIR), and its
 * articles are keyed by that folder's shop id; while the table holds none of them, drafts cite the folder's own
 * articles, so the desk shows those too (read-only) — as the drafter would have found them.
 */
@Injectable()
export class KbArticlesService {
  private shop?: ReturnType<typeof loadSampleShop>;

  constructor(
    private readonly articles: KbArticlesRepository,
    private readonly auditLog: AuditLogRepository,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  private get folder() {
    this.shop ??= loadSampleShop(this.options.shopDir);
    return this.shop;
  }

  private get kbShop(): string {
    return this.folder.shop.id;
  }

  async list(query: KbArticleQuery) {
    const items = (await this.articles.list(this.kbShop, query)).map(view);
    const folderArticles = (await this.articles.count(this.kbShop)) === 0 ? this.folder.snippets.length : 0;
    return { items, folderArticles };
  }

  async get(id: string): Promise<KbArticleView> {
    const entry = await this.articles.get(this.kbShop, id);
    if (entry) return view(entry);
    if ((await this.articles.count(this.kbShop)) === 0) {
      const snippet = this.folder.snippets.find((s) => s.id === id);
      if (snippet) {
        const { register: _register, ...article } = snippet;
        return { ...article, source: 'shop-folder' };
      }
    }
    throw kbArticleNotFound(id);
  }

  async create(actor: Actor, dto: CreateKbArticleDto): Promise<KbArticleView> {
    const id = dto.id ?? articleIdFor(dto.language, dto.title);
    if (await this.articles.get(this.kbShop, id)) throw kbArticleIdTaken(id);
    const entry = { ...dto, id, shopId: this.kbShop };
    await this.articles.upsert(entry);
    await this.auditLog.recordSetting(actor.email, 'kb_create', 'kb_article', id, null, dto, actor.shopId);
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateKbArticleDto): Promise<KbArticleView> {
    const before = await this.articles.get(this.kbShop, id);
    if (!before) throw kbArticleNotFound(id);
    await this.articles.upsert({ ...dto, kind: dto.kind ?? before.kind, id, shopId: this.kbShop });
    await this.auditLog.recordSetting(actor.email, 'kb_update', 'kb_article', id, auditable(before), dto, actor.shopId);
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.articles.get(this.kbShop, id);
    if (!before || !(await this.articles.remove(this.kbShop, id))) throw kbArticleNotFound(id);
    await this.auditLog.recordSetting(
      actor.email,
      'kb_delete',
      'kb_article',
      id,
      auditable(before),
      null,
      actor.shopId,
    );
  }
}

function auditable({ kind, language, title, body, intents, url }: KbEntry) {
  return { kind, language, title, body, intents, url };
}
