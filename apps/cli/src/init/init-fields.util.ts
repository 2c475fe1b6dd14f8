import { shopSchema } from '@draftdesk/shop';
import { DETECTABLE_LANGUAGES } from '@draftdesk/triage';

// The tones the shop loader accepts: one list, so init never offers a tone the drafter would refuse.
export const TONES = shopSchema.shape.tone.options;
const ORDER_SOURCES = ['file', 'rest', 'shopify'] as const;
const MAILBOXES = ['smtp', 'imap'] as const;

/** The answers so far, as typed, by flag. */
export type Values = Record<string, string>;

export interface Field {
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

/** Every value init needs, in the order it is asked; the flag is its name. */
export const FIELDS: Field[] = [
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
