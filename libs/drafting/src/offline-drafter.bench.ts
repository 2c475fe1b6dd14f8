// Offline drafting throughput on the sample shop: every intent × nl/en × with and without an order.
// Run: node scripts/run-ts.js libs/drafting/src/offline-drafter.bench.ts [seconds]
import { performance } from 'perf_hooks';
import type { DraftRequest } from './draft.types';
import { INTENTS } from '@draftdesk/contracts';
import { OfflineDrafter } from './offline-drafter.provider';
import { decide } from './policy-gate.util';
import { loadSampleShop } from '@draftdesk/shop';
import { selectSnippets } from '@draftdesk/shop';

const seconds = Number(process.argv[2] ?? 3);
const { shop, policy, snippets, orders } = loadSampleShop();
const texts: Record<string, string> = {
  nl: 'Hallo, ik heb een vraag over mijn bestelling en de levering. Kunnen jullie helpen?',
  en: 'Hi, I have a question about my order and the delivery. Can you help?',
};
const requests: DraftRequest[] = [];
for (const language of ['nl', 'en'])
  for (const intent of INTENTS)
    for (const orderFacts of [null, orders[0], orders[2]])
      requests.push({
        shop,
        language,
        intent,
        customerText: texts[language],
        orderFacts,
        snippets: selectSnippets(snippets, intent, language, texts[language]),
      });

function run(label: string, work: (r: DraftRequest) => void): void {
  for (const r of requests) work(r); // warm-up
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (const r of requests) work(r);
    count += requests.length;
  }
  const elapsed = (performance.now() - start) / 1000;
  console.log(`${label}: ${Math.round(count / elapsed).toLocaleString('en')} /s (${count} in ${elapsed.toFixed(2)} s)`);
}

const drafter = new OfflineDrafter();
console.log(`${requests.length} distinct requests (${INTENTS.length} intents × nl/en × 3 order states)`);
run('offline drafts', (r) => drafter.draftSync(r));
run('draft + snippet selection + policy gate', (r) => {
  const picked = selectSnippets(snippets, r.intent, r.language, r.customerText);
  const draft = drafter.draftSync({ ...r, snippets: picked });
  decide({
    policy,
    triage: {
      intent: r.intent,
      confidence: 0.9,
      sentiment: 'neutral',
      urgency: 'normal',
      reasons: [],
      flags: [],
      language: r.language,
    },
    automated: false,
    draft,
    sources: { customerText: r.customerText, snippets: picked, orderFacts: r.orderFacts },
    shop,
  });
});
