// The triage service boots from dist/ with its settings validated: embedded by default, openai only with a key.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { runToExit, startService } from '../support/services';

describe('triage service start-up', () => {
  let db: TestDatabase;
  const env = () => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: engines.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: `t${randomBytes(4).toString('hex')}.`,
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    db = await createTestDatabase('triage_boot');
  });
  afterAll(() => db?.drop());

  it('becomes ready with the language-model engine configured against a compatible server', async () => {
    const service = await startService('triage', {
      ...env(),
      TRIAGE_ENGINE: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    try {
      await service.ready();
    } finally {
      await service.kill('SIGTERM');
    }
  });

  it('refuses to start with TRIAGE_ENGINE=openai and no OPENAI_API_KEY, naming the variable', async () => {
    const { code, output } = await runToExit('triage', { ...env(), TRIAGE_ENGINE: 'openai' });
    expect(code).toBe(78);
    expect(output).toMatch(/OPENAI_API_KEY is required/);
  });

  it('names a malformed budget', async () => {
    const { code, output } = await runToExit('triage', { ...env(), TRIAGE_LLM_DAILY_TOKENS: 'lots' });
    expect(code).toBe(78);
    expect(output).toMatch(/TRIAGE_LLM_DAILY_TOKENS is invalid/);
  });
});
