import type { DraftRequest } from '../draft.types';
import { loadSampleShop } from '@draftdesk/shop';
import { buildDraftMessages } from './draft-prompt.util';

const sample = loadSampleShop();
const base: DraftRequest = {
  shop: sample.shop,
  language: 'nl',
  intent: 'track_order',
  customerText: 'Waar is mijn pakket?',
  orderFacts: null,
  snippets: [],
  now: '2026-12-01T10:00:00Z',
};
const system = (extra: Partial<DraftRequest>) => buildDraftMessages({ ...base, ...extra }, undefined)[0].content;

describe('buildDraftMessages', () => {
  it.each<[string, Partial<DraftRequest>, string[], string[]]>([
    [
      'an email in the shop tone',
      {},
      ['in a friendly tone', 'end with this signature', 'Today is 2026-12-01'],
      ['This is a chat'],
    ],
    ['a formal customer of a friendly shop', { register: 'formal' }, ['in a formal tone'], ['in a friendly tone']],
    ['a chat', { channel: 'chat' }, ['This is a chat', 'no signature'], ['end with this signature']],
    ['further asks', { asks: ['get_invoice'] }, ['also asks about: get_invoice'], []],
  ])('%s', (_name, extra, has, hasNot) => {
    const prompt = system(extra);
    for (const text of has) expect(prompt).toContain(text);
    for (const text of hasNot) expect(prompt).not.toContain(text);
  });
});
