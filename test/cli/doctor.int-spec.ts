import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines, repoRoot } from '../support/engines';

/** `draftdesk doctor` against the real engines: all up, then each one unreachable or refusing. */
describe('draftdesk doctor', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('doctor');
  });

  afterAll(async () => {
    await db?.drop();
  });

  function doctor(env: Record<string, string>) {
    const run = spawnSync(
      process.execPath,
      [join(repoRoot, 'dist', 'apps', 'cli', 'src', 'main.js'), 'doctor', '--timeout-ms', '5000'],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const lines = Object.fromEntries(
      run.stdout
        .split('\n')
        .map((l) => /^([✔✘–]) (\S+)\s+(.*)$/.exec(l))
        .filter(Boolean)
        .map((m) => [m![2], { mark: m![1], detail: m![3] }]),
    );
    return { code: run.status, stdout: run.stdout, lines };
  }

  const up = () => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: engines.kafkaBrokers,
    IMAP_HOST: engines.imapHost,
    IMAP_PORT: String(engines.imapPort),
    IMAP_SECURE: 'false',
    IMAP_USER: 'support@shop.test',
    IMAP_PASSWORD: 'support-pass',
    SMTP_HOST: engines.smtpHost,
    SMTP_PORT: String(engines.smtpPort),
  });

  it('passes every check when the engines are up', () => {
    const { code, lines, stdout } = doctor(up());
    expect([code, stdout]).toEqual([0, expect.stringContaining('all checks passed')]);
    for (const name of ['config', 'node', 'database', 'kafka', 'imap', 'smtp', 'orders'])
      expect([name, lines[name]?.mark]).toEqual([name, '✔']);
    expect(lines.imap.detail).toContain('IDLE supported');
    expect(lines.model.mark).toBe('–');
  });

  it('names each engine that is down or refuses, and what to do', () => {
    const { code, lines, stdout } = doctor({
      ...up(),
      DATABASE_URL: db.url.replace(/:\d+\//, ':1/'),
      KAFKA_BROKERS: '127.0.0.1:1',
      IMAP_PASSWORD: 'wrong-password',
      SMTP_PORT: '1',
    });
    expect(code).toBe(1);
    expect(lines.database).toEqual({ mark: '✘', detail: expect.stringContaining('ECONNREFUSED') });
    expect(lines.kafka).toEqual({ mark: '✘', detail: expect.stringContaining('ECONNREFUSED') });
    expect(lines.imap.mark).toBe('✘');
    expect(lines.smtp.mark).toBe('✘');
    expect(stdout).toContain('start PostgreSQL or correct DATABASE_URL');
    expect(stdout).toContain('check IMAP_USER and IMAP_PASSWORD');
    expect(stdout).toContain('4 check(s) failed');
  });

  it('says when the schema is behind and which command brings it up to date', async () => {
    const empty = await createTestDatabase('doctor_empty', { migrate: false });
    try {
      const { code, lines, stdout } = doctor({ DATABASE_URL: empty.url });
      expect(code).toBe(1);
      expect(lines.database.detail).toMatch(/0 of \d+ migrations applied/);
      expect(stdout).toContain('npx draftdesk migrate');
    } finally {
      await empty.drop();
    }
  });
});
