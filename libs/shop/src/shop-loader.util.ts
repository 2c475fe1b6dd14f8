import { existsSync, readdirSync, readFileSync } from 'fs';
import matter from 'gray-matter';
import { dirname, join, resolve } from 'path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KbSnippet, OrderFacts, Product, ShopProfile } from './shop.types';
import { parsePolicy, type ShopPolicy } from './shop-policy.schema';

export interface LoadedShop {
  shop: ShopProfile;
  policy: ShopPolicy;
  snippets: KbSnippet[];
  orders: OrderFacts[];
  products: Product[];
}

export const shopSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    signature: z.record(z.string(), z.string()),
    tone: z.enum(['formal', 'friendly']),
    defaultLanguage: z.string().min(2),
    supportEmail: z.string().email(),
    website: z.string().url(),
    personalResponseHours: z.number().int().positive().max(168).optional(),
    safetyInstruction: z.record(z.string(), z.string().min(1)).optional(),
    demoOrdersAsOf: z.iso.date().optional(),
  })
  .strict();

// Product texts must exist in Dutch and English; other languages are welcome and fall back to English.
const productText = z.object({ nl: z.string().min(1), en: z.string().min(1) }).catchall(z.string().min(1));
export const productSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id'),
    name: productText,
    aliases: z.array(z.string().min(3)).default([]),
    attributes: z
      .array(
        z
          .object({
            key: z.string().min(1),
            terms: z.array(z.string().min(2)).min(1),
            label: productText,
            value: productText,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const snippetFrontMatter = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(['article', 'macro', 'policy']),
  intents: z.array(z.string()).default([]),
  language: z.string().min(2),
  url: z.string().url().optional(),
  register: z.enum(['formal', 'informal']).optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date');
export const orderSchema = z.object({
  orderNumber: z.string().min(1),
  status: z.enum(['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded']),
  placedAt: isoDate,
  total: z.object({ amount: z.number().nonnegative(), currency: z.string().length(3) }),
  items: z.array(z.object({ name: z.string().min(1), quantity: z.number().int().positive() })),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  trackingUrl: z.string().url().optional(),
  expectedDelivery: isoDate.optional(),
  shippingAddress: z.string().optional(),
  customerEmail: z.string().email(),
  customerName: z.string().optional(),
  invoiceUrl: z.string().url().optional(),
});

export class ShopLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShopLoadError';
  }
}

function describe(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  return `${file}: invalid field "${issue.path.map(String).join('.') || '(root)'}": ${issue.message}`;
}

export function parseSnippet(markdown: string, file = 'snippet'): KbSnippet {
  const { data, content } = matter(markdown);
  const parsed = snippetFrontMatter.safeParse(data);
  if (!parsed.success) throw new ShopLoadError(describe(file, parsed.error));
  return { ...parsed.data, body: content.trim() };
}

/** Reads a shop directory: shop.yaml, policy.yaml (optional), kb/<lang>/*.md and orders.json (optional). */
export function loadShop(dir: string): LoadedShop {
  const shopFile = join(dir, 'shop.yaml');
  const shop = shopSchema.safeParse(parseYaml(readFileSync(shopFile, 'utf8')));
  if (!shop.success) throw new ShopLoadError(describe(shopFile, shop.error));

  const policyFile = join(dir, 'policy.yaml');
  const policy = parsePolicy(existsSync(policyFile) ? readFileSync(policyFile, 'utf8') : '');

  const snippets: KbSnippet[] = [];
  const kbDir = join(dir, 'kb');
  if (existsSync(kbDir)) {
    for (const lang of readdirSync(kbDir).sort()) {
      const langDir = join(kbDir, lang);
      for (const file of readdirSync(langDir)
        .filter((f) => f.endsWith('.md'))
        .sort()) {
        const path = join(langDir, file);
        snippets.push(parseSnippet(readFileSync(path, 'utf8'), path));
      }
    }
  }
  const ids = new Set<string>();
  for (const s of snippets) {
    if (ids.has(s.id)) throw new ShopLoadError(`${kbDir}: duplicate snippet id "${s.id}"`);
    ids.add(s.id);
  }

  const ordersFile = join(dir, 'orders.json');
  let orders: OrderFacts[] = [];
  if (existsSync(ordersFile)) {
    const parsed = z.array(orderSchema).safeParse(JSON.parse(readFileSync(ordersFile, 'utf8')));
    if (!parsed.success) throw new ShopLoadError(describe(ordersFile, parsed.error));
    orders = parsed.data;
  }
  return { shop: shop.data, policy, snippets, orders, products: loadProducts(dir) };
}

/** products.yaml or products.json: the catalogue product questions are answered from. */
function loadProducts(dir: string): Product[] {
  const file = ['products.yaml', 'products.json'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) return [];
  const text = readFileSync(file, 'utf8');
  const raw: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const parsed = z.array(productSchema).safeParse(raw ?? []);
  if (!parsed.success) throw new ShopLoadError(describe(file, parsed.error));
  const ids = new Set<string>();
  for (const p of parsed.data) {
    if (ids.has(p.id)) throw new ShopLoadError(`${file}: duplicate product id "${p.id}"`);
    ids.add(p.id);
  }
  return parsed.data;
}

/** The repository's samples/shop, found by walking up from this file (works from src and from a build). */
export function sampleShopDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'samples', 'shop');
    if (existsSync(join(candidate, 'shop.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new ShopLoadError(`samples/shop not found above ${__dirname}`);
    dir = parent;
  }
}

let cached: LoadedShop | null = null;

/** The fictional sample shop; pass a directory (e.g. the drafter's SHOP_DIR) to read another one. */
export function loadSampleShop(dir?: string): LoadedShop {
  if (dir) return loadShop(resolve(dir));
  cached ??= loadShop(sampleShopDir());
  return structuredClone(cached);
}
