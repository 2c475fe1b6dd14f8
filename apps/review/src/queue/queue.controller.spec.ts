import { HttpErrorFilter, StorableInputPipe } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthGuard } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { ActionsService } from './actions.service';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

const actor: Actor = { userId: 'u1', email: 'agent@shop.test', shopId: 'default', role: 'agent' };
const ID = '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const future = new Date(Date.now() + 3_600_000).toISOString();

/** Each item action: its path, a valid body, the service method it calls and whether the body is passed on. */
const ACTIONS: [string, Record<string, unknown>, keyof ActionsService, boolean][] = [
  ['claim', {}, 'claim', false],
  ['release', {}, 'release', false],
  ['approve', { body: 'Thanks!' }, 'approve', true],
  ['reject', { reason: 'wrong order' }, 'reject', true],
  ['reject', { outcome: 'reply_myself' }, 'reject', true],
  ['reject', { outcome: 'close', closeReason: 'other', reason: 'phoned' }, 'reject', true],
  ['reply', { body: 'Hello Sanne' }, 'writeReply', true],
  ['redraft', { instruction: 'shorter' }, 'redraft', true],
  ['escalate', { reason: 'refund' }, 'escalate', true],
  ['reassign', { assigneeId: null }, 'reassign', true],
  ['snooze', { until: future }, 'snooze', true],
  ['triage-correction', { intent: 'refund' }, 'correctTriage', true],
];

describe('QueueController item actions over HTTP', () => {
  let app: INestApplication;
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      return method === 'note' ? { id: 'n1' } : { id: ID, version: 8 };
    };
  const methods = [...ACTIONS.map(([, , method]) => method), 'note'];
  const actions = Object.fromEntries(methods.map((method) => [method, record(method)]));

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [QueueController],
      providers: [
        { provide: QueueService, useValue: {} },
        { provide: ActionsService, useValue: actions },
        { provide: APP_PIPE, useClass: StorableInputPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    })
      .overrideGuard(AuthGuard)
      .useValue({
        canActivate: (ctx: { switchToHttp(): { getRequest(): { actor?: Actor } } }) => {
          ctx.switchToHttp().getRequest().actor = actor;
          return true;
        },
      })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    // Express would tag every answer with a weak ETag of its body; only the version ETag is of interest here.
    app.getHttpAdapter().getInstance().set('etag', false);
    await app.init();
  }, 30_000);

  afterAll(() => app.close());
  beforeEach(() => (calls.length = 0));

  const post = (path: string, body: unknown, ifMatch?: string) => {
    const req = request(app.getHttpServer())
      .post(`/v1/drafts/${path}`)
      .send(body as object);
    return ifMatch === undefined ? req : req.set('If-Match', ifMatch);
  };

  it.each(ACTIONS)('%s answers 200 with the new ETag and calls %#', async (path, body, method, passesBody) => {
    const res = await post(`${ID}/${path}`, { ...body, version: 7 });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"8"');
    expect(res.body).toEqual({ id: ID, version: 8 });
    const expected = { version: 7, viaIfMatch: false };
    expect(calls).toEqual([
      { method, args: passesBody ? [actor, ID, { ...body, version: 7 }, expected] : [actor, ID, expected] },
    ]);
  });

  it.each([
    ['If-Match alone', undefined, '"5"', { version: 5, viaIfMatch: true }],
    ['a weak If-Match', undefined, 'W/"5"', { version: 5, viaIfMatch: true }],
    ['If-Match before the body version', 3, '"5"', { version: 5, viaIfMatch: true }],
    ['the body version alone', 3, undefined, { version: 3, viaIfMatch: false }],
    ['neither', undefined, undefined, { version: undefined, viaIfMatch: false }],
  ])('the expected version from %s', async (_name, version, ifMatch, expected) => {
    const res = await post(`${ID}/claim`, version === undefined ? {} : { version }, ifMatch);
    expect(res.status).toBe(200);
    expect(calls[0].args[2]).toEqual(expected);
  });

  const BAD_UUID = 'Validation failed (uuid is expected)';
  const UNKNOWN_FIELD = 'invalid request: colour is not a known field';
  const NUL = (field: string) => `invalid request: ${field} must not contain a NUL character (\\u0000)`;
  it.each([
    [
      'an If-Match that is not an ETag of this API',
      ID,
      {},
      'abc',
      'BAD_IF_MATCH',
      'If-Match must be an ETag from this API',
    ],
    ['an id that is not a UUID', 'nope', {}, undefined, 'BAD_REQUEST', BAD_UUID],
    ['an unknown body field', ID, { colour: 'red' }, undefined, 'VALIDATION_FAILED', UNKNOWN_FIELD],
    [
      'a body version that is not a positive integer',
      ID,
      { version: 0 },
      undefined,
      'VALIDATION_FAILED',
      'invalid request: version Too small: expected number to be >0',
    ],
    ['a NUL in the body', ID, { reason: 'a\u0000' }, undefined, 'UNSTORABLE_INPUT', NUL('reason')],
    ['a NUL in the id', 'a\u0000b', {}, undefined, 'UNSTORABLE_INPUT', NUL('id')],
    // With several faults the first check wins: the body, then the id, then If-Match.
    ['a bad id and a bad If-Match', 'nope', {}, 'abc', 'BAD_REQUEST', BAD_UUID],
    ['a bad body and a bad If-Match', ID, { colour: 'red' }, 'abc', 'VALIDATION_FAILED', UNKNOWN_FIELD],
    ['a bad id and a bad body', 'nope', { colour: 'red' }, undefined, 'VALIDATION_FAILED', UNKNOWN_FIELD],
    ['a NUL in the id and a bad body', 'a\u0000b', { colour: 'red' }, undefined, 'VALIDATION_FAILED', UNKNOWN_FIELD],
    ['a bad id and a NUL in the body', 'nope', { reason: 'a\u0000' }, undefined, 'UNSTORABLE_INPUT', NUL('reason')],
  ])('400 for %s, before any action', async (_name, id, body, ifMatch, code, message) => {
    const res = await post(`${encodeURIComponent(id)}/escalate`, body, ifMatch);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, code, message }));
    expect(res.headers.etag).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it.each([
    ['reject', {}, 'reason', 'required unless an outcome is chosen'],
    ['reject', { outcome: 'close' }, 'closeReason', 'required when the outcome is close'],
    ['reject', { outcome: 'close', closeReason: 'other' }, 'reason', 'required when the close reason is other'],
    ['reject', { outcome: 'reply_myself', closeReason: 'spam' }, 'closeReason', 'only with the outcome close'],
    ['reject', { outcome: 'forward' }, 'outcome', expect.any(String)],
    ['reply', {}, 'body', expect.any(String)],
    ['reply', { body: '   ' }, 'body', 'must not be empty'],
  ])('%s with %j answers 400 naming %s', async (path, body, field, message) => {
    const res = await post(`${ID}/${path}`, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field, message })]);
    expect(calls).toEqual([]);
  });

  it('refuses a snooze into the past before it looks at If-Match', async () => {
    const res = await post(`${ID}/snooze`, { until: '2000-01-01T00:00:00Z' }, 'abc');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'SNOOZE_IN_PAST' });
    expect(calls).toEqual([]);
  });

  it('adds a note with 201 and no ETag', async () => {
    const res = await post(`${ID}/notes`, { body: 'called the customer' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBeUndefined();
    expect(calls).toEqual([{ method: 'note', args: [actor, ID, { body: 'called the customer' }] }]);
  });
});
