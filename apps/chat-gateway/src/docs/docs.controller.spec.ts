import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ChannelsService } from '../channels/channels.service';
import { CHAT_GATEWAY_OPTIONS } from '../chat-gateway.options';
import { IntakeService } from '../intake/intake.service';
import { WebhooksController } from '../intake/webhooks.controller';
import { ChatDocsController } from './docs.controller';

describe('the chat webhooks contract, generated from the routes', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [WebhooksController, ChatDocsController],
      providers: [
        { provide: CHAT_GATEWAY_OPTIONS, useValue: {} },
        { provide: ChannelsService, useValue: {} },
        { provide: IntakeService, useValue: {} },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('documents both webhooks with their signing headers, bodies and every answer', async () => {
    const { status, body } = await request(app.getHttpServer()).get('/v1/chat/openapi.json');
    expect(status).toBe(200);
    expect(body.info.description).toContain('Standard Webhooks');
    expect(Object.keys(body.paths)).toEqual(['/v1/channels/{channelId}/messages', '/v1/channels/{channelId}/whatsapp']);
    const receive = body.paths['/v1/channels/{channelId}/messages'].post;
    expect(receive.operationId).toBe('receiveMessage');
    expect(receive.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ['channelId', 'webhook-id', 'webhook-signature', 'webhook-timestamp'].sort(),
    );
    expect(receive.requestBody.content['application/json'].schema.required).toEqual([
      'sessionId',
      'messageId',
      'customer',
      'timestamp',
    ]);
    expect(Object.keys(receive.responses).sort()).toEqual(['200', '202', '400', '401', '404', '409', '413', '429']);
    const whatsapp = body.paths['/v1/channels/{channelId}/whatsapp'];
    expect(Object.keys(whatsapp).sort()).toEqual(['get', 'post']);
    expect(whatsapp.post.parameters.map((p: { name: string }) => p.name)).toContain('X-Hub-Signature-256');
    expect(body.components.schemas.ReplyCallback.properties.draftId).toEqual({ type: 'string', format: 'uuid' });
  });

  it('serves a page listing each operation and its answers', async () => {
    const page = await request(app.getHttpServer()).get('/v1/chat/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('POST /v1/channels/{channelId}/messages');
    expect(page.text).toContain('webhook-id already delivered with a different body');
  });
});
