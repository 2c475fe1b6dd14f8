/**
 * Offline drafting throughput on one core: drafts/s of the OfflineDrafter alone, and messages/s of the whole
 * offline pipeline that `draftdesk process` runs (triage → order lookup → snippets → draft → policy gate).
 *
 *   node scripts/run-ts.js bench/drafting.bench.ts [--seconds 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmbeddedTriageEngine } from '@draftdesk/triage';
import { DraftRequest, OfflineDrafter, processMessage } from '@draftdesk/drafting';
import { loadSampleShop, selectSnippets } from '@draftdesk/shop';
import { INTENTS } from '@draftdesk/contracts';

const i = process.argv.indexOf('--seconds');
const SECONDS = i > 0 ? Number(process.argv[i + 1]) : 5;
const sample = loadSampleShop();
const MESSAGES = [
  { text: 'Wat is de status van bestelling 100234?', from: { address: 'customer@example.test' } },
  {
    text: 'Hello, can you tell me where my order 100250 is? I want to track the parcel.',
    from: { address: 'olivia.brown@example.test' },
  },
  {
    text: 'Ik wil mijn geld terug voor bestelling 100234, de fiets bevalt niet.',
    from: { address: 'customer@example.test' },
  },
  { text: 'Please cancel my order 100238.', from: { address: 'emma.jansen@example.test' } },
  { text: 'Ik ben mijn wachtwoord vergeten, hoe kan ik het herstellen?', from: { address: 'x@example.test' } },
  {
    text: 'I want to file a complaint, the helmet from order 100241 arrived broken.',
    from: { address: 'tom@example.test' },
  },
];

const requests: DraftRequest[] = [];
for (const language of ['nl', 'en'])
  for (const intent of INTENTS)
    for (const orderFacts of [null, sample.orders[0]]) {
      const text = language === 'nl' ? 'Ik heb een vraag over mijn bestelling.' : 'I have a question about my order.';
      requests.push({
        shop: sample.shop,
        language,
        intent,
        customerText: text,
        orderFacts,
        snippets: selectSnippets(sample.snippets, intent, language, text),
      });
    }

async function measure(
  label: string,
  seconds: number,
  work: (n: number) => Promise<void> | void,
): Promise<{ perSecond: number; count: number; seconds: number }> {
  for (let n = 0; n < 50; n++) await work(n);
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let k = 0; k < 20; k++) await work(count++);
  }
  const elapsed = (performance.now() - start) / 1000;
  const perSecond = Math.round(count / elapsed);
  process.stderr.write(`${label}: ${perSecond} /s (${count} in ${elapsed.toFixed(2)} s)\n`);
  return { perSecond, count, seconds: Number(elapsed.toFixed(2)) };
}

async function main() {
  const drafter = new OfflineDrafter();
  const engine = new EmbeddedTriageEngine();
  const drafts = await measure('offline drafts', SECONDS, (n) => void drafter.draftSync(requests[n % requests.length]));
  const pipeline = await measure('offline pipeline (process)', SECONDS, async (n) => {
    await processMessage(MESSAGES[n % MESSAGES.length], { shop: sample, triageEngine: engine });
  });
  const result = {
    benchmark: 'drafting',
    node: process.version,
    cores: 1,
    offlineDraftsPerSecond: drafts.perSecond,
    pipelinePerSecond: pipeline.perSecond,
    details: { drafts, pipeline, distinctDraftRequests: requests.length, pipelineMessages: MESSAGES.length },
    at: new Date().toISOString(),
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'drafting.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    JSON.stringify({
      offlineDraftsPerSecond: result.offlineDraftsPerSecond,
      pipelinePerSecond: result.pipelinePerSecond,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
