import type { Phrasebook } from './phrasebook.types';

export const de: Phrasebook = {
  locale: 'de-DE',
  greeting: (v, name) =>
    name
      ? v(`Guten Tag ${name.full},`, `Hallo ${name.first},`)
      : v('Sehr geehrte Kundin, sehr geehrter Kunde,', 'Hallo,'),
  thanks: (v) => v('Vielen Dank für Ihre Nachricht.', 'Danke für deine Nachricht!'),
  sorryAgain: (v) =>
    v('Es tut uns leid, dass Sie sich noch einmal melden mussten.', 'Sorry, dass du dich noch einmal melden musstest.'),
  ack: {
    track_order: (v) =>
      v('Sie möchten wissen, wo Ihre Bestellung ist.', 'Du möchtest wissen, wo deine Bestellung ist.'),
    delivery_period: (v) => v('Sie fragen, wann Ihre Bestellung ankommt.', 'Du fragst, wann deine Bestellung ankommt.'),
    delivery_options: (v) =>
      v(
        'Sie fragen nach unseren Versand- und Liefermöglichkeiten.',
        'Du fragst nach unseren Versand- und Liefermöglichkeiten.',
      ),
    cancel_order: (v) => v('Sie möchten Ihre Bestellung stornieren.', 'Du möchtest deine Bestellung stornieren.'),
    change_order: (v) => v('Sie möchten Ihre Bestellung ändern.', 'Du möchtest deine Bestellung ändern.'),
    place_order: (v) => v('Schön, dass Sie bei uns bestellen möchten.', 'Schön, dass du bei uns bestellen möchtest!'),
    check_cancellation_fee: (v) =>
      v('Sie fragen, ob eine Stornierung etwas kostet.', 'Du fragst, ob eine Stornierung etwas kostet.'),
    change_shipping_address: (v) =>
      v(
        'Sie möchten die Lieferadresse Ihrer Bestellung ändern.',
        'Du möchtest die Lieferadresse deiner Bestellung ändern.',
      ),
    set_up_shipping_address: (v) =>
      v('Sie möchten eine (neue) Lieferadresse hinterlegen.', 'Du möchtest eine (neue) Lieferadresse hinterlegen.'),
    check_refund_policy: (v) =>
      v(
        'Sie fragen nach unseren Rückgabe- und Erstattungsbedingungen.',
        'Du fragst, wie Rückgabe und Erstattung bei uns funktionieren.',
      ),
    get_refund: (v) => v('Sie möchten Ihr Geld zurück.', 'Du möchtest dein Geld zurück.'),
    track_refund: (v) =>
      v(
        'Sie möchten wissen, wie es um Ihre Erstattung steht.',
        'Du möchtest wissen, wie es um deine Erstattung steht.',
      ),
    check_invoice: (v) => v('Sie haben eine Frage zu Ihrer Rechnung.', 'Du hast eine Frage zu deiner Rechnung.'),
    get_invoice: (v) =>
      v('Sie möchten eine Rechnung für Ihre Bestellung.', 'Du möchtest eine Rechnung für deine Bestellung.'),
    check_payment_methods: (v) =>
      v('Sie fragen, welche Zahlungsarten wir anbieten.', 'Du fragst, wie du bei uns bezahlen kannst.'),
    payment_issue: (v) =>
      v('Es tut uns leid, dass die Zahlung nicht geklappt hat.', 'Schade, dass die Zahlung nicht geklappt hat.'),
    create_account: (v) => v('Sie möchten ein Kundenkonto anlegen.', 'Du möchtest ein Kundenkonto anlegen.'),
    delete_account: (v) =>
      v('Sie möchten Ihr Kundenkonto löschen lassen.', 'Du möchtest dein Kundenkonto löschen lassen.'),
    edit_account: (v) => v('Sie möchten Ihre Kontodaten ändern.', 'Du möchtest deine Kontodaten ändern.'),
    switch_account: (v) =>
      v('Sie möchten zu einem anderen Kundenkonto wechseln.', 'Du möchtest zu einem anderen Kundenkonto wechseln.'),
    recover_password: (v) =>
      v(
        'Sie können sich nicht anmelden, weil Sie Ihr Passwort vergessen haben.',
        'Du kannst dich nicht anmelden, weil du dein Passwort vergessen hast.',
      ),
    registration_problems: (v) =>
      v(
        'Es tut uns leid, dass die Registrierung nicht geklappt hat.',
        'Schade, dass die Registrierung nicht geklappt hat.',
      ),
    contact_customer_service: (v) =>
      v(
        'Sie möchten wissen, wie Sie unseren Kundenservice erreichen.',
        'Du möchtest wissen, wie du unseren Kundenservice erreichst.',
      ),
    contact_human_agent: (v) =>
      v(
        'Sie möchten gern mit einer Mitarbeiterin oder einem Mitarbeiter sprechen.',
        'Du möchtest gern mit jemandem aus unserem Team sprechen.',
      ),
    complaint: (v) =>
      v(
        'Es tut uns aufrichtig leid, dass Sie nicht zufrieden sind. Wir möchten das gern für Sie in Ordnung bringen.',
        'Es tut uns wirklich leid, dass du nicht zufrieden bist. Wir bringen das gern für dich in Ordnung.',
      ),
    review: (v) =>
      v(
        'Vielen Dank, dass Sie sich die Zeit nehmen, Ihre Erfahrung zu teilen.',
        'Danke, dass du deine Erfahrung mit uns teilst!',
      ),
    newsletter_subscription: (v) =>
      v('Sie haben eine Frage zu unserem Newsletter.', 'Du hast eine Frage zu unserem Newsletter.'),
    other: (v) => v('Wir haben Ihre Frage erhalten.', 'Wir haben deine Frage erhalten.'),
  },
  next: {
    cancel_order: (v) =>
      v('Sie erhalten von uns eine Bestätigung per E-Mail.', 'Du bekommst von uns eine Bestätigung per E-Mail.'),
    change_shipping_address: (v) =>
      v(
        'Bitte senden Sie uns die vollständige neue Adresse (Straße, Hausnummer, Postleitzahl und Ort), falls sie noch nicht in Ihrer Nachricht stand.',
        'Bitte schick uns die vollständige neue Adresse (Straße, Hausnummer, Postleitzahl und Ort), falls sie noch nicht in deiner Nachricht stand.',
      ),
    complaint: (v) =>
      v(
        'Könnten Sie uns ein Foto des Problems und Ihre Bestellnummer senden? Dann finden wir sofort eine Lösung.',
        'Kannst du uns ein Foto des Problems und deine Bestellnummer schicken? Dann finden wir sofort eine Lösung.',
      ),
    contact_human_agent: (v) =>
      v(
        'Eine Kollegin oder ein Kollege aus dem Kundenservice kümmert sich persönlich um Ihr Anliegen.',
        'Jemand aus unserem Kundenservice kümmert sich persönlich um dein Anliegen.',
      ),
    complaint_with_order: (v) =>
      v(
        'Könnten Sie uns ein Foto des Problems senden? Dann finden wir sofort eine Lösung.',
        'Kannst du uns ein Foto des Problems schicken? Dann finden wir sofort eine Lösung.',
      ),
    default: (v) =>
      v('Haben Sie weitere Fragen? Wir helfen Ihnen gern weiter.', 'Hast du noch Fragen? Wir helfen dir gern weiter.'),
  },
  orderHeading: (v, o) =>
    v(
      `Wir haben Ihre Bestellung ${o.number} vom ${o.placedOn} für Sie nachgeschlagen (${o.items}; Gesamtbetrag ${o.total}).`,
      `Wir haben deine Bestellung ${o.number} vom ${o.placedOn} für dich nachgeschlagen (${o.items}; Gesamtbetrag ${o.total}).`,
    ),
  status: {
    pending: () =>
      'Die Zahlung ist bei uns noch nicht eingegangen. Sobald sie da ist, bereiten wir die Bestellung für den Versand vor.',
    paid: (v) =>
      v(
        'Die Zahlung ist eingegangen und wir bereiten Ihre Bestellung für den Versand vor.',
        'Die Zahlung ist eingegangen und wir bereiten deine Bestellung für den Versand vor.',
      ),
    shipped: (v, o) =>
      (o.order.carrier
        ? `Die Bestellung wurde mit ${o.order.carrier} verschickt.`
        : 'Die Bestellung wurde verschickt.') +
      (o.expectedOn ? ` Das voraussichtliche Lieferdatum ist der ${o.expectedOn}.` : ''),
    delivered: () => 'Laut unseren Unterlagen wurde die Bestellung zugestellt.',
    cancelled: () => 'Diese Bestellung wurde storniert.',
    refunded: () => 'Diese Bestellung wurde erstattet.',
  },
  tracking: (v, o) =>
    [
      o.order.trackingNumber ? `Sendungsnummer: ${o.order.trackingNumber}.` : '',
      o.order.trackingUrl
        ? v(
            `Sie können die Sendung hier verfolgen: ${o.order.trackingUrl}`,
            `Du kannst die Sendung hier verfolgen: ${o.order.trackingUrl}`,
          )
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  action: {
    cancel: {
      pending: () =>
        'Da die Bestellung noch nicht verschickt wurde, können wir sie noch kostenlos stornieren. Wir leiten die Stornierung ein.',
      paid: () =>
        'Da die Bestellung noch nicht verschickt wurde, können wir sie noch stornieren. Wir leiten die Stornierung ein und erstatten den gezahlten Betrag.',
      shipped: () =>
        'Die Bestellung ist bereits unterwegs und kann leider nicht mehr storniert werden. Sie kann aber nach der Zustellung gemäß unseren Rückgabebedingungen zurückgeschickt werden.',
      delivered: () =>
        'Die Bestellung wurde bereits zugestellt und kann nicht mehr storniert werden, aber gemäß unseren Rückgabebedingungen zurückgeschickt werden.',
      cancelled: () => 'Diese Bestellung ist bereits storniert; es ist nichts weiter zu tun.',
      refunded: () => 'Diese Bestellung ist bereits storniert und erstattet; es ist nichts weiter zu tun.',
    },
    change: {
      pending: () => 'Die Bestellung wurde noch nicht verschickt, daher können wir sie noch ändern.',
      paid: () => 'Die Bestellung wurde noch nicht verschickt, daher können wir sie noch ändern.',
      default: () => 'Die Bestellung ist bereits in Bearbeitung und kann leider nicht mehr geändert werden.',
    },
    address: {
      pending: () => 'Die Bestellung wurde noch nicht verschickt, daher können wir die Lieferadresse noch ändern.',
      paid: () => 'Die Bestellung wurde noch nicht verschickt, daher können wir die Lieferadresse noch ändern.',
      shipped: () =>
        'Das Paket ist bereits beim Versanddienstleister, daher können wir die Adresse nicht mehr ändern. Über den Sendungsverfolgungslink lässt sich die Zustellung oft noch umleiten.',
      default: () => 'Die Lieferadresse dieser Bestellung kann nicht mehr geändert werden.',
    },
    refund: {
      delivered: () =>
        'Die Artikel können zurückgeschickt werden; nach Eingang der Rücksendung erstatten wir den Betrag.',
      cancelled: () => 'Bei einer stornierten Bestellung wird ein bereits gezahlter Betrag automatisch erstattet.',
      refunded: () =>
        'Diese Bestellung wurde bereits erstattet. Es kann einige Werktage dauern, bis der Betrag auf dem Konto ist.',
      pending: () => 'Für diese Bestellung ist noch keine Zahlung eingegangen, es gibt also nichts zu erstatten.',
    },
    refund_status: {
      refunded: () =>
        'Wir haben die Erstattung veranlasst. Es kann einige Werktage dauern, bis der Betrag auf dem Konto ist.',
      pending: () => 'Für diese Bestellung ist noch keine Zahlung eingegangen, daher steht keine Erstattung aus.',
      default: () =>
        'Für diese Bestellung haben wir noch keine Rücksendung verbucht. Sobald sie eingeht, erstatten wir den Betrag.',
    },
    invoice: {
      default: (v, o) =>
        o.order.invoiceUrl
          ? v(
              `Sie können die Rechnung hier herunterladen: ${o.order.invoiceUrl}`,
              `Du kannst die Rechnung hier herunterladen: ${o.order.invoiceUrl}`,
            )
          : v(
              'Wir senden Ihnen die Rechnung zu dieser Bestellung per E-Mail.',
              'Wir schicken dir die Rechnung zu dieser Bestellung per E-Mail.',
            ),
    },
    payment: {
      pending: () =>
        'Die Zahlung für diese Bestellung ist tatsächlich noch nicht eingegangen. Über den Zahlungslink in der Bestellbestätigung kann erneut bezahlt werden.',
      default: () => 'Die Zahlung für diese Bestellung ist bei uns eingegangen; es ist nichts weiter zu tun.',
    },
  },
  handover: (v) =>
    v(
      'Wir geben Ihre Frage an eine Kollegin oder einen Kollegen weiter, die oder der Ihnen so bald wie möglich persönlich antwortet.',
      'Wir geben deine Frage an jemanden aus dem Team weiter, der dir so bald wie möglich persönlich antwortet.',
    ),
  askOrderNumberAndPostcode: (v) =>
    v(
      'Um Ihre Bestellung zu finden, benötigen wir Ihre Bestellnummer und die Postleitzahl der Lieferadresse. Die Bestellnummer steht in der Bestellbestätigung, die Sie per E-Mail erhalten haben. Könnten Sie uns beides senden?',
      'Um deine Bestellung zu finden, brauchen wir deine Bestellnummer und die Postleitzahl der Lieferadresse. Die Bestellnummer steht in der Bestellbestätigung, die du per E-Mail bekommen hast. Kannst du uns beides schicken?',
    ),
  askOrderNumber: (v) =>
    v(
      'Um Ihre Bestellung zu finden, benötigen wir Ihre Bestellnummer. Sie steht in der Bestellbestätigung, die Sie per E-Mail erhalten haben. Könnten Sie sie uns senden?',
      'Um deine Bestellung zu finden, brauchen wir deine Bestellnummer. Sie steht in der Bestellbestätigung, die du per E-Mail bekommen hast. Kannst du sie uns schicken?',
    ),
  orderNotFound: (v, n) =>
    v(
      `Wir konnten die Bestellung ${n} unter Ihrer E-Mail-Adresse nicht finden. Könnten Sie die Bestellnummer prüfen oder uns die E-Mail-Adresse nennen, mit der Sie bestellt haben?`,
      `Wir konnten die Bestellung ${n} unter deiner E-Mail-Adresse nicht finden. Kannst du die Bestellnummer prüfen oder uns die E-Mail-Adresse nennen, mit der du bestellt hast?`,
    ),
  moreInfo: (url) => `Weitere Informationen: ${url}`,
  seeAlso: (title, url) => `Siehe auch: ${title} (${url})`,
  closing: (v) => v('Mit freundlichen Grüßen', 'Viele Grüße'),
  fallbackSignature: (shop) => `Ihr Kundenservice von ${shop}`,
  safety: {
    ack: (v) =>
      v(
        'Es tut uns sehr leid, das zu lesen, und wir nehmen es sehr ernst. Ihre Sicherheit geht vor.',
        'Es tut uns sehr leid, das zu lesen, und wir nehmen es sehr ernst. Deine Sicherheit geht vor.',
      ),
    stopUsing: (v) =>
      v(
        'Bitte benutzen Sie das Produkt vorerst nicht mehr: Ziehen Sie den Stecker, laden Sie es nicht mehr auf und bewahren Sie es an einem sicheren Ort außerhalb der Reichweite von Kindern und fern von brennbaren Materialien auf.',
        'Bitte benutze das Produkt vorerst nicht mehr: Zieh den Stecker, lade es nicht mehr auf und bewahre es an einem sicheren Ort außerhalb der Reichweite von Kindern und fern von brennbaren Materialien auf.',
      ),
    contact: (v, hours, n) =>
      v(
        `Eine Kollegin oder ein Kollege meldet sich innerhalb von ${hours} Stunden persönlich bei Ihnen${n ? ` zur Bestellung ${n}` : ''}, um das weitere Vorgehen zu besprechen.`,
        `Jemand aus unserem Team meldet sich innerhalb von ${hours} Stunden persönlich bei dir${n ? ` zur Bestellung ${n}` : ''}, um das weitere Vorgehen zu besprechen.`,
      ),
  },
  legal: {
    ack: () => 'Wir bestätigen den Eingang Ihres Schreibens und nehmen dessen Inhalt ernst.',
    facts: (v, f) => {
      const parts = [
        f.orderNumber ? `die Bestellung ${f.orderNumber}` : '',
        f.dates.length ? `das von Ihnen genannte Datum (${f.dates.join(', ')})` : '',
        f.amounts.length ? `den Betrag von ${f.amounts.join(', ')}` : '',
      ].filter(Boolean);
      return parts.length ? `Wir haben vermerkt, dass sich Ihr Schreiben auf ${parts.join(', ')} bezieht.` : null;
    },
    contact: (v, hours) =>
      `Wir haben Ihren Vorgang an eine verantwortliche Mitarbeiterin bzw. einen verantwortlichen Mitarbeiter übergeben, die oder der Ihnen innerhalb von ${hours} Stunden schriftlich antwortet.`,
  },
  overdue: (v, o) =>
    v(
      `Ihre Bestellung wurde${o.order.carrier ? ` mit ${o.order.carrier}` : ''} verschickt und sollte am ${o.expectedOn} ankommen. Dieser Termin ist verstrichen; es tut uns leid, dass das Paket noch nicht bei Ihnen ist.`,
      `Deine Bestellung wurde${o.order.carrier ? ` mit ${o.order.carrier}` : ''} verschickt und sollte am ${o.expectedOn} ankommen. Dieser Termin ist verstrichen; es tut uns leid, dass das Paket noch nicht bei dir ist.`,
    ),
  overdueNext: (v, o) =>
    v(
      `Wir bitten ${o.order.carrier ?? 'den Versanddienstleister'}, die Sendung nachzuverfolgen. Wir melden uns so bald wie möglich mit dem Ergebnis und, falls das Paket verloren ist, mit einer Lösung für Sie.`,
      `Wir bitten ${o.order.carrier ?? 'den Versanddienstleister'}, die Sendung nachzuverfolgen. Wir melden uns so bald wie möglich mit dem Ergebnis und, falls das Paket verloren ist, mit einer Lösung für dich.`,
    ),
  alreadyAnswered: (v) =>
    v(
      'Wir sehen, dass unsere letzte Antwort Ihr Anliegen nicht gelöst hat. Eine Kollegin oder ein Kollege sieht sich Ihre Nachricht jetzt persönlich an und meldet sich so bald wie möglich bei Ihnen.',
      'Wir sehen, dass unsere letzte Antwort dein Anliegen nicht gelöst hat. Jemand aus unserem Team sieht sich deine Nachricht jetzt persönlich an und meldet sich so bald wie möglich bei dir.',
    ),
  product: {
    ack: (v) => v('Sie haben eine Frage zu einem unserer Produkte.', 'Du hast eine Frage zu einem unserer Produkte.'),
    answer: (v, p) => `${p.name}: ${p.attributes.map((a) => `${a.label}: ${a.value}`).join('; ')}.`,
    unknown: (v) =>
      v(
        'Diese Information haben wir nicht sofort zur Hand. Wir geben Ihre Frage an eine Kollegin oder einen Kollegen mit Produktkenntnis weiter, die oder der Ihnen so bald wie möglich antwortet.',
        'Diese Information haben wir nicht sofort zur Hand. Wir geben deine Frage an jemanden mit Produktkenntnis weiter, der dir so bald wie möglich antwortet.',
      ),
  },
  alsoAsked: (v) => v('Zu Ihrer weiteren Frage:', 'Zu deiner weiteren Frage:'),
};
