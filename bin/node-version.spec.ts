import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeVersionProblem, satisfies } from './node-version';

const RANGE = '>=20.19 <21 || >=22';

describe('satisfies (engines.node ranges)', () => {
  it.each([
    ['v20.19.0', true],
    ['v20.20.2', true],
    ['v20.18.3', false],
    ['v21.7.0', false],
    ['v22.0.0', true],
    ['v24.3.1', true],
    ['v18.20.4', false],
    ['v16.0.0', false],
  ])(`${RANGE} with %s → %s`, (version, expected) => {
    expect(satisfies(RANGE, version)).toBe(expected);
  });

  it.each([
    ['>18', 'v18.0.1', true],
    ['<=20', 'v20.0.0', true],
    ['=20.1.2', 'v20.1.2', true],
    ['20.1.2', 'v20.1.3', false],
  ])('%s with %s → %s', (range, version, expected) => {
    expect(satisfies(range, version)).toBe(expected);
  });

  it('refuses a comparator it cannot read rather than letting any version through', () => {
    expect(() => satisfies('^20', 'v20.1.0')).toThrow(/not a version: "\^20"/);
  });
});

describe('nodeVersionProblem', () => {
  it('names the required and the found version in one line', () => {
    expect(nodeVersionProblem(RANGE, 'v18.19.0')).toBe(
      'draftdesk needs Node.js >=20.19 <21 || >=22 (package.json engines.node), but this is Node.js v18.19.0.',
    );
  });

  it('has nothing to say about an allowed version', () => {
    expect(nodeVersionProblem(RANGE, 'v22.11.0')).toBeNull();
  });

  it("reads package.json's range, which this Node.js satisfies", () => {
    const { engines } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(nodeVersionProblem(engines.node, process.version)).toBeNull();
  });
});
