// Checks the running Node.js against package.json's engines.node before anything else is loaded. Plain JavaScript
// without recent syntax on purpose: an old Node must be able to read this file to say that it is too old.
'use strict';

function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error('not a version: "' + text + '"');
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const OPERATORS = {
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '=': (c) => c === 0,
};

/** Whether `version` ("v20.19.1") is in `range` as engines.node writes it: ">=20.19 <21 || >=22". */
function satisfies(range, version) {
  const found = parseVersion(version);
  const holds = (comparator) => {
    const [, operator, wanted] = /^(>=|<=|>|<|=)?(.*)$/.exec(comparator);
    return OPERATORS[operator || '='](compare(found, parseVersion(wanted)));
  };
  return range.split('||').some((alternative) => alternative.trim().split(/\s+/).every(holds));
}

/** The one line to print when this Node.js is not one package.json allows, else null. */
function nodeVersionProblem(range, version) {
  if (satisfies(range, version)) return null;
  return 'draftdesk needs Node.js ' + range + ' (package.json engines.node), but this is Node.js ' + version + '.';
}

module.exports = { satisfies, nodeVersionProblem };
