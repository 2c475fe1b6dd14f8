import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  answeredWith: number;
}

/**
 * A local HTTP server standing in for a provider: it answers each request with the next scripted status (the
 * last one repeats) and records everything it was sent.
 */
export async function startFakeProvider(
  script: (req: FakeRequest, index: number) => { status: number; body?: unknown },
) {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: FakeRequest = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        answeredWith: 0,
      };
      const answer = script(recorded, requests.length);
      recorded.answeredWith = answer.status;
      requests.push(recorded);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A WhatsApp Cloud API webhook notification carrying one text message, as Meta sends it. */
export function whatsAppNotification(m: {
  phoneNumberId: string;
  waId: string;
  name: string;
  messageId: string;
  text: string;
}): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA_ID',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: m.phoneNumberId },
              contacts: [{ profile: { name: m.name }, wa_id: m.waId }],
              messages: [
                {
                  from: m.waId,
                  id: m.messageId,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: m.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}
