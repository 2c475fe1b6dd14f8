import { DynamicModule, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReadinessRegistry } from '@draftdesk/observability';
import { DataSource } from 'typeorm';
import { DatabaseSettings, dataSourceOptions } from './data-source';

export const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(settings), autoLoadEntities: true })],
      providers: [{ provide: DATABASE_SETTINGS, useValue: settings }],
      exports: [DATABASE_SETTINGS],
    };
  }

  onApplicationBootstrap() {
    this.readiness.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      return { ok: true };
    });
  }
}

export const InjectDatabaseSettings = () => Inject(DATABASE_SETTINGS);
