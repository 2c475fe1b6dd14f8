import { foldText } from './text-features.util';

// Signals that must reach a person whatever the intent: a product that hurt or could hurt someone, and a customer
// taking legal steps. They work on folded text (lower case, no accents, ß → ss), so patterns are written that way.
// Missing one costs far more than a false alarm, so the lexicons are broad; only the common harmless uses of the
// same words (smoke-free, smoke detector, fire sale, brand new, court shoes) are kept out.

const SAFETY_PATTERNS: RegExp[] = [
  // en
  /\b(?<!non-)smok(?:e|es|ed|ing|y)\b(?![- ]?(?:free|detectors?|alarms?|signals?))/,
  /\b(?:caught|catch(?:es|ing)?|set (?:\w+ )?on|was on|is on|went up in) (?:fire|flames)\b|\bburst into flames\b|\bflames?\b|\bfire (?:hazard|risk|started|broke out|brigade|department)\b|\bstarted a fire\b/,
  /\bburn(?:ed|t|s|ing)?\b|\bscorch(?:ed|ing)?\b/,
  /\b(?:extremely|very|really|so|too|super|dangerously|incredibly|insanely|scorching|boiling|way too|red) hot\b|\bhot to (?:the )?touch\b|\bover-?heat(?:s|ed|ing)?\b/,
  /\bmelt(?:ed|s|ing)?\b|\bmolten\b/,
  /\bspark(?:s|ed|ing)?\b/,
  /\bexplo(?:de|des|ded|ding|sion|sions)\b|\bblew up\b|\bblown up\b/,
  /\belectric(?:al)? shock\b|\belectrocut\w*|\bshocked (?:me|him|her|my)\b/,
  /\binjur(?:y|ies|ed|ing)\b|\bhurt (?:my|his|her|him|me|our|their|them|myself|himself|herself|themselves)\b|\bgot hurt\b|\bbleed(?:ing|s)?\b|\bblood\b|\bstitches\b/,
  /\bcut (?:my|his|her|their|our) (?:\w+ )?(?:hand|finger|thumb|arm|leg|foot|face|lip|skin|palm|knee|wrist)s?\b|\bcut (?:myself|himself|herself|themselves)\b|\b(?:deep|nasty|bad) cut\b/,
  /\ballergic\b|\ballergy\b|\banaphyla\w*|\brash(?:es)?\b|\bhives\b|\bblisters?\b(?! ?packs?)|\bswollen\b|\bchok(?:e|ed|ing)\b|\bsuffocat\w*|\btoxic\b|\bfumes\b/,
  /\b(?:i|he|she|we|they|my (?:son|daughter|child|kid|wife|husband|partner|friend|mother|father|mum|mom|dad|boy|girl)) (?:fell|crashed|came off)\b|\bbroke (?:my|his|her|their) (?:\w+ )?(?:wrist|arm|leg|ankle|collarbone|hip|nose|finger|tooth|teeth)\b|\bbroken (?:wrist|arm|leg|ankle|collarbone|hip|bone)s?\b|\bfractur\w*|\bconcussion\b|\bbrakes? (?:failed|gave way|gave out|stopped working|did not work|didn't work|locked up)\b/,
  /\bhospital\b|\bemergency room\b|\ba ?& ?e\b|\bpoison(?:ed|ing|ous)?\b|\b(?:safety (?:hazard|issue|risk|concern))\b|\b(?:is|are|seems|looks|was) (?:\w+ )?(?:dangerous|unsafe)\b/,
  // nl
  /\brook\b|\broken\b|\brookt(?:e|en)?\b|\brookontwikkeling\b|\bsmeul\w*/,
  /\bvat(?:te|ten)? (?:\w+ )?(?:vlam|brand)\b|\bvlam (?:gevat|vatte)\b|\bvlammen\b|\bin (?:de )?brand\b|\bbrand(?:je|lucht|gevaar|wond(?:en)?|plek(?:ken)?|de)\b|\bverbrand\w*|\bschroeiplek\w*/,
  /\b(?:gloeiend|bloed|erg|heel|zo|te|extreem|ontzettend|super|echt|gevaarlijk|abnormaal|loei) heet\b|\boververhit\w*|\boverhit\w*/,
  /\bgesmolten\b|\bsmolt\b|\bsmelt\b/,
  /\b(?:schok|stroomschok|stroomstoot)\b|\bonder stroom\b|\bvonk(?:en|t|te|ten)?\b/,
  /\bontplof\w*|\bgeexplodeerd\b|\bexplodeerde\b|\bexplosie\b/,
  /\b(?:ben|is|zijn|was|waren) (?:\w+ )?gevallen\b|\bgevallen (?:met|van)\b|\b(?:pols|arm|been|enkel|sleutelbeen|heup|neus|vinger)(?:je)? (?:\w+ )?gebroken\b|\bgebroken (?:pols|arm|been|enkel|sleutelbeen|heup)\b|\bbreuk\b|\bhersenschudding\b|\brem(?:men)? (?:\w+ )?(?:faalde|faalden|weigerde|weigerden|begaf|begaven)\b/,
  /\bgewond\b|\bverwond\w*|\bletsel\b|\bgesneden\b|\bsnijwond\w*|\bbloed(?:de|t|en)?\b|\bgehecht\b/,
  /\ballergisch\w*|\ballergie\b|\buitslag\b|\bjeuk\b|\bopgezwollen\b|\bblaren\b|\bziekenhuis\b|\bspoedeisende hulp\b|\beerste hulp\b|\bgevaarlijk\b|\bonveilig\b|\bvergiftig\w*|\bstikken\b|\bverstikking\w*/,
  // de
  /\brauch(?:t|en|te|ten|entwicklung|wolke)?\b|\bqualm\w*/,
  /\bfeuer\b(?! ?(?:und flamme|zeug))|\bflammen\b|\bin brand\b|\bbrand(?:gefahr|geruch|fleck|flecken|wunde|blase|loch)\b|\bverbrannt\b|\bverbrennung\w*|\bgebrannt\b|\briecht (?:\w+ )?verbrannt\b/,
  /\b(?:sehr|extrem|zu|total|richtig|gluhend|brennend|ziemlich|super|so|gefahrlich|kochend) heiss\b|\bu(?:e)?berhitz\w*/,
  /\bgeschmolzen\b|\bschmilzt\b|\bschmolz\b/,
  /\bfunken\b|\bfunkt\b|\bstromschlag\b|\belektrischen schlag\b|\bexplodiert\b|\bexplosion\b/,
  /\bgesturzt\b|\b(?:nach einem|nach dem|bei dem|bei meinem) sturz\b|\bgebrochen(?:e|en|er)? (?:handgelenk|arm|bein|schlusselbein|knochen)\b|\b(?:handgelenk|arm|bein|schlusselbein) (?:\w+ )?gebrochen\b|\bknochenbruch\b|\bgehirnerschutterung\b|\bbremsen? (?:hat |haben )?(?:versagt|versagte|versagten)\b/,
  /\bverletz\w*|\bgeschnitten\b|\bschnittwunde\w*|\bblutet\b|\bblut\b|\ballergisch\w*|\bausschlag\b|\bjuckreiz\b|\bkrankenhaus\b|\bnotaufnahme\b|\bgefahrlich\b|\bvergiftung\b/,
  // fr
  /\bfum(?:ee|ees|er|e|ait|aient|ent)\b/,
  /\b(?:pris|prend|prendre) feu\b|\ben feu\b|\bincendie\b|\bflammes?\b|\bbrul\w*/,
  /\b(?:tres|trop|extremement|super|hyper|vraiment|anormalement|dangereusement) chaud(?:e|es|s)?\b|\bsurchauff\w*/,
  /\bfondu(?:s)?\b|\ba fondu\b/,
  /\betincelles?\b|\bexplos\w*|\bexplose\b|\bdecharge electrique\b|\bchoc electrique\b|\belectrocut\w*|\belectrise\w*/,
  /\b(?:suis|est|sommes|sont) tombee?s?\b(?! en panne)|\b(?:ma|sa|une|la|leur) chute\b(?! (?:de|des) prix)|\b(?:poignet|bras|jambe|cheville|clavicule|hanche|nez|doigt) (?:\w+ )?cassee?s?\b|\bfractur\w*|\bcommotion\b|\bfreins? (?:\w+ )?(?:a|ont|avait|avaient) lache\b/,
  /\bblesse\w*|\bblessure\w*|\b(?:me suis|s'est|se sont|m'a) coupe\w*|\bcoupure\b|\bsaign\w*/,
  /\breaction allergique\b|\ballergi(?:e|que)s?\b|\brougeurs?\b|\beruption\b|\bdemangeaisons?\b|\burticaire\b|\bhopital\b|\burgences\b|\bdangereu(?:x|se)\b|\bintoxi\w*/,
];

const LEGAL_PATTERNS: RegExp[] = [
  // en
  /\blawyers?\b|\battorneys?\b|\bsolicitors?\b|\blegal (?:action|steps|proceedings|advice|department|team)\b|\bsu(?:e|ing) (?:you|your|the)\b|\blawsuit\b|\blitigation\b/,
  /\b(?:to|in|before|see you in|go to) court\b|\bsmall claims\b|\bcourt (?:case|action|claim)\b|\bnotice of default\b|\bformal notice\b|\bletter before action\b|\bfinal demand\b/,
  /\bconsumer (?:protection|rights|authority|authorities|ombudsman|council|association|organi[sz]ation)\b|\btrading standards\b|\bombudsman\b|\bdispute (?:committee|resolution|board)\b|\barbitration\b|\bcitizens advice\b|\bbetter business bureau\b|\breport (?:you|your company|this) to\b/,
  // nl
  /\badvocaa?t\w*|\bjurist\b|\bjuridisch\w*|\brechtszaak\b|\b(?:naar|bij|voor) de (?:kanton)?rechter\b|\bkantonrechter\b|\brechtbank\b|\bdagvaard\w*|\bin gebreke\b|\bingebrekestelling\b|\bsommatie\b|\baansprakelijk (?:stel|stellen|gesteld)\b/,
  /\bgeschillencommissie\b|\bconsumentenautoriteit\b|\bacm\b|\bconsuwijzer\b|\brechtsbijstand\w*|\bjuridisch loket\b|\bconsumentenbond\b/,
  // de
  /\b(?:rechts)?anwalt\w*|\banwaltlich\w*|\brechtliche(?:n)? schritte\b|\bgerichtlich\w*|\bvor gericht\b|\bklage\b|\bklage ich\b|\bverklag\w*|\beinklag\w*|\bmahnung\b|\bmahnverfahren\b|\bin verzug\b|\bletzte frist\b|\bfristsetzung\b|\bverbraucherzentrale\b|\bschlichtung\w*/,
  // fr
  /\bmise en demeure\b|\bmets en demeure\b|\bmettre en demeure\b|\bavocat\w*|\btribunal\b|\ben justice\b|\bpoursuites?\b|\bporter plainte\b|\bdeposer (?:une )?plainte\b|\b(?:un|en|au) proces\b|\bjuridique\w*|\bmediateur\b|\bdgccrf\b|\bassociation de consommateurs\b|\bhuissier\b/,
];

const CHARGEBACK_PATTERNS: RegExp[] = [
  /\bcharge ?backs?\b|\bdispute (?:the|this|that|my) (?:charge|payment|transaction)\b|\b(?:bank|paypal|card) dispute\b|\bcredit card company\b|\breverse the (?:charge|payment)\b|\b(?:open(?:ed)?|fil(?:e|ed)|rais(?:e|ed)|start(?:ed)?|lodg(?:e|ed)) an? (?:\w+ )?(?:dispute|claim|case) (?:with|at|through|via) (?:paypal|klarna|my bank|the bank|my card|my credit card|visa|mastercard|amex)\b|\bpaypal (?:dispute|claim|case)\b/,
  /\bterugboek\w*|\bstorn(?:eren|eer|eert|o)\b|\bcreditcardmaatschappij\b|\bmijn bank (?:inschakelen|bellen)\b|\bbetwist\w*|\bgeschil (?:\w+ )?(?:bij|met|via) (?:paypal|klarna|mijn bank|de bank|mijn creditcard)\b/,
  /\bzuruckbuch\w*|\bruckbuch\w*|\bruecklastschrift\b|\brucklastschrift\b|\bzuruckholen\b|\bkauferschutz\b|\b(?:zahlung|abbuchung|lastschrift|belastung) (?:\w+ ){0,3}(?:widersprochen|angefochten|zuruckgefordert)\b|\bwiderspruch (?:\w+ )?(?:bei|uber) (?:paypal|klarna|meine[rn]? bank|der bank|meine[rn]? kreditkarte)\b/,
  /\bopposition (?:bancaire|aupres|sur)\b|\bfaire opposition\b|\bretrofacturation\b|\blitige (?:paypal|bancaire|avec (?:ma banque|paypal))\b|\bcontest\w* (?:le|la|mon|ma|ce|cette) (?:paiement|prelevement|debit|transaction|achat)\b|\b(?:ouvert|ouvrir|lance) (?:un|une) (?:litige|reclamation) (?:aupres de|avec|chez) (?:paypal|klarna|ma banque|la banque)\b/,
];

// A journalist asking questions, or a customer taking the matter to the press or a consumer programme: a person
// answers. Bare "press" and "media" are too common ("press the button", "social media") to count on their own.
const PRESS_PATTERNS: RegExp[] = [
  /\bjournalists?\b|\breporters?\b|\bnewspapers?\b|\bnews (?:desk|outlet|story|programme|program)\b|\beditor (?:at|of) (?:the|a)\b/,
  /\b(?:to|contact(?:ed|ing)?|tell(?:ing)?|inform(?:ing)?|alert(?:ing)?|call(?:ing)?) the (?:press|media|papers|newspapers?)\b|\bpress (?:inquiry|enquiry|request|question)\b|\bwriting (?:an? )?(?:article|story|piece|report) (?:about|on)\b|\bwatchdog\b|\bgo(?:ing)? public\b/,
  /\bjournalist\w*|\bverslaggever\w*|\bredactie\b|\bnaar de (?:krant|pers|media)\b|\bin de krant\b|\b(?:de )?(?:pers|media) (?:inschakelen|benaderen|informeren)\b|\b(?:naar|bij) (?:kassa|radar) (?:stappen|melden|mailen|sturen)\b|\b(?:melden|meld|mailen|mail|stappen|stap|ga|gaan)\b[^.!?]{0,30}\b(?:bij|naar) (?:kassa|radar)\b|\b(?:kassa|radar) (?:inschakelen|benaderen|informeren)\b|\bpersvra\w*/,
  /\breporter\w*|\bredaktion\b|\bzeitung\b|\bpresseanfrage\b|\ban die (?:presse|medien|zeitung)\b|\b(?:presse|medien) (?:einschalten|informieren)\b|\bbericht(?:e|en)? (?:daruber|uber (?:sie|ihr|euch|diesen))\b/,
  /\bjournaliste\w*|\bredaction\b|\b(?:a|aux|la|contacter la) presse\b|\b(?:aux|les|contacter les) medias\b|\bque choisir\b|\b60 millions de consommateurs\b|\breportage\b/,
];

export interface RiskSignals {
  safety: boolean;
  legalThreat: boolean;
  chargeback: boolean;
  press: boolean;
}

export function detectRiskSignals(text: string): RiskSignals {
  const folded = foldText(text).replace(/[’`]/g, "'");
  return {
    safety: SAFETY_PATTERNS.some((p) => p.test(folded)),
    legalThreat: LEGAL_PATTERNS.some((p) => p.test(folded)),
    chargeback: CHARGEBACK_PATTERNS.some((p) => p.test(folded)),
    press: PRESS_PATTERNS.some((p) => p.test(folded)),
  };
}
