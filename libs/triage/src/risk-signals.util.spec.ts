import { detectRiskSignals } from './risk-signals.util';

// Phrasings written as customers write them, before the patterns; several were kept out of the pattern work
// on purpose, so the table measures coverage rather than echoing the lexicon.
const SAFETY: [string, string][] = [
  ['en', 'The battery got extremely hot and started smoking'],
  ['en', 'My kettle started to smoke this morning, the kitchen smelled of burnt plastic'],
  ['en', 'The charger caught fire while my daughter was asleep'],
  ['en', 'There were sparks coming out of the plug'],
  ['en', 'The power bank exploded on my desk'],
  ['en', 'I got an electric shock when I touched the lamp'],
  ['en', 'The handle snapped and I cut my hand badly'],
  ['en', 'My son had an allergic reaction after using the cream'],
  ['en', 'I developed a rash all over my arms from the gloves'],
  ['en', 'The plastic casing melted after ten minutes'],
  ['en', 'the toaster is overheating every time we use it'],
  ['en', 'the heater gets dangerously hot'],
  ['en', 'My dog was injured by the broken crate'],
  ['en', 'There is a burning smell coming from the motor'],
  ['en', 'the bike battery is getting really hot while charging'],
  ['en', 'my wife ended up in the emergency room after the blender shattered'],
  ['nl', 'De accu werd gloeiend heet en begon te roken'],
  ['nl', 'Er kwam rook uit de oplader'],
  ['nl', 'De stekker is gesmolten'],
  ['nl', 'Het apparaat vatte vlam in de keuken'],
  ['nl', 'Ik kreeg een schok toen ik de lamp aanraakte'],
  ['nl', 'Er sprongen vonken uit het stopcontact'],
  ['nl', 'Mijn dochter heeft zich gesneden aan de scherpe rand'],
  ['nl', 'Ik heb een allergische reactie gekregen van de crème'],
  ['nl', 'Ik heb uitslag over mijn hele lichaam'],
  ['nl', 'De fietsaccu is oververhit geraakt'],
  ['nl', 'Het ding wordt veel te heet, ik durf het niet meer te gebruiken'],
  ['nl', 'de powerbank is ontploft'],
  ['nl', 'Ik rook een brandlucht bij de motor'],
  ['de', 'Der Akku wurde sehr heiß und fing an zu rauchen'],
  ['de', 'Aus dem Ladegerät kam Rauch'],
  ['de', 'Das Gerät hat Feuer gefangen'],
  ['de', 'Es gab Funken aus der Steckdose'],
  ['de', 'Ich habe einen Stromschlag bekommen'],
  ['de', 'Der Stecker ist geschmolzen'],
  ['de', 'Mein Sohn hat sich an der Kante geschnitten'],
  ['de', 'Ich hatte eine allergische Reaktion auf die Creme'],
  ['de', 'Ich habe einen Ausschlag bekommen'],
  ['de', 'Das Netzteil überhitzt ständig'],
  ['de', 'Die Powerbank ist explodiert'],
  ['de', 'es riecht verbrannt'],
  ['fr', 'La batterie est devenue très chaude et a commencé à fumer'],
  ['fr', 'Il y avait de la fumée qui sortait du chargeur'],
  ['fr', "L'appareil a pris feu dans la cuisine"],
  ['fr', 'Des étincelles sont sorties de la prise'],
  ['fr', "J'ai reçu une décharge électrique"],
  ['fr', 'Le câble a fondu'],
  ['fr', 'Je me suis coupé avec la lame'],
  ['fr', "J'ai eu une réaction allergique à la crème"],
  ['fr', "J'ai des rougeurs et une éruption cutanée"],
  ['fr', 'Le chargeur surchauffe'],
  ['fr', 'la batterie a explosé'],
  ['fr', 'ça sent le brûlé'],
  ['en', 'The front brake gave way on a descent and I fell, my wrist is broken'],
  ['en', 'my daughter came off the bike when the handlebar came loose and broke her arm'],
  ['nl', 'De remmen weigerden bij een afdaling en ik ben gevallen'],
  ['nl', 'Mijn zoon heeft zijn pols gebroken door de losse trapper'],
  ['de', 'Die Bremse hat versagt und ich bin gestürzt'],
  ['de', 'Nach dem Sturz war mein Handgelenk gebrochen'],
  ['fr', 'Le frein avant a lâché pendant une descente et je suis tombé'],
  ['fr', "J'ai le poignet cassé après ma chute"],
];

const LEGAL: [string, string][] = [
  ['en', 'I will be contacting my lawyer about this'],
  ['en', 'If I do not hear from you I will take you to court'],
  ['en', 'I am filing a complaint with the consumer protection authority'],
  ['en', 'Consider this a formal notice of default'],
  ['en', 'My solicitor will be in touch'],
  ['en', 'I will take legal action'],
  ['en', 'I am going to report you to trading standards'],
  ['en', 'see you in small claims court'],
  ['nl', 'Geachte heer/mevrouw, hierbij stel ik u formeel in gebreke'],
  ['nl', 'Dit is een ingebrekestelling'],
  ['nl', 'Ik schakel mijn advocaat in'],
  ['nl', 'Ik ga naar de rechter'],
  ['nl', 'Ik dien een klacht in bij de Geschillencommissie'],
  ['nl', 'Ik meld dit bij de ACM en ConsuWijzer'],
  ['nl', 'Ik onderneem juridische stappen'],
  ['nl', 'Mijn rechtsbijstandsverzekering is op de hoogte'],
  ['nl', 'U bent hierbij in gebreke gesteld'],
  ['de', 'Hiermit erhalten Sie eine Mahnung'],
  ['de', 'Ich werde meinen Anwalt einschalten'],
  ['de', 'Ich werde rechtliche Schritte einleiten'],
  ['de', 'Ich wende mich an die Verbraucherzentrale'],
  ['de', 'Notfalls sehen wir uns vor Gericht'],
  ['de', 'Ich setze Ihnen hiermit eine letzte Frist, danach klage ich'],
  ['fr', 'Je vous adresse une mise en demeure'],
  ['fr', 'Je vais contacter mon avocat'],
  ['fr', 'Je vais saisir le tribunal'],
  ['fr', 'Je vais porter plainte'],
  ['fr', 'Je vais saisir le médiateur de la consommation'],
  ['fr', 'Je vais signaler votre société à la DGCCRF'],
];

const CHARGEBACK: [string, string][] = [
  ['en', 'I will start a chargeback with my bank'],
  ['en', 'I will dispute the charge with my credit card company'],
  ['nl', 'Ik ga de betaling terugboeken via mijn bank'],
  ['de', 'Ich lasse die Zahlung zurückbuchen'],
  ['fr', 'Je vais faire opposition auprès de ma banque'],
  ['en', 'I have opened a PayPal dispute for this payment'],
  ['nl', 'Ik laat mijn creditcardmaatschappij het bedrag storneren'],
  ['en', "I've opened a dispute with PayPal for my order because the helmet never came"],
  ['en', 'I filed a claim with my credit card for the missing parcel'],
  ['nl', 'Ik heb de betaling betwist bij mijn bank'],
  ['nl', 'Ik heb een geschil geopend bij PayPal'],
  ['de', 'Ich habe den PayPal-Käuferschutz beantragt'],
  ['de', 'Ich habe der Lastschrift bei meiner Bank widersprochen'],
  ['fr', "J'ai contesté le paiement auprès de ma banque"],
  ['fr', "J'ai ouvert un litige auprès de PayPal"],
];

const PRESS: Array<[string, string]> = [
  ['en', 'I am a journalist at the Evening Post and I am writing a story about late deliveries'],
  ['en', 'If this is not fixed by Friday I will go to the press'],
  ['en', 'I have contacted the media about how you treat customers'],
  ['en', 'Press enquiry: can your spokesperson comment on the recall?'],
  ['nl', 'Ik ben verslaggever bij het Parool en heb een paar vragen'],
  ['nl', 'Als dit niet wordt opgelost stap ik naar de krant'],
  ['nl', 'Ik ga dit melden bij Radar, dit kan echt niet'],
  ['nl', 'Ik heb de redactie van Kassa al gemaild'],
  ['de', 'Ich bin Journalistin und recherchiere zu Lieferproblemen'],
  ['de', 'Ich werde mich an die Presse wenden'],
  ['fr', 'Je suis journaliste et je prépare un reportage sur votre service client'],
  ['fr', "Je vais contacter la presse et Que Choisir si rien n'est fait"],
];

const NEITHER: string[] = [
  'Press the power button for five seconds',
  'Druk op de knop en houd hem ingedrukt',
  'I saw your shop on social media',
  'Persoonlijk vind ik de jas erg mooi',
  'Bitte drücken Sie die Taste',
  'This is a smoke-free household, just asking about delivery',
  'Do you sell smoke detectors?',
  'Is the fire sale still on?',
  'Can I order the hot chocolate mix again?',
  'The courier said the package would arrive today',
  'I love the new coat, it keeps me very warm',
  'Rookvrije woning, graag levering op zaterdag',
  'Ik wil graag een rookmelder bestellen',
  'Waar blijft mijn bestelling?',
  'Wo ist meine Bestellung?',
  'Où est ma commande ?',
  'Can you cut the price a bit if I order two?',
  'I would like to change my shipping address',
  'My previous order was a brand new lamp',
  'Mijn bestelling is beschadigd aangekomen',
  'Please remind me of the court shoes size guide',
  'Ik heb bij de kassa in de winkel betaald',
  'Het bestelproces duurt lang, het proces is onduidelijk',
  'The pills come in a blister pack, right?',
  'Welche Farbe hat das Feuerzeug?',
  'Set it to the default settings please',
  'Mon vélo est tombé en panne après une semaine',
  'Does the helmet protect you well in a fall?',
  'Schützt der Helm bei einem Sturz auch die Schläfen?',
  'The price fell last week, can I get the difference?',
];

describe('detectRiskSignals', () => {
  it.each(SAFETY)('safety (%s): %s', (_lang, text) => {
    expect(detectRiskSignals(text).safety).toBe(true);
  });

  it.each(LEGAL)('legal threat (%s): %s', (_lang, text) => {
    expect(detectRiskSignals(text).legalThreat).toBe(true);
  });

  it.each(CHARGEBACK)('chargeback (%s): %s', (_lang, text) => {
    expect(detectRiskSignals(text).chargeback).toBe(true);
  });

  it.each(PRESS)('press (%s): %s', (_lang, text) => {
    expect(detectRiskSignals(text).press).toBe(true);
  });

  it.each(NEITHER)('neither: %s', (text) => {
    expect(detectRiskSignals(text)).toEqual({ safety: false, legalThreat: false, chargeback: false, press: false });
  });

  it('tells a chargeback apart from other legal threats', () => {
    expect(detectRiskSignals('I will start a chargeback with my bank')).toEqual({
      safety: false,
      legalThreat: false,
      chargeback: true,
      press: false,
    });
    expect(detectRiskSignals('Ik schakel mijn advocaat in')).toEqual({
      safety: false,
      legalThreat: true,
      chargeback: false,
      press: false,
    });
  });
});
