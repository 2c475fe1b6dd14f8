// Language data for reply stripping: quote headers, separators and sign-offs of the mail clients our
// customers use (nl/en/de/fr first, then the other languages that reach European shops).

export const ATTRIBUTION_START = '(?:on|op|am|le|el|il|in data|em|den|dne|dnia|på|w dniu|pada|в|at|the)';
export const ATTRIBUTION_VERB =
  '(?:wrote|writes|schreef|heeft geschreven|schrieb|a écrit|a ecrit|escribió|ha scritto|scrisse|escreveu|skrev|napisał\\(a\\)|napisała|napisał|napsal\\(a\\)|napsal|kirjoitti|написал\\(а\\)|написала|написал|пишет|yazdı|írta)';

/** "On <date>, <who> wrote:", "Op … schreef <who>:", "---- On … wrote ----" (Zoho). */
export const VERB_ATTRIBUTION = new RegExp(
  `^\\s*(?:-{2,}\\s*)?${ATTRIBUTION_START}\\s.{0,400}?${ATTRIBUTION_VERB}(?:\\s*:?|[^:]{0,200}:)\\s*(?:-{2,})?\\s*$`,
  'i',
);

export const EMAIL = /[^\s<>"'()[\]]+@[^\s<>"'()[\]]+\.[a-z]{2,}/i;
export const TIME_OR_YEAR = /\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d{2}\b/;

export const ORIGINAL_SEPARATOR = new RegExp(
  `^\\s*[-_=*]{2,}\\s*(?:${[
    'original message',
    'oorspronkelijk bericht',
    'origineel bericht',
    'ursprüngliche nachricht',
    'originalnachricht',
    "message d'origine",
    'message original',
    'forwarded message',
    'doorgestuurd bericht',
    'weitergeleitete nachricht',
    'message transféré',
    'mensaje original',
    'messaggio originale',
    'ursprungligt meddelande',
    'opprinnelig melding',
    'oprindelig besked',
    'oprindelig meddelelse',
    'alkuperäinen viesti',
    'původní zpráva',
    'oryginalna wiadomość',
    'исходное сообщение',
    'mensagem original',
  ].join('|')})\\s*[-_=*]*\\s*$`,
  'i',
);

/** A dashed title line such as "-------- Oprindelig besked --------" in a language we do not list. */
export const TITLED_RULE = /^\s*-{3,}\s*[^-\s][^-]{2,40}?\s*-{3,}\s*$/;
export const RULE = /^\s*(?:[-=_*~]\s*){3,}$/;

const FROM_KEYS = ['from', 'van', 'von', 'de', 'da', 'från', 'fra', 'od', 'от', 'lähettäjä'];
const OTHER_KEYS = [
  'sent',
  'date',
  'verzonden',
  'verstuurd',
  'datum',
  'gesendet',
  'envoyé',
  'envoye',
  'to',
  'aan',
  'an',
  'à',
  'a',
  'cc',
  'kopie',
  'copie à',
  'subject',
  'onderwerp',
  'betreff',
  'objet',
  'sujet',
  'enviado',
  'inviato',
  'skickat',
  'sendt',
  'oggetto',
  'asunto',
  'emne',
  'ämne',
  'temat',
  'dato',
  'til',
  'till',
  'para',
  'assunto',
  'отправлено',
  'кому',
  'тема',
  'дата',
  'lähetetty',
  'vastaanottaja',
  'aihe',
  'wysłano',
  'do',
  'reply-to',
  'message du',
];
const key = (keys: string[]) => `^\\s*[*>]*\\s*(?:${keys.join('|')})\\s*\\*?\\s*:`;
export const HEADER_FROM = new RegExp(key(FROM_KEYS), 'i');
export const HEADER_OTHER = new RegExp(key(OTHER_KEYS), 'i');
export const HEADER_ANY = new RegExp(key([...FROM_KEYS, ...OTHER_KEYS]), 'i');

export const SIGNATURE_DELIMITER = /^(?:--|_{2,})\s*$/;

/** Client-added sign-offs; the "sent from" forms allow at most three words so a sentence is never cut. */
const WORDS = (n: number) => `(?:[^\\s<>,;:!?]+\\s*){1,${n}}(?:<[^>]*>)?\\s*$`;
export const MOBILE_SIGNATURE = new RegExp(
  [
    `^\\s*sent (?:from|via|with|using) (?:my )?${WORDS(4)}`,
    '^\\s*get outlook for (?:ios|android)',
    `^\\s*(?:verzonden|verstuurd) (?:vanaf|met|van|via) (?:mijn )?${WORDS(4)}`,
    '^\\s*von meinem (?:[^\\s<>,;:!?]+\\s*){1,4}gesendet\\s*$',
    `^\\s*gesendet (?:von|mit|über|vom) (?:meinem |meiner )?${WORDS(4)}`,
    `^\\s*envoyé (?:de|depuis|à partir de|avec) (?:mon |ma |l'|la )?${WORDS(5)}`,
    `^\\s*enviado (?:desde|de|do) (?:mi |meu )?${WORDS(4)}`,
    `^\\s*inviato da ${WORDS(4)}`,
    `^\\s*skickat från (?:min )?${WORDS(4)}`,
  ].join('|'),
  'i',
);

/** A sign-off standing alone on its line ("Regards,", "Met vriendelijke groet,"), never one inside a sentence. */
export const VALEDICTION = new RegExp(
  `^\\s*(?:${[
    '(?:best|kind|warm|warmest|many|with)? ?regards',
    'best wishes',
    'best',
    'cheers',
    'thanks?(?: you)?(?: (?:so|very) much)?',
    'many thanks',
    'thx',
    'sincerely(?: yours)?',
    'yours(?: sincerely| truly)?',
    '(?:met )?(?:vriendelijke )?groet(?:en|jes)?',
    'mvg',
    'met vriendelijke groeten?',
    'mit (?:freundlichen|besten|lieben) grüßen',
    '(?:viele|liebe|beste|herzliche) grüße',
    'mfg',
    'lg',
    'vg',
    'cordialement',
    'bien (?:à vous|cordialement)',
    'salutations(?: distinguées)?',
    'merci(?: beaucoup)?',
    'bonne journée',
  ].join('|')})\\s*[,.!]?\\s*$`,
  'i',
);

export const CONTACT = [/[^\s@]+@[^\s@]+\.\w{2,}/, /(?:\+|\b)\d[\d\s().\/-]{7,}\d/, /\b(?:https?:\/\/|www\.)\S+/i];
