/** The chat-gateway's public HTTP contract, hand-written (OpenAPI 3.1) so it documents the raw-body signing rules exactly. */
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const channelIdParam = {
  name: 'channelId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'draftdesk chat-gateway',
    version: '1.0.0',
    description:
      'Signed, replay-proof chat intake. Generic webhooks follow Standard Webhooks (https://www.standardwebhooks.com): ' +
      'webhook-signature is "v1,<base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${raw body}`>" with the channel ' +
      'secret (whsec_<base64>, prefix stripped, base64-decoded); several space-separated signatures are allowed and every ' +
      'secret of the channel is tried during a rotation. Timestamps more than 5 minutes from our clock are refused. ' +
      'A webhook-id is remembered for 24 h: the same id with the same body is a retry and is acknowledged again (200) ' +
      'without effect; the same id with a different body is refused (409). Bodies above 256 KB are refused (413). ' +
      'Messages of one session arriving within the quiet window are answered as one turn. Replies are POSTed to the ' +
      "channel's callback URL, signed the same way, with webhook-id = Idempotency-Key = the draft id (stable across retries).",
  },
  paths: {
    '/v1/channels/{channelId}/messages': {
      post: {
        summary: 'Receive one customer chat message (generic channel)',
        operationId: 'receiveMessage',
        parameters: [
          channelIdParam,
          { name: 'webhook-id', in: 'header', required: true, schema: { type: 'string' } },
          {
            name: 'webhook-timestamp',
            in: 'header',
            required: true,
            schema: { type: 'string', pattern: '^[0-9]+$' },
            description: 'Unix seconds',
          },
          {
            name: 'webhook-signature',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatMessage' } } },
        },
        responses: {
          '202': {
            description: 'Stored durably; will be drafted after the quiet window',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeResult' } } },
          },
          '200': {
            description: 'A retry of a delivery already accepted (same webhook-id, same body): no effect',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeResult' } } },
          },
          '400': error('Body is not JSON or fields are invalid; `errors` names each field'),
          '401': error('Signature headers missing, no signature matches, or timestamp outside ±5 min'),
          '404': error('Unknown channel, or not a generic channel'),
          '409': error('webhook-id already delivered with a different body'),
          '413': error('Body larger than 256 KB'),
          '429': error('Channel rate limit exceeded; see Retry-After'),
        },
      },
    },
    '/v1/channels/{channelId}/whatsapp': {
      get: {
        summary: 'WhatsApp Cloud API subscription handshake',
        operationId: 'verifyWhatsAppSubscription',
        parameters: [
          channelIdParam,
          { name: 'hub.mode', in: 'query', required: true, schema: { const: 'subscribe' } },
          { name: 'hub.verify_token', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'hub.challenge', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'The challenge, echoed', content: { 'text/plain': { schema: { type: 'string' } } } },
          '403': error('Verify token does not match'),
        },
      },
      post: {
        summary: 'WhatsApp Cloud API notification (messages; statuses are acknowledged and ignored)',
        operationId: 'receiveWhatsApp',
        parameters: [
          channelIdParam,
          {
            name: 'X-Hub-Signature-256',
            in: 'header',
            required: true,
            schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
            description: 'hex HMAC-SHA256 of the raw body with the app secret',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', description: 'entry[].changes[].value.messages[] as sent by Meta' },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored durably (redelivered message ids are ignored)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeResult' } } },
          },
          '400': error('Not a WhatsApp notification; `errors` names each field'),
          '401': error('Signature missing or wrong'),
          '404': error('Unknown channel, or not a WhatsApp channel'),
          '413': error('Body larger than 256 KB'),
          '429': error('Channel rate limit exceeded'),
        },
      },
    },
  },
  components: {
    schemas: {
      ChatMessage: {
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
      },
      IntakeResult: {
        type: 'object',
        properties: { status: { enum: ['accepted', 'duplicate'] }, stored: { type: 'integer' } },
      },
      Error: {
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
      },
      ReplyCallback: {
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
      },
    },
  },
} as const;

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A dependency-free page: the operations and their answers, and the JSON document for tools. */
export function docsPage(jsonHref: string): string {
  const ops = Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const responses = Object.entries(op.responses as Record<string, { description: string }>)
        .map(([code, r]) => `<li><code>${code}</code> ${escape(r.description)}</li>`)
        .join('');
      return `<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p>${escape(op.summary)}</p><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(openApiDocument.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}</style></head>
<body><h1>${escape(openApiDocument.info.title)}</h1><p>${escape(openApiDocument.info.description)}</p>
<p>Machine-readable: <a href="${escape(jsonHref)}">openapi.json</a></p>${ops.join('\n')}</body></html>`;
}
