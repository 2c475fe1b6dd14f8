import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document } from 'yaml';
import { envFile } from './env-file.util';
import type { InitAnswers } from './init-answers.util';

/** A file of the shop folder, relative to it. */
export interface ShopFile {
  path: string;
  text: string;
}

/** apps/cli/templates, beside src in the sources and in dist alike. */
const TEMPLATES = join(__dirname, '..', '..', 'templates');

/** How the team signs; languages without a phrasing here sign in English. */
const TEAM: Record<string, string> = {
  nl: 'Team Klantenservice',
  en: 'Customer Service Team',
  de: 'Das Kundenservice-Team',
  fr: 'Le service client',
};

export function shopId(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'my-shop';
}

function shopYaml(a: InitAnswers): string {
  const signature = Object.fromEntries(
    a.languages.map((l) => [l, `${TEAM[l] ?? TEAM.en}\n${a.name}\n${a.website} | ${a.supportAddress}`]),
  );
  const doc = new Document({
    id: shopId(a.name),
    name: a.name,
    tone: a.tone,
    defaultLanguage: a.languages[0],
    supportEmail: a.supportAddress,
    website: a.website,
    signature,
  });
  doc.commentBefore =
    ' The shop profile: tone (formal = "u"/"Sie"/"Dear …", friendly = "je"/"du"/"Hi …"), languages, signatures.';
  return doc.toString({ lineWidth: 0 });
}

/** Two orders to try the drafts with, dated from today so that their delivery dates make sense in a demo. */
function exampleOrders(today: Date, trackingNumber: () => string): string {
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const order = (
    orderNumber: string,
    status: string,
    placed: number,
    delivery: number,
    item: [string, number],
    customer: [string, string],
    address: string,
  ) => {
    const tracking = trackingNumber();
    return {
      orderNumber,
      status,
      placedAt: `${day(placed)}T10:15:00Z`,
      total: { amount: item[1], currency: 'EUR' },
      items: [{ name: item[0], quantity: 1 }],
      carrier: 'DHL',
      trackingNumber: tracking,
      trackingUrl: `https://track.example.com/${tracking}`,
      expectedDelivery: day(delivery),
      shippingAddress: address,
      customerEmail: customer[1],
      customerName: customer[0],
    };
  };
  const orders = [
    order(
      '10001',
      'shipped',
      -2,
      1,
      ['Example product', 59.95],
      ['Jamie Example', 'jamie@example.com'],
      'Example Street 1, 1000 AA Example City',
    ),
    order(
      '10002',
      'delivered',
      -9,
      -7,
      ['Example accessory', 24.5],
      ['Alex Example', 'alex@example.com'],
      'Example Square 2, 1000 AB Example City',
    ),
  ];
  return `${JSON.stringify(orders, null, 2)}\n`;
}

const randomTrackingNumber = () => `JVGL${Array.from({ length: 10 }, () => randomInt(10)).join('')}`;

/** The starter articles of one language: its own words (in the shop's register where the language has two), or English to translate. */
function starterArticles(a: InitAnswers, language: string): ShopFile[] {
  const folder = [`${language}-${a.tone}`, language].find((f) => existsSync(join(TEMPLATES, 'kb', f))) ?? 'en';
  const translate = folder === 'en' && language !== 'en';
  return readdirSync(join(TEMPLATES, 'kb', folder))
    .sort()
    .map((file) => {
      let text = readFileSync(join(TEMPLATES, 'kb', folder, file), 'utf8')
        .replaceAll('{{language}}', language)
        .replaceAll('{{supportEmail}}', a.supportAddress);
      if (translate) text = text.replace(/^---\n/, `---\n# Written in English: translate it into "${language}".\n`);
      return { path: join('kb', language, file), text };
    });
}

/** Every file of a new shop folder; `dir` is its absolute path, which the .env names. */
export function shopFiles(
  a: InitAnswers,
  dir: string,
  today = new Date(),
  trackingNumber = randomTrackingNumber,
): ShopFile[] {
  return [
    { path: 'shop.yaml', text: shopYaml(a) },
    { path: 'policy.yaml', text: readFileSync(join(TEMPLATES, 'policy.yaml'), 'utf8') },
    ...(a.orders.kind === 'file' ? [{ path: 'orders.json', text: exampleOrders(today, trackingNumber) }] : []),
    ...a.languages.flatMap((language) => starterArticles(a, language)),
    { path: '.env', text: envFile(a, dir, today) },
    { path: '.gitignore', text: '# Secrets and the embedded database stay out of version control.\n.env\ndata/\n' },
  ];
}

/** Writes the files into `dir`, over any of the same name; the .env, which holds secrets, readable by its owner only. */
export function writeShopFiles(dir: string, files: ShopFile[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    if (file.path === '.env') chmodSync(path, 0o600);
  }
}
