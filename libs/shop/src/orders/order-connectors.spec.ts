import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { loadSampleShop } from '../shop-loader.util';
import { CachedOrderConnector } from './cached-order.connector';
import { InMemoryOrderConnector } from './memory-order.connector';
import { RestOrderConnector } from './rest-order.connector';
import { ShopifyOrderConnector } from './shopify-order.connector';

const orders = loadSampleShop().orders;
const shopifyOrder = {
  id: 450789469,
  name: '#1001',
  email: 'bob@example.test',
  created_at: '2025-06-10T14:32:00+02:00',
  cancelled_at: null,
  financial_status: 'paid',
  fulfillment_status: 'fulfilled',
  total_price: '199.00',
  currency: 'EUR',
  order_status_url: 'https://shop.example.test/orders/abc/authenticate?key=k',
  line_items: [{ name: 'Cargo bike bell', title: 'Cargo bike bell', quantity: 2 }],
  fulfillments: [
    {
      tracking_company: 'PostNL',
      tracking_number: '3SABC9876543',
      tracking_url: 'https://postnl.test/3SABC9876543',
      shipment_status: 'in_transit',
    },
  ],
  shipping_address: { address1: 'Damrak 1', address2: null, zip: '1012 LG', city: 'Amsterdam', country_code: 'NL' },
  customer: { first_name: 'Bob', last_name: 'Jansen' },
};

let server: Server;
let base: string;
const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];
let slow = false;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (slow) return; // never answers
    // Generic REST: the shop's own API in the OrderFacts shape, API key in a header.
    if (url.pathname.startsWith('/erp/')) {
      if (req.headers['x-api-key'] !== 'secret') return json(401, { error: 'unauthorised' });
      const byNumber = /^\/erp\/orders\/([^/]+)$/.exec(url.pathname);
      if (byNumber) {
        const order = orders.find((o) => o.orderNumber === decodeURIComponent(byNumber[1]));
        return order ? json(200, order) : json(404, { error: 'not found' });
      }
      if (url.pathname === '/erp/orders')
        return json(200, { orders: orders.filter((o) => o.customerEmail === url.searchParams.get('email')) });
      if (url.pathname === '/erp/broken') return json(500, {});
    }
    // Shopify Admin REST API: GET /admin/api/2024-10/orders.json?name=%231001&status=any with X-Shopify-Access-Token.
    if (url.pathname === '/admin/api/2024-10/orders.json') {
      if (req.headers['x-shopify-access-token'] !== 'shpat_test')
        return json(401, { errors: '[API] Invalid API key or access token' });
      const name = url.searchParams.get('name');
      const email = url.searchParams.get('email');
      const match = (name && name === shopifyOrder.name) || (email && email === shopifyOrder.email);
      return json(200, { orders: match ? [shopifyOrder] : [] });
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
  slow = false;
});

const rest = (extra = {}) =>
  new RestOrderConnector({
    byNumberUrl: `${base}/erp/orders/{orderNumber}`,
    byEmailUrl: `${base}/erp/orders?email={email}`,
    headers: { 'X-Api-Key': 'secret' },
    timeoutMs: 500,
    ...extra,
  });

describe('RestOrderConnector against a local HTTP server speaking a generic order API', () => {
  it.each([
    ['by number', { orderNumber: '100234' }, '100234', undefined],
    ['by number with #', { orderNumber: '#100241' }, '100241', undefined],
    [
      'by number and the owner’s address',
      { orderNumber: '100234', email: 'customer@example.test' },
      '100234',
      undefined,
    ],
    [
      'by number and someone else’s address',
      { orderNumber: '100234', email: 'tom@example.test' },
      null,
      'order_not_found',
    ],
    ['by address: the latest order', { email: 'tom@example.test' }, '100241', undefined],
    ['unknown number', { orderNumber: '999999' }, null, 'order_not_found'],
    ['nothing to look up', {}, null, 'no_order_reference'],
  ])('%s', async (_name, query, number, reason) => {
    const result = await rest().lookup(query);
    expect(result.order?.orderNumber ?? null).toBe(number);
    expect(result.reason).toBe(reason);
  });

  it('sends the configured header', async () => {
    await rest().lookup({ orderNumber: '100234' });
    expect(seen[0].headers['x-api-key']).toBe('secret');
  });

  it.each<[string, { byNumberUrl?: string; headers?: Record<string, string> }, string]>([
    ['a wrong key', { headers: { 'X-Api-Key': 'wrong' } }, 'order_lookup_failed:http_401'],
    ['a server error', { byNumberUrl: '/erp/broken?n={orderNumber}' }, 'order_lookup_failed:http_500'],
    [
      'an unreachable server',
      { byNumberUrl: 'http://127.0.0.1:9/orders/{orderNumber}' },
      'order_lookup_failed:unreachable',
    ],
  ])('turns %s into no facts and a reason', async (_name, extra, reason) => {
    // The table is built before the server listens, so local paths get the server's address here.
    if (extra.byNumberUrl?.startsWith('/')) extra = { ...extra, byNumberUrl: base + extra.byNumberUrl };
    expect(await rest(extra).lookup({ orderNumber: '100234' })).toEqual({ order: null, reason });
  });

  it('gives up after the timeout', async () => {
    slow = true;
    const started = Date.now();
    expect(await rest({ timeoutMs: 200 }).lookup({ orderNumber: '100234' })).toEqual({
      order: null,
      reason: 'order_lookup_failed:timeout',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('ShopifyOrderConnector against a local HTTP server speaking the Shopify Admin REST API', () => {
  const shopify = (token = 'shpat_test') =>
    new ShopifyOrderConnector({ shopUrl: base, accessToken: token, timeoutMs: 500 });

  it('looks an order up by name with status=any and maps it to OrderFacts', async () => {
    const result = await shopify().lookup({ orderNumber: '1001' });
    expect(seen[0].url).toContain('/admin/api/2024-10/orders.json?');
    expect(new URL(seen[0].url, 'http://x').searchParams.get('name')).toBe('#1001');
    expect(new URL(seen[0].url, 'http://x').searchParams.get('status')).toBe('any');
    expect(seen[0].headers['x-shopify-access-token']).toBe('shpat_test');
    expect(result.order).toEqual({
      orderNumber: '1001',
      status: 'shipped',
      placedAt: '2025-06-10T14:32:00+02:00',
      total: { amount: 199, currency: 'EUR' },
      items: [{ name: 'Cargo bike bell', quantity: 2 }],
      carrier: 'PostNL',
      trackingNumber: '3SABC9876543',
      trackingUrl: 'https://postnl.test/3SABC9876543',
      shippingAddress: 'Damrak 1, 1012 LG Amsterdam, NL',
      customerEmail: 'bob@example.test',
      customerName: 'Bob Jansen',
      invoiceUrl: 'https://shop.example.test/orders/abc/authenticate?key=k',
    });
  });

  it.each([
    ['by email', { email: 'bob@example.test' }, '1001', undefined],
    ['by number, someone else’s address', { orderNumber: '#1001', email: 'eve@example.test' }, null, 'order_not_found'],
    ['unknown number', { orderNumber: '2002' }, null, 'order_not_found'],
  ])('%s', async (_name, query, number, reason) => {
    const result = await shopify().lookup(query);
    expect(result.order?.orderNumber ?? null).toBe(number);
    expect(result.reason).toBe(reason);
  });

  it('an invalid access token gives no facts and a reason', async () => {
    expect(await shopify('bad').lookup({ orderNumber: '1001' })).toEqual({
      order: null,
      reason: 'order_lookup_failed:http_401',
    });
  });
});

describe('CachedOrderConnector', () => {
  it('answers repeated lookups from the cache until the TTL passes, and does not cache failures', async () => {
    let now = 0;
    const cached = new CachedOrderConnector(rest(), { ttlMs: 1000, now: () => now });
    await cached.lookup({ orderNumber: '100234' });
    await cached.lookup({ orderNumber: '#100234' });
    expect(seen).toHaveLength(1);
    now = 1500;
    await cached.lookup({ orderNumber: '100234' });
    expect(seen).toHaveLength(2);
    slow = true;
    const failing = new CachedOrderConnector(rest({ timeoutMs: 100 }), { ttlMs: 60_000, now: () => now });
    expect((await failing.lookup({ orderNumber: '100241' })).reason).toBe('order_lookup_failed:timeout');
    slow = false;
    expect((await failing.lookup({ orderNumber: '100241' })).order?.orderNumber).toBe('100241');
  });
});

describe('a customer’s orders (ordersOf), for the desk’s customer panel', () => {
  it('REST: every order of the address from the by-email URL, newest first; none without that URL', async () => {
    const history = await rest().ordersOf('Tom@Example.test');
    expect(new URL(seen[0].url, 'http://x').searchParams.get('email')).toBe('tom@example.test');
    expect(history.orders.map((o) => o.orderNumber)).toEqual(['100241']);
    expect(await rest().ordersOf('nobody@example.test')).toEqual({ orders: [], reason: 'order_not_found' });
    expect(await rest({ byEmailUrl: undefined }).ordersOf('tom@example.test')).toEqual({
      orders: [],
      reason: 'no_order_reference',
    });
    slow = true;
    expect(await rest({ timeoutMs: 100 }).ordersOf('tom@example.test')).toEqual({
      orders: [],
      reason: 'order_lookup_failed:timeout',
    });
  });

  it('Shopify: by email with status=any, mapped to OrderFacts', async () => {
    const history = await new ShopifyOrderConnector({ shopUrl: base, accessToken: 'shpat_test' }).ordersOf(
      'bob@example.test',
    );
    expect(new URL(seen[0].url, 'http://x').searchParams.get('status')).toBe('any');
    expect(history.orders).toEqual([expect.objectContaining({ orderNumber: '1001', trackingNumber: '3SABC9876543' })]);
  });

  it('the shop folder: only the address’s orders, newest first, at most the limit', async () => {
    const mine = [
      { ...orders[0], orderNumber: 'A1', customerEmail: 'x@example.test', placedAt: '2026-01-01T00:00:00Z' },
      { ...orders[0], orderNumber: 'A2', customerEmail: 'X@example.test', placedAt: '2026-03-01T00:00:00Z' },
      { ...orders[0], orderNumber: 'A3', customerEmail: 'x@example.test', placedAt: '2026-02-01T00:00:00Z' },
    ];
    const connector = new InMemoryOrderConnector([...orders, ...mine]);
    expect((await connector.ordersOf('x@example.test')).orders.map((o) => o.orderNumber)).toEqual(['A2', 'A3', 'A1']);
    expect((await connector.ordersOf('x@example.test', 1)).orders.map((o) => o.orderNumber)).toEqual(['A2']);
    expect(await new CachedOrderConnector(connector, { ttlMs: 1000 }).ordersOf('x@example.test', 2)).toEqual({
      orders: [mine[1], mine[2]],
    });
  });
});
