import { type ConfigOf, type ConfigSchema, loadConfigOrExit } from '@draftdesk/config';
import { configureLogging, createLogger, PinoNestLogger } from '@draftdesk/observability';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HttpErrorFilter } from './http-error.filter';

export interface StartOptions {
  service: string;
  module: Type | DynamicModule;
  port: number;
  host: string;
  logLevel: string;
  /** Off when the caller shuts down resources of its own after the app (the embedded mode's PGlite). */
  shutdownHooks?: boolean;
  /** HTTP setup that must run before the app listens (e.g. body readers of a feature module). */
  configure?: (app: INestApplication) => void;
}

/** Creates and configures one Nest application without listening: what startService runs, and route audits. */
export async function createServiceApp(options: Pick<StartOptions, 'module' | 'configure'>): Promise<INestApplication> {
  const app = await NestFactory.create(options.module, {
    logger: new PinoNestLogger(),
    bodyParser: true,
    rawBody: true,
  });
  options.configure?.(app);
  app.useGlobalFilters(new HttpErrorFilter());
  return app;
}

/** Creates, configures and starts one Nest application; used by every main.ts. */
export async function startService(options: StartOptions): Promise<INestApplication> {
  configureLogging(options.service, options.logLevel);
  const log = createLogger('bootstrap');
  const app = await createServiceApp(options);
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  log.info({ port: options.port }, `${options.service} is up`);
  return app;
}

/** Ends the process with a readable message when start-up fails (engine unreachable, port taken…). */
export function exitOnStartupFailure(service: string) {
  return (error: unknown) => {
    process.stderr.write(`${service}: failed to start: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  };
}

/**
 * A service's whole main.ts: reads its configuration (exit 78 with the variable named when it is wrong), builds its
 * module from it and starts it (exit 1 with the reason when that fails).
 */
export function runService<S extends ConfigSchema>(
  service: string,
  schema: S,
  moduleFor: (config: ConfigOf<S>) => Type | DynamicModule,
  configure?: StartOptions['configure'],
): void {
  const config = loadConfigOrExit(service, schema) as ConfigOf<S> & { PORT: number; HOST: string; LOG_LEVEL: string };
  startService({
    service,
    module: moduleFor(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    configure,
  }).catch(exitOnStartupFailure(service));
}
