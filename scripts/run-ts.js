#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: compiles each .ts file with swc on require and
// resolves the @draftdesk/<lib> aliases to libs/<lib>/src. Used by scripts, benchmarks and the dev CLI.
const fs = require('fs');
const path = require('path');
const Module = require('module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete options.$schema;
options.sourceMaps = 'inline';

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@draftdesk\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = path.join(root, 'libs', match[1], 'src', match[2] ?? '');
  return originalResolve.call(this, request, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
