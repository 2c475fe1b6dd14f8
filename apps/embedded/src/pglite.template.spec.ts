import { MIGRATIONS } from '@draftdesk/database';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentTemplateContents, pgliteTemplate, PgliteTemplate, seedPgliteDataDir } from './pglite.template';

describe('the PGlite template a fresh embedded data directory starts from', () => {
  let home: string;
  let template: PgliteTemplate;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'draftdesk-pglite-template-'));
    const dir = join(home, 'pglite-template');
    mkdirSync(join(dir, 'base', '1'), { recursive: true });
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dir, 'base', '1', '1259'), 'pg_class');
    writeFileSync(`${dir}.json`, JSON.stringify(currentTemplateContents()));
    template = pgliteTemplate(dir)!;
  });

  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('knows every migration of this build, in order, and fingerprints their code', () => {
    const contents = currentTemplateContents();
    expect(contents.migrations).toHaveLength(MIGRATIONS.length);
    expect(contents.migrations[0]).toBe('InitialSchema1764201600000');
    expect([...contents.migrations].sort((a, b) => Number(a.slice(-13)) - Number(b.slice(-13)))).toEqual(
      contents.migrations,
    );
    expect(contents.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(template).toEqual({ dir: join(home, 'pglite-template'), ...contents });
  });

  it('copies the template into a data directory that does not exist yet, parents and all', () => {
    const dataDir = join(home, 'data', 'pglite');
    expect(seedPgliteDataDir(dataDir, template)).toBe('template');
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(dataDir, 'base', '1', '1259'), 'utf8')).toBe('pg_class');
    // Nothing half-copied is left beside it.
    expect(readdirSync(join(home, 'data'))).toEqual(['pglite']);
  });

  it('copies the template into an empty data directory', () => {
    const dataDir = join(home, 'pglite');
    mkdirSync(dataDir);
    expect(seedPgliteDataDir(dataDir, template)).toBe('template');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it.each([
    ['PG_VERSION', 'a database, which it leaves alone', 'existing'],
    ['notes.txt', 'files it does not know, which it never copies over (PGlite runs initdb)', 'initdb'],
  ])('seeds nothing into a data directory holding %s: %s', (file, _, origin) => {
    const dataDir = join(home, 'pglite');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, file), '17\n');
    expect(seedPgliteDataDir(dataDir, template)).toBe(origin);
    expect(readdirSync(dataDir)).toEqual([file]);
  });

  it('leaves PGlite to run initdb without a template', () => {
    expect(seedPgliteDataDir(join(home, 'other'), null)).toBe('initdb');
    expect(existsSync(join(home, 'other'))).toBe(false);
  });

  it('has no template when the build made none, or its manifest is missing or unreadable', () => {
    expect(pgliteTemplate(join(home, 'missing'))).toBeNull();
    writeFileSync(`${template.dir}.json`, '{"migrations": "all"}');
    expect(pgliteTemplate(template.dir)).toBeNull();
    writeFileSync(`${template.dir}.json`, 'not json');
    expect(pgliteTemplate(template.dir)).toBeNull();
    rmSync(`${template.dir}.json`);
    expect(pgliteTemplate(template.dir)).toBeNull();
  });
});
