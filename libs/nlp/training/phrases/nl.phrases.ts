import { IntentPhrases } from '../phrase.types';

// Dutch phrasing written for draftdesk; verb phrases end in the infinitive so they fit "ik wil …",
// "hoe kan ik …?" and, with "te" placed by the generator, "is het mogelijk om … te …?".
export const NL: Record<string, IntentPhrases> = {
  create_account: {
    verbs: ['een account aanmaken', 'een nieuw account openen', 'me registreren', 'een {account} account aanmaken', 'een klantaccount maken', 'me als nieuwe klant aanmelden', 'lid worden', 'een profiel aanmaken', 'een zakelijk account openen', 'een account voor {name} aanmaken', 'me op jullie site inschrijven'],
    sentences: ['ik heb nog geen account, hoe kom ik eraan?', 'waar kan ik me registreren?', 'is een account gratis?', 'nieuw hier, wil graag een account', 'wat heb ik nodig om me te registreren?', 'ik wil klant worden bij jullie'],
    keywords: ['account aanmaken', 'registreren', 'nieuw account', 'aanmelden', 'inschrijven', 'account maken'],
  },
  delete_account: {
    verbs: ['mijn account verwijderen', 'mijn account opheffen', 'mijn profiel wissen', 'mijn account sluiten', 'mijn {account} account verwijderen', 'mijn gegevens en account laten verwijderen', 'mijn lidmaatschap beëindigen', 'het account van {name} sluiten', 'mijn klantaccount deactiveren'],
    sentences: ['ik wil geen account meer bij jullie', 'verwijder al mijn gegevens', 'hoe kan ik me uitschrijven als klant?', 'mijn account moet weg, AVG-verzoek', 'ik wil niet langer lid zijn'],
    keywords: ['account verwijderen', 'account opheffen', 'profiel verwijderen', 'account sluiten', 'uitschrijven'],
  },
  edit_account: {
    verbs: ['mijn account wijzigen', 'mijn profiel bijwerken', 'mijn persoonlijke gegevens aanpassen', 'mijn naam in mijn account veranderen', 'mijn telefoonnummer wijzigen', 'mijn e-mailadres in mijn profiel aanpassen', 'mijn accountgegevens updaten', 'mijn gebruikersnaam veranderen', 'de gegevens van {name} aanpassen', 'mijn geboortedatum corrigeren'],
    sentences: ['mijn naam staat verkeerd in mijn profiel', 'mijn gegevens kloppen niet meer', 'waar pas ik mijn profiel aan?', 'in mijn account staat een oud telefoonnummer', 'ik heb een typfout gemaakt in mijn naam'],
    keywords: ['gegevens wijzigen', 'profiel aanpassen', 'account wijzigen', 'accountinstellingen', 'naam wijzigen'],
  },
  recover_password: {
    verbs: ['mijn wachtwoord resetten', 'mijn wachtwoord herstellen', 'een nieuw wachtwoord krijgen', 'mijn wachtwoord opnieuw instellen', 'weer inloggen op mijn account', 'toegang tot mijn account terugkrijgen', 'de resetlink voor mijn wachtwoord ontvangen'],
    sentences: ['ik ben mijn wachtwoord vergeten', 'wachtwoord kwijt', 'ik kan niet meer inloggen', 'mijn wachtwoord werkt niet meer', 'de mail om mijn wachtwoord te resetten komt niet aan', 'ik weet mijn wachtwoord niet meer', 'inloggen lukt niet, wachtwoord vergeten'],
    keywords: ['wachtwoord vergeten', 'wachtwoord resetten', 'nieuw wachtwoord', 'wachtwoord kwijt', 'inloggen lukt niet'],
  },
  registration_problems: {
    verbs: ['een probleem met registreren melden', 'een fout bij het aanmelden oplossen', 'hulp krijgen bij een registratiefout', 'een storing bij de registratie melden'],
    sentences: ['ik kan me niet registreren', 'registreren lukt niet', 'ik krijg een foutmelding bij het aanmelden', 'het registratieformulier werkt niet', 'er staat dat mijn e-mail al bestaat maar ik heb geen account', 'ik heb nooit een bevestigingsmail gekregen na het registreren', 'aanmelden mislukt steeds', 'de registratiepagina blijft hangen', 'er gaat iets mis bij het aanmaken van mijn account'],
    keywords: ['registratie mislukt', 'foutmelding registratie', 'aanmelden lukt niet', 'registratieprobleem', 'kan niet registreren'],
  },
  switch_account: {
    verbs: ['overstappen naar het {account} account', 'mijn accounttype wijzigen', 'upgraden naar {account}', 'mijn account omzetten naar {account}', 'van {account} naar {account2} gaan', 'mijn abonnement upgraden', 'van account wisselen', 'een ander account gebruiken', 'downgraden naar {account2}'],
    sentences: ['ik wil liever een {account} account', 'kan ik van {account} naar {account2}?', 'mijn {account} pakket past niet meer, ik wil {account2}'],
    keywords: ['account wisselen', 'upgraden', 'ander abonnement', 'overstappen {account}', 'accounttype wijzigen'],
  },
  check_cancellation_fee: {
    verbs: ['de annuleringskosten bekijken', 'weten wat opzeggen kost', 'de kosten voor annuleren opvragen', 'weten of er een boete is bij opzeggen', 'de opzegkosten van mijn {account} abonnement controleren'],
    sentences: ["kost annuleren geld?", "rekenen jullie kosten als ik mijn bestelling intrek?", "zijn er annuleringskosten als het nog niet verstuurd is?", "wat betaal ik als ik mijn abonnement stopzet?", 'zijn er kosten verbonden aan annuleren?', 'hoeveel kost het om op te zeggen?', 'rekenen jullie annuleringskosten?', 'moet ik betalen als ik mijn contract eerder opzeg?', 'is annuleren gratis?', 'wat is de boete voor vroegtijdig opzeggen?'],
    keywords: ['annuleringskosten', 'opzegkosten', 'boete opzeggen', 'kosten annuleren', 'annuleringsvergoeding'],
  },
  contact_customer_service: {
    verbs: ['contact opnemen met de klantenservice', 'de klantenservice bereiken', 'de klantenservice bellen', 'de klantenservice mailen', 'het telefoonnummer van de klantenservice vinden', 'de openingstijden van de klantenservice weten', 'jullie helpdesk bereiken'],
    sentences: ["hoe neem ik het makkelijkst contact met jullie op?", "op welk mailadres kan ik mijn vragen sturen?", "wanneer is de klantenservice open?", "wat zijn de openingstijden van jullie klantenservice?", 'wat is het nummer van de klantenservice?', 'wanneer is de klantenservice bereikbaar?', 'hoe kan ik jullie bereiken?', 'wat zijn jullie openingstijden?', 'is er een e-mailadres voor vragen?', 'waar vind ik jullie contactgegevens?'],
    keywords: ['klantenservice', 'contact', 'telefoonnummer klantenservice', 'contactgegevens', 'helpdesk', 'openingstijden'],
  },
  contact_human_agent: {
    verbs: ['met een mens praten', 'een echte medewerker spreken', 'met een medewerker chatten', 'met een medewerker doorverbonden worden', 'een persoon aan de lijn krijgen', 'met iemand van jullie praten', 'een manager spreken'],
    sentences: ['ben je een bot? ik wil een mens', 'ik wil niet met een computer praten', 'verbind me door met een medewerker', 'geef me een echt persoon', 'stop met die bot, medewerker graag', 'kan ik iemand spreken?'],
    keywords: ['medewerker', 'echt persoon', 'mens graag', 'medewerker spreken', 'menselijke medewerker'],
  },
  delivery_options: {
    verbs: ['de verzendopties bekijken', 'weten welke bezorgopties jullie hebben', 'voor snelle levering kiezen', 'mijn pakket bij een afhaalpunt ophalen', 'weten of jullie naar {country} verzenden', 'de bezorgmethodes zien', 'op zaterdag laten bezorgen', 'weten met welke vervoerder jullie verzenden'],
    sentences: ['welke verzendmethodes hebben jullie?', 'leveren jullie ook in {country}?', 'kan ik mijn bestelling afhalen in de winkel?', 'bieden jullie avondbezorging aan?', 'is levering op dezelfde dag mogelijk in {city}?', 'verzenden jullie met PostNL of DHL?'],
    keywords: ['verzendopties', 'bezorgopties', 'verzendmethodes', 'afhaalpunt', 'avondlevering', 'levering buitenland'],
  },
  delivery_period: {
    verbs: ['weten hoe lang de levering duurt', 'de levertijd controleren', 'weten wanneer mijn pakket komt', 'de verwachte leverdatum weten', 'weten hoeveel dagen verzending duurt'],
    sentences: ['hoe lang duurt de verzending?', 'wanneer wordt mijn bestelling bezorgd?', 'wat is de levertijd?', 'hoeveel dagen duurt het voor ik het heb?', 'komt het nog voor het weekend?', 'wat is de levertijd naar {country}?'],
    keywords: ['levertijd', 'bezorgtijd', 'leverdatum', 'hoe lang levering', 'verzendtijd'],
  },
  complaint: {
    verbs: ['een klacht indienen', 'een klacht over jullie service indienen', 'klagen over de bezorger', 'een officiële klacht indienen', 'mijn ontevredenheid melden', 'een klacht over bestelling {order} doorgeven'],
    sentences: ["de bezorger was ontzettend onbeleefd", "het pakket is over het hek gegooid en nu beschadigd", "ik ben niet blij met hoe de koerier met mijn pakket omging", 'ik ben zeer ontevreden over jullie service', 'dit is onacceptabel, ik wil klagen', 'jullie service is slecht', 'slechtste ervaring ooit', 'ik heb een klacht', 'ik ben teleurgesteld in jullie bedrijf'],
    keywords: ['klacht', 'klacht indienen', 'ontevreden', 'klagen', 'officiële klacht'],
  },
  review: {
    verbs: ['een review schrijven', 'een beoordeling achterlaten', 'feedback geven', 'mijn aankoop beoordelen', 'mijn mening over jullie producten delen', 'jullie service beoordelen', 'een recensie plaatsen'],
    sentences: ['waar kan ik het product beoordelen?', 'ik wil graag laten weten wat ik van jullie service vind', 'top service, waar laat ik een review achter?', 'ik heb wat feedback voor jullie'],
    keywords: ['review', 'beoordeling', 'feedback', 'recensie', 'product beoordelen'],
  },
  check_invoice: {
    verbs: ['mijn factuur bekijken', 'mijn facturen inzien', 'factuur {invoice} bekijken', 'de factuur van bestelling {order} controleren', 'mijn rekening van vorige maand vinden', 'de bedragen op mijn factuur nakijken'],
    sentences: ['waar zie ik mijn facturen?', 'ik kan mijn factuur niet vinden', 'wat staat er op mijn laatste rekening?', 'klopt het bedrag op factuur {invoice}?'],
    keywords: ['factuur bekijken', 'mijn facturen', 'factuur {invoice}', 'rekening inzien', 'factuuroverzicht'],
  },
  get_invoice: {
    verbs: ['mijn factuur downloaden', 'een kopie van mijn factuur krijgen', 'de factuur van bestelling {order} ontvangen', 'factuur {invoice} opvragen', 'een factuur op bedrijfsnaam krijgen', 'een bon van mijn aankoop krijgen'],
    sentences: ['stuur me de factuur alsjeblieft', 'kunnen jullie factuur {invoice} mailen?', 'ik heb een factuur nodig voor de boekhouding', 'ik heb nooit een factuur ontvangen', 'mag ik een kopie van de rekening?'],
    keywords: ['factuur aub', 'factuur downloaden', 'kopie factuur', 'factuur sturen', 'bon', 'factuur opvragen'],
  },
  newsletter_subscription: {
    verbs: ['me aanmelden voor de nieuwsbrief', 'me afmelden voor de nieuwsbrief', 'geen nieuwsbrief meer ontvangen', 'de nieuwsbrief opzeggen', 'jullie nieuwsbrief ontvangen', 'me uitschrijven van de mailinglijst'],
    sentences: ['ik krijg steeds jullie nieuwsbrief en wil dat niet', 'haal me van de mailinglijst', 'te veel mails, meld me af', 'hoe krijg ik jullie wekelijkse nieuwsbrief?'],
    keywords: ['nieuwsbrief', 'afmelden nieuwsbrief', 'aanmelden nieuwsbrief', 'uitschrijven', 'mailinglijst'],
  },
  cancel_order: {
    verbs: ['mijn bestelling annuleren', 'bestelling {order} annuleren', 'mijn order annuleren', 'mijn laatste bestelling annuleren', 'mijn aankoop annuleren', 'order {order} stopzetten', 'de bestelling van gisteren annuleren'],
    sentences: ['ik wil mijn bestelling niet meer', 'ik heb me bedacht, annuleer {order} aub', 'per ongeluk besteld, graag annuleren', 'verstuur bestelling {order} niet', 'bestelling {order} moet geannuleerd worden'],
    keywords: ['bestelling annuleren', 'annuleren', 'order annuleren', 'annuleer {order}', 'annulering'],
  },
  change_order: {
    verbs: ['mijn bestelling wijzigen', 'bestelling {order} aanpassen', 'iets aan mijn bestelling toevoegen', 'een artikel uit mijn bestelling halen', 'de maat in mijn bestelling veranderen', 'het aantal in bestelling {order} aanpassen', 'een product in mijn order omruilen'],
    sentences: ['ik heb de verkeerde maat besteld, kan ik dat nog aanpassen?', 'ik ben iets vergeten toe te voegen aan mijn bestelling', 'kan bestelling {order} nog gewijzigd worden?', 'ik wil er 2 in plaats van 1'],
    keywords: ['bestelling wijzigen', 'order aanpassen', 'bestelling aanpassen', 'artikel toevoegen', 'wijziging bestelling'],
  },
  place_order: {
    verbs: ['een bestelling plaatsen', 'iets bestellen', 'een product kopen', 'een aankoop doen', 'een paar artikelen bestellen', 'een cadeaubon kopen', 'online bestellen', 'een bestelling voor {name} plaatsen'],
    sentences: ["ik wil graag de zwarte regenjas in maat L kopen", "ik wil twee helmen bestellen, een kleine en een grote", 'hoe werkt bestellen bij jullie?', 'ik wil dit graag kopen', 'kan ik telefonisch bestellen?', 'ik wil {qty} stuks bestellen'],
    keywords: ['bestellen', 'bestelling plaatsen', 'kopen', 'nieuwe bestelling', 'aankoop'],
  },
  track_order: {
    verbs: ['mijn bestelling volgen', 'bestelling {order} volgen', 'de status van mijn bestelling bekijken', 'weten waar mijn pakket is', 'mijn zending volgen', 'de track & trace van bestelling {order} krijgen'],
    sentences: ['waar blijft mijn bestelling?', 'waar is mijn pakket?', 'wat is de status van bestelling {order}?', 'mijn bestelling {order} is nog niet binnen', 'is mijn bestelling al verzonden?', 'ik heb mijn pakket nog niet ontvangen'],
    keywords: ['track en trace', 'bestelling volgen', 'status bestelling', 'waar is mijn pakket', 'pakket volgen'],
  },
  check_payment_methods: {
    verbs: ['de betaalmethodes bekijken', 'weten welke betaalmogelijkheden jullie hebben', 'met iDEAL betalen', 'met creditcard betalen', 'achteraf betalen met Klarna', 'met PayPal betalen', 'in termijnen betalen', 'per overboeking betalen'],
    sentences: ['welke betaalmethodes accepteren jullie?', 'kan ik met PayPal betalen?', 'kan ik achteraf betalen?', 'accepteren jullie Bancontact?', 'is betalen onder rembours mogelijk?'],
    keywords: ['betaalmethodes', 'betaalmogelijkheden', 'iDEAL', 'achteraf betalen', 'betaalopties'],
  },
  payment_issue: {
    verbs: ['een betaalprobleem melden', 'een probleem met mijn betaling oplossen', 'een mislukte betaling melden', 'melden dat ik twee keer heb betaald'],
    sentences: ['mijn betaling is niet gelukt', 'mijn kaart wordt geweigerd', 'ik ben dubbel afgeschreven voor bestelling {order}', 'betaling mislukt maar het geld is wel weg', 'ik kan niet afrekenen, ik krijg een foutmelding', 'er is een probleem met mijn betaling', 'iDEAL betaling blijft hangen', 'ik heb {amount} betaald maar de bestelling staat op onbetaald'],
    keywords: ['betaalprobleem', 'betaling mislukt', 'dubbel betaald', 'betaling geweigerd', 'fout bij betalen'],
  },
  check_refund_policy: {
    verbs: ['het terugbetalingsbeleid bekijken', 'de retourvoorwaarden lezen', 'weten of ik recht heb op terugbetaling', 'weten hoeveel dagen ik heb om mijn geld terug te vragen'],
    sentences: ["hoeveel tijd heb ik om te retourneren?", "wat is jullie retourtermijn?", "onder welke voorwaarden krijg ik mijn geld terug bij een retour?", "krijg ik de verzendkosten terug als ik iets terugstuur?", "tot wanneer mag ik iets terugsturen voor mijn geld?", 'wat is jullie terugbetalingsbeleid?', 'hebben jullie een niet-goed-geld-terug garantie?', 'krijg ik mijn geld terug als het me niet bevalt?', 'hoe lang heb ik om een terugbetaling aan te vragen?', 'onder welke voorwaarden betalen jullie terug?', 'zijn uitverkoopartikelen terug te betalen?'],
    keywords: ['terugbetalingsbeleid', 'retourbeleid', 'geld terug garantie', 'retourvoorwaarden', 'voorwaarden terugbetaling'],
  },
  get_refund: {
    verbs: ['mijn geld terugkrijgen', 'een terugbetaling aanvragen', 'terugbetaling voor bestelling {order} aanvragen', 'een restitutie krijgen', '{amount} terugkrijgen', 'voor een kapot product mijn geld terugvragen', 'een vergoeding krijgen'],
    sentences: ['ik wil mijn geld terug', 'betaal me terug aub', 'graag {amount} terugstorten', 'ik eis een terugbetaling voor bestelling {order}', 'product is kapot, ik wil mijn geld terug', 'ik heb het teruggestuurd, nu wil ik mijn geld'],
    keywords: ['terugbetaling', 'geld terug', 'restitutie', 'terugstorten', 'refund'],
  },
  track_refund: {
    verbs: ['de status van mijn terugbetaling bekijken', 'weten wanneer ik mijn geld terugkrijg', 'controleren of mijn terugbetaling verwerkt is', 'mijn terugbetaling volgen'],
    sentences: ['waar blijft mijn terugbetaling?', 'ik heb mijn geld nog steeds niet terug', 'is mijn terugbetaling al verwerkt?', 'wanneer staat de {amount} weer op mijn rekening?', 'al twee weken geen terugbetaling', 'nog nieuws over de terugbetaling van bestelling {order}?'],
    keywords: ['status terugbetaling', 'terugbetaling volgen', 'waar blijft mijn geld', 'terugbetaling niet ontvangen'],
  },
  change_shipping_address: {
    verbs: ['mijn verzendadres wijzigen', 'het bezorgadres aanpassen', 'het adres van bestelling {order} veranderen', 'mijn adres corrigeren', 'mijn bestelling naar een ander adres laten sturen', 'mijn adres in {street} wijzigen'],
    sentences: ['ik ben verhuisd, mijn nieuwe adres is {street}', 'ik heb het verkeerde adres ingevuld', 'het adres op bestelling {order} klopt niet', 'stuur het aub naar {street}'],
    keywords: ['adres wijzigen', 'verkeerd adres', 'bezorgadres aanpassen', 'adreswijziging', 'nieuw adres'],
  },
  set_up_shipping_address: {
    verbs: ['een verzendadres instellen', 'een bezorgadres toevoegen', 'een nieuw verzendadres opslaan', 'een tweede bezorgadres toevoegen', 'een standaard verzendadres instellen', '{street} als bezorgadres toevoegen'],
    sentences: ['ik heb nog geen verzendadres opgeslagen', 'waar vul ik mijn verzendadres in?', 'ik kan geen nieuw adres toevoegen aan mijn profiel'],
    keywords: ['verzendadres instellen', 'adres toevoegen', 'nieuw verzendadres', 'bezorgadres toevoegen'],
  },
  other: {
    verbs: [],
    sentences: ['hallo', 'hoi', 'goedemorgen', 'bedankt!', 'dank je wel', 'oké', 'doei', 'wat voor weer wordt het morgen?', 'wie heeft de wedstrijd gewonnen?', 'vertel een grap', 'hebben jullie vacatures?', 'wij bieden SEO diensten aan voor uw website', 'gefeliciteerd, u heeft een prijs gewonnen, klik hier', 'test', 'fijne dag nog', 'top, bedankt voor de hulp', 'hoe laat is het?', 'ik ben student en doe onderzoek naar webwinkels', 'tot ziens'],
    keywords: ['hallo', 'hoi', 'bedankt', 'ok', 'test', 'ja', 'nee'],
  },
};
