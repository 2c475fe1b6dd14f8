#!/usr/bin/env node
// The draftdesk command. Runs the compiled tree (npm install builds it) or, with DRAFTDESK_DEV=1 or no
// build present, the TypeScript sources directly.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const tooOld = require('./node-version').nodeVersionProblem(require('../package.json').engines.node, process.version);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(1);
}
const built = fs.existsSync(path.join(root, 'dist', '.build-stamp')) && !process.env.DRAFTDESK_DEV;
if (built) {
  require(path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
} else {
  process.argv.splice(1, 0, path.join(root, 'scripts', 'run-ts.js'));
  process.argv[2] = path.join(root, 'apps', 'cli', 'src', 'main.ts');
  process.argv.splice(3, 0);
  require(path.join(root, 'scripts', 'run-ts.js'));
}
