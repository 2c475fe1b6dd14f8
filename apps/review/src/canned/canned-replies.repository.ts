// Owns: canned_replies
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface CannedReply {
  id: string;
  shopId: string;
  language: string;
  title: string;
  body: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, shop_id AS "shopId", language, title, body, updated_by AS "updatedBy", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/** The most a list returns: a shop keeps tens of canned replies, not thousands. */
export const CANNED_LIST_LIMIT = 500;

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A shop's canned replies. Every statement is scoped to the shop: another shop's reply does not exist here. */
@Injectable()
export class CannedRepliesRepository {
  constructor(private readonly db: DataSource) {}

  list(shopId: string, filter: { language?: string; q?: string }): Promise<CannedReply[]> {
    const params: unknown[] = [shopId];
    let where = 'shop_id = $1';
    if (filter.language) {
      params.push(filter.language);
      where += ` AND language = $${params.length}`;
    }
    if (filter.q) {
      params.push(likePattern(filter.q));
      where += ` AND (title ILIKE $${params.length} OR body ILIKE $${params.length})`;
    }
    return this.db.query(
      `SELECT ${COLUMNS} FROM canned_replies WHERE ${where} ORDER BY language, lower(title) LIMIT ${CANNED_LIST_LIMIT}`,
      params,
    );
  }

  async find(shopId: string, id: string): Promise<CannedReply | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM canned_replies WHERE id = $1 AND shop_id = $2`, [
      id,
      shopId,
    ]);
    return row ?? null;
  }

  /** The new reply; null when the shop already has one with this title in this language. */
  async insert(
    shopId: string,
    r: { language: string; title: string; body: string; updatedBy: string },
  ): Promise<CannedReply | null> {
    const rows = await this.db.query(
      `INSERT INTO canned_replies (id, shop_id, language, title, body, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (shop_id, language, lower(title)) DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), shopId, r.language, r.title, r.body, r.updatedBy],
    );
    return returnedRows<CannedReply>(rows)[0] ?? null;
  }

  /**
   * The reply with the given fields changed; `missing` when there is none in this shop, `taken` when another reply
   * of the shop already has the resulting title and language.
   */
  async update(
    shopId: string,
    id: string,
    r: { language?: string; title?: string; body?: string; updatedBy: string },
  ): Promise<CannedReply | 'missing' | 'taken'> {
    try {
      const rows = await this.db.query(
        `UPDATE canned_replies SET language = COALESCE($3, language), title = COALESCE($4, title),
           body = COALESCE($5, body), updated_by = $6, updated_at = now()
         WHERE id = $1 AND shop_id = $2 RETURNING ${COLUMNS}`,
        [id, shopId, r.language ?? null, r.title ?? null, r.body ?? null, r.updatedBy],
      );
      return returnedRows<CannedReply>(rows)[0] ?? 'missing';
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return 'taken';
      throw error;
    }
  }

  async delete(shopId: string, id: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM canned_replies WHERE id = $1 AND shop_id = $2 RETURNING id`, [
      id,
      shopId,
    ]);
    return returnedRows(rows).length > 0;
  }
}
