// Owns: shop_policies (the drafter reads it through StoredPolicyReadModel in @draftdesk/shop)
import { type ShopPolicy, type StoredPolicy, StoredPolicyReadModel } from '@draftdesk/shop';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The policies saved on the settings page: one row per save, the newest version in force. */
@Injectable()
export class ShopPoliciesRepository {
  constructor(private readonly db: DataSource) {}

  /** The version in force, read as the drafter reads it; null when the shop's admins never saved one. */
  latest(shopId: string): Promise<StoredPolicy | null> {
    return new StoredPolicyReadModel(this.db).latest(shopId);
  }

  /** The next version of the shop's policy; null when another save took that version first. */
  async insert(
    shopId: string,
    policy: ShopPolicy,
    savedBy: string,
  ): Promise<{ version: number; savedAt: Date } | null> {
    const [row] = await this.db.query(
      `INSERT INTO shop_policies (shop_id, version, policy, saved_by)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM shop_policies WHERE shop_id = $1
       ON CONFLICT (shop_id, version) DO NOTHING
       RETURNING version, saved_at`,
      [shopId, JSON.stringify(policy), savedBy],
    );
    return row ? { version: row.version, savedAt: row.saved_at } : null;
  }
}
