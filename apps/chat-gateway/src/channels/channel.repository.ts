// Owns: chat_channels
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A chat_channels row: the channel's settings and its credentials, sealed. */
export interface ChannelRow {
  id: string;
  kind: 'generic' | 'whatsapp';
  callback_url: string | null;
  api_base_url: string | null;
  phone_number_id: string | null;
  rate_per_second: number;
  rate_burst: number;
  identity_verified: boolean;
  secrets_enc: string;
}

/** A row's columns in the order INSERT names them. */
const values = (row: ChannelRow) => [
  row.id,
  row.kind,
  row.callback_url,
  row.api_base_url,
  row.phone_number_id,
  row.rate_per_second,
  row.rate_burst,
  row.secrets_enc,
  row.identity_verified,
];
const INSERT = `INSERT INTO chat_channels (id, kind, callback_url, api_base_url, phone_number_id, rate_per_second, rate_burst, secrets_enc, identity_verified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

@Injectable()
export class ChannelRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(row: ChannelRow): Promise<void> {
    await this.dataSource.query(
      `${INSERT}
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, callback_url = EXCLUDED.callback_url,
         api_base_url = EXCLUDED.api_base_url, phone_number_id = EXCLUDED.phone_number_id,
         rate_per_second = EXCLUDED.rate_per_second, rate_burst = EXCLUDED.rate_burst,
         secrets_enc = EXCLUDED.secrets_enc, identity_verified = EXCLUDED.identity_verified, updated_at = now()`,
      values(row),
    );
  }

  /** False when a channel with this id exists (it is left as it is). */
  async insert(row: ChannelRow): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `${INSERT} ON CONFLICT (id) DO NOTHING RETURNING id`,
      values(row),
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<ChannelRow | null> {
    const [row]: ChannelRow[] = await this.dataSource.query(`SELECT * FROM chat_channels WHERE id = $1`, [id]);
    return row ?? null;
  }

  list(): Promise<ChannelRow[]> {
    return this.dataSource.query(`SELECT * FROM chat_channels ORDER BY id`);
  }
}
