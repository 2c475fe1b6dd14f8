// Request sentences as they appear inside emails: longer, with a reason or a detail, written for draftdesk's training
// data. The generator puts them between a greeting, context and a sign-off (generate.ts, mail-wrapping.ts).
export const MAIL_REQUESTS: Record<string, Record<string, string[]>> = {
  en: {
    create_account: [
      'I would like to register as a customer so I can follow my orders online.',
      'Could you tell me how to get an account on your site? I only see the guest checkout.',
      'We are a small business and want to open a trade account with you.',
    ],
    delete_account: [
      'I would like my customer account closed and my details removed from your systems.',
      'Please get rid of my profile, I will not be ordering again.',
      'Under the GDPR I ask you to erase my account and all data you hold on me.',
    ],
    edit_account: [
      'My surname changed after my wedding, how do I update it in my profile?',
      'The mobile number on my account is outdated and needs to be changed.',
      'I want to correct a mistake in the personal details of my account.',
    ],
    recover_password: [
      'I no longer know the password for my account and the reset link does not arrive.',
      'I keep getting "wrong password" and cannot log in anymore, please help me reset it.',
      'Could you send me a link to choose a new password?',
    ],
    registration_problems: [
      'When I fill in the sign-up form I get an error message and nothing happens.',
      'The site tells me my email is already registered, but I never made an account.',
      'I signed up yesterday but the activation email never came.',
    ],
    switch_account: [
      'I would like to move my membership up to the premium level.',
      'Please change my plan from business to the basic one, it is cheaper.',
      'Can I convert my free account into a pro account?',
    ],
    check_cancellation_fee: [
      'Before I cancel, I would like to know whether you charge a fee for it.',
      'Is cancelling my subscription free of charge or is there a penalty?',
      'What would I pay if I end my contract before the term is over?',
    ],
    contact_customer_service: [
      'Could you tell me your phone number and the hours I can call?',
      'What is the best way to reach your support department?',
      'Is there an email address for general questions, or only this form?',
    ],
    contact_human_agent: [
      'I would rather talk to an actual person than to this automatic reply.',
      'Please have a member of your staff call me back, the bot cannot help.',
      'Can someone from your team take over this conversation?',
    ],
    delivery_options: [
      'Which delivery services do you use, and can I choose a parcel locker?',
      'Do you also deliver abroad, for example to Spain?',
      'Is there a faster shipping option than standard delivery?',
    ],
    delivery_period: [
      'How long will it take before my order is delivered after I place it?',
      'What delivery time should I expect for an order to Belgium?',
      'If I buy it today, how many working days until it arrives?',
    ],
    complaint: [
      'I am very dissatisfied with the way your staff treated me and want to make a formal complaint.',
      'The service I received was poor and I want this complaint recorded.',
      'Your courier was extremely rude to me and I want to complain about it.',
    ],
    review: [
      'I wanted to tell you how happy I am with my new bike, great job!',
      'Where can I post a review about the product I received?',
      'Just some positive feedback: friendly staff and fast shipping.',
    ],
    check_invoice: [
      'There is a charge on my invoice I do not recognise, could you explain it?',
      'The total on my bill is higher than the price I saw in the shop, please check.',
      'Where can I view the invoices of my earlier orders?',
    ],
    get_invoice: [
      'For my expense claim I need an invoice of this purchase, could you email it?',
      'Please send me the invoice with my company details and VAT number.',
      'I lost the invoice of my order, can I get a copy?',
    ],
    newsletter_subscription: [
      'Please remove my email address from your newsletter list.',
      'I would like to receive your newsletter with offers.',
      'I unsubscribed last month but still get your promotional emails.',
    ],
    cancel_order: [
      'I placed an order by mistake this morning and would like it cancelled.',
      'Please cancel my purchase, I do not need it any more.',
      'Can you still stop the order before it leaves the warehouse?',
    ],
    change_order: [
      'I would like to change the size of the shoes in my order from 42 to 43.',
      'Could you add one more item to my existing order?',
      'Please take the helmet off my order, I only want the bike.',
    ],
    place_order: [
      'I would like to buy this bike but the checkout does not show the colour I want, can I order it with you directly?',
      'How can I order ten units for our office?',
      'I want to purchase a gift card, how does that work?',
    ],
    track_order: [
      'My package has not arrived yet and the tracking has not changed for days, where is it?',
      'Could you check where my order is? It was due yesterday.',
      'I am still waiting for my parcel, can you tell me its status?',
    ],
    check_payment_methods: [
      'Which ways of paying do you accept at checkout?',
      'Can I pay afterwards or in instalments?',
      'Is it possible to pay with a credit card or only with PayPal?',
    ],
    payment_issue: [
      'I was charged twice for one order, please look into this.',
      'My payment failed at the last step although there is enough money in my account.',
      'The money has gone from my account but the order says it is unpaid.',
    ],
    check_refund_policy: [
      'Could you explain your rules for returns and refunds?',
      'How many days do I have to return an item and get my money back?',
      'Do you also pay back the shipping costs when I return something?',
    ],
    get_refund: [
      'The item arrived damaged, so I would like my money back please.',
      'I sent the product back last week and want to be reimbursed.',
      'Please refund me for the order that never reached me.',
    ],
    track_refund: [
      'You told me the refund was processed, but it has not reached my account yet. When will it?',
      'Can you check the status of my refund? It has been two weeks.',
      'How long does it take before the refunded amount appears on my card?',
    ],
    change_shipping_address: [
      'I gave the wrong delivery address, could you change it before you ship?',
      'I have moved, please send my order to my new address instead.',
      'The street name in the delivery address of my order is wrong.',
    ],
    set_up_shipping_address: [
      'I would like to add a second delivery address to my account.',
      'How do I save a default shipping address for future orders?',
      'Where in my account can I enter a new address for deliveries?',
    ],
    other: [
      'Can you recommend a good café near your shop?',
      'What did you think of the match last night?',
      'My grandmother turns ninety tomorrow.',
    ],
  },
  nl: {
    create_account: [
      'Ik wil me graag als klant registreren zodat ik mijn bestellingen online kan volgen.',
      'Hoe kom ik aan een account op jullie site? Ik zie alleen bestellen als gast.',
      'Wij zijn een klein bedrijf en willen graag een zakelijk klantaccount.',
    ],
    delete_account: [
      'Ik wil dat mijn klantaccount wordt gesloten en mijn gegevens worden gewist.',
      'Verwijder mijn profiel alstublieft, ik ga niet meer bestellen.',
      'Op grond van de AVG verzoek ik u mijn account en gegevens te verwijderen.',
    ],
    edit_account: [
      'Mijn achternaam is veranderd, hoe pas ik die aan in mijn profiel?',
      'Het telefoonnummer in mijn account is niet meer juist.',
      'Ik wil een fout in mijn persoonsgegevens verbeteren.',
    ],
    recover_password: [
      'Ik weet het wachtwoord van mijn account niet meer en de resetlink komt niet.',
      'Ik krijg steeds "onjuist wachtwoord" en kan niet inloggen, kunt u helpen?',
      'Kunt u mij een link sturen om een nieuw wachtwoord te kiezen?',
    ],
    registration_problems: [
      'Als ik het aanmeldformulier invul krijg ik een foutmelding.',
      'De site zegt dat mijn e-mailadres al bestaat, maar ik heb nooit een account gemaakt.',
      'Ik heb me gisteren aangemeld maar de activatiemail is niet gekomen.',
    ],
    switch_account: [
      'Ik wil mijn lidmaatschap omzetten naar premium.',
      'Kunt u mijn abonnement veranderen naar de goedkopere variant?',
      'Kan ik mijn gratis account omzetten naar een pro account?',
    ],
    check_cancellation_fee: [
      'Voordat ik opzeg wil ik weten of daar kosten aan verbonden zijn.',
      'Is opzeggen gratis of betaal ik een boete?',
      'Wat moet ik betalen als ik mijn contract eerder beëindig?',
    ],
    contact_customer_service: [
      'Wat is jullie telefoonnummer en wanneer kan ik bellen?',
      'Hoe bereik ik jullie klantenservice het snelst?',
      'Is er een mailadres voor algemene vragen?',
    ],
    contact_human_agent: [
      'Ik praat liever met een echt persoon dan met dit automatische antwoord.',
      'Wil een medewerker mij terugbellen? De chatbot helpt niet.',
      'Kan iemand van jullie team dit gesprek overnemen?',
    ],
    delivery_options: [
      'Met welke vervoerders werken jullie en kan ik een pakketautomaat kiezen?',
      'Leveren jullie ook in het buitenland, bijvoorbeeld in Spanje?',
      'Is er een snellere verzendoptie dan standaard?',
    ],
    delivery_period: [
      'Hoe lang duurt het voordat mijn bestelling bezorgd wordt?',
      'Wat is de levertijd naar België?',
      'Als ik het vandaag koop, hoeveel werkdagen duurt het dan?',
    ],
    complaint: [
      'Ik ben zeer ontevreden over hoe jullie medewerker mij behandelde en dien een klacht in.',
      'De service was slecht en ik wil dat deze klacht wordt vastgelegd.',
      'De bezorger was erg onbeschoft en daar wil ik over klagen.',
    ],
    review: [
      'Ik wilde even laten weten hoe blij ik ben met mijn nieuwe fiets!',
      'Waar kan ik een recensie schrijven over het product?',
      'Een compliment: vriendelijk personeel en snelle levering.',
    ],
    check_invoice: [
      'Er staat een post op mijn factuur die ik niet herken, kunt u die uitleggen?',
      'Het totaal op de factuur is hoger dan de prijs in de winkel.',
      'Waar kan ik de facturen van eerdere bestellingen inzien?',
    ],
    get_invoice: [
      'Voor mijn declaratie heb ik een factuur van deze aankoop nodig, kunt u die mailen?',
      'Stuur mij alstublieft een factuur met mijn bedrijfsgegevens en btw-nummer.',
      'Ik ben de factuur kwijt, kan ik een kopie krijgen?',
    ],
    newsletter_subscription: [
      'Haal mijn e-mailadres alstublieft van de nieuwsbrieflijst.',
      'Ik wil graag jullie nieuwsbrief met aanbiedingen ontvangen.',
      'Ik heb me afgemeld maar krijg nog steeds reclame.',
    ],
    cancel_order: [
      'Ik heb vanochtend per ongeluk besteld en wil de bestelling annuleren.',
      'Annuleer mijn aankoop alstublieft, ik heb het niet meer nodig.',
      'Kunnen jullie de bestelling nog tegenhouden voordat hij het magazijn verlaat?',
    ],
    change_order: [
      'Ik wil de maat van de schoenen in mijn bestelling veranderen van 42 naar 43.',
      'Kunt u nog een artikel aan mijn bestaande bestelling toevoegen?',
      'Haal de helm alstublieft uit mijn bestelling.',
    ],
    place_order: [
      'Ik wil deze fiets kopen maar zie mijn kleur niet, kan ik hem bij jullie bestellen?',
      'Hoe bestel ik tien stuks voor ons kantoor?',
      'Ik wil een cadeaubon kopen, hoe werkt dat?',
    ],
    track_order: [
      'Mijn pakket is nog niet aangekomen en de track-and-trace verandert al dagen niet, waar is het?',
      'Kunt u nakijken waar mijn bestelling is? Hij had gisteren moeten komen.',
      'Ik wacht nog steeds op mijn pakket, wat is de status?',
    ],
    check_payment_methods: [
      'Op welke manieren kan ik betalen bij het afrekenen?',
      'Kan ik achteraf of in termijnen betalen?',
      'Kan ik met een creditcard betalen of alleen met iDEAL?',
    ],
    payment_issue: [
      'Er is twee keer afgeschreven voor één bestelling.',
      'Mijn betaling mislukt bij de laatste stap terwijl er genoeg saldo is.',
      'Het geld is van mijn rekening maar de bestelling staat op onbetaald.',
    ],
    check_refund_policy: [
      'Kunt u uitleggen wat jullie regels zijn voor retouren en terugbetalingen?',
      'Hoeveel dagen heb ik om iets terug te sturen?',
      'Betalen jullie ook de verzendkosten terug bij een retour?',
    ],
    get_refund: [
      'Het artikel kwam beschadigd aan, dus ik wil graag mijn geld terug.',
      'Ik heb het product vorige week teruggestuurd en wil terugbetaald worden.',
      'Betaal mij alstublieft terug voor de bestelling die nooit is aangekomen.',
    ],
    track_refund: [
      'Jullie zeiden dat de terugbetaling verwerkt is, maar het staat nog niet op mijn rekening.',
      'Kunt u de status van mijn terugbetaling bekijken? Het is al twee weken.',
      'Hoe lang duurt het voordat het terugbetaalde bedrag op mijn kaart staat?',
    ],
    change_shipping_address: [
      'Ik heb het verkeerde bezorgadres opgegeven, kunt u het aanpassen voor verzending?',
      'Ik ben verhuisd, stuur mijn bestelling alstublieft naar mijn nieuwe adres.',
      'De straatnaam in het afleveradres van mijn bestelling klopt niet.',
    ],
    set_up_shipping_address: [
      'Ik wil een tweede bezorgadres aan mijn account toevoegen.',
      'Hoe sla ik een standaard verzendadres op voor volgende bestellingen?',
      'Waar in mijn account kan ik een nieuw afleveradres invullen?',
    ],
    other: [
      'Weet u een leuk café bij jullie winkel in de buurt?',
      'Wat vond je van de wedstrijd gisteravond?',
      'Mijn oma wordt morgen negentig.',
    ],
  },
  de: {
    create_account: [
      'Ich möchte mich als Kunde registrieren, um meine Bestellungen online zu verfolgen.',
      'Wie bekomme ich ein Konto auf Ihrer Seite? Ich sehe nur die Gastbestellung.',
      'Wir sind ein kleines Unternehmen und möchten ein Geschäftskundenkonto.',
    ],
    delete_account: [
      'Bitte schließen Sie mein Kundenkonto und löschen Sie meine Daten.',
      'Entfernen Sie bitte mein Profil, ich werde nicht mehr bestellen.',
      'Gemäß DSGVO bitte ich um Löschung meines Kontos und aller Daten.',
    ],
    edit_account: [
      'Mein Nachname hat sich geändert, wie passe ich ihn im Profil an?',
      'Die Handynummer in meinem Konto stimmt nicht mehr.',
      'Ich möchte einen Fehler in meinen persönlichen Daten korrigieren.',
    ],
    recover_password: [
      'Ich weiß mein Passwort nicht mehr und der Link zum Zurücksetzen kommt nicht an.',
      'Ich bekomme immer "falsches Passwort" und kann mich nicht anmelden.',
      'Können Sie mir einen Link für ein neues Passwort schicken?',
    ],
    registration_problems: [
      'Beim Ausfüllen des Anmeldeformulars bekomme ich eine Fehlermeldung.',
      'Die Seite sagt, meine E-Mail sei schon registriert, aber ich habe kein Konto.',
      'Ich habe mich gestern registriert, aber die Aktivierungsmail kam nie.',
    ],
    switch_account: [
      'Ich möchte meine Mitgliedschaft auf Premium umstellen.',
      'Können Sie meinen Tarif auf die günstigere Variante ändern?',
      'Kann ich mein kostenloses Konto in ein Pro-Konto umwandeln?',
    ],
    check_cancellation_fee: [
      'Bevor ich kündige, möchte ich wissen, ob dafür Kosten anfallen.',
      'Ist die Kündigung kostenlos oder zahle ich eine Gebühr?',
      'Was kostet es, wenn ich meinen Vertrag früher beende?',
    ],
    contact_customer_service: [
      'Wie lautet Ihre Telefonnummer und wann kann ich anrufen?',
      'Wie erreiche ich Ihren Kundenservice am schnellsten?',
      'Gibt es eine E-Mail-Adresse für allgemeine Fragen?',
    ],
    contact_human_agent: [
      'Ich würde lieber mit einem echten Menschen sprechen als mit dieser automatischen Antwort.',
      'Kann mich ein Mitarbeiter zurückrufen? Der Chatbot hilft nicht.',
      'Kann jemand aus Ihrem Team dieses Gespräch übernehmen?',
    ],
    delivery_options: [
      'Mit welchen Paketdiensten arbeiten Sie und kann ich eine Packstation wählen?',
      'Liefern Sie auch ins Ausland, zum Beispiel nach Spanien?',
      'Gibt es eine schnellere Versandoption als Standard?',
    ],
    delivery_period: [
      'Wie lange dauert es, bis meine Bestellung geliefert wird?',
      'Wie ist die Lieferzeit nach Belgien?',
      'Wenn ich heute kaufe, wie viele Werktage dauert es?',
    ],
    complaint: [
      'Ich bin sehr unzufrieden, wie Ihr Mitarbeiter mich behandelt hat, und reiche eine Beschwerde ein.',
      'Der Service war schlecht und ich möchte, dass diese Beschwerde festgehalten wird.',
      'Der Paketbote war sehr unhöflich, darüber möchte ich mich beschweren.',
    ],
    review: [
      'Ich wollte Ihnen sagen, wie zufrieden ich mit meinem neuen Fahrrad bin!',
      'Wo kann ich eine Bewertung zu dem Produkt schreiben?',
      'Ein Lob: freundliches Personal und schneller Versand.',
    ],
    check_invoice: [
      'Auf meiner Rechnung steht ein Posten, den ich nicht kenne, können Sie ihn erklären?',
      'Der Betrag auf der Rechnung ist höher als der Preis im Shop.',
      'Wo kann ich die Rechnungen früherer Bestellungen einsehen?',
    ],
    get_invoice: [
      'Für meine Spesenabrechnung brauche ich eine Rechnung, können Sie sie mailen?',
      'Schicken Sie mir bitte eine Rechnung mit meinen Firmendaten und der USt-IdNr.',
      'Ich habe die Rechnung verloren, kann ich eine Kopie bekommen?',
    ],
    newsletter_subscription: [
      'Bitte nehmen Sie meine E-Mail-Adresse aus dem Newsletter-Verteiler.',
      'Ich möchte gern Ihren Newsletter mit Angeboten erhalten.',
      'Ich habe mich abgemeldet, bekomme aber immer noch Werbung.',
    ],
    cancel_order: [
      'Ich habe heute früh versehentlich bestellt und möchte die Bestellung stornieren.',
      'Bitte stornieren Sie meinen Kauf, ich brauche ihn nicht mehr.',
      'Können Sie die Bestellung noch stoppen, bevor sie das Lager verlässt?',
    ],
    change_order: [
      'Ich möchte die Schuhgröße in meiner Bestellung von 42 auf 43 ändern.',
      'Können Sie meiner Bestellung noch einen Artikel hinzufügen?',
      'Bitte nehmen Sie den Helm aus meiner Bestellung heraus.',
    ],
    place_order: [
      'Ich möchte dieses Fahrrad kaufen, finde aber meine Farbe nicht, kann ich es bei Ihnen bestellen?',
      'Wie bestelle ich zehn Stück für unser Büro?',
      'Ich möchte einen Gutschein kaufen, wie geht das?',
    ],
    track_order: [
      'Mein Paket ist noch nicht da und die Sendungsverfolgung ändert sich seit Tagen nicht, wo ist es?',
      'Können Sie nachsehen, wo meine Bestellung ist? Sie sollte gestern kommen.',
      'Ich warte immer noch auf mein Paket, wie ist der Status?',
    ],
    check_payment_methods: [
      'Welche Zahlungsarten kann ich an der Kasse nutzen?',
      'Kann ich auf Rechnung oder in Raten zahlen?',
      'Kann ich mit Kreditkarte zahlen oder nur mit PayPal?',
    ],
    payment_issue: [
      'Mir wurde für eine Bestellung zweimal Geld abgebucht.',
      'Meine Zahlung scheitert im letzten Schritt, obwohl genug Geld auf dem Konto ist.',
      'Das Geld ist abgebucht, aber die Bestellung steht auf unbezahlt.',
    ],
    check_refund_policy: [
      'Können Sie mir Ihre Regeln für Rücksendungen und Erstattungen erklären?',
      'Wie viele Tage habe ich, um etwas zurückzuschicken?',
      'Erstatten Sie bei einer Rücksendung auch die Versandkosten?',
    ],
    get_refund: [
      'Der Artikel kam beschädigt an, deshalb möchte ich mein Geld zurück.',
      'Ich habe das Produkt letzte Woche zurückgeschickt und möchte die Erstattung.',
      'Bitte erstatten Sie mir die Bestellung, die nie angekommen ist.',
    ],
    track_refund: [
      'Sie schrieben, die Erstattung sei bearbeitet, aber das Geld ist noch nicht auf meinem Konto.',
      'Können Sie den Stand meiner Erstattung prüfen? Es sind schon zwei Wochen.',
      'Wie lange dauert es, bis der erstattete Betrag auf meiner Karte ist?',
    ],
    change_shipping_address: [
      'Ich habe die falsche Lieferadresse angegeben, können Sie sie vor dem Versand ändern?',
      'Ich bin umgezogen, bitte schicken Sie die Bestellung an meine neue Adresse.',
      'Der Straßenname in der Lieferadresse meiner Bestellung ist falsch.',
    ],
    set_up_shipping_address: [
      'Ich möchte eine zweite Lieferadresse in meinem Konto hinzufügen.',
      'Wie speichere ich eine Standard-Lieferadresse für künftige Bestellungen?',
      'Wo kann ich in meinem Konto eine neue Adresse für Lieferungen eintragen?',
    ],
    other: [
      'Kennen Sie ein gutes Café in der Nähe Ihres Ladens?',
      'Wie fanden Sie das Spiel gestern Abend?',
      'Meine Oma wird morgen neunzig.',
    ],
  },
  fr: {
    create_account: [
      "Je voudrais m'inscrire comme client pour suivre mes commandes en ligne.",
      'Comment obtenir un compte sur votre site ? Je ne vois que la commande en invité.',
      'Nous sommes une petite entreprise et souhaitons un compte professionnel.',
    ],
    delete_account: [
      'Merci de fermer mon compte client et d’effacer mes données.',
      'Veuillez supprimer mon profil, je ne commanderai plus.',
      'Conformément au RGPD, je demande la suppression de mon compte et de mes données.',
    ],
    edit_account: [
      'Mon nom de famille a changé, comment le mettre à jour dans mon profil ?',
      "Le numéro de portable de mon compte n'est plus bon.",
      'Je voudrais corriger une erreur dans mes informations personnelles.',
    ],
    recover_password: [
      'Je ne connais plus mon mot de passe et le lien de réinitialisation n’arrive pas.',
      "J'ai toujours « mot de passe incorrect » et je ne peux pas me connecter.",
      "Pouvez-vous m'envoyer un lien pour choisir un nouveau mot de passe ?",
    ],
    registration_problems: [
      "Quand je remplis le formulaire d'inscription j'ai un message d'erreur.",
      "Le site dit que mon e-mail existe déjà mais je n'ai jamais créé de compte.",
      "Je me suis inscrit hier mais l'e-mail d'activation n'est jamais arrivé.",
    ],
    switch_account: [
      'Je voudrais passer mon abonnement au niveau premium.',
      "Pouvez-vous changer mon forfait pour l'offre moins chère ?",
      'Puis-je transformer mon compte gratuit en compte pro ?',
    ],
    check_cancellation_fee: [
      'Avant de résilier, je voudrais savoir si cela coûte quelque chose.',
      'La résiliation est-elle gratuite ou y a-t-il une pénalité ?',
      'Combien dois-je payer si je mets fin à mon contrat plus tôt ?',
    ],
    contact_customer_service: [
      'Quel est votre numéro de téléphone et à quelles heures puis-je appeler ?',
      'Quel est le moyen le plus rapide de joindre le service client ?',
      'Y a-t-il une adresse e-mail pour les questions générales ?',
    ],
    contact_human_agent: [
      "Je préfère parler à une vraie personne plutôt qu'à cette réponse automatique.",
      'Un conseiller peut-il me rappeler ? Le chatbot ne m’aide pas.',
      "Quelqu'un de votre équipe peut-il reprendre cette conversation ?",
    ],
    delivery_options: [
      'Avec quels transporteurs travaillez-vous et puis-je choisir un point relais ?',
      "Livrez-vous aussi à l'étranger, par exemple en Espagne ?",
      'Existe-t-il une option de livraison plus rapide ?',
    ],
    delivery_period: [
      'Combien de temps faut-il pour que ma commande soit livrée ?',
      'Quel est le délai de livraison vers la Belgique ?',
      "Si j'achète aujourd'hui, combien de jours ouvrés faut-il ?",
    ],
    complaint: [
      "Je suis très mécontent de la façon dont votre employé m'a traité et je dépose une réclamation.",
      'Le service était mauvais et je veux que cette réclamation soit enregistrée.',
      'Le livreur a été très impoli, je veux me plaindre.',
    ],
    review: [
      'Je voulais vous dire à quel point je suis content de mon nouveau vélo !',
      'Où puis-je écrire un avis sur le produit ?',
      'Un compliment : personnel aimable et livraison rapide.',
    ],
    check_invoice: [
      "Il y a une ligne sur ma facture que je ne comprends pas, pouvez-vous l'expliquer ?",
      'Le total de la facture est plus élevé que le prix affiché.',
      'Où puis-je consulter les factures de mes commandes précédentes ?',
    ],
    get_invoice: [
      "Pour ma note de frais j'ai besoin d'une facture, pouvez-vous me l'envoyer ?",
      'Envoyez-moi une facture avec les coordonnées de ma société et le numéro de TVA.',
      "J'ai perdu la facture, puis-je en avoir une copie ?",
    ],
    newsletter_subscription: [
      'Merci de retirer mon adresse de votre liste de diffusion.',
      "J'aimerais recevoir votre newsletter avec les offres.",
      'Je me suis désinscrit mais je reçois toujours vos publicités.',
    ],
    cancel_order: [
      "J'ai commandé par erreur ce matin et je voudrais annuler la commande.",
      "Merci d'annuler mon achat, je n'en ai plus besoin.",
      "Pouvez-vous encore bloquer la commande avant qu'elle quitte l'entrepôt ?",
    ],
    change_order: [
      'Je voudrais changer la pointure des chaussures de ma commande de 42 à 43.',
      'Pouvez-vous ajouter un article à ma commande en cours ?',
      'Merci de retirer le casque de ma commande.',
    ],
    place_order: [
      'Je voudrais acheter ce vélo mais je ne trouve pas ma couleur, puis-je le commander chez vous ?',
      'Comment commander dix pièces pour notre bureau ?',
      'Je voudrais acheter une carte cadeau, comment faire ?',
    ],
    track_order: [
      "Mon colis n'est pas arrivé et le suivi ne bouge plus depuis des jours, où est-il ?",
      'Pouvez-vous vérifier où est ma commande ? Elle devait arriver hier.',
      "J'attends toujours mon colis, quel est son statut ?",
    ],
    check_payment_methods: [
      'Quels modes de paiement puis-je utiliser ?',
      'Puis-je payer plus tard ou en plusieurs fois ?',
      'Puis-je payer par carte bancaire ou seulement avec PayPal ?',
    ],
    payment_issue: [
      "J'ai été débité deux fois pour une seule commande.",
      'Mon paiement échoue à la dernière étape alors que mon compte est approvisionné.',
      "L'argent a été prélevé mais la commande est indiquée comme impayée.",
    ],
    check_refund_policy: [
      'Pouvez-vous m’expliquer vos règles de retour et de remboursement ?',
      'Combien de jours ai-je pour renvoyer un article ?',
      'Remboursez-vous aussi les frais de port en cas de retour ?',
    ],
    get_refund: [
      "L'article est arrivé abîmé, je voudrais donc être remboursé.",
      "J'ai renvoyé le produit la semaine dernière et je veux mon remboursement.",
      "Merci de me rembourser la commande que je n'ai jamais reçue.",
    ],
    track_refund: [
      "Vous m'avez dit que le remboursement était traité, mais je n'ai toujours rien reçu.",
      "Pouvez-vous vérifier l'état de mon remboursement ? Cela fait deux semaines.",
      'Combien de temps avant que le montant remboursé apparaisse sur ma carte ?',
    ],
    change_shipping_address: [
      "J'ai donné la mauvaise adresse de livraison, pouvez-vous la corriger avant l'envoi ?",
      "J'ai déménagé, merci d'envoyer ma commande à ma nouvelle adresse.",
      "Le nom de rue de l'adresse de livraison de ma commande est faux.",
    ],
    set_up_shipping_address: [
      'Je voudrais ajouter une deuxième adresse de livraison à mon compte.',
      'Comment enregistrer une adresse de livraison par défaut pour mes prochaines commandes ?',
      'Où puis-je saisir une nouvelle adresse de livraison dans mon compte ?',
    ],
    other: [
      'Connaissez-vous un bon café près de votre magasin ?',
      "Qu'avez-vous pensé du match d'hier soir ?",
      'Ma grand-mère fête ses quatre-vingt-dix ans demain.',
    ],
  },
};
