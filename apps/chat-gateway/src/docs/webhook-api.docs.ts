// The chat webhooks' contract, stated on the routes themselves (@nestjs/swagger), so the app's generated document at
// /docs and the integrators' document at /v1/chat/openapi.json are one and the same description.
import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';

/** The signing and replay rules every sender must follow: the description of the webhook document. */
export const WEBHOOK_CONTRACT =
  'Signed, replay-proof chat intake. Generic webhooks follow Standard Webhooks (https://www.standardwebhooks.com): ' +
  'webhook-signature is "v1,<base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${raw body}`>" with the channel ' +
  'secret (whsec_<base64>, prefix stripped, base64-decoded); several space-separated signatures are allowed and every ' +
  'secret of the channel is tried during a rotation. Timestamps more than 5 minutes from our clock are refused. ' +
  'A webhook-id is remembered for 24 h: the same id with the same body is a retry and is acknowledged again (200) ' +
  'without effect; the same id with a different body is refused (409). Bodies above 256 KB are refused (413). ' +
  'Messages of one session arriving within the quiet window are answered as one turn. Replies are POSTed to the ' +
  "channel's callback URL, signed the same way, with webhook-id = Idempotency-Key = the draft id (stable across retries).";

const chatMessageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'messageId', 'customer', 'timestamp'],
  properties: {
    sessionId: { type: 'string', maxLength: 200, description: "The provider's conversation/session id" },
    messageId: {
      type: 'string',
      maxLength: 200,
      description: "The provider's message id (a redelivered id is ignored)",
    },
    customer: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        email: { type: ['string', 'null'], format: 'email' },
      },
    },
    text: { type: 'string', maxLength: 20000, description: 'Required unless attachments are given' },
    attachments: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: {
          url: { type: 'string', format: 'uri' },
          contentType: { type: 'string' },
          filename: { type: 'string' },
        },
      },
    },
    timestamp: {
      oneOf: [
        { type: 'string', format: 'date-time' },
        { type: 'integer', description: 'Unix seconds or milliseconds' },
      ],
    },
  },
};

const intakeResultSchema = {
  type: 'object',
  properties: { status: { enum: ['accepted', 'duplicate'] }, stored: { type: 'integer' } },
};

const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/** What we POST to a generic channel's callbackUrl (documented for integrators, not a route of ours). */
export const replyCallbackSchema = {
  description: "What we POST to a generic channel's callbackUrl, signed with Standard Webhooks",
  type: 'object',
  properties: {
    type: { const: 'message.reply' },
    channelId: { type: 'string' },
    sessionId: { type: 'string' },
    draftId: { type: 'string', format: 'uuid' },
    conversationId: { type: 'string', format: 'uuid' },
    text: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

const channelId = ApiParam({ name: 'channelId', schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' } });
const accepted = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/json': { schema: intakeResultSchema } } });
const errors = (answers: Record<number, string>) =>
  Object.entries(answers).map(([status, description]) =>
    ApiResponse({ status: Number(status), description, content: { 'application/json': { schema: errorSchema } } }),
  );

export const ReceiveMessageDocs = () =>
  applyDecorators(
    ApiTags('chat webhooks'),
    ApiOperation({ summary: 'Receive one customer chat message (generic channel)', operationId: 'receiveMessage' }),
    channelId,
    ApiHeader({ name: 'webhook-id', required: true }),
    ApiHeader({
      name: 'webhook-timestamp',
      required: true,
      description: 'Unix seconds',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    }),
    ApiHeader({
      name: 'webhook-signature',
      required: true,
      schema: { type: 'string', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' },
    }),
    ApiBody({ required: true, schema: chatMessageSchema as never }),
    accepted(202, 'Stored durably; will be drafted after the quiet window'),
    accepted(200, 'A retry of a delivery already accepted (same webhook-id, same body): no effect'),
    ...errors({
      400: 'Body is not JSON or fields are invalid; `errors` names each field',
      401: 'Signature headers missing, no signature matches, or timestamp outside ±5 min',
      404: 'Unknown channel, or not a generic channel',
      409: 'webhook-id already delivered with a different body',
      413: 'Body larger than 256 KB',
      429: 'Channel rate limit exceeded; see Retry-After',
    }),
  );

export const VerifyWhatsAppDocs = () =>
  applyDecorators(
    ApiTags('chat webhooks'),
    ApiOperation({ summary: 'WhatsApp Cloud API subscription handshake', operationId: 'verifyWhatsAppSubscription' }),
    channelId,
    ApiQuery({ name: 'hub.mode', required: true, schema: { type: 'string', enum: ['subscribe'] } }),
    ApiQuery({ name: 'hub.verify_token', required: true, schema: { type: 'string' } }),
    ApiQuery({ name: 'hub.challenge', required: true, schema: { type: 'string' } }),
    ApiProduces('text/plain'),
    ApiResponse({
      status: 200,
      description: 'The challenge, echoed',
      content: { 'text/plain': { schema: { type: 'string' } } },
    }),
    ...errors({ 403: 'Verify token does not match' }),
  );

export const ReceiveWhatsAppDocs = () =>
  applyDecorators(
    ApiTags('chat webhooks'),
    ApiOperation({
      summary: 'WhatsApp Cloud API notification (messages; statuses are acknowledged and ignored)',
      operationId: 'receiveWhatsApp',
    }),
    channelId,
    ApiHeader({
      name: 'X-Hub-Signature-256',
      required: true,
      description: 'hex HMAC-SHA256 of the raw body with the app secret',
      schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
    }),
    ApiBody({
      required: true,
      schema: { type: 'object', description: 'entry[].changes[].value.messages[] as sent by Meta' },
    }),
    accepted(200, 'Stored durably (redelivered message ids are ignored)'),
    ...errors({
      400: 'Not a WhatsApp notification; `errors` names each field',
      401: 'Signature missing or wrong',
      404: 'Unknown channel, or not a WhatsApp channel',
      413: 'Body larger than 256 KB',
      429: 'Channel rate limit exceeded',
    }),
  );
