import { runToExit, ServiceName } from '../support/services';

describe('a service started with bad settings refuses to start and names them', () => {
  it.each<[ServiceName, Record<string, string>, string[]]>([
    ['conversations', {}, ['DATABASE_URL is required', 'KAFKA_BROKERS is required']],
    [
      'triage',
      { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: '127.0.0.1:9092', PORT: 'http' },
      ['DATABASE_URL is invalid', 'PORT is invalid'],
    ],
    [
      'mail-ingest',
      { DATABASE_URL: 'postgres://x@127.0.0.1/db', KAFKA_BROKERS: 'k:1' },
      ['IMAP_HOST is required', 'IMAP_USER is required', 'IMAP_PASSWORD is required'],
    ],
    [
      'mail-send',
      { DATABASE_URL: 'postgres://x@127.0.0.1/db', KAFKA_BROKERS: 'k:1', SMTP_PORT: '99999' },
      ['SMTP_HOST is required', 'SMTP_PORT is invalid'],
    ],
    [
      'review',
      { DATABASE_URL: 'postgres://x@127.0.0.1/db', KAFKA_BROKERS: 'k:1', REVIEW_API_TOKEN: 'short' },
      ['REVIEW_API_TOKEN is invalid'],
    ],
    [
      'drafter',
      { DATABASE_URL: 'postgres://x@127.0.0.1/db', KAFKA_BROKERS: 'k:1', MESSAGE_ID_DOMAIN: 'not a domain' },
      ['MESSAGE_ID_DOMAIN is invalid'],
    ],
  ])('%s', async (service, env, fragments) => {
    const { code, output } = await runToExit(service, env);
    expect(code).toBe(78);
    expect(output).toContain(`${service}: refusing to start`);
    for (const fragment of fragments) expect(output).toContain(fragment);
  });
});
