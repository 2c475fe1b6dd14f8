// docs/architecture.md states which app owns each table and where that table's SQL may stand. This spec reads the
// migrations for the tables and the code for the SQL, and fails when the two disagree.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|bench|arbitraries)\.ts$/.test(name) ? [path] : [];
  });
}

/** `apps/review`, `libs/messaging`, … : the package a file belongs to. */
function packageOf(file: string): string {
  return relative(ROOT, file).split(sep).slice(0, 2).join('/');
}

/** Code without comments, so that prose ("read from messages") is not taken for SQL. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const migrationTables = new Set(
  readdirSync(join(ROOT, 'libs/database/src/migrations'))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [
      ...readFileSync(join(ROOT, 'libs/database/src/migrations', f), 'utf8').matchAll(
        /create table (?:if not exists )?"?([a-z_]+)"?/gi,
      ),
    ])
    .map((m) => m[1].toLowerCase()),
);

const documented = new Map<string, { owner: string; home: string }>();
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
for (const m of doc.matchAll(/^\|\s*([a-z_]+)\s*\|\s*([a-z -]+?)\s*\|\s*((?:apps|libs)\/[a-z-]+)\s*\|$/gm)) {
  documented.set(m[1], { owner: m[2], home: m[3] });
}

/** The read models allowed to read tables they do not own: file → tables. */
const readModels = new Map<string, Set<string>>();
for (const m of doc.matchAll(
  /^\|\s*[A-Za-z]+\s*\|\s*((?:apps|libs)\/\S+\.read-model\.ts)\s*\|\s*([a-z_, ]+?)\s*\|[^|]+\|$/gm,
)) {
  readModels.set(m[1], new Set(m[2].split(',').map((t) => t.trim())));
}

/** Every place SQL names a table: `FROM t`, `JOIN t`, `INTO t`, `UPDATE t`, `DELETE FROM t`. */
function sqlMentions(): { table: string; file: string; reads: boolean }[] {
  const found: { table: string; file: string; reads: boolean }[] = [];
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const m of code.matchAll(/\b(from|join|into|update)\s+"?([a-z_]+)"?[\s(,;`'"]/gi)) {
      const table = m[2].toLowerCase();
      const reads = /^(from|join)$/i.test(m[1]);
      if (migrationTables.has(table)) found.push({ table, file: relative(ROOT, file), reads });
    }
  }
  return found;
}

describe('docs/architecture.md: tables and who owns them', () => {
  it('lists every table the migrations create, and no other', () => {
    expect(migrationTables.size).toBeGreaterThan(20);
    expect([...documented.keys()].sort()).toEqual([...migrationTables].sort());
  });

  it("SQL names a table only where the document says the table's SQL lives", () => {
    const mentions = sqlMentions();
    expect(mentions.length).toBeGreaterThan(50);
    const misplaced = mentions
      .filter(({ table, file }) => documented.get(table)?.home !== packageOf(join(ROOT, file)))
      .filter(({ table, file, reads }) => !(reads && readModels.get(file)?.has(table)))
      .map(
        ({ table, file }) =>
          `${file} names ${table} (owned by ${documented.get(table)?.owner}, SQL in ${documented.get(table)?.home})`,
      );
    expect([...new Set(misplaced)]).toEqual([]);
  });

  it("an app's SQL stands in its repositories and read models, not in its services", () => {
    const strays = sourceFiles(join(ROOT, 'apps'))
      .filter((file) => !/\.(repository|read-model)\.ts$/.test(file))
      .filter((file) => /\.query\(/.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => relative(ROOT, file));
    expect(strays).toEqual([]);
  });

  it('lists read models that exist and only read', () => {
    expect(readModels.size).toBeGreaterThan(0);
    for (const [file, tables] of readModels) {
      const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
      expect({ file, writes: /\b(insert\s+into|update\s+[a-z_]+\s+set|delete\s+from)\b/i.test(code) }).toEqual({
        file,
        writes: false,
      });
      for (const table of tables)
        expect({ file, table, known: migrationTables.has(table) }).toEqual({ file, table, known: true });
    }
  });

  it('names an owner that is an app, or every service for the shared transport tables', () => {
    const apps = new Set(readdirSync(join(ROOT, 'apps')));
    for (const [table, { owner }] of documented) {
      expect({ table, ok: apps.has(owner) || owner === 'every service' }).toEqual({ table, ok: true });
    }
  });
});
