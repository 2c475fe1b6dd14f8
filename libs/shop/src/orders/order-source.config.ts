import { configProblem, env } from '@draftdesk/config';
import { z } from 'zod';
import type { OrderFacts } from '../shop.types';
import { CachedOrderConnector } from './cached-order.connector';
import { InMemoryOrderConnector } from './memory-order.connector';
import type { OrderConnector, OrderHistorySource } from './order-connector.types';
import { RestOrderConnector } from './rest-order.connector';
import { ShopifyOrderConnector } from './shopify-order.connector';

const headerList = z
  .string()
  .regex(/^([A-Za-z0-9-]+:[^;]+)(;\s*[A-Za-z0-9-]+:[^;]+)*$/, 'expected "Name: value; Other: value"')
  .optional();

/** Where a shop's orders come from: the drafter grounds replies in them, the desk shows a customer's orders. */
export const orderSourceConfigShape = {
  ORDERS_CONNECTOR: z.enum(['file', 'rest', 'shopify']).default('file'),
  ORDERS_REST_BY_NUMBER_URL: z.string().url().optional(),
  ORDERS_REST_BY_EMAIL_URL: z.string().url().optional(),
  /** e.g. "Authorization: Bearer abc; X-Api-Key: xyz" */
  ORDERS_REST_HEADERS: headerList,
  SHOPIFY_SHOP_URL: z.string().url().optional(),
  SHOPIFY_ACCESS_TOKEN: z.string().min(1).optional(),
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .default('2024-10'),
  ORDERS_TIMEOUT_MS: env.int().pipe(z.number().min(100)).default(3000),
  ORDERS_CACHE_TTL_MS: env.int().pipe(z.number().min(0)).default(60_000),
};

type OrderSourceConfig = z.infer<z.ZodObject<typeof orderSourceConfigShape>>;

/** `file`: the shop folder's orders.json. */
export type OrderSource =
  | { kind: 'file' }
  | {
      kind: 'rest';
      byNumberUrl?: string;
      byEmailUrl?: string;
      headers: Record<string, string>;
      timeoutMs: number;
      cacheTtlMs: number;
    }
  | {
      kind: 'shopify';
      shopUrl: string;
      accessToken: string;
      apiVersion: string;
      timeoutMs: number;
      cacheTtlMs: number;
    };

/** Combinations that could only fail at the first order lookup, refused where the settings are read. */
export function orderSourceConfigRules(config: OrderSourceConfig, ctx: z.RefinementCtx): void {
  if (config.ORDERS_CONNECTOR === 'rest' && !config.ORDERS_REST_BY_NUMBER_URL && !config.ORDERS_REST_BY_EMAIL_URL)
    configProblem(
      ctx,
      'ORDERS_REST_BY_NUMBER_URL',
      'is required (or ORDERS_REST_BY_EMAIL_URL) when ORDERS_CONNECTOR=rest',
    );
  if (config.ORDERS_CONNECTOR === 'shopify') {
    for (const variable of ['SHOPIFY_SHOP_URL', 'SHOPIFY_ACCESS_TOKEN'] as const)
      if (!config[variable]) configProblem(ctx, variable, 'is required when ORDERS_CONNECTOR=shopify');
  }
}

function parseHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const part of (value ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) headers[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return headers;
}

/** From settings validated by orderSourceConfigRules to the order source. */
export function orderSourceFromConfig(config: OrderSourceConfig): OrderSource {
  const cache = { timeoutMs: config.ORDERS_TIMEOUT_MS, cacheTtlMs: config.ORDERS_CACHE_TTL_MS };
  if (config.ORDERS_CONNECTOR === 'rest')
    return {
      kind: 'rest',
      byNumberUrl: config.ORDERS_REST_BY_NUMBER_URL,
      byEmailUrl: config.ORDERS_REST_BY_EMAIL_URL,
      headers: parseHeaders(config.ORDERS_REST_HEADERS),
      ...cache,
    };
  if (config.ORDERS_CONNECTOR === 'shopify')
    return {
      kind: 'shopify',
      shopUrl: config.SHOPIFY_SHOP_URL!,
      accessToken: config.SHOPIFY_ACCESS_TOKEN!,
      apiVersion: config.SHOPIFY_API_VERSION,
      ...cache,
    };
  return { kind: 'file' };
}

/** The connector an order source names; `fileOrders` are the shop folder's, for the `file` source. */
export function buildOrderConnector(
  source: OrderSource | undefined,
  fileOrders: OrderFacts[],
): OrderConnector & OrderHistorySource {
  if (!source || source.kind === 'file') return new InMemoryOrderConnector(fileOrders);
  const inner =
    source.kind === 'rest'
      ? new RestOrderConnector({
          byNumberUrl: source.byNumberUrl,
          byEmailUrl: source.byEmailUrl,
          headers: source.headers,
          timeoutMs: source.timeoutMs,
        })
      : new ShopifyOrderConnector({
          shopUrl: source.shopUrl,
          accessToken: source.accessToken,
          apiVersion: source.apiVersion,
          timeoutMs: source.timeoutMs,
        });
  return source.cacheTtlMs > 0 ? new CachedOrderConnector(inner, { ttlMs: source.cacheTtlMs }) : inner;
}
