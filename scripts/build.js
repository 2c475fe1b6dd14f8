#!/usr/bin/env node
// Compiles apps/ and libs/ to dist/ with swc (type checking is `npm run typecheck`), rewriting the
// @draftdesk/<lib> aliases to relative requires so the output runs with plain `node`.
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist');
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete options.$schema;

function walk(dir, files = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.(spec|bench)\.ts$/.test(entry.name))
      files.push(full);
  }
  return files;
}

function copyDir(from, to) {
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

const started = Date.now();
// Files are overwritten in place (not wiped first) so a rebuild never pulls dist/ from under a running service.
fs.mkdirSync(out, { recursive: true });
const files = ['apps', 'libs'].flatMap((d) => walk(path.join(root, d)));
for (const file of files) {
  const rel = path.relative(root, file);
  const target = path.join(out, rel.replace(/\.ts$/, '.js'));
  const { code, map } = swc.transformFileSync(file, {
    ...options,
    filename: file,
    sourceFileName: path.relative(path.dirname(target), file),
  });
  const rewritten = code.replace(/require\("@draftdesk\/([a-z-]+)(\/[^"]*)?"\)/g, (_, lib, sub = '') => {
    let spec = path.relative(path.dirname(target), path.join(out, 'libs', lib, 'src', sub));
    if (!spec.startsWith('.')) spec = `./${spec}`;
    return `require("${spec.split(path.sep).join('/')}")`;
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${rewritten}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) fs.writeFileSync(`${target}.map`, map);
}
// Runtime assets that live beside the sources.
copyDir(path.join(root, 'libs', 'triage', 'model'), path.join(out, 'libs', 'triage', 'model'));
copyDir(path.join(root, 'apps', 'cli', 'templates'), path.join(out, 'apps', 'cli', 'templates'));
const { buildUi } = require('./build-ui');
console.log(`built the agent UI in ${buildUi()} ms`);
// The database a fresh embedded data directory starts from (apps/embedded/src/pglite.template.ts): made in a process
// of its own, since it runs PGlite. Without it a first start still works, through PGlite's own initdb.
const template = require('child_process').spawnSync(
  process.execPath,
  [path.join(out, 'apps', 'embedded', 'src', 'pglite.template.build.js')],
  { stdio: 'inherit' },
);
if (template.status !== 0) console.warn('warning: no embedded database template; a first start will run initdb');
fs.writeFileSync(path.join(out, '.build-stamp'), new Date().toISOString());
console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
