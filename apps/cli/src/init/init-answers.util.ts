import { shopSchema } from '@draftdesk/llm';
import { DETECTABLE_LANGUAGES } from '@draftdesk/nlp';
import { parseArgs } from 'node:util';

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

const TONES = shopSchema.shape.tone.options;
const ORDER_SOURCES = ['file', 'rest', 'shopify'] as const;
const MAILBOXES = ['smtp', 'imap'] as const;
type Values = Record<string, string>;

interface Field {
  flag: string;
  question: string;
  /** Whether the field applies, given the answers so far, and when that is, in words. */
  when?: { applies: (v: Values) => boolean; text: string };
  fallback?: (v: Values) => string | undefined;
  secret?: boolean;
  /** Throws a message (without the flag) when the value is not acceptable; returns it normalised. */
  check: (value: string, v: Values) => string;
}

function oneOf(allowed: readonly string[]) {
  return (value: string) => {
    if (!allowed.includes(value)) throw new Error(`"${value}" is not one of ${allowed.join(', ')}`);
    return value;
  };
}

function schemaCheck(field: 'supportEmail' | 'website', what: string) {
  return (value: string) => {
    if (!shopSchema.shape[field].safeParse(value).success) throw new Error(`"${value}" is not ${what}`);
    return value;
  };
}

function languages(value: string): string {
  const codes = [
    ...new Set(
      value
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (!codes.length) throw new Error('name at least one language, e.g. en or nl,en');
  const unknown = codes.filter((c) => !DETECTABLE_LANGUAGES.includes(c));
  if (unknown.length)
    throw new Error(
      `${unknown.map((c) => `"${c}"`).join(', ')}: not an ISO 639-1 code draftdesk detects (e.g. nl, en, de, fr, es, it)`,
    );
  return codes.join(',');
}

function singleLine(what: string) {
  return (value: string) => {
    if (!value.trim()) throw new Error(`${what} must not be empty`);
    if (/[\r\n]/.test(value)) throw new Error(`${what} must be one line`);
    return value.trim();
  };
}

/** `my-store`, `my-store.myshopify.com` or a full URL, as the Shopify admin shows it. */
function shopifyStore(value: string): string {
  const url = /^https?:\/\//.test(value) ? value : `https://${value.includes('.') ? value : `${value}.myshopify.com`}`;
  return schemaCheck('website', 'a Shopify store (my-store or my-store.myshopify.com)')(url.replace(/\/+$/, ''));
}

const IMAP = { applies: (v: Values) => v.mailbox === 'imap', text: 'only with --mailbox imap' };

const FIELDS: Field[] = [
  { flag: 'name', question: 'Shop name', check: singleLine('the name') },
  {
    flag: 'languages',
    question: 'Languages you answer in (ISO 639-1, comma-separated, the first is the default)',
    fallback: () => 'en',
    check: languages,
  },
  { flag: 'tone', question: `Tone (${TONES.join(' or ')})`, fallback: () => 'friendly', check: oneOf(TONES) },
  {
    flag: 'support-address',
    question: 'Support address customers write to',
    check: schemaCheck('supportEmail', 'an email address'),
  },
  {
    flag: 'website',
    question: 'Website',
    fallback: (v) => `https://${v['support-address'].split('@')[1]}`,
    check: schemaCheck('website', 'a URL (https://…)'),
  },
  {
    flag: 'orders',
    question: `Order source (${ORDER_SOURCES.join(', ')})`,
    fallback: () => 'file',
    check: oneOf(ORDER_SOURCES),
  },
  {
    flag: 'orders-url',
    question: 'URL that answers one order, with {orderNumber} where the number goes',
    when: { applies: (v) => v.orders === 'rest', text: 'only with --orders rest' },
    check: (value) => {
      if (!value.includes('{orderNumber}'))
        throw new Error('put {orderNumber} where the order number goes, e.g. https://erp.example/orders/{orderNumber}');
      return schemaCheck('website', 'a URL (https://…)')(value);
    },
  },
  {
    flag: 'shopify-store',
    question: 'Shopify store (my-store.myshopify.com)',
    when: { applies: (v) => v.orders === 'shopify', text: 'only with --orders shopify' },
    check: shopifyStore,
  },
  {
    flag: 'orders-token',
    question: 'Access token of the order source (empty for none)',
    when: { applies: (v) => v.orders !== 'file', text: 'only with --orders rest or shopify' },
    fallback: (v) => (v.orders === 'rest' ? '' : undefined),
    secret: true,
    check: (value, v) => {
      if (/[;\r\n]/.test(value)) throw new Error('must not contain ";" or line breaks');
      if (!value && v.orders === 'shopify') throw new Error('a Shopify store needs its Admin API access token');
      return value;
    },
  },
  {
    flag: 'mailbox',
    question: 'Mailbox (smtp: mail is forwarded to draftdesk; imap: draftdesk watches a mailbox)',
    fallback: () => 'smtp',
    check: oneOf(MAILBOXES),
  },
  {
    flag: 'imap-host',
    question: 'IMAP server',
    when: IMAP,
    check: (value) => {
      if (!/^[a-z0-9.-]+$/i.test(value)) throw new Error(`"${value}" is not a host name`);
      return value;
    },
  },
  {
    flag: 'imap-port',
    question: 'IMAP port (993 with TLS)',
    when: IMAP,
    fallback: () => '993',
    check: (value) => {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535)
        throw new Error(`"${value}" is not a port number`);
      return value;
    },
  },
  {
    flag: 'imap-user',
    question: 'IMAP user',
    when: IMAP,
    fallback: (v) => v['support-address'],
    check: singleLine('the user'),
  },
  { flag: 'imap-password', question: 'IMAP password', when: IMAP, secret: true, check: singleLine('the password') },
];

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
