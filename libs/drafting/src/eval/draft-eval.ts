import { readdirSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { parse as parseYaml } from 'yaml';
import type { DraftProvider } from '../draft.types';
import type { OrderFacts } from '@draftdesk/shop';
import { processMessage, type ProcessInput } from '../pipeline/offline-pipeline';
import { loadShop, ShopLoadError, type LoadedShop } from '@draftdesk/shop';
import { checkDraft, type CheckResult } from './draft-checks.util';
import {
  resolveRelativeDate,
  scenarioFileSchema,
  type DraftScenario,
  type ScenarioFile,
} from './draft-scenario.schema';

export interface ScenarioResult {
  id: string;
  family: string;
  passed: boolean;
  checks: CheckResult[];
  draft: string | null;
  /** Which drafter wrote the reply (`offline`, `openai:<model>`); null when there is no draft. */
  engine: string | null;
  reasons: string[];
}

export interface Rate {
  passed: number;
  total: number;
  rate: number;
}

export interface DraftEvalReport {
  today: string;
  scenarios: number;
  overall: Rate;
  scenarioPassRate: Rate;
  perCheck: Record<string, Rate>;
  perFamily: Record<string, Rate & { scenarios: Rate }>;
  failures: { id: string; family: string; check: string; detail?: string }[];
  /** Drafts per engine, and how often a language-model drafter fell back (reasons `llm_fallback:*`, `llm_budget_exhausted`). */
  engines: Record<string, number>;
  modelFallbacks: Record<string, number>;
  results: ScenarioResult[];
}

export interface LoadedScenarios {
  file: string;
  family: string;
  shop: LoadedShop;
  scenarios: DraftScenario[];
}

function rate(passed: number, total: number): Rate {
  return { passed, total, rate: total === 0 ? 1 : passed / total };
}

/** Every *.yaml / *.json scenario file in a folder, validated; a bad file is named with its bad field. */
export function readScenarios(dir: string): LoadedScenarios[] {
  const shops = new Map<string, LoadedShop>();
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  if (files.length === 0) throw new ShopLoadError(`${dir}: no scenario files (*.yaml, *.json)`);
  return files.map((name) => {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const parsed = scenarioFileSchema.safeParse(name.endsWith('.json') ? JSON.parse(text) : parseYaml(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ShopLoadError(`${file}: invalid field "${issue.path.map(String).join('.')}": ${issue.message}`);
    }
    const data: ScenarioFile = parsed.data;
    const shopDir = resolve(dirname(file), data.shop);
    if (!shops.has(shopDir)) shops.set(shopDir, loadShop(shopDir));
    return { file, family: data.family, shop: shops.get(shopDir)!, scenarios: data.scenarios };
  });
}

function scenarioOrder(scenario: DraftScenario, today: Date): OrderFacts | null {
  const o = scenario.order;
  if (!o) return null;
  return {
    orderNumber: o.orderNumber,
    status: o.status,
    placedAt: resolveRelativeDate(o.placedAt, today),
    expectedDelivery: o.expectedDelivery ? resolveRelativeDate(o.expectedDelivery, today) : undefined,
    carrier: o.carrier,
    total: { amount: o.total, currency: 'EUR' },
    items: [{ name: o.item, quantity: 1 }],
    customerEmail: scenario.from.address,
    customerName: scenario.from.name,
  };
}

async function runScenario(
  scenario: DraftScenario,
  family: string,
  baseShop: LoadedShop,
  today: Date,
  drafter?: DraftProvider,
): Promise<ScenarioResult> {
  const extra = scenarioOrder(scenario, today);
  const shop = extra
    ? { ...baseShop, orders: [...baseShop.orders.filter((o) => o.orderNumber !== extra.orderNumber), extra] }
    : baseShop;
  const from = { address: scenario.from.address, name: scenario.from.name ?? null };
  const history: NonNullable<ProcessInput['history']> = [];
  for (const message of scenario.thread) {
    let text = message.text;
    if (message.direction === 'outbound' && text === '@draft') {
      // The earlier reply is what the pipeline itself drafted then: the realistic thing to not repeat.
      const previous = history[history.length - 1];
      const earlier = await processMessage(
        { text: previous.text, from, channel: scenario.channel, history: history.slice(0, -1) },
        { shop, now: today, drafter },
      );
      text = earlier.draft ?? '';
    }
    history.push({ direction: message.direction, text });
  }
  const out = await processMessage(
    { text: scenario.text, subject: scenario.subject, from, channel: scenario.channel, history },
    { shop, now: today, drafter },
  );
  const earlierReplies = history.filter((h) => h.direction === 'outbound').map((h) => h.text);
  const checks = checkDraft(
    scenario.expect,
    out,
    earlierReplies,
    Object.values(shop.shop.signature).map((s) => s.trim()),
  );
  return {
    id: scenario.id,
    family,
    passed: checks.every((c) => c.passed),
    checks,
    draft: out.draft,
    engine: out.engine,
    reasons: out.reasons,
  };
}

/**
 * Runs every scenario through the pipeline (triage, knowledge, orders, the offline drafter or the one given, the policy
 * gate) and tallies pass rates per check and per family.
 */
export async function runDraftEval(
  sets: LoadedScenarios[],
  options: { today?: Date; drafter?: DraftProvider; onProgress?: (done: number, total: number) => void } = {},
): Promise<DraftEvalReport> {
  const today = options.today ?? new Date();
  const total = sets.reduce((n, s) => n + s.scenarios.length, 0);
  const results: ScenarioResult[] = [];
  for (const set of sets) {
    for (const scenario of set.scenarios) {
      results.push(await runScenario(scenario, set.family, set.shop, today, options.drafter));
      options.onProgress?.(results.length, total);
    }
  }
  const perCheck: Record<string, Rate> = {};
  const perFamily: DraftEvalReport['perFamily'] = {};
  const tally = (into: Rate, passed: boolean) => {
    into.total++;
    if (passed) into.passed++;
    into.rate = into.passed / into.total;
  };
  const overall = rate(0, 0);
  const engines: Record<string, number> = {};
  const modelFallbacks: Record<string, number> = {};
  for (const result of results) {
    if (result.engine) engines[result.engine] = (engines[result.engine] ?? 0) + 1;
    for (const reason of result.reasons.filter((r) => r.startsWith('llm_')))
      modelFallbacks[reason] = (modelFallbacks[reason] ?? 0) + 1;
    const family = (perFamily[result.family] ??= { ...rate(0, 0), scenarios: rate(0, 0) });
    tally(family.scenarios, result.passed);
    for (const check of result.checks) {
      tally((perCheck[check.check] ??= rate(0, 0)), check.passed);
      tally(family, check.passed);
      tally(overall, check.passed);
    }
  }
  return {
    today: today.toISOString().slice(0, 10),
    scenarios: results.length,
    overall,
    scenarioPassRate: rate(results.filter((r) => r.passed).length, results.length),
    perCheck,
    perFamily,
    failures: results.flatMap((r) =>
      r.checks.filter((c) => !c.passed).map((c) => ({ id: r.id, family: r.family, check: c.check, detail: c.detail })),
    ),
    engines,
    modelFallbacks,
    results,
  };
}
