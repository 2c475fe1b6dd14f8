import { LoggerService } from '@nestjs/common';
import pino, { Bindings, DestinationStream, Logger } from 'pino';
import { traceLogFields } from './tracing';

/** Fields that may carry customer data or secrets: never written to logs. */
const REDACT = [
  'password',
  'token',
  'secret',
  'authorization',
  'body',
  'text',
  'html',
  'address',
  'email',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.body',
  '*.text',
  '*.html',
  '*.address',
  '*.email',
];

let root: Logger | undefined;
/** Unset: JSON lines on stdout, as the services and containers want them. */
let destination: DestinationStream | undefined;

function createRoot(service: string, level: string): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line written while a traced message is handled carries its trace_id and span_id.
      mixin: traceLogFields,
    },
    destination,
  );
}

export function rootLogger(): Logger {
  root ??= createRoot(process.env.DRAFTDESK_SERVICE ?? 'draftdesk', process.env.LOG_LEVEL ?? 'info');
  return root;
}

/** Sets the process-wide logger level and service name; called once by each main.ts after config is loaded. */
export function configureLogging(service: string, level: string): Logger {
  root = createRoot(service, level);
  return root;
}

/** Sends every later log line of this process to `stream` instead of stdout (the embedded mode's log file). */
export function sendLogsTo(stream: DestinationStream): void {
  destination = stream;
  root = undefined;
}

export function createLogger(context: string): Logger {
  return rootLogger().child({ context });
}

/**
 * A child of `parent` that is made on first use: a pino child with redaction costs about 10 µs to build, and most
 * events handled on a hot path log nothing at the level the process logs at.
 */
export function lazyChild(parent: Logger, bindings: () => Bindings): Logger {
  let child: Logger | undefined;
  const made = () => (child ??= parent.child(bindings()));
  return new Proxy({} as Logger, {
    get(_target, property) {
      // Until it exists the child has its parent's level, so a call below that level needs no child.
      if (!child && typeof property === 'string' && property in parent.levels.values) {
        if (!parent.isLevelEnabled(property)) return noop;
      }
      const value = Reflect.get(made(), property);
      return typeof value === 'function' ? value.bind(made()) : value;
    },
    set: (_target, property, value) => Reflect.set(made(), property, value),
    has: (_target, property) => Reflect.has(made(), property),
  });
}

function noop(): void {}

/** Routes Nest's own log lines through pino so every line is structured JSON. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    rootLogger().info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    rootLogger().error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    rootLogger().warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    rootLogger().debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    rootLogger().trace({ context }, String(message));
  }
}
