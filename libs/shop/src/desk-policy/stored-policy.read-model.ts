import { policySchema, type ShopPolicy } from '../shop-policy.schema';

/** Anything that runs SQL with $n parameters and answers rows: a TypeORM DataSource or EntityManager, a pg Pool. */
export interface RowQuery {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface StoredPolicy {
  version: number;
  policy: ShopPolicy;
  savedBy: string;
  savedAt: Date;
}

interface StoredPolicyRow {
  version: number;
  policy: unknown;
  saved_by: string;
  saved_at: Date;
}

/**
 * The policy the review desk saved for a shop (its newest version), as the drafter reads it before each draft. The
 * review service owns the table; this reads it only. One indexed row per draft, beside the knowledge-base queries the
 * draft makes anyway, so a saved policy decides the very next draft in one process and across services alike.
 */
export class StoredPolicyReadModel {
  constructor(private readonly db: RowQuery) {}

  /** Null when the desk never saved one, or when what it saved no longer fits the schema (the file's then counts). */
  async latest(shopId: string): Promise<StoredPolicy | null> {
    const rows = (await this.db.query(
      `SELECT version, policy, saved_by, saved_at FROM shop_policies WHERE shop_id = $1 ORDER BY version DESC LIMIT 1`,
      [shopId],
    )) as StoredPolicyRow[];
    const row = rows[0];
    if (!row) return null;
    const parsed = policySchema.safeParse(row.policy);
    if (!parsed.success) return null;
    return { version: row.version, policy: parsed.data as ShopPolicy, savedBy: row.saved_by, savedAt: row.saved_at };
  }
}
