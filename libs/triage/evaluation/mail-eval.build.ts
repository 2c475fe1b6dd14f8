// Writes libs/triage/evaluation/mail-eval.jsonl: the requests of mail-eval.requests.ts as customers send them — email
// with a greeting, a line of context, a sign-off, a signature and sometimes quoted history, or a bare chat line.
// The wrappers here are written for evaluation only and differ from those of the training generator.
// Deterministic. Run: node scripts/run-ts.js libs/triage/evaluation/mail-eval.build.ts
import { join, resolve } from 'path';
import { writeJsonLines } from '../training/jsonl';
import { createRandom } from '../src/random.util';
import { EVAL_REQUESTS } from './mail-eval.requests';

export interface MailEvalCase {
  id: string;
  subject: string;
  text: string;
  intent: string;
  language: string;
}

interface Wrapping {
  formal: { greetings: string[]; signOffs: string[] };
  informal: { greetings: string[]; signOffs: string[] };
  context: string[];
  names: string[];
  subjects: string[];
  quoteHeader: string;
  quoted: string[];
}

const WRAPPING: Record<string, Wrapping> = {
  en: {
    formal: {
      greetings: ['Dear Sir or Madam,', 'Good afternoon,', 'Dear support team,'],
      signOffs: ['Kind regards,', 'Yours sincerely,', 'Best regards,'],
    },
    informal: { greetings: ['Hi there,', 'Hey!', 'Hello,'], signOffs: ['Cheers,', 'Thanks!', 'Thanks a lot,'] },
    context: [
      "I've been a customer for a few years now.",
      'I hope you are well.',
      'I bought a bike from your Utrecht branch last spring.',
      'Sorry to bother you on a busy day.',
      '',
      '',
    ],
    names: ['Emily Carter', 'Tom\nCarter & Sons Ltd\n+44 20 7946 0958', 'R. Patel\n14 Mill Lane, Leeds', 'Mark'],
    subjects: ['Question', 'Quick question', 'Help please', ''],
    quoteHeader: 'On Tue, 4 Nov 2026 at 09:12, Support <support@shop.test> wrote:',
    quoted: ['> Thank you for your message. We will get back to you shortly.', '> Kind regards, the support team'],
  },
  nl: {
    formal: {
      greetings: ['Geachte heer/mevrouw,', 'Goedemiddag,', 'Beste klantenservice,'],
      signOffs: ['Met vriendelijke groet,', 'Hoogachtend,', 'Vriendelijke groeten,'],
    },
    informal: { greetings: ['Hoi!', 'Hallo,', 'Hey,'], signOffs: ['Groetjes,', 'Alvast bedankt!', 'Groet,'] },
    context: [
      'Ik ben al jaren klant bij jullie.',
      'Vorige maand heb ik een fiets bij jullie gekocht.',
      'Excuses voor de lange mail.',
      '',
      '',
    ],
    names: ['Sanne de Vries', 'J. Bakker\nDorpsstraat 4, 1234 AB Utrecht\n06-12345678', 'Pieter', 'Fam. Jansen'],
    subjects: ['Vraag', 'Graag hulp', ''],
    quoteHeader: 'Op di 4 nov 2026 om 09:12 schreef Support <support@shop.test>:',
    quoted: ['> Bedankt voor uw bericht. We komen zo snel mogelijk bij u terug.'],
  },
  de: {
    formal: {
      greetings: ['Sehr geehrte Damen und Herren,', 'Guten Tag,'],
      signOffs: ['Mit freundlichen Grüßen', 'Viele Grüße'],
    },
    informal: { greetings: ['Hallo,', 'Hi,'], signOffs: ['LG', 'Danke und Gruß'] },
    context: ['Ich bin seit Jahren Kunde bei Ihnen.', 'Ich habe letzte Woche bei Ihnen bestellt.', '', ''],
    names: ['Klaus Becker', 'A. Schmidt\nHauptstr. 12, 10115 Berlin', 'Julia'],
    subjects: ['Frage', 'Anfrage', ''],
    quoteHeader: 'Am 04.11.2026 um 09:12 schrieb Support <support@shop.test>:',
    quoted: ['> Vielen Dank für Ihre Nachricht.'],
  },
  fr: {
    formal: { greetings: ['Madame, Monsieur,', 'Bonjour,'], signOffs: ['Cordialement,', 'Bien à vous,'] },
    informal: { greetings: ['Salut,', 'Coucou,'], signOffs: ['Merci !', 'Bonne journée,'] },
    context: ['Je suis client chez vous depuis longtemps.', "J'ai commandé chez vous la semaine dernière.", '', ''],
    names: ['Camille Martin', 'P. Dubois\n12 rue de la Paix, 75002 Paris', 'Léa'],
    subjects: ['Question', 'Demande', ''],
    quoteHeader: 'Le mar. 4 nov. 2026 à 09:12, Support <support@shop.test> a écrit :',
    quoted: ['> Merci pour votre message.'],
  },
};

export function buildMailEval(seed = 7): MailEvalCase[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const cases: MailEvalCase[] = [];
  for (const intent of Object.keys(EVAL_REQUESTS)) {
    for (const [language, requests] of Object.entries(EVAL_REQUESTS[intent])) {
      const w = WRAPPING[language];
      requests.forEach((request, i) => {
        const id = `${language}-${intent}-${i + 1}`;
        const shape = random();
        if (shape < 0.2) {
          // A chat line: the request alone, sometimes in lower case.
          cases.push({ id, subject: '', text: random() < 0.5 ? request.toLowerCase() : request, intent, language });
          return;
        }
        const register = random() < 0.5 ? w.formal : w.informal;
        const context = pick(w.context);
        const lines = [
          pick(register.greetings),
          '',
          [context, request].filter(Boolean).join(' '),
          '',
          pick(register.signOffs),
          pick(w.names),
        ];
        if (shape > 0.85) lines.push('', w.quoteHeader, ...w.quoted);
        cases.push({ id, subject: pick(w.subjects), text: lines.join('\n'), intent, language });
      });
    }
  }
  return cases;
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const out = process.argv[2] ?? join(__dirname, 'mail-eval.jsonl');
  const cases = buildMailEval();
  writeJsonLines(out, cases, 'mails');
}
