#!/usr/bin/env node
// Bundles the agent UI (Preact + htm, apps/review/ui) with esbuild into dist/apps/review/ui, where the review
// service and the embedded mode serve it from. Called by scripts/build.js; runs alone as `node scripts/build-ui.js`.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const src = path.join(root, 'apps', 'review', 'ui');
const out = path.join(root, 'dist', 'apps', 'review', 'ui');

function buildUi() {
  const started = Date.now();
  fs.mkdirSync(out, { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(src, 'src', 'main.js')],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    outfile: path.join(out, 'app.js'),
    logLevel: 'warning',
  });
  esbuild.buildSync({
    entryPoints: [path.join(src, 'src', 'app.css')],
    bundle: true,
    minify: true,
    outfile: path.join(out, 'app.css'),
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(src, 'index.html'), path.join(out, 'index.html'));
  return Date.now() - started;
}

module.exports = { buildUi };

if (require.main === module) console.log(`built the agent UI into ${path.relative(root, out)} in ${buildUi()} ms`);
