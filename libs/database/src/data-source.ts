import { DataSource, DataSourceOptions } from 'typeorm';
import { InitialSchema1764201600000 } from './migrations/1764201600000-InitialSchema';
import { ChatGateway1764201700000 } from './migrations/1764201700000-ChatGateway';
import { ReviewDesk1764202700000 } from './migrations/1764202700000-ReviewDesk';
import { KnowledgeBase1764203100000 } from './migrations/1764203100000-KnowledgeBase';
import { TriageLearning1764203500000 } from './migrations/1764203500000-TriageLearning';
import { Mailboxes1764203800000 } from './migrations/1764203800000-Mailboxes';
import { Redrafts1764204200000 } from './migrations/1764204200000-Redrafts';
import { ShopIntents1764204300000 } from './migrations/1764204300000-ShopIntents';
import { ChatChannelIdentity1764204400000 } from './migrations/1764204400000-ChatChannelIdentity';
import { RateLimits1764204460000 } from './migrations/1764204460000-RateLimits';
import { SendLedger1764204600000 } from './migrations/1764204600000-SendLedger';
import { TraceContext1764209000000 } from './migrations/1764209000000-TraceContext';
import { SupersededDrafts1764209500000 } from './migrations/1764209500000-SupersededDrafts';
import { DrafterLlmUsage1764210000000 } from './migrations/1764210000000-DrafterLlmUsage';
import { RejectChoices1764210100000 } from './migrations/1764210100000-RejectChoices';
import { SendDelay1764210500000 } from './migrations/1764210500000-SendDelay';
import { EscalationHandBack1764211400000 } from './migrations/1764211400000-EscalationHandBack';
import { ShopPolicies1764212300000 } from './migrations/1764212300000-ShopPolicies';
import { CannedReplies1764211200000 } from './migrations/1764211200000-CannedReplies';
import { NoteMentions1764211100000 } from './migrations/1764211100000-NoteMentions';
import { ReportIndexes1764211300000 } from './migrations/1764211300000-ReportIndexes';
import { ConversationInbox1764211000000 } from './migrations/1764211000000-ConversationInbox';
import { InboxEntries1764212000000 } from './migrations/1764212000000-InboxEntries';

/** Every migration, in order. Listed explicitly so the same list works from sources and from dist/. */
export const MIGRATIONS = [
  InitialSchema1764201600000,
  ChatGateway1764201700000,
  ReviewDesk1764202700000,
  KnowledgeBase1764203100000,
  TriageLearning1764203500000,
  Mailboxes1764203800000,
  Redrafts1764204200000,
  ShopIntents1764204300000,
  ChatChannelIdentity1764204400000,
  RateLimits1764204460000,
  SendLedger1764204600000,
  TraceContext1764209000000,
  SupersededDrafts1764209500000,
  DrafterLlmUsage1764210000000,
  RejectChoices1764210100000,
  SendDelay1764210500000,
  ConversationInbox1764211000000,
  NoteMentions1764211100000,
  CannedReplies1764211200000,
  ReportIndexes1764211300000,
  EscalationHandBack1764211400000,
  InboxEntries1764212000000,
  ShopPolicies1764212300000,
];

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  entities?: DataSourceOptions['entities'];
  applicationName?: string;
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName,
    extra: { max: settings.poolSize, connectionTimeoutMillis: 10_000 },
  };
}

/** Held while migrating so that replicas started together never run migrations twice. */
const MIGRATION_LOCK = 0x64726674; // "drft"

export async function runMigrations(
  settings: DatabaseSettings,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions({ ...settings, poolSize: 2 }), entities: [] });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    log('waiting for the migration lock');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // The lock lives on this session for as long as the migrations run on the pool's other connection.
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`applied ${m.name}`);
      if (applied.length === 0) log('schema is up to date');
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
