// Builds libs/triage/training/intents.jsonl from the phrase packs: request frames × verb phrases, standalone
// sentences and keywords, with slot fillers and the noise customers add (typos, lower case, "pls").
// Deterministic: same packs and seed → byte-identical file. Run: node scripts/run-ts.js libs/triage/training/generate.ts
import { join, resolve } from 'path';
import { writeJsonLines } from './data-files';
import { INTENTS } from '@draftdesk/contracts';
import { createRandom, shuffleInPlace } from '../src/random.util';
import { MAIL_WRAPPING } from './mail-wrapping';
import { MAIL_REQUESTS } from './phrases/mail.phrases';
import { LanguagePack } from './phrase.types';
import { PACKS } from './packs';

export interface GeneratedExample {
  text: string;
  intent: string;
  language: string;
  /** The phrase the example was built from; calibration holds out whole groups, not near-duplicates. */
  group: string;
}

export interface GenerateOptions {
  seed?: number;
  perIntent?: number;
  /** Whole emails per intent and language (greeting, context, request, sign-off, signature); default by language. */
  mailsPerIntent?: number;
}

type Random = () => number;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];

function fillSlots(template: string, slots: Record<string, string[]>, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (slots[key] ? pick(slots[key], random) : whole));
}

function typo(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-zà-ÿ]{4,}$/i.test(w));
  if (!candidates.length) return text;
  const [word, index] = pick(candidates, random);
  const p = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  const chars = word.split('');
  if (kind === 0) [chars[p], chars[p + 1]] = [chars[p + 1] ?? chars[p], chars[p]];
  else if (kind === 1) chars.splice(p, 1);
  else if (kind === 2) chars.splice(p, 0, chars[p]);
  else chars[p] = pick('aeiounrst'.split(''), random);
  words[index] = chars.join('');
  return words.join(' ');
}

const COLLOQUIAL: [RegExp, string][] = [
  [/\byou\b/g, 'u'],
  [/\bplease\b/g, 'pls'],
  [/\bwant to\b/g, 'wanna'],
  [/\bgoing to\b/g, 'gonna'],
  [/\bI am\b/g, 'im'],
  [/\bI'm\b/g, 'im'],
  [/\bdon't\b/g, 'dont'],
  [/\bcan't\b/g, 'cant'],
  [/\bthanks\b/g, 'thx'],
  [/\balstublieft\b/g, 'aub'],
  [/\bniet\b/g, 'nie'],
  [/\bbitte\b/g, 'bitte'],
  [/\bs'il vous plaît\b/g, 'svp'],
];

function addNoise(text: string, random: Random): string {
  let out = text;
  const r = random();
  if (r < 0.25) out = typo(out, random);
  if (random() < 0.1) out = typo(out, random);
  if (random() < 0.3) out = out.toLowerCase();
  if (random() < 0.2) out = out.replace(/[?.!,]+/g, '');
  if (random() < 0.2) for (const [pattern, replacement] of COLLOQUIAL) out = out.replace(pattern, replacement);
  if (random() < 0.04) out = out.toUpperCase();
  return out.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Template {
  text: string;
  group: string;
}

function templatesFor(pack: LanguagePack, intent: string): Template[] {
  const phrases = pack.phrases[intent];
  if (!phrases) return [];
  const teForm = pack.teForm ?? ((v: string) => v);
  const gerund = pack.gerund ?? ((v: string) => v);
  const group = (kind: string, i: number): string => `${pack.language}:${intent}:${kind}${i}`;
  const fromFrames = pack.frames.flatMap((frame) =>
    phrases.verbs.map((verb, i) => ({
      text: frame.replace('{vte}', teForm(verb)).replace('{ving}', gerund(verb)).replace('{v}', verb),
      group: group('v', i),
    })),
  );
  const sentences = phrases.sentences.map((text, i) => ({ text, group: group('s', i) }));
  const keywords = phrases.keywords.map((text, i) => ({ text, group: group('k', i) }));
  return [...fromFrames, ...sentences, ...sentences, ...keywords, ...keywords];
}

function generateFor(pack: LanguagePack, intent: string, perIntent: number, random: Random): GeneratedExample[] {
  const templates = shuffleInPlace(templatesFor(pack, intent), random);
  if (!templates.length) return [];
  const seen = new Set<string>();
  const out: GeneratedExample[] = [];
  for (let attempt = 0; out.length < perIntent && attempt < perIntent * 6; attempt++) {
    const template = templates[attempt % templates.length];
    let text = fillSlots(template.text, pack.slots, random);
    const shape = random();
    // Some messages arrive as short emails: a greeting, the request, and a sign-off.
    if (shape < 0.12) text = `${pick(pack.greetings, random)} ${text}`;
    else if (shape < 0.2)
      text = `${capitalise(pick(pack.greetings, random))}, ${text}. ${capitalise(fillSlots(pick(pack.closings, random), pack.slots, random))}`;
    else if (shape < 0.24 && pack.phrases[intent].sentences.length) {
      text = `${capitalise(fillSlots(pick(pack.phrases[intent].sentences, random), pack.slots, random))} ${capitalise(text)}`;
    }
    text = addNoise(text, random);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intent, language: pack.language, group: template.group });
  }
  return out;
}

// Whole emails as customers write them: the request sits between a greeting, a sentence of context and a sign-off
// with a signature, in a formal or informal register. The model learns that the wrapping says nothing about intent.
function mailsFor(
  pack: LanguagePack,
  intent: string,
  count: number,
  random: Random,
  seen: Set<string>,
): GeneratedExample[] {
  const wrapping = MAIL_WRAPPING[pack.language];
  const written = (MAIL_REQUESTS[pack.language]?.[intent] ?? []).map((text, i) => ({
    text,
    group: `${pack.language}:${intent}:m${i}`,
  }));
  const templates = shuffleInPlace(
    [...templatesFor(pack, intent).filter((t) => !t.group.includes(':k')), ...written, ...written, ...written],
    random,
  );
  if (!wrapping || !templates.length) return [];
  const sentences = pack.phrases[intent]?.sentences ?? [];
  const out: GeneratedExample[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 6; attempt++) {
    const template = templates[attempt % templates.length];
    const register = random() < 0.5 ? wrapping.formal : wrapping.informal;
    let request = capitalise(fillSlots(template.text, pack.slots, random).trim());
    if (!/[.?!]$/.test(request)) request += random() < 0.5 ? '.' : '?';
    const parts = [random() < 0.6 ? pick(wrapping.context, random) : '', request];
    if (random() < 0.3 && sentences.length)
      parts.push(capitalise(fillSlots(pick(sentences, random), pack.slots, random)));
    let body = parts.filter(Boolean).join(random() < 0.8 ? ' ' : '\n');
    if (random() < 0.3) body = typo(body, random);
    if (random() < 0.15) body = body.toLowerCase();
    const lines = [
      pick(register.greetings, random),
      '',
      body,
      '',
      pick(register.signOffs, random),
      pick(wrapping.signatures, random),
    ];
    const text = random() < 0.15 ? lines.slice(2).join('\n') : lines.join('\n');
    const key = `${pack.language}|${intent}|${text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intent, language: pack.language, group: template.group });
  }
  return out;
}

const MAILS_PER_INTENT: Record<string, number> = { en: 80, nl: 60, de: 40, fr: 40 };

export function generateExamples(packs: LanguagePack[] = PACKS, options: GenerateOptions = {}): GeneratedExample[] {
  const random = createRandom(options.seed ?? 20241126);
  const examples: GeneratedExample[] = [];
  for (const pack of packs) {
    const perIntent = options.perIntent ?? (pack.language === 'en' ? 260 : pack.language === 'nl' ? 140 : 50);
    for (const intent of INTENTS) examples.push(...generateFor(pack, intent, perIntent, random));
  }
  const seen = new Set<string>();
  for (const pack of packs) {
    const mails = options.mailsPerIntent ?? MAILS_PER_INTENT[pack.language] ?? 30;
    for (const intent of INTENTS) examples.push(...mailsFor(pack, intent, mails, random, seen));
  }
  return examples;
}

// run-ts.js loads entry points with require(), so require.main is the runner, not this file.
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const out = process.argv[2] ?? join(__dirname, 'intents.jsonl');
  const examples = generateExamples();
  writeJsonLines(out, examples, 'examples');
}
