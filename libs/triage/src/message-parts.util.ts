import { foldText } from './text-features.util';

// What a customer wrote now, split from the wrapping every mail client and writer adds: the greeting, the sign-off,
// the signature block, legal disclaimers and quoted history. The intent is read from the request alone; the
// greeting and sign-off still tell the language and register.

export interface MessageParts {
  greeting: string;
  request: string;
  signOff: string;
}

const GREETING =
  /^\s*(?:(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|to whom it may concern|hallo|hoi|hey|beste|geachte|goedemorgen|goedemiddag|goedenavond|goedendag|dag|guten (?:morgen|tag|abend)|sehr geehrte(?:r|s)?|liebe(?:r|s)?|moin|servus|gruss gott|gruezi|bonjour|bonsoir|salut|coucou|cher|chere|madame|monsieur|mesdames)\b[^\n.!?:,]{0,60}(?:[,!:.]+|\n|$)(?:\s*(?:madame|monsieur|mevrouw|meneer|damen und herren)[^\n,]{0,30}[,!:.]*)?)/;

const SIGN_OFF =
  /^\s*(?:(?:kind|best|warm|many|with)? ?regards|best(?: wishes)?|cheers|thanks?(?: (?:a lot|so much|again|in advance))?|thank you(?: (?:very much|so much|in advance))?|many thanks|sincerely|yours(?: sincerely| faithfully| truly)?|take care|thx|(?:met )?(?:vriendelijke|hartelijke) groet(?:en)?|mvg|groet(?:en|jes)?|gr\.?|alvast (?:bedankt|dank)|bij voorbaat dank|dank(?:je| u)?(?: wel)?|bedankt(?: alvast)?|mit (?:freundlichen|besten|herzlichen) grussen|mfg|viele grusse|beste grusse|liebe grusse|lg|vg|gruss|danke(?: schon| im voraus)?|vielen dank(?: im voraus)?|cordialement|bien (?:cordialement|a vous)|salutations(?: distinguees)?|merci(?: d'avance| beaucoup| par avance)?|bonne (?:journee|soiree)|a bientot|bises|veuillez agreer\b.*)[\s,.!]*(?:\S+(?:\s+\S+){0,3})?\s*$/;

const SIGNATURE_START =
  /^(?:-- ?|__+|—+|sent from my \w+.*|verzonden (?:vanaf|met) (?:mijn )?\w+.*|von meinem \w+ gesendet.*|envoye de mon \w+.*|get outlook for \w+.*)$/;
const QUOTE_START =
  /^(?:>|on .{5,120} wrote:?$|op .{5,120} schreef.*:?$|am .{5,120} schrieb.*:?$|le .{5,120} a ecrit ?:?$|-{2,} ?(?:original message|oorspronkelijk bericht|ursprungliche nachricht|message d'origine) ?-{2,}|from: .+|van: .+|von: .+|de ?: .+@.+)/;
const DISCLAIMER =
  /\b(?:this (?:e-?mail|message) (?:and any attachments )?(?:is|may be) (?:confidential|intended)|disclaimer|dit (?:e-?mail)?bericht is (?:uitsluitend|vertrouwelijk|alleen)|diese (?:e-?mail|nachricht) (?:ist|enthalt) vertraulich|ce (?:message|courriel) (?:est|et ses pieces jointes sont) confidentiel)/;

/** Splits a message into greeting, request and sign-off; signature, disclaimer and quoted history are dropped. */
export function splitMessage(text: string): MessageParts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let signOff = '';
  for (const line of lines) {
    const folded = foldText(line.trim()).replace(/[’`]/g, "'");
    if (kept.some((l) => l.trim()) || signOff) {
      if (SIGNATURE_START.test(folded) || QUOTE_START.test(folded) || DISCLAIMER.test(folded)) break;
    } else if (QUOTE_START.test(folded) && folded.startsWith('>')) {
      break;
    }
    // A sign-off ends the request: what follows is the name, the signature or a disclaimer.
    if (folded && folded.length <= 60 && SIGN_OFF.test(folded) && kept.some((l) => l.trim())) {
      signOff = line.trim();
      break;
    }
    kept.push(line);
  }
  let request = kept.join('\n').trim();
  let greeting = '';
  const match = GREETING.exec(foldKeepingLength(request));
  if (match && match[0].trim().length < request.length) {
    greeting = request.slice(0, match[0].length).trim();
    request = request.slice(match[0].length).trim();
  }
  if (!signOff) {
    // A one-line chat or email often ends its last sentence with the thanks: "…, thanks!" / "Merci."
    const tail =
      /(?:^|[.!?,]\s+|\n)((?:thanks?|thank you|thx|cheers|bedankt|dank ?je|dank u|danke|merci)[^.!?\n]{0,20}[.!?]*)\s*$/i.exec(
        request,
      );
    if (tail && tail.index > 0) {
      signOff = tail[1].trim();
      request = request
        .slice(0, request.length - tail[0].length + tail[0].indexOf(tail[1]))
        .replace(/[,\s]+$/, '')
        .trim();
    }
  }
  return { greeting, request, signOff };
}

// Folds character by character without changing the length, so a match's bounds apply to the original text.
function foldKeepingLength(text: string): string {
  return [...text]
    .map((c) => {
      const folded = foldText(c);
      return folded.length === c.length ? folded : c.length === 1 ? folded.charAt(0) || c : c;
    })
    .join('');
}

/** The text to classify: the request without greeting, sign-off, signature, disclaimer or quoted history. */
export function requestText(text: string): string {
  const { request } = splitMessage(text);
  return request || text.trim();
}
