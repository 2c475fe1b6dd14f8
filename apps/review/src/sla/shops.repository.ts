// Owns: shops
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessHours, SlaPolicy } from './business-hours.util';

/**
 * The shops of this desk. Nothing here writes: shops are set up by the migrations, and memberships (read here to
 * check an assignee) are written by sign-in and user management.
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

  /** Pass the transaction's manager when asking from inside one (the embedded database has a single connection). */
  async hasMember(shopId: string, userId: string, m: DataSource | EntityManager = this.db): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND shop_id = $2`, [userId, shopId]);
    return rows.length > 0;
  }
}
