import { parseArgs } from 'node:util';
import { Field, FIELDS, TONES, Values } from './init-fields.util';

export type Tone = (typeof TONES)[number];
export type OrderSource =
  | { kind: 'file' }
  | { kind: 'rest'; url: string; token?: string }
  | { kind: 'shopify'; storeUrl: string; token: string };
export type Mailbox = { kind: 'smtp' } | { kind: 'imap'; host: string; port: number; user: string; password: string };

export interface InitAnswers {
  name: string;
  /** ISO 639-1; the first is the shop's default language. */
  languages: string[];
  tone: Tone;
  supportAddress: string;
  website: string;
  orders: OrderSource;
  mailbox: Mailbox;
}

/** A bad or missing value, named by its flag so that a script's author knows what to fix. */
export class InitInputError extends Error {
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(`--${flag}: ${message}`);
    this.name = 'InitInputError';
  }
}

/** How questions reach a person; absent when nobody can answer (no terminal, or --yes). */
export interface Asker {
  ask(question: string, options: { fallback?: string; secret?: boolean }): Promise<string>;
  tell(message: string): void;
}

/**
 * The command line of init: `[dir] --flag value…`. Unknown flags are refused; `--yes`/`--non-interactive` means that
 * nothing is asked (as when stdin is not a terminal).
 */
export function parseInitArgs(argv: string[]): {
  dir: string;
  given: Partial<Values>;
  noQuestions: boolean;
  force: boolean;
  help: boolean;
} {
  const options = Object.fromEntries(FIELDS.map((f) => [f.flag, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...options,
        yes: { type: 'boolean', short: 'y' },
        'non-interactive': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new InitInputError(
      (/'--?([\w-]+)/.exec((error as Error).message) ?? [])[1] ?? 'flags',
      (error as Error).message.split('. ')[0],
    );
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (positionals.length > 1) throw new InitInputError('dir', `one folder only, got ${positionals.join(' ')}`);
  const given = Object.fromEntries(
    FIELDS.filter((f) => values[f.flag] !== undefined).map((f) => [f.flag, values[f.flag] as string]),
  );
  return {
    dir: positionals[0] ?? 'my-shop',
    given,
    noQuestions: !!(values.yes || values['non-interactive']),
    force: !!values.force,
    help: !!values.help,
  };
}

async function answer(field: Field, values: Values, given: string | undefined, asker: Asker | null): Promise<string> {
  const fallback = field.fallback?.(values);
  if (given !== undefined) {
    try {
      return field.check(given, values);
    } catch (error) {
      throw new InitInputError(field.flag, (error as Error).message);
    }
  }
  if (!asker) {
    if (fallback !== undefined) return fallback;
    throw new InitInputError(
      field.flag,
      'missing (give it as a flag, or run draftdesk init in a terminal without --yes to be asked)',
    );
  }
  for (;;) {
    const reply = await asker.ask(field.question, { fallback: fallback || undefined, secret: field.secret });
    const value = reply === '' ? fallback : reply;
    if (value === undefined) {
      asker.tell('  an answer is needed');
      continue;
    }
    try {
      return field.check(value, values);
    } catch (error) {
      asker.tell(`  ${(error as Error).message}`);
    }
  }
}

/**
 * Every answer init needs, from the flags and, for what they leave out, from the asker (or the defaults when there
 * is none). A flag that the other answers make pointless (--imap-host with --mailbox smtp) is refused, not ignored.
 */
export async function resolveAnswers(given: Partial<Values>, asker: Asker | null): Promise<InitAnswers> {
  const values: Values = {};
  for (const field of FIELDS) {
    if (field.when && !field.when.applies(values)) {
      if (given[field.flag] !== undefined)
        throw new InitInputError(field.flag, `does not apply here (${field.when.text})`);
      continue;
    }
    values[field.flag] = await answer(field, values, given[field.flag], asker);
  }
  return toAnswers(values);
}

function toAnswers(v: Values): InitAnswers {
  const token = v['orders-token'] || undefined;
  const orders: OrderSource =
    v.orders === 'rest'
      ? { kind: 'rest', url: v['orders-url'], token }
      : v.orders === 'shopify'
        ? { kind: 'shopify', storeUrl: v['shopify-store'], token: v['orders-token'] }
        : { kind: 'file' };
  const mailbox: Mailbox =
    v.mailbox === 'imap'
      ? {
          kind: 'imap',
          host: v['imap-host'],
          port: Number(v['imap-port']),
          user: v['imap-user'],
          password: v['imap-password'],
        }
      : { kind: 'smtp' };
  return {
    name: v.name,
    languages: v.languages.split(','),
    tone: v.tone as Tone,
    supportAddress: v['support-address'],
    website: v.website.replace(/\/+$/, ''),
    orders,
    mailbox,
  };
}
