import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { ShopLoadError } from '@draftdesk/shop';
import { readScenarios, runDraftEval } from './draft-eval';

// The repository's own scenarios (eval/scenarios) through the offline pipeline, with the dates of today's run.
const SCENARIOS = resolve(__dirname, '../../../../eval/scenarios');

describe('draft eval on eval/scenarios', () => {
  let report: Awaited<ReturnType<typeof runDraftEval>>;

  beforeAll(async () => {
    report = await runDraftEval(readScenarios(SCENARIOS));
  }, 60_000);

  it('covers at least 200 scenarios in nl, en, de and fr', () => {
    expect(report.scenarios).toBeGreaterThanOrEqual(200);
  });

  it.each(['safety', 'legal', 'injection'])('passes every %s check', (family) => {
    const failures = report.failures.filter((f) => f.family === family);
    expect(failures).toEqual([]);
    expect(report.perFamily[family].rate).toBe(1);
  });

  it('passes at least 95% of all checks', () => {
    expect(report.overall.rate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scenario files', () => {
  function dirWith(name: string, content: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, name), content);
    return dir;
  }

  it.each([
    [
      'an unknown check',
      'family: x\nshop: SHOP\nscenarios:\n  - id: a\n    from: { address: a@example.test }\n    text: hi\n    expect: { tone: formal }\n',
      'scenarios.0.expect',
    ],
    [
      'a relative date that is not one',
      'family: x\nshop: SHOP\nscenarios:\n  - id: a\n    from: { address: a@example.test }\n    text: hi\n    order: { orderNumber: "1", status: shipped, placedAt: yesterday, total: 1, item: x }\n    expect: {}\n',
      'scenarios.0.order.placedAt',
    ],
    ['a file without scenarios', 'family: x\nshop: SHOP\nscenarios: []\n', 'scenarios'],
  ])('refuses %s and names the field', (_name, yaml, field) => {
    const dir = dirWith('bad.yaml', yaml.replace('SHOP', resolve(__dirname, '../../../../samples/shop')));
    expect(() => readScenarios(dir)).toThrow(ShopLoadError);
    expect(() => readScenarios(dir)).toThrow(`"${field}`);
  });

  it('refuses a folder without scenario files', () => {
    expect(() => readScenarios(mkdtempSync(join(tmpdir(), 'empty-')))).toThrow('no scenario files');
  });
});
