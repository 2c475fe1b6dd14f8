// Owns: shops
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessHours, SlaPolicy } from './business-hours.util';

/** What the settings page shows and changes of a shop. */
export interface ShopSettingsRow {
  id: string;
  name: string;
  businessHours: BusinessHours;
  sla: SlaPolicy;
  /** Null: the desk's configured default. */
  sendDelaySeconds: number | null;
}

export type ShopSettingsChange = Partial<Pick<ShopSettingsRow, 'businessHours' | 'sla' | 'sendDelaySeconds'>>;

const SETTINGS_COLUMNS = `id, name, business_hours AS "businessHours", sla, send_delay_seconds AS "sendDelaySeconds"`;

/**
 * The shops of this desk. Shops are set up by the migrations; an admin changes their hours, SLA targets and send
 * delay on the settings page. Memberships (read here to check an assignee) are written by sign-in and user management.
 */
@Injectable()
export class ShopsRepository {
  constructor(private readonly db: DataSource) {}

  /** The shop's opening hours and SLA policy; null for an unknown shop. */
  async slaSettings(
    m: EntityManager,
    shopId: string,
  ): Promise<{ businessHours: BusinessHours; sla: SlaPolicy } | null> {
    const [shop] = await m.query(`SELECT business_hours, sla FROM shops WHERE id = $1`, [shopId]);
    return shop ? { businessHours: shop.business_hours, sla: shop.sla } : null;
  }

  /** The shop's own send delay in seconds; null when it takes the desk's default. */
  async sendDelaySeconds(m: EntityManager, shopId: string): Promise<number | null> {
    const [shop] = await m.query(`SELECT send_delay_seconds FROM shops WHERE id = $1`, [shopId]);
    return shop?.send_delay_seconds ?? null;
  }

  async settings(shopId: string): Promise<ShopSettingsRow | null> {
    const [shop] = await this.db.query(`SELECT ${SETTINGS_COLUMNS} FROM shops WHERE id = $1`, [shopId]);
    return shop ?? null;
  }

  /** Changes the given settings (a send delay of null goes back to the desk's default); before and after, or null. */
  async updateSettings(
    shopId: string,
    change: ShopSettingsChange,
  ): Promise<{ before: ShopSettingsRow; after: ShopSettingsRow } | null> {
    return this.db.transaction(async (m) => {
      const [before] = await m.query(`SELECT ${SETTINGS_COLUMNS} FROM shops WHERE id = $1 FOR UPDATE`, [shopId]);
      if (!before) return null;
      await m.query(
        `UPDATE shops SET business_hours = COALESCE($2::jsonb, business_hours), sla = COALESCE($3::jsonb, sla),
           send_delay_seconds = CASE WHEN $4 THEN $5::integer ELSE send_delay_seconds END
         WHERE id = $1`,
        [
          shopId,
          change.businessHours ? JSON.stringify(change.businessHours) : null,
          change.sla ? JSON.stringify(change.sla) : null,
          change.sendDelaySeconds !== undefined,
          change.sendDelaySeconds ?? null,
        ],
      );
      const [after] = await m.query(`SELECT ${SETTINGS_COLUMNS} FROM shops WHERE id = $1`, [shopId]);
      return { before, after };
    });
  }

  /** Pass the transaction's manager when asking from inside one (the embedded database has a single connection). */
  async hasMember(shopId: string, userId: string, m: DataSource | EntityManager = this.db): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND shop_id = $2`, [userId, shopId]);
    return rows.length > 0;
  }
}
