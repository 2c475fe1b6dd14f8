import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { configProblem, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import {
  OfflineDrafter,
  OpenAiDrafter,
  readScenarios,
  runDraftEval,
  type DraftEvalReport,
  type LoadedScenarios,
  type DraftProvider,
} from '@draftdesk/drafting';
import { InMemoryTokenUsageStore } from '@draftdesk/triage';
import { z } from 'zod';
import { drafterConfigShape, drafterTokensPerDay } from '../../../drafter/src';

// Relative to where the command runs (the repository root, usually): the same from src and from a build.
const DEFAULT_SCENARIOS = join('eval', 'scenarios');
const DEFAULT_OUT = join('bench', 'results', 'eval-drafts.json');
export const EVAL_DRAFTS_USAGE =
  'usage: draftdesk eval drafts [--scenarios eval/scenarios] [--engine offline|openai] [--json [out.json]] [--failures]\n' +
  '  --engine openai drafts with the language model of OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL (as DRAFTER_ENGINE=openai does)';

// The drafter service's model settings.
const modelConfigSchema = z
  .object(drafterConfigShape)
  .pick({
    OPENAI_API_KEY: true,
    OPENAI_BASE_URL: true,
    OPENAI_MODEL: true,
    OPENAI_TIMEOUT_MS: true,
    OPENAI_MAX_RETRIES: true,
    OPENAI_TOKEN_BUDGET_PER_DAY: true,
    OPENAI_TOKEN_BUDGET_PER_HOUR: true,
  })
  .superRefine((config, ctx) => {
    if (!config.OPENAI_API_KEY) configProblem(ctx, 'OPENAI_API_KEY', 'is required for --engine openai');
  });

/** The drafter of `--engine openai`, built as the drafter service builds it: the offline drafter is its fall-back. */
function openAiDrafter(config: z.infer<typeof modelConfigSchema>, sets: LoadedScenarios[]): DraftProvider {
  return new OpenAiDrafter({
    apiKey: config.OPENAI_API_KEY!,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    canary: sets[0]?.shop.policy.canary,
    budget:
      drafterTokensPerDay(config) > 0
        ? { usage: new InMemoryTokenUsageStore(), tokensPerDay: drafterTokensPerDay(config) }
        : undefined,
    reserveTokens: 1500,
    fallback: new OfflineDrafter(),
  });
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined;
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`.padStart(7);

function table(report: DraftEvalReport, showFailures: boolean): string {
  const lines = [`draft eval: ${report.scenarios} scenarios, today = ${report.today}`, ''];
  lines.push(`${'check'.padEnd(20)} ${'passed'.padStart(9)} ${'rate'.padStart(7)}`);
  for (const [check, r] of Object.entries(report.perCheck).sort())
    lines.push(`${check.padEnd(20)} ${`${r.passed}/${r.total}`.padStart(9)} ${pct(r.rate)}`);
  lines.push(
    '',
    `${'family'.padEnd(20)} ${'checks'.padStart(9)} ${'rate'.padStart(7)} ${'scenarios'.padStart(10)} ${'rate'.padStart(7)}`,
  );
  for (const [family, r] of Object.entries(report.perFamily).sort()) {
    lines.push(
      `${family.padEnd(20)} ${`${r.passed}/${r.total}`.padStart(9)} ${pct(r.rate)} ${`${r.scenarios.passed}/${r.scenarios.total}`.padStart(10)} ${pct(r.scenarios.rate)}`,
    );
  }
  lines.push(
    '',
    `drafts by engine  ${
      Object.entries(report.engines)
        .map(([engine, n]) => `${engine} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  const fallbacks = Object.entries(report.modelFallbacks);
  if (fallbacks.length) lines.push(`model fallbacks   ${fallbacks.map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
  lines.push('', `overall checks    ${report.overall.passed}/${report.overall.total} ${pct(report.overall.rate)}`);
  lines.push(
    `scenarios passed  ${report.scenarioPassRate.passed}/${report.scenarioPassRate.total} ${pct(report.scenarioPassRate.rate)}`,
  );
  if (showFailures || report.failures.length <= 20) {
    if (report.failures.length) lines.push('', 'failed checks:');
    for (const f of report.failures) lines.push(`  ${f.id} ${f.check}: ${f.detail ?? ''}`);
  } else {
    lines.push('', `${report.failures.length} failed checks (--failures lists them)`);
  }
  return `${lines.join('\n')}\n`;
}

/** `draftdesk eval drafts`: the offline pipeline on scenario files, pass rates per check and per family. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${EVAL_DRAFTS_USAGE}\n`);
    return 0;
  }
  const dir = resolve(option(argv, '--scenarios') ?? DEFAULT_SCENARIOS);
  const sets = readScenarios(dir);
  const engine = option(argv, '--engine') ?? 'offline';
  if (engine !== 'offline' && engine !== 'openai') {
    process.stderr.write(`draftdesk eval drafts: --engine must be offline or openai, not "${engine}"\n`);
    return 2;
  }
  let drafter: DraftProvider | undefined;
  if (engine === 'openai') {
    const config = loadCommandConfig('draftdesk eval drafts', modelConfigSchema);
    if (!config) return EX_CONFIG;
    drafter = openAiDrafter(config, sets);
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'drafting [{bar}] {value}/{total} {percentage}%',
    hideCursor: true,
  });
  bar.start(
    sets.reduce((n, s) => n + s.scenarios.length, 0),
    0,
  );
  const report = await runDraftEval(sets, { drafter, onProgress: (done) => bar.update(done) });
  bar.stop();
  const jsonIndex = argv.indexOf('--json');
  const summary = { ...report, results: report.results.map(({ draft: _draft, ...rest }) => rest) };
  if (jsonIndex >= 0 && !option(argv, '--json')) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(table(report, argv.includes('--failures')));
    const out = resolve(option(argv, '--json') ?? DEFAULT_OUT);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    process.stderr.write(`figures written to ${out}\n`);
  }
  return 0;
}
