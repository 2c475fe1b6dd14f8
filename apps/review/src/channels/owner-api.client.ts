import { createLogger } from '@draftdesk/observability';
import { BadGatewayException, HttpException, ServiceUnavailableException } from '@nestjs/common';
import type { OwnerApiEndpoint } from '../review.options';

export type OwnerService = 'mail-ingest' | 'chat-gateway';

/** The review service's settings that point at each owner: its address and its admin token. */
const SETTINGS: Record<OwnerService, { url: string; token: string }> = {
  'mail-ingest': { url: 'MAIL_INGEST_URL', token: 'MAIL_ADMIN_TOKEN' },
  'chat-gateway': { url: 'CHAT_GATEWAY_URL', token: 'CHAT_ADMIN_TOKEN' },
};

/**
 * The admin API of the service that owns a table the settings page shows (mailboxes: mail-ingest; chat channels:
 * chat-gateway). The owner validates, seals the secrets with its own key and restarts what the change concerns;
 * its 4xx answers (fields named) reach the browser as they are. Its 401/403 would mean the desk's token is wrong,
 * which is the operator's problem, not the person's session: that becomes a 502 that says so.
 */
export class OwnerApiClient {
  private readonly log = createLogger(OwnerApiClient.name);

  constructor(
    readonly service: OwnerService,
    private readonly endpoint: OwnerApiEndpoint | undefined,
    private readonly timeoutMs = 20_000,
  ) {}

  get connected(): boolean {
    return !!this.endpoint;
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    if (!this.endpoint)
      throw new ServiceUnavailableException({
        code: 'OWNER_NOT_CONNECTED',
        message: `the desk is not connected to ${this.service}: set ${SETTINGS[this.service].url} and ${SETTINGS[this.service].token}`,
        errors: [],
      });
    let res: Response;
    try {
      res = await fetch(`${this.endpoint.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.endpoint.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.log.warn({ err: error, service: this.service, path }, 'owner admin API unreachable');
      throw new BadGatewayException({
        code: 'OWNER_UNREACHABLE',
        message: `${this.service} did not answer: try again in a moment`,
        errors: [],
      });
    }
    if (res.status === 204) return undefined as T;
    const answer = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.ok) return answer as T;
    if (res.status === 401 || res.status === 403 || res.status >= 500) {
      this.log.warn({ service: this.service, path, status: res.status, code: answer?.code }, 'owner admin API refused');
      throw new BadGatewayException({
        code: 'OWNER_REFUSED',
        message:
          res.status >= 500
            ? `${this.service} failed (${res.status}): try again in a moment`
            : `${this.service} does not accept the desk's ${SETTINGS[this.service].token}`,
        errors: [],
      });
    }
    throw new HttpException({ statusCode: res.status, errors: [], ...answer }, res.status);
  }
}

export const MAIL_INGEST_ADMIN = Symbol('MailIngestAdmin');
export const CHAT_GATEWAY_ADMIN = Symbol('ChatGatewayAdmin');
