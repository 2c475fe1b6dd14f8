import { LanguagePack } from './phrase.types';
import { EN } from './phrases/en.phrases';
import { NL } from './phrases/nl.phrases';
import { DE } from './phrases/de.phrases';
import { FR } from './phrases/fr.phrases';

const SHARED_SLOTS = {
  order: [
    '12345',
    '#48213',
    '100234',
    '77345612',
    'ORD-55123',
    '#9912',
    '4500123',
    'A-48812',
    '203948',
    'BE-77120',
    '{{Order Number}}',
  ],
  invoice: ['INV-2024-001', '33521', '#88120', 'F2023-0456', '761245', '{{Invoice Number}}'],
  amount: ['$25', '€ 49,95', 'EUR 120.00', '$150', '€12,50', '$1,299.99', '{{Refund Amount}}'],
  qty: ['2', 'three', '5', 'a couple', '10'],
  email: ['jan@example.com', 'mary.smith@mail.com'],
};

const DOUBLED = new Set(['get', 'set', 'stop', 'swap', 'shop', 'put', 'chat', 'drop', 'plan', 'ship']);
const IRREGULAR: Record<string, string> = { be: 'being', see: 'seeing', lie: 'lying', die: 'dying' };

function englishGerund(phrase: string): string {
  const [verb, ...rest] = phrase.split(' ');
  const lower = verb.toLowerCase();
  let ing: string;
  if (IRREGULAR[lower]) ing = IRREGULAR[lower];
  else if (DOUBLED.has(lower)) ing = lower + lower.slice(-1) + 'ing';
  else if (/[^aeiou]e$/.test(lower) || /ue$/.test(lower)) ing = lower.slice(0, -1) + 'ing';
  else ing = lower + 'ing';
  return [ing, ...rest].join(' ');
}

export const ENGLISH: LanguagePack = {
  language: 'en',
  ...EN,
  gerund: englishGerund,
  slots: { ...SHARED_SLOTS, ...EN.slots },
};

// Dutch puts "te" before the main infinitive and splits separable verbs ("op te zeggen"). The main
// infinitive is the first -en/-aan word not preceded by an article or preposition (those are nouns).
const NOT_BEFORE_VERB = new Set([
  'de',
  'het',
  'een',
  'mijn',
  'jullie',
  'op',
  'van',
  'in',
  'met',
  'voor',
  'aan',
  'uit',
  'paar',
  'bij',
  'naar',
  'over',
]);
const SEPARABLE = /^(aan|af|in|op|terug|uit|toe|door|om|mee|weg|bij|na|over|achter|stop)(?=[a-z]{4,})(?!en)/;

function dutchTe(phrase: string): string {
  const words = phrase.split(' ');
  let index = words.findIndex(
    (w, i) => /(?:en|aan)$/.test(w) && w.length > 3 && w !== 'geen' && !NOT_BEFORE_VERB.has(words[i - 1] ?? ''),
  );
  if (index < 0) index = words.length - 1;
  const verb = words[index];
  const prefix = SEPARABLE.exec(verb)?.[1];
  const replacement = prefix ? [prefix, 'te', verb.slice(prefix.length)] : ['te', verb];
  words.splice(index, 1, ...replacement);
  return words.join(' ');
}

export const DUTCH: LanguagePack = { language: 'nl', ...NL, teForm: dutchTe, slots: { ...SHARED_SLOTS, ...NL.slots } };

function germanZu(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  const prefix = /^(an|ab|auf|aus|ein|zurück|zu|mit|vor|weg|her|hin)(?=[a-zäöü]{4,})/.exec(last)?.[1];
  return [...words, prefix ? `${prefix}zu${last.slice(prefix.length)}` : `zu ${last}`].join(' ');
}

export const GERMAN: LanguagePack = {
  language: 'de',
  ...DE,
  teForm: germanZu,
  slots: { ...SHARED_SLOTS, ...DE.slots },
};

export const FRENCH: LanguagePack = { language: 'fr', ...FR, slots: { ...SHARED_SLOTS, ...FR.slots } };
