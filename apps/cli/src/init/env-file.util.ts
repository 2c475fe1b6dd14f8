import { join } from 'node:path';
import type { InitAnswers } from './init-answers.util';

/** One `NAME=value` line in the syntax of Node's .env reader: quoted when needed, with a quote the value lacks. */
export function envLine(name: string, value: string): string {
  if (/^[\w.,:/@{}+-]*$/.test(value)) return `${name}=${value}`;
  const quote = ["'", '`', '"'].find((q) => !value.includes(q));
  if (!quote || /[\r\n]/.test(value))
    throw new Error(
      `${name}: the value cannot be written to a .env file (it holds every kind of quote or a line break)`,
    );
  return `${name}=${quote}${value}${quote}`;
}

/** A display name that needs no quoting in a From header, or the quoted form. */
function displayName(name: string): string {
  return /[,;:<>@()"[\]\\]/.test(name) ? `"${name.replace(/["\\]/g, '')}"` : name;
}

function orderLines(orders: InitAnswers['orders']): string[] {
  if (orders.kind === 'file')
    return [
      '# Orders: orders.json in the shop folder (example orders, dated from the day init ran).',
      envLine('ORDERS_CONNECTOR', 'file'),
    ];
  if (orders.kind === 'rest') {
    return [
      '# Orders: your order API, one order per URL ({orderNumber} is filled in), answered in the shape of orders.json.',
      envLine('ORDERS_CONNECTOR', 'rest'),
      envLine('ORDERS_REST_BY_NUMBER_URL', orders.url),
      ...(orders.token ? [envLine('ORDERS_REST_HEADERS', `Authorization: Bearer ${orders.token}`)] : []),
    ];
  }
  return [
    '# Orders: read from Shopify with an Admin API access token (read_orders).',
    envLine('ORDERS_CONNECTOR', 'shopify'),
    envLine('SHOPIFY_SHOP_URL', orders.storeUrl),
    envLine('SHOPIFY_ACCESS_TOKEN', orders.token),
  ];
}

function mailboxLines(answers: InitAnswers): string[] {
  const mailbox = answers.mailbox;
  if (mailbox.kind === 'smtp') {
    return [
      `# Mail: forward ${answers.supportAddress} to this SMTP listener (on 127.0.0.1; SMTP_INBOUND_HOST=0.0.0.0 takes mail from other hosts).`,
      envLine('SMTP_INBOUND_PORT', '2525'),
    ];
  }
  return [
    '# Mail: draftdesk watches this mailbox (IMAP_SECURE: implicit TLS, as on port 993; false uses STARTTLS when offered).',
    envLine('IMAP_HOST', mailbox.host),
    envLine('IMAP_PORT', String(mailbox.port)),
    envLine('IMAP_SECURE', String(mailbox.port === 993)),
    envLine('IMAP_USER', mailbox.user),
    envLine('IMAP_PASSWORD', mailbox.password),
  ];
}

/** The settings that point the embedded suite at a shop folder made by init, with the mail and order source chosen. */
export function envFile(answers: InitAnswers, shopDir: string, today: Date): string {
  return [
    `# draftdesk settings for ${answers.name}, written by draftdesk init on ${today.toISOString().slice(0, 10)}.`,
    '# Used by: npx draftdesk start --env <this file> (and doctor); a variable set in the environment wins.',
    envLine('SHOP_DIR', shopDir),
    '# The embedded database, generated secrets and tokens, and replies written as files.',
    envLine('DRAFTDESK_DATA_DIR', join(shopDir, 'data')),
    envLine('TRIAGE_LANGUAGES', answers.languages.join(',')),
    envLine('MAIL_FROM', `${displayName(answers.name)} <${answers.supportAddress}>`),
    '',
    ...orderLines(answers.orders),
    '',
    ...mailboxLines(answers),
    '',
  ].join('\n');
}
