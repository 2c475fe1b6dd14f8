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
  phrases: EN,
  gerund: englishGerund,
  frames: [
    'I want to {v}',
    "I'd like to {v}",
    'I need to {v}',
    'I have to {v}',
    'I wanna {v}',
    'how do I {v}?',
    'how can I {v}?',
    'how to {v}',
    'can I {v}?',
    'could you help me {v}?',
    'can you help me {v}',
    'help me {v}',
    'I need help to {v}',
    'I need assistance to {v}',
    'what do I need to do to {v}?',
    'where can I {v}?',
    'is it possible to {v}?',
    'could you tell me how to {v}?',
    "I'm trying to {v}",
    "I don't know how to {v}",
    'tell me how I can {v}',
    'show me how to {v}',
    'what is the procedure to {v}?',
    'I would like to {v}, please',
    'please help me {v}',
    '{v}',
    '{v} please',
    "I can't figure out how to {v}",
    'I gotta {v}',
    'would it be possible to {v}?',
    "I'd like some help to {v}",
    'what are the steps to {v}?',
    'I am unable to {v}, help',
    'can u help me {v} pls',
    'I want information about how to {v}',
    'where do I go to {v}?',
    'how would I {v}?',
    'I was wondering if I could {v}',
    'I really need to {v} asap',
    'how the hell do I {v}?',
    'can you {v} for me?',
    "I'm looking for a way to {v}",
    'do you know how I can {v}?',
    'I expect you to {v}',
    'is there any way to {v}?',
    'help with {ving}',
    'I need help {ving}',
    'I need assistance {ving}',
    "I'm having trouble {ving}",
    'can you assist me {ving}?',
    "I'd like assistance {ving}",
    '{ving}',
    'I want help {ving}',
    'I have a question about {ving}',
    'need some help {ving} pls',
    "I'm interested in {ving}",
    'how about {ving}?',
    'could I get some help {ving}?',
    "I'm not sure about {ving}",
  ],
  greetings: [
    'hi',
    'hello',
    'hey',
    'good morning',
    'good afternoon',
    'dear customer service,',
    'hi there',
    'hello team,',
  ],
  closings: [
    'thanks',
    'thank you',
    'thanks in advance',
    'cheers',
    'regards, {name}',
    'kind regards',
    'best, {name}',
    'thx',
  ],
  slots: {
    ...SHARED_SLOTS,
    account: [
      'premium',
      'free',
      'gold',
      'platinum',
      'standard',
      'business',
      'pro',
      'basic',
      'freemium',
      'family',
      '{{Account Type}}',
    ],
    account2: ['premium', 'free', 'gold', 'standard', 'pro', 'basic'],
    name: ['John Smith', 'Emma', 'my son Tom', 'Sarah Jones', 'Peter', 'Lisa de Vries', '{{Person Name}}'],
    city: ['London', 'Amsterdam', 'New York', 'Berlin', 'Rotterdam', 'Paris', '{{Delivery City}}'],
    country: ['Germany', 'Belgium', 'the UK', 'Canada', 'France', 'the Netherlands', 'Spain', '{{Delivery Country}}'],
    street: ['12 High Street', '45 Oak Avenue', 'Main Road 8', '221B Baker Street'],
  },
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

export const DUTCH: LanguagePack = {
  language: 'nl',
  phrases: NL,
  teForm: dutchTe,
  frames: [
    'ik wil {v}',
    'ik wil graag {v}',
    'ik zou graag {v}',
    'ik moet {v}',
    'hoe kan ik {v}?',
    'hoe moet ik {v}?',
    'kan ik {v}?',
    'kunt u mij helpen {vte}?',
    'kunnen jullie me helpen {vte}',
    'help me {vte}',
    'ik heb hulp nodig om {vte}',
    'wat moet ik doen om {vte}?',
    'waar kan ik {v}?',
    'is het mogelijk om {vte}?',
    'kunt u mij vertellen hoe ik kan {v}?',
    'ik probeer {vte}',
    'ik weet niet hoe ik {v} moet',
    'hoe {vte}?',
    'graag {v}',
    '{v}',
    '{v} aub',
    '{v} alstublieft',
    'ik kom er niet uit hoe ik {v} kan',
    'zou ik {v} kunnen?',
    'ik zou {v} willen',
    'wat zijn de stappen om {vte}?',
    'het lukt me niet om {vte}',
    'kan je me helpen {vte} pls',
    'ik wil info over hoe ik kan {v}',
    'hoe zou ik {v}?',
    'ik vroeg me af of ik kan {v}',
    'ik moet echt dringend {v}',
    'hoe kan ik in godsnaam {v}?',
    'kunnen jullie {v} voor mij?',
    'ik zoek een manier om {vte}',
    'weet u hoe ik kan {v}?',
    'is er een manier om {vte}?',
    'hallo, ik wil {v}',
    'ik wil even {v}',
    'mag ik {v}?',
    'ik zou graag willen {v}',
    'wil {v}',
  ],
  greetings: [
    'hoi',
    'hallo',
    'hey',
    'goedemorgen',
    'goedemiddag',
    'beste klantenservice,',
    'geachte heer/mevrouw,',
    'dag',
  ],
  closings: [
    'bedankt',
    'dank u wel',
    'alvast bedankt',
    'groetjes',
    'met vriendelijke groet, {name}',
    'mvg',
    'groet, {name}',
  ],
  slots: {
    ...SHARED_SLOTS,
    amount: ['€ 49,95', '€12,50', 'EUR 120', '€ 1.299,00', '35 euro', '€ 8,99'],
    qty: ['2', 'drie', '5', 'een paar', '10'],
    account: ['premium', 'gratis', 'gold', 'platinum', 'standaard', 'zakelijk', 'pro', 'basis', 'gezins'],
    account2: ['premium', 'gratis', 'gold', 'standaard', 'pro', 'basis'],
    name: ['Jan de Vries', 'Emma', 'mijn zoon Tom', 'Sanne Jansen', 'Pieter', 'mijn moeder'],
    city: ['Amsterdam', 'Utrecht', 'Rotterdam', 'Antwerpen', 'Groningen', 'Eindhoven'],
    country: ['België', 'Duitsland', 'Frankrijk', 'Engeland', 'Spanje', 'Curaçao'],
    street: ['Kerkstraat 12', 'Dorpsweg 5a', 'Lange Laan 88', 'Stationsplein 3'],
  },
};

function germanZu(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  const prefix = /^(an|ab|auf|aus|ein|zurück|zu|mit|vor|weg|her|hin)(?=[a-zäöü]{4,})/.exec(last)?.[1];
  return [...words, prefix ? `${prefix}zu${last.slice(prefix.length)}` : `zu ${last}`].join(' ');
}

export const GERMAN: LanguagePack = {
  language: 'de',
  phrases: DE,
  teForm: germanZu,
  frames: [
    'ich möchte {v}',
    'ich will {v}',
    'ich muss {v}',
    'wie kann ich {v}?',
    'kann ich {v}?',
    'können Sie mir helfen, {vte}?',
    'ist es möglich, {vte}?',
    'ich würde gerne {v}',
    'bitte helfen Sie mir {vte}',
    'wo kann ich {v}?',
    'ich versuche, {vte}',
    '{v}',
    '{v} bitte',
    'hallo, ich möchte {v}',
    'was muss ich tun, um {vte}?',
    'wie {v}?',
  ],
  greetings: ['hallo', 'guten Tag', 'sehr geehrte Damen und Herren,', 'hi'],
  closings: ['danke', 'vielen Dank', 'mit freundlichen Grüßen, {name}', 'Gruß'],
  slots: {
    ...SHARED_SLOTS,
    amount: ['49,95 €', '€ 12,50', 'EUR 120'],
    account: ['Premium', 'Gratis', 'Gold', 'Standard', 'Business'],
    account2: ['Premium', 'Standard', 'Basis'],
    name: ['Anna Müller', 'Thomas', 'meinen Sohn'],
    city: ['Berlin', 'München', 'Hamburg', 'Wien'],
    country: ['Österreich', 'die Schweiz', 'Belgien', 'Frankreich'],
    street: ['Hauptstraße 5', 'Goethestraße 21'],
  },
};

export const FRENCH: LanguagePack = {
  language: 'fr',
  phrases: FR,
  frames: [
    'je veux {v}',
    'je voudrais {v}',
    'je dois {v}',
    'comment puis-je {v} ?',
    'est-ce que je peux {v} ?',
    "pouvez-vous m'aider à {v} ?",
    'est-il possible de {v} ?',
    "j'aimerais {v}",
    'aidez-moi à {v}',
    'où puis-je {v} ?',
    "j'essaie de {v}",
    '{v}',
    '{v} svp',
    'bonjour, je voudrais {v}',
    'que dois-je faire pour {v} ?',
    'comment {v} ?',
  ],
  greetings: ['bonjour', 'salut', 'madame, monsieur,', 'bonsoir'],
  closings: ['merci', 'merci beaucoup', 'cordialement, {name}', 'bien à vous'],
  slots: {
    ...SHARED_SLOTS,
    amount: ['49,95 €', '12,50 €', 'EUR 120'],
    account: ['premium', 'gratuit', 'gold', 'standard', 'pro'],
    account2: ['premium', 'standard', 'basique'],
    name: ['Marie Dubois', 'Pierre', 'mon fils'],
    city: ['Paris', 'Lyon', 'Bruxelles', 'Marseille'],
    country: ['Belgique', 'Suisse', 'Allemagne', 'Espagne'],
    street: ['12 rue de la Paix', '8 avenue Victor Hugo'],
  },
};
