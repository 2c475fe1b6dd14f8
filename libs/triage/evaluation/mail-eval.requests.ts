// Requests for the realistic-mail evaluation, written separately from the training phrase packs (never used for
// training). mail-eval.build.ts wraps each in its own greetings, context lines and signatures.
export type EvalRequests = Record<string, Record<string, string[]>>;

export const EVAL_REQUESTS: EvalRequests = {
  create_account: {
    en: [
      "I'd like to set up a customer login on your website so I can save my details for next time. How do I go about that?",
      'Is it possible to open an account with you? I could not find a sign-up button anywhere on the site.',
      'My company buys from you every month and we would like a business account. What do you need from us?',
      'Can I make an account after I already ordered as a guest?',
    ],
    nl: [
      'Ik wil graag een eigen account op jullie webshop maken, maar ik zie nergens waar dat kan.',
      'Kan ik achteraf nog een klantaccount aanmaken? Ik heb als gast besteld.',
      'Wij willen als bedrijf een zakelijk account openen bij jullie. Hoe regel ik dat?',
    ],
    de: [
      'Ich würde gern ein Kundenkonto bei Ihnen eröffnen. Wo kann ich mich anmelden?',
      'Wie lege ich ein neues Konto in Ihrem Shop an?',
    ],
    fr: [
      'Je voudrais créer un compte client sur votre site, comment faire ?',
      "Est-ce que je peux ouvrir un compte après avoir commandé en tant qu'invité ?",
    ],
  },
  delete_account: {
    en: [
      'Please close my account and erase all of my personal data under GDPR.',
      "I don't use my account anymore, can you delete it completely?",
      'How do I permanently remove my profile from your shop?',
      'Could you terminate my customer account? I no longer want to be registered with you.',
    ],
    nl: [
      'Wilt u mijn account en al mijn gegevens definitief verwijderen?',
      'Ik gebruik mijn account niet meer, kan het worden opgeheven?',
      'Hoe kan ik mijn profiel bij jullie helemaal laten verwijderen?',
    ],
    de: ['Bitte löschen Sie mein Kundenkonto und alle meine Daten.', 'Wie kann ich mein Konto dauerhaft schließen?'],
    fr: [
      'Merci de supprimer mon compte et toutes mes données personnelles.',
      'Comment fermer définitivement mon compte client ?',
    ],
  },
  edit_account: {
    en: [
      'I got married and need to change the surname on my account.',
      'My phone number has changed, can you update it in my profile?',
      'How can I edit the personal details saved in my account?',
      'The date of birth in my profile is wrong, where can I correct it?',
    ],
    nl: [
      'Mijn achternaam is veranderd, kan ik die in mijn account aanpassen?',
      'Ik heb een nieuw telefoonnummer, hoe wijzig ik dat in mijn profiel?',
      'Waar kan ik mijn persoonlijke gegevens in mijn account bewerken?',
    ],
    de: [
      'Ich möchte meine Telefonnummer in meinem Konto ändern.',
      'Wo kann ich meine persönlichen Daten im Profil bearbeiten?',
    ],
    fr: [
      'Je souhaite modifier mon numéro de téléphone dans mon compte.',
      'Comment changer mon nom dans mon profil client ?',
    ],
  },
  recover_password: {
    en: [
      "I can't remember my password and the reset email never shows up.",
      'Locked out of my account, I forgot my password. Can you help me get back in?',
      'How do I reset my password? Logging in keeps failing.',
      'Please send me a new password link, mine does not work anymore.',
    ],
    nl: [
      'Ik kan niet meer inloggen omdat ik mijn wachtwoord kwijt ben.',
      'Hoe stel ik een nieuw wachtwoord in? De resetmail komt niet aan.',
      'Mijn wachtwoord wordt niet geaccepteerd, kunt u het resetten?',
    ],
    de: [
      'Ich habe mein Passwort vergessen und kann mich nicht mehr einloggen.',
      'Wie kann ich mein Passwort zurücksetzen?',
    ],
    fr: [
      "J'ai oublié mon mot de passe, comment le réinitialiser ?",
      "Je n'arrive plus à me connecter, le lien de réinitialisation ne marche pas.",
    ],
  },
  registration_problems: {
    en: [
      'Every time I try to sign up I get an error saying something went wrong.',
      'The registration form will not accept my email address, it says it is already in use but I never registered.',
      'I never received the confirmation email after signing up.',
      'Your sign-up page freezes when I press submit.',
    ],
    nl: [
      'Bij het registreren krijg ik steeds een foutmelding.',
      'Ik heb me aangemeld maar de bevestigingsmail is nooit gekomen.',
      'Het aanmeldformulier accepteert mijn e-mailadres niet.',
    ],
    de: [
      'Bei der Registrierung erscheint immer eine Fehlermeldung.',
      'Ich habe nach der Anmeldung keine Bestätigungsmail bekommen.',
    ],
    fr: [
      "L'inscription ne fonctionne pas, j'ai un message d'erreur.",
      "Je n'ai jamais reçu l'e-mail de confirmation après mon inscription.",
    ],
  },
  switch_account: {
    en: [
      'I would like to upgrade my standard membership to premium.',
      'Can I move from the free plan to the pro plan?',
      'Please downgrade my account to the basic tier.',
      'How do I switch to a different account type?',
    ],
    nl: [
      'Ik wil overstappen van het gratis naar het premium account.',
      'Kan mijn abonnement worden omgezet naar de goedkopere variant?',
      'Hoe upgrade ik mijn account naar zakelijk?',
    ],
    de: [
      'Ich möchte mein Konto auf Premium upgraden.',
      'Kann ich von meinem Standardkonto zu einem Geschäftskonto wechseln?',
    ],
    fr: ['Je voudrais passer de mon compte gratuit à un compte premium.', 'Comment changer de type de compte ?'],
  },
  check_cancellation_fee: {
    en: [
      'Will I be charged anything if I cancel my subscription early?',
      'What does it cost to cancel? I want to know before I decide.',
      'Is there a fee for cancelling an order before it ships?',
      'How much is the early termination fee on my plan?',
    ],
    nl: [
      'Moet ik iets betalen als ik mijn abonnement voortijdig opzeg?',
      'Zijn er kosten als ik mijn bestelling annuleer voordat hij verzonden is?',
      'Hoe hoog is de opzegvergoeding?',
    ],
    de: ['Fallen Gebühren an, wenn ich meinen Vertrag vorzeitig kündige?', 'Was kostet eine Stornierung?'],
    fr: ["Y a-t-il des frais si j'annule mon abonnement avant la fin ?", "Combien coûte l'annulation d'une commande ?"],
  },
  contact_customer_service: {
    en: [
      'What number can I call to reach your support team?',
      'When is your customer service open? I tried calling on Sunday.',
      'Is there an email address I can write to with questions about products?',
      'How can I get in touch with your help desk?',
    ],
    nl: [
      'Op welk nummer kan ik jullie klantenservice bellen?',
      'Wat zijn de openingstijden van de klantenservice?',
      'Hoe kan ik jullie het beste bereiken met een vraag?',
    ],
    de: ['Wie erreiche ich Ihren Kundenservice telefonisch?', 'Wann ist Ihr Kundendienst erreichbar?'],
    fr: ['Comment puis-je joindre votre service client ?', "Quels sont les horaires d'ouverture du service client ?"],
  },
  contact_human_agent: {
    en: [
      "I don't want to talk to a bot, please put me through to a real person.",
      'Can a human being look at this instead of an automated system?',
      'I need to speak with an actual employee, not a chatbot.',
      'Transfer me to a live agent please.',
    ],
    nl: [
      'Ik wil graag een echte medewerker spreken, geen robot.',
      'Kan er een mens naar mijn vraag kijken?',
      'Verbind me alsjeblieft door met een medewerker.',
    ],
    de: [
      'Ich möchte bitte mit einem echten Mitarbeiter sprechen.',
      'Kann ich mit einem Menschen statt mit dem Bot chatten?',
    ],
    fr: ['Je voudrais parler à une vraie personne, pas à un robot.', 'Pouvez-vous me passer un conseiller humain ?'],
  },
  delivery_options: {
    en: [
      'Which shipping methods do you offer? I need it delivered to a pick-up point.',
      'Do you ship to Switzerland, and with which carrier?',
      'Is express or same-day delivery available in my area?',
      'Can I collect my order from your shop instead of having it delivered?',
    ],
    nl: [
      'Welke verzendopties hebben jullie? Ik wil het liefst bij een afhaalpunt ophalen.',
      'Bezorgen jullie ook in het weekend of ’s avonds?',
      'Versturen jullie ook naar Duitsland?',
    ],
    de: ['Welche Versandarten bieten Sie an?', 'Liefern Sie auch nach Österreich und mit welchem Paketdienst?'],
    fr: ['Quels sont vos modes de livraison ?', 'Livrez-vous en Belgique en point relais ?'],
  },
  delivery_period: {
    en: [
      'How many days does shipping usually take to Germany?',
      'If I order today, when would it arrive?',
      'What is the normal delivery time for the electric bikes?',
      'Will an order placed now still arrive before Christmas?',
    ],
    nl: [
      'Hoeveel dagen duurt de levering gemiddeld?',
      'Als ik vandaag bestel, wanneer heb ik het dan in huis?',
      'Wat is de levertijd van de e-bikes?',
    ],
    de: ['Wie lange dauert der Versand normalerweise?', 'Wenn ich heute bestelle, wann kommt die Ware an?'],
    fr: [
      'Combien de jours faut-il pour la livraison ?',
      "Si je commande aujourd'hui, quand vais-je recevoir le colis ?",
    ],
  },
  complaint: {
    en: [
      'I am really unhappy with how I was treated by your staff in the store and I want to file a complaint.',
      'Your service has been terrible, nobody answers and the product quality is poor. I want to complain formally.',
      'The delivery driver was rude and threw my parcel over the fence. This is not acceptable.',
      'I want to lodge a complaint about the way my return was handled.',
    ],
    nl: [
      'Ik wil een klacht indienen over de manier waarop ik ben behandeld.',
      'Ik ben zeer ontevreden over jullie service en wil dit officieel melden.',
      'De bezorger was onbeleefd en heeft het pakket gewoon voor de deur gegooid, hier wil ik over klagen.',
    ],
    de: [
      'Ich möchte mich über Ihren Service beschweren.',
      'Ich bin sehr unzufrieden und möchte eine Beschwerde einreichen.',
    ],
    fr: [
      'Je souhaite déposer une réclamation concernant votre service.',
      'Je suis très mécontent de la façon dont ma commande a été traitée.',
    ],
  },
  review: {
    en: [
      'I just wanted to leave some feedback: the bike is fantastic and the delivery was quick.',
      'Where can I write a review of the product I bought?',
      'Happy to share my experience with your shop, is there a place for customer reviews?',
      'Just a quick note to say how pleased I am with the service, keep it up!',
    ],
    nl: [
      'Ik wil graag een review achterlaten over mijn nieuwe fiets.',
      'Waar kan ik mijn ervaring met jullie winkel delen?',
      'Even een compliment: snelle levering en een prima product!',
    ],
    de: [
      'Wo kann ich eine Bewertung für das Produkt abgeben?',
      'Ich möchte Ihnen ein Feedback zu meinem Einkauf geben.',
    ],
    fr: [
      'Où puis-je laisser un avis sur le produit ?',
      'Je voulais juste vous faire un retour : très satisfait de mon achat !',
    ],
  },
  check_invoice: {
    en: [
      'Could you explain the extra charge on my last invoice? I do not understand it.',
      'I want to look at the bill for my March order, where do I see it?',
      'The amount on my invoice does not match what I paid, can you check?',
      'Can you tell me what the shipping line on the invoice is for?',
    ],
    nl: [
      'Er staat een bedrag op mijn factuur dat ik niet begrijp, kunt u dat uitleggen?',
      'Waar kan ik mijn oude facturen bekijken?',
      'Het bedrag op de factuur klopt niet met wat ik heb betaald.',
    ],
    de: ['Können Sie mir einen Posten auf meiner Rechnung erklären?', 'Wo sehe ich meine bisherigen Rechnungen ein?'],
    fr: ["Pouvez-vous m'expliquer un montant sur ma facture ?", 'Où puis-je consulter mes anciennes factures ?'],
  },
  get_invoice: {
    en: [
      'Could you please email me an invoice for my recent order? I need it for my accounts.',
      'I need a VAT invoice in my company name for the bike I bought.',
      'Please send a copy of the invoice for order 48213.',
      'Where can I download the invoice for my purchase?',
    ],
    nl: [
      'Kunt u mij een factuur sturen van mijn laatste bestelling?',
      'Ik heb een factuur op bedrijfsnaam nodig voor de boekhouding.',
      'Graag een kopie van de factuur van bestelling 100234.',
    ],
    de: [
      'Bitte senden Sie mir eine Rechnung für meine Bestellung.',
      'Ich brauche eine Rechnung auf meinen Firmennamen.',
    ],
    fr: ["Pouvez-vous m'envoyer la facture de ma commande ?", "J'ai besoin d'une facture au nom de ma société."],
  },
  newsletter_subscription: {
    en: [
      'Please take me off your mailing list, I get far too many promotional emails.',
      'I would like to sign up for your newsletter to hear about new bikes.',
      'How do I unsubscribe from the weekly newsletter?',
      'I keep getting your marketing emails even though I unsubscribed.',
    ],
    nl: [
      'Ik wil me afmelden voor de nieuwsbrief, ik krijg te veel mails.',
      'Hoe kan ik me inschrijven voor jullie nieuwsbrief?',
      'Ik ontvang nog steeds reclamemails terwijl ik me heb uitgeschreven.',
    ],
    de: ['Bitte tragen Sie mich aus dem Newsletter aus.', 'Wie kann ich Ihren Newsletter abonnieren?'],
    fr: ['Je souhaite me désabonner de votre newsletter.', "Comment m'inscrire à votre lettre d'information ?"],
  },
  cancel_order: {
    en: [
      'I ordered the wrong size by mistake, please cancel the order before it ships.',
      'Can you stop order 77345612? I no longer need it.',
      'I changed my mind about my purchase from yesterday and want to cancel it.',
      'Please void my order, I found it cheaper elsewhere.',
    ],
    nl: [
      'Ik heb per ongeluk besteld, kunt u de bestelling annuleren?',
      'Wil je mijn order van gisteren nog tegenhouden? Ik heb het niet meer nodig.',
      'Graag mijn bestelling 203948 annuleren voordat hij verstuurd wordt.',
    ],
    de: [
      'Bitte stornieren Sie meine Bestellung von gestern.',
      'Ich habe mich vertan und möchte die Bestellung widerrufen, bevor sie verschickt wird.',
    ],
    fr: ['Je souhaite annuler ma commande passée hier.', "Pouvez-vous annuler la commande 203948 avant l'expédition ?"],
  },
  change_order: {
    en: [
      'Can I add a helmet to the order I placed this morning?',
      'I need to swap the colour of the jacket in my order from blue to black.',
      'Please change the quantity in my order from two to three.',
      'Is it still possible to remove one item from my order?',
    ],
    nl: [
      'Kan ik nog een artikel aan mijn bestelling toevoegen?',
      'Ik wil de kleur in mijn bestelling veranderen van rood naar zwart.',
      'Kunt u één product uit mijn bestelling halen?',
    ],
    de: [
      'Kann ich meiner Bestellung noch einen Artikel hinzufügen?',
      'Ich möchte die Größe in meiner Bestellung ändern.',
    ],
    fr: ['Puis-je ajouter un article à ma commande ?', 'Je voudrais modifier la taille dans ma commande.'],
  },
  place_order: {
    en: [
      "I'd like to buy two of the city bikes, how do I order them?",
      'Can I place an order by phone instead of on the website?',
      'I want to purchase the red helmet in size M.',
      'How do I order several items at once for my team?',
    ],
    nl: [
      'Ik wil graag twee stadsfietsen kopen, hoe bestel ik die?',
      'Kan ik ook telefonisch een bestelling plaatsen?',
      'Ik wil de rode helm in maat M bestellen.',
    ],
    de: ['Ich möchte zwei Fahrradhelme kaufen, wie bestelle ich?', 'Kann ich auch telefonisch bestellen?'],
    fr: ['Je voudrais acheter deux vélos, comment passer commande ?', 'Puis-je commander par téléphone ?'],
  },
  track_order: {
    en: [
      'My parcel was supposed to arrive on Monday and it still has not come. Where is it?',
      'Can you tell me the status of order 100234?',
      'The tracking link shows nothing, where is my package now?',
      'It has been ten days since I ordered and I have no idea where my order is.',
    ],
    nl: [
      'Mijn pakket had maandag moeten komen maar is er nog steeds niet. Waar is het?',
      'Kunt u de status van bestelling 100234 nakijken?',
      'De track-and-trace zegt niks, waar is mijn order nu?',
    ],
    de: [
      'Mein Paket sollte am Montag kommen und ist immer noch nicht da. Wo ist es?',
      'Können Sie mir den Status meiner Bestellung sagen?',
    ],
    fr: [
      "Mon colis devait arriver lundi et je ne l'ai toujours pas. Où est-il ?",
      'Pouvez-vous me donner le suivi de ma commande ?',
    ],
  },
  check_payment_methods: {
    en: [
      'Do you accept PayPal or Apple Pay?',
      'Which payment options can I use at checkout?',
      'Is it possible to pay by bank transfer or in instalments?',
      'Can I pay with a credit card from outside the EU?',
    ],
    nl: [
      'Kan ik bij jullie met iDEAL of PayPal betalen?',
      'Welke betaalmethodes accepteren jullie?',
      'Is achteraf betalen mogelijk?',
    ],
    de: ['Welche Zahlungsmethoden akzeptieren Sie?', 'Kann ich per Rechnung oder mit PayPal bezahlen?'],
    fr: ['Quels moyens de paiement acceptez-vous ?', 'Puis-je payer en plusieurs fois ?'],
  },
  payment_issue: {
    en: [
      'My card was charged twice for the same order, please look into it.',
      'The payment keeps getting declined at checkout even though my card is fine.',
      'I paid but the order still says awaiting payment.',
      'Money left my account but I never got an order confirmation.',
    ],
    nl: [
      'Er is twee keer geld van mijn rekening afgeschreven voor dezelfde bestelling.',
      'Mijn betaling wordt steeds geweigerd bij het afrekenen.',
      'Ik heb betaald maar de bestelling staat nog op wachten op betaling.',
    ],
    de: ['Meine Karte wurde zweimal belastet.', 'Die Zahlung wird beim Bezahlen immer abgelehnt.'],
    fr: ["J'ai été débité deux fois pour la même commande.", 'Mon paiement est refusé à chaque fois.'],
  },
  check_refund_policy: {
    en: [
      'What is your return and refund policy for items that were used once?',
      'Within how many days can I send something back for my money?',
      'Do you refund the shipping costs if I return an item?',
      'Are sale items eligible for a refund?',
    ],
    nl: [
      'Wat is jullie beleid voor retourneren en terugbetalen?',
      'Binnen hoeveel dagen kan ik iets terugsturen en mijn geld terugkrijgen?',
      'Worden de verzendkosten ook terugbetaald bij een retour?',
    ],
    de: ['Wie sind Ihre Rückgabe- und Erstattungsbedingungen?', 'Innerhalb welcher Frist kann ich etwas zurückgeben?'],
    fr: ['Quelle est votre politique de remboursement ?', 'Combien de jours ai-je pour retourner un article ?'],
  },
  get_refund: {
    en: [
      'The lamp arrived broken and I want my money back.',
      'I returned the shoes last week, please refund me the full amount.',
      'The jacket does not fit, I would like a refund rather than an exchange.',
      'Please reimburse me for the item that never arrived.',
    ],
    nl: [
      'De lamp kwam kapot aan, ik wil mijn geld terug.',
      'Ik heb de schoenen teruggestuurd, graag het volledige bedrag terugstorten.',
      'Kunt u mij terugbetalen voor het artikel dat nooit is aangekomen?',
    ],
    de: [
      'Die Lampe kam kaputt an, ich möchte mein Geld zurück.',
      'Bitte erstatten Sie mir den Betrag für die zurückgeschickte Ware.',
    ],
    fr: ['La lampe est arrivée cassée, je veux être remboursé.', "Merci de me rembourser l'article que j'ai renvoyé."],
  },
  track_refund: {
    en: [
      'You confirmed my refund two weeks ago but I still have not seen the money. When will it come through?',
      'What is the status of the refund for my returned jacket?',
      'How long until the refund shows up on my card?',
      'My return was received ages ago, where is my refund?',
    ],
    nl: [
      'Jullie hebben mijn terugbetaling twee weken geleden bevestigd, maar het geld is er nog niet.',
      'Wat is de status van mijn terugbetaling?',
      'Wanneer staat het teruggestorte bedrag op mijn rekening?',
    ],
    de: [
      'Wann wird mir die Erstattung gutgeschrieben? Ich warte schon zwei Wochen.',
      'Wie ist der Stand meiner Rückerstattung?',
    ],
    fr: [
      "Où en est mon remboursement ? J'attends depuis deux semaines.",
      "Quand vais-je recevoir l'argent de mon retour ?",
    ],
  },
  change_shipping_address: {
    en: [
      'I entered my old address by mistake, can you send the parcel to my new place instead?',
      'Please update the delivery address on order 48213, I have moved.',
      'Can the package be redirected to my office address?',
      'The house number in my shipping address is wrong, please fix it before it ships.',
    ],
    nl: [
      'Ik heb per ongeluk mijn oude adres opgegeven, kan het pakket naar mijn nieuwe adres?',
      'Graag het bezorgadres van mijn bestelling wijzigen, ik ben verhuisd.',
      'Het huisnummer in mijn adres klopt niet, kunt u dat aanpassen?',
    ],
    de: [
      'Ich habe eine falsche Lieferadresse angegeben, können Sie sie ändern?',
      'Bitte schicken Sie das Paket an meine neue Adresse.',
    ],
    fr: [
      "Je me suis trompé d'adresse de livraison, pouvez-vous la modifier ?",
      "Merci d'envoyer le colis à ma nouvelle adresse.",
    ],
  },
  set_up_shipping_address: {
    en: [
      'How do I add a delivery address to my account for future orders?',
      'I want to save a second shipping address for my work.',
      'Where can I set a default address for delivery?',
      "Can I store my parents' address in my account so I can send gifts there?",
    ],
    nl: [
      'Hoe voeg ik een bezorgadres toe aan mijn account?',
      'Ik wil een tweede verzendadres opslaan voor mijn werk.',
      'Waar stel ik een standaard afleveradres in?',
    ],
    de: [
      'Wie füge ich eine neue Lieferadresse in meinem Konto hinzu?',
      'Wo kann ich eine Standard-Lieferadresse festlegen?',
    ],
    fr: [
      'Comment ajouter une adresse de livraison à mon compte ?',
      'Où puis-je enregistrer une adresse de livraison par défaut ?',
    ],
  },
  other: {
    en: ['What is the weather like in Amsterdam today?', 'Do you know a good pizza place near your store?'],
    nl: ['Weet u of het morgen gaat regenen?', 'Mijn kat heeft vandaag haar eerste muis gevangen.'],
    de: ['Wer hat gestern das Fußballspiel gewonnen?'],
    fr: ['Connaissez-vous un bon restaurant près de chez vous ?'],
  },
};
