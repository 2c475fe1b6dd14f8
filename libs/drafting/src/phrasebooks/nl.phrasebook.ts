import type { Phrasebook } from './phrasebook.types';

export const nl: Phrasebook = {
  locale: 'nl-NL',
  greeting: (v, name) => (name ? v(`Beste ${name.full},`, `Hoi ${name.first},`) : v('Geachte klant,', 'Hoi,')),
  thanks: (v) => v('Hartelijk dank voor uw bericht.', 'Bedankt voor je bericht!'),
  sorryAgain: (v) =>
    v('Excuses dat u opnieuw contact met ons moest opnemen.', 'Sorry dat je opnieuw contact met ons moest opnemen.'),
  ack: {
    track_order: (v) => v('U wilt weten waar uw bestelling is.', 'Je wilt weten waar je bestelling is.'),
    delivery_period: (v) =>
      v('U vraagt wanneer uw bestelling wordt bezorgd.', 'Je vraagt wanneer je bestelling wordt bezorgd.'),
    delivery_options: (v) =>
      v('U vraagt naar de verzend- en bezorgmogelijkheden.', 'Je vraagt naar de verzend- en bezorgmogelijkheden.'),
    cancel_order: (v) => v('U wilt uw bestelling annuleren.', 'Je wilt je bestelling annuleren.'),
    change_order: (v) => v('U wilt uw bestelling wijzigen.', 'Je wilt je bestelling aanpassen.'),
    place_order: (v) => v('Leuk dat u een bestelling wilt plaatsen!', 'Leuk dat je iets bij ons wilt bestellen!'),
    check_cancellation_fee: (v) =>
      v('U vraagt of er kosten verbonden zijn aan annuleren.', 'Je vraagt of annuleren iets kost.'),
    change_shipping_address: (v) =>
      v('U wilt het bezorgadres van uw bestelling wijzigen.', 'Je wilt het bezorgadres van je bestelling wijzigen.'),
    set_up_shipping_address: (v) =>
      v('U wilt een (nieuw) bezorgadres instellen.', 'Je wilt een (nieuw) bezorgadres instellen.'),
    check_refund_policy: (v) =>
      v(
        'U vraagt naar onze voorwaarden voor retourneren en terugbetalen.',
        'Je vraagt hoe retourneren en terugbetalen bij ons werkt.',
      ),
    get_refund: (v) => v('U wilt uw geld terug.', 'Je wilt je geld terug.'),
    track_refund: (v) =>
      v('U wilt weten hoe het staat met uw terugbetaling.', 'Je wilt weten hoe het staat met je terugbetaling.'),
    check_invoice: (v) => v('U heeft een vraag over uw factuur.', 'Je hebt een vraag over je factuur.'),
    get_invoice: (v) => v('U wilt een factuur van uw bestelling.', 'Je wilt een factuur van je bestelling.'),
    check_payment_methods: (v) =>
      v('U vraagt welke betaalmethoden wij aanbieden.', 'Je vraagt hoe je bij ons kunt betalen.'),
    payment_issue: (v) => v('Vervelend dat het betalen niet goed is gegaan.', 'Balen dat het betalen niet goed ging.'),
    create_account: (v) => v('U wilt een account aanmaken.', 'Je wilt een account aanmaken.'),
    delete_account: (v) => v('U wilt uw account laten verwijderen.', 'Je wilt je account laten verwijderen.'),
    edit_account: (v) => v('U wilt uw accountgegevens aanpassen.', 'Je wilt je accountgegevens aanpassen.'),
    switch_account: (v) =>
      v('U wilt overstappen naar een ander account.', 'Je wilt overstappen naar een ander account.'),
    recover_password: (v) =>
      v(
        'U kunt niet meer inloggen omdat u uw wachtwoord kwijt bent.',
        'Je bent je wachtwoord kwijt en kunt niet inloggen.',
      ),
    registration_problems: (v) => v('Vervelend dat het registreren niet lukt.', 'Balen dat het registreren niet lukt.'),
    contact_customer_service: (v) =>
      v('U wilt weten hoe u onze klantenservice kunt bereiken.', 'Je wilt weten hoe je onze klantenservice bereikt.'),
    contact_human_agent: (v) =>
      v('U wilt graag met een medewerker spreken.', 'Je wilt graag iemand van ons team spreken.'),
    complaint: (v) =>
      v(
        'Het spijt ons oprecht dat u niet tevreden bent, en we willen dit graag voor u oplossen.',
        'Wat vervelend dat je niet tevreden bent. Sorry daarvoor! We lossen het graag voor je op.',
      ),
    review: (v) =>
      v('Hartelijk dank dat u de tijd neemt om uw ervaring te delen.', 'Superfijn dat je je ervaring met ons deelt!'),
    newsletter_subscription: (v) =>
      v('U heeft een vraag over onze nieuwsbrief.', 'Je hebt een vraag over onze nieuwsbrief.'),
    other: (v) => v('We hebben uw vraag goed ontvangen.', 'We hebben je vraag goed ontvangen.'),
  },
  next: {
    track_order: (v) =>
      v(
        'Heeft u verder nog vragen over de levering? Laat het ons gerust weten.',
        'Nog vragen over de levering? Laat het ons gerust weten.',
      ),
    cancel_order: (v) =>
      v('U ontvangt van ons een bevestiging per e-mail.', 'Je krijgt van ons een bevestiging per e-mail.'),
    change_order: (v) =>
      v(
        'Laat u ons precies weten wat u wilt wijzigen? Dan regelen wij de rest.',
        'Laat je ons precies weten wat je wilt aanpassen? Dan regelen wij de rest.',
      ),
    change_shipping_address: (v) =>
      v(
        'Wilt u het volledige nieuwe adres (straat, huisnummer, postcode en plaats) sturen als dat nog niet in uw bericht stond?',
        'Stuur je het volledige nieuwe adres (straat, huisnummer, postcode en plaats) als dat nog niet in je bericht stond?',
      ),
    get_refund: (v) =>
      v(
        'Zodra wij uw retour hebben ontvangen, laten wij u weten wanneer het bedrag wordt teruggestort.',
        'Zodra we je retour binnen hebben, laten we je weten wanneer we het bedrag terugstorten.',
      ),
    track_refund: (v) =>
      v(
        'Ziet u het bedrag na die termijn nog niet? Laat het ons dan weten, dan zoeken we het voor u uit.',
        'Zie je het bedrag daarna nog niet? Laat het ons weten, dan zoeken we het voor je uit.',
      ),
    payment_issue: (v) =>
      v(
        'Lukt het daarna nog steeds niet? Stuur ons dan de foutmelding die u ziet, dan kijken we met u mee.',
        'Lukt het daarna nog steeds niet? Stuur ons dan de foutmelding die je ziet, dan kijken we met je mee.',
      ),
    recover_password: (v) =>
      v(
        'Komt de e-mail niet binnen? Kijk dan ook even in uw map met ongewenste e-mail.',
        'Komt de mail niet binnen? Kijk dan ook even in je spammap.',
      ),
    registration_problems: (v) =>
      v(
        'Lukt het nog steeds niet? Stuur ons dan de foutmelding die u ziet.',
        'Lukt het nog steeds niet? Stuur ons dan een screenshot van de foutmelding.',
      ),
    delete_account: (v) =>
      v(
        'Wij verwijderen uw account zodra u dit per e-mail aan ons bevestigt.',
        'We verwijderen je account zodra je dit per mail aan ons bevestigt.',
      ),
    contact_human_agent: (v) =>
      v(
        'Een collega van de klantenservice neemt uw vraag persoonlijk op.',
        'Een collega van de klantenservice pakt je vraag persoonlijk op.',
      ),
    complaint: (v) =>
      v(
        'Wilt u ons een foto van het probleem en uw ordernummer sturen? Dan zoeken wij direct een oplossing.',
        'Wil je ons een foto van het probleem en je ordernummer sturen? Dan zoeken we meteen een oplossing.',
      ),
    review: (v) => v('Uw feedback delen wij met het hele team.', 'We delen je feedback met het hele team.'),
    complaint_with_order: (v) =>
      v(
        'Wilt u ons een foto van het probleem sturen? Dan zoeken wij direct een oplossing.',
        'Wil je ons een foto van het probleem sturen? Dan zoeken we meteen een oplossing.',
      ),
    default: (v) =>
      v(
        'Heeft u nog andere vragen? Dan helpen wij u graag verder.',
        'Heb je nog andere vragen? Dan helpen we je graag verder.',
      ),
  },
  orderHeading: (v, o) =>
    v(
      `Wij hebben uw bestelling ${o.number} van ${o.placedOn} voor u opgezocht (${o.items}; totaal ${o.total}).`,
      `We hebben je bestelling ${o.number} van ${o.placedOn} voor je opgezocht (${o.items}; totaal ${o.total}).`,
    ),
  status: {
    pending: (v) =>
      v(
        'wij hebben de betaling nog niet ontvangen. Zodra de betaling binnen is, maken wij de bestelling klaar voor verzending.',
        'we hebben de betaling nog niet ontvangen. Zodra die binnen is, maken we je bestelling klaar voor verzending.',
      ),
    paid: (v) =>
      v(
        'de betaling is ontvangen en wij maken de bestelling klaar voor verzending. Zodra het pakket onderweg is, ontvangt u een e-mail met de track & trace-code.',
        'de betaling is binnen en we maken je bestelling klaar voor verzending. Zodra het pakket onderweg is, krijg je een mail met de track & trace-code.',
      ),
    shipped: (v, o) =>
      `${o.order.carrier ? v(`de bestelling is verzonden met ${o.order.carrier}.`, `je bestelling is verzonden met ${o.order.carrier}.`) : v('de bestelling is verzonden.', 'je bestelling is verzonden.')}` +
      (o.expectedOn ? ` De verwachte bezorgdatum is ${o.expectedOn}.` : ''),
    delivered: (v) =>
      v('volgens onze gegevens is de bestelling bezorgd.', 'volgens onze gegevens is je bestelling bezorgd.'),
    cancelled: () => 'deze bestelling is geannuleerd.',
    refunded: () => 'deze bestelling is terugbetaald.',
  },
  tracking: (v, o) =>
    [
      o.order.trackingNumber ? `Trackingnummer: ${o.order.trackingNumber}.` : '',
      o.order.trackingUrl
        ? v(
            `U kunt de zending hier volgen: ${o.order.trackingUrl}`,
            `Je kunt de zending hier volgen: ${o.order.trackingUrl}`,
          )
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  action: {
    cancel: {
      pending: (v) =>
        v(
          'Omdat de bestelling nog niet is verzonden, kunnen wij deze nog kosteloos annuleren. Wij zetten de annulering voor u in gang.',
          'Omdat je bestelling nog niet is verzonden, kunnen we hem nog kosteloos annuleren. We zetten de annulering voor je in gang.',
        ),
      paid: (v) =>
        v(
          'Omdat de bestelling nog niet is verzonden, kunnen wij deze nog annuleren. Wij zetten de annulering voor u in gang en betalen het betaalde bedrag terug.',
          'Omdat je bestelling nog niet is verzonden, kunnen we hem nog annuleren. We zetten de annulering voor je in gang en betalen het bedrag terug.',
        ),
      shipped: (v) =>
        v(
          'De bestelling is al onderweg, waardoor annuleren helaas niet meer kan. U kunt het pakket weigeren of na ontvangst retourneren volgens onze retourvoorwaarden.',
          'Je bestelling is al onderweg, dus annuleren kan helaas niet meer. Je kunt het pakket weigeren of na ontvangst retourneren volgens onze retourvoorwaarden.',
        ),
      delivered: (v) =>
        v(
          'De bestelling is al bezorgd, dus annuleren kan niet meer. U kunt de artikelen wel retourneren volgens onze retourvoorwaarden.',
          'Je bestelling is al bezorgd, dus annuleren kan niet meer. Je kunt de artikelen wel retourneren volgens onze retourvoorwaarden.',
        ),
      cancelled: (v) =>
        v(
          'Deze bestelling is al geannuleerd; u hoeft verder niets te doen.',
          'Deze bestelling is al geannuleerd; je hoeft verder niets te doen.',
        ),
      refunded: (v) =>
        v(
          'Deze bestelling is al geannuleerd en terugbetaald; u hoeft verder niets te doen.',
          'Deze bestelling is al geannuleerd en terugbetaald; je hoeft verder niets te doen.',
        ),
    },
    change: {
      pending: (v) =>
        v(
          'De bestelling is nog niet verzonden, dus wij kunnen deze nog aanpassen.',
          'Je bestelling is nog niet verzonden, dus we kunnen hem nog aanpassen.',
        ),
      paid: (v) =>
        v(
          'De bestelling is nog niet verzonden, dus wij kunnen deze nog aanpassen.',
          'Je bestelling is nog niet verzonden, dus we kunnen hem nog aanpassen.',
        ),
      default: (v) =>
        v(
          'De bestelling is al verwerkt en kan helaas niet meer worden gewijzigd. U kunt wel een nieuwe bestelling plaatsen en deze retourneren.',
          'Je bestelling is al verwerkt en kan helaas niet meer worden aangepast. Je kunt wel een nieuwe bestelling plaatsen en deze retourneren.',
        ),
    },
    address: {
      pending: (v) =>
        v(
          'De bestelling is nog niet verzonden, dus wij kunnen het bezorgadres nog wijzigen.',
          'Je bestelling is nog niet verzonden, dus we kunnen het bezorgadres nog wijzigen.',
        ),
      paid: (v) =>
        v(
          'De bestelling is nog niet verzonden, dus wij kunnen het bezorgadres nog wijzigen.',
          'Je bestelling is nog niet verzonden, dus we kunnen het bezorgadres nog wijzigen.',
        ),
      shipped: (v) =>
        v(
          'Het pakket is al bij de vervoerder, waardoor wij het adres niet meer kunnen aanpassen. Via de track & trace-link kunt u de bezorging vaak nog laten omleiden.',
          'Het pakket is al bij de vervoerder, dus wij kunnen het adres niet meer aanpassen. Via de track & trace-link kun je de bezorging vaak nog laten omleiden.',
        ),
      default: (v) =>
        v(
          'Het bezorgadres van deze bestelling kan niet meer worden gewijzigd.',
          'Het bezorgadres van deze bestelling kan niet meer worden gewijzigd.',
        ),
    },
    refund: {
      delivered: (v) =>
        v(
          'U kunt de artikelen retourneren; na ontvangst van de retour betalen wij het bedrag terug.',
          'Je kunt de artikelen retourneren; zodra we de retour binnen hebben, betalen we het bedrag terug.',
        ),
      shipped: (v) =>
        v(
          'Na ontvangst van het pakket kunt u de artikelen retourneren; wij betalen het bedrag terug zodra de retour bij ons binnen is.',
          'Na ontvangst kun je de artikelen retourneren; we betalen het bedrag terug zodra de retour bij ons binnen is.',
        ),
      cancelled: (v) =>
        v(
          'Bij een geannuleerde bestelling betalen wij een al betaald bedrag automatisch terug.',
          'Bij een geannuleerde bestelling betalen we een al betaald bedrag automatisch terug.',
        ),
      refunded: (v) =>
        v(
          'Wij hebben deze bestelling al terugbetaald. Het kan een paar werkdagen duren voordat het bedrag op uw rekening staat.',
          'We hebben deze bestelling al terugbetaald. Het kan een paar werkdagen duren voordat het bedrag op je rekening staat.',
        ),
      pending: (v) =>
        v(
          'Voor deze bestelling hebben wij nog geen betaling ontvangen, dus er is niets terug te betalen.',
          'Voor deze bestelling hebben we nog geen betaling ontvangen, dus er valt niets terug te betalen.',
        ),
    },
    refund_status: {
      refunded: (v) =>
        v(
          'Wij hebben de terugbetaling verwerkt. Het kan een paar werkdagen duren voordat het bedrag op uw rekening staat.',
          'We hebben de terugbetaling verwerkt. Het kan een paar werkdagen duren voordat het bedrag op je rekening staat.',
        ),
      cancelled: (v) =>
        v(
          'De bestelling is geannuleerd; een al betaald bedrag betalen wij automatisch terug.',
          'De bestelling is geannuleerd; een al betaald bedrag betalen we automatisch terug.',
        ),
      pending: (v) =>
        v(
          'Voor deze bestelling hebben wij nog geen betaling ontvangen, dus er staat geen terugbetaling open.',
          'Voor deze bestelling hebben we nog geen betaling ontvangen, dus er staat geen terugbetaling open.',
        ),
      default: (v) =>
        v(
          'Wij hebben voor deze bestelling nog geen retour verwerkt. Zodra uw retour binnen is, betalen wij het bedrag terug.',
          'We hebben voor deze bestelling nog geen retour verwerkt. Zodra je retour binnen is, betalen we het bedrag terug.',
        ),
    },
    invoice: {
      default: (v, o) =>
        o.order.invoiceUrl
          ? v(
              `U kunt de factuur hier downloaden: ${o.order.invoiceUrl}`,
              `Je kunt de factuur hier downloaden: ${o.order.invoiceUrl}`,
            )
          : v(
              'Wij sturen u de factuur van deze bestelling per e-mail toe.',
              'We sturen je de factuur van deze bestelling per mail toe.',
            ),
    },
    payment: {
      pending: (v) =>
        v(
          'Wij hebben de betaling voor deze bestelling inderdaad nog niet ontvangen. U kunt opnieuw betalen via de betaallink in uw orderbevestiging.',
          'We hebben de betaling voor deze bestelling inderdaad nog niet ontvangen. Je kunt opnieuw betalen via de betaallink in je orderbevestiging.',
        ),
      default: (v) =>
        v(
          'De betaling voor deze bestelling is bij ons goed ontvangen; u hoeft niets meer te doen.',
          'De betaling voor deze bestelling is bij ons goed binnengekomen; je hoeft niets meer te doen.',
        ),
    },
  },
  handover: (v) =>
    v(
      'Wij leggen uw vraag voor aan een collega, die u zo snel mogelijk persoonlijk antwoord geeft.',
      'We leggen je vraag voor aan een collega, die je zo snel mogelijk persoonlijk antwoord geeft.',
    ),
  askOrderNumberAndPostcode: (v) =>
    v(
      'Om uw bestelling op te zoeken hebben wij uw ordernummer en de postcode van het bezorgadres nodig. Het ordernummer vindt u in de orderbevestiging die u per e-mail heeft ontvangen. Wilt u ons beide sturen?',
      'Om je bestelling op te zoeken hebben we je ordernummer en de postcode van het bezorgadres nodig. Het ordernummer vind je in de orderbevestiging die je per mail hebt gekregen. Wil je ons beide sturen?',
    ),
  askOrderNumber: (v) =>
    v(
      'Om uw bestelling op te zoeken hebben wij uw ordernummer nodig. U vindt het in de orderbevestiging die u per e-mail heeft ontvangen. Wilt u het ons sturen?',
      'Om je bestelling op te zoeken hebben we je ordernummer nodig. Je vindt het in de orderbevestiging die je per mail hebt gekregen. Wil je het ons sturen?',
    ),
  orderNotFound: (v, n) =>
    v(
      `Wij konden bestelling ${n} niet vinden bij uw e-mailadres. Wilt u het ordernummer controleren, of ons het e-mailadres sturen waarmee u heeft besteld?`,
      `We konden bestelling ${n} niet vinden bij je e-mailadres. Wil je het ordernummer controleren, of ons het e-mailadres sturen waarmee je hebt besteld?`,
    ),
  moreInfo: (url) => `Meer informatie: ${url}`,
  seeAlso: (title, url) => `Zie ook: ${title} (${url})`,
  closing: (v) => v('Met vriendelijke groet,', 'Groetjes,'),
  fallbackSignature: (shop) => `Klantenservice ${shop}`,
  safety: {
    ack: (v) =>
      v(
        'Wat vervelend en zorgwekkend om te lezen. Uw veiligheid gaat voor alles, daarom nemen wij dit direct serieus.',
        'Wat vervelend en zorgwekkend om te lezen. Je veiligheid gaat voor alles, daarom nemen we dit direct serieus.',
      ),
    stopUsing: (v) =>
      v(
        'Gebruik het product voorlopig niet meer: haal de stekker uit het stopcontact, laad het niet meer op, zet het op een veilige plek buiten bereik van kinderen en uit de buurt van brandbare materialen.',
        'Gebruik het product voorlopig niet meer: haal de stekker uit het stopcontact, laad het niet meer op, zet het op een veilige plek buiten bereik van kinderen en uit de buurt van brandbare spullen.',
      ),
    contact: (v, hours, n) =>
      v(
        `Een collega neemt binnen ${hours} uur persoonlijk contact met u op${n ? ` over bestelling ${n}` : ''} om de volgende stappen te bespreken.`,
        `Een collega neemt binnen ${hours} uur persoonlijk contact met je op${n ? ` over bestelling ${n}` : ''} om de volgende stappen te bespreken.`,
      ),
  },
  legal: {
    ack: () => 'Wij bevestigen de ontvangst van uw bericht en nemen de inhoud ervan serieus.',
    facts: (v, f) => {
      const parts = [
        f.orderNumber ? `bestelling ${f.orderNumber}` : '',
        f.dates.length ? `de door u genoemde datum ${f.dates.join(', ')}` : '',
        f.amounts.length ? `het bedrag van ${f.amounts.join(', ')}` : '',
      ].filter(Boolean);
      return parts.length ? `Wij hebben genoteerd dat uw bericht betrekking heeft op ${parts.join(', ')}.` : null;
    },
    contact: (v, hours) =>
      `Wij hebben uw dossier overgedragen aan een senior medewerker, die binnen ${hours} uur schriftelijk inhoudelijk op uw bericht reageert.`,
  },
  overdue: (v, o) =>
    v(
      `De bestelling is verzonden${o.order.carrier ? ` met ${o.order.carrier}` : ''} en had op ${o.expectedOn} bezorgd moeten worden. Die datum is verstreken; onze excuses dat het pakket nog niet bij u is.`,
      `Je bestelling is verzonden${o.order.carrier ? ` met ${o.order.carrier}` : ''} en had op ${o.expectedOn} bezorgd moeten worden. Die datum is verstreken; sorry dat het pakket nog niet bij je is.`,
    ),
  overdueNext: (v, o) =>
    v(
      `Wij vragen ${o.order.carrier ?? 'de vervoerder'} om de zending na te gaan. Een collega laat u zo snel mogelijk weten wat de vervoerder zegt en, als het pakket zoek is, hoe wij het voor u oplossen.`,
      `We vragen ${o.order.carrier ?? 'de vervoerder'} om de zending na te gaan. Een collega laat je zo snel mogelijk weten wat de vervoerder zegt en, als het pakket zoek is, hoe we het voor je oplossen.`,
    ),
  alreadyAnswered: (v) =>
    v(
      'Wij zien dat ons eerdere antwoord uw vraag niet heeft opgelost. Een collega bekijkt uw bericht nu persoonlijk en neemt zo snel mogelijk contact met u op.',
      'We zien dat ons eerdere antwoord je vraag niet heeft opgelost. Een collega bekijkt je bericht nu persoonlijk en neemt zo snel mogelijk contact met je op.',
    ),
  product: {
    ack: (v) => v('U heeft een vraag over een van onze producten.', 'Je hebt een vraag over een van onze producten.'),
    answer: (v, p) => `${p.name}: ${p.attributes.map((a) => `${a.label}: ${a.value}`).join('; ')}.`,
    unknown: (v) =>
      v(
        'Die informatie hebben wij niet direct bij de hand. Wij leggen uw vraag voor aan een collega met productkennis, die u zo snel mogelijk antwoord geeft.',
        'Die informatie hebben we niet direct bij de hand. We leggen je vraag voor aan een collega met productkennis, die je zo snel mogelijk antwoord geeft.',
      ),
  },
  alsoAsked: (v) => v('Dan uw andere vraag:', 'Dan je andere vraag:'),
};
