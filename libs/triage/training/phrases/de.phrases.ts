import { IntentPhrases } from '../phrase.types';

// German phrasing written for draftdesk; verb phrases end in the infinitive ("meine Bestellung stornieren").
export const DE: Record<string, IntentPhrases> = {
  create_account: {
    verbs: [
      'ein Konto erstellen',
      'ein neues Kundenkonto anlegen',
      'mich registrieren',
      'ein {account} Konto eröffnen',
      'Mitglied werden',
    ],
    sentences: ['ich habe noch kein Konto, wie bekomme ich eins?', 'wo kann ich mich registrieren?'],
    keywords: ['Konto erstellen', 'registrieren', 'neues Konto'],
  },
  delete_account: {
    verbs: [
      'mein Konto löschen',
      'mein Kundenkonto schließen',
      'mein Profil entfernen',
      'meine Daten und mein Konto löschen lassen',
    ],
    sentences: ['ich will kein Konto mehr bei Ihnen', 'bitte löschen Sie alle meine Daten'],
    keywords: ['Konto löschen', 'Konto schließen'],
  },
  edit_account: {
    verbs: [
      'meine Kontodaten ändern',
      'mein Profil bearbeiten',
      'meine persönlichen Daten aktualisieren',
      'meinen Namen im Konto ändern',
      'meine Telefonnummer ändern',
    ],
    sentences: ['in meinem Profil steht der falsche Name', 'meine Daten sind nicht mehr aktuell'],
    keywords: ['Profil bearbeiten', 'Daten ändern'],
  },
  recover_password: {
    verbs: ['mein Passwort zurücksetzen', 'ein neues Passwort bekommen', 'wieder Zugang zu meinem Konto bekommen'],
    sentences: ['ich habe mein Passwort vergessen', 'ich kann mich nicht mehr einloggen', 'Passwort vergessen, Hilfe'],
    keywords: ['Passwort vergessen', 'Passwort zurücksetzen'],
  },
  registration_problems: {
    verbs: ['ein Problem bei der Registrierung melden', 'einen Fehler bei der Anmeldung lösen'],
    sentences: [
      'ich kann mich nicht registrieren',
      'bei der Registrierung kommt eine Fehlermeldung',
      'das Anmeldeformular funktioniert nicht',
      'ich habe keine Bestätigungsmail nach der Registrierung bekommen',
    ],
    keywords: ['Registrierung fehlgeschlagen', 'Anmeldung Fehler'],
  },
  switch_account: {
    verbs: [
      'zum {account} Konto wechseln',
      'meinen Kontotyp ändern',
      'auf {account} upgraden',
      'von {account} zu {account2} wechseln',
    ],
    sentences: ['ich hätte lieber ein {account} Konto'],
    keywords: ['Konto wechseln', 'Upgrade'],
  },
  check_cancellation_fee: {
    verbs: ['die Stornogebühren prüfen', 'wissen, was eine Kündigung kostet'],
    sentences: [
      'kostet eine Stornierung etwas?',
      'fallen Gebühren an, wenn ich die Bestellung storniere?',
      'gibt es eine Gebühr für die Stornierung?',
      'was kostet es, den Vertrag vorzeitig zu kündigen?',
      'ist die Kündigung kostenlos?',
    ],
    keywords: ['Stornogebühr', 'Kündigungsgebühr'],
  },
  contact_customer_service: {
    verbs: ['den Kundenservice kontaktieren', 'den Kundendienst erreichen', 'den Kundenservice anrufen'],
    sentences: [
      'zu welchen Zeiten ist der Kundenservice erreichbar?',
      'an welche E-Mail-Adresse kann ich Fragen schicken?',
      'wie lautet die Nummer des Kundenservice?',
      'wann ist der Kundendienst erreichbar?',
      'wie kann ich Sie erreichen?',
    ],
    keywords: ['Kundenservice', 'Kontakt', 'Hotline'],
  },
  contact_human_agent: {
    verbs: ['mit einem Menschen sprechen', 'mit einem echten Mitarbeiter sprechen', 'mit einer Person chatten'],
    sentences: ['bist du ein Bot? ich will einen Menschen', 'verbinden Sie mich mit einem Mitarbeiter'],
    keywords: ['Mitarbeiter', 'echter Mensch'],
  },
  delivery_options: {
    verbs: [
      'die Versandoptionen sehen',
      'die Lieferarten prüfen',
      'Expressversand wählen',
      'mein Paket an einer Packstation abholen',
    ],
    sentences: ['welche Versandarten bieten Sie an?', 'liefern Sie auch nach {country}?', 'kann ich im Laden abholen?'],
    keywords: ['Versandoptionen', 'Lieferarten', 'Expressversand'],
  },
  delivery_period: {
    verbs: ['wissen, wie lange die Lieferung dauert', 'die Lieferzeit prüfen'],
    sentences: [
      'wie lange dauert der Versand?',
      'wann kommt meine Bestellung an?',
      'wie viele Tage dauert die Lieferung nach {country}?',
    ],
    keywords: ['Lieferzeit', 'Versanddauer'],
  },
  complaint: {
    verbs: ['eine Beschwerde einreichen', 'mich über Ihren Service beschweren', 'eine Reklamation einreichen'],
    sentences: ['ich bin sehr unzufrieden mit Ihrem Service', 'das ist inakzeptabel, ich möchte mich beschweren'],
    keywords: ['Beschwerde', 'Reklamation'],
  },
  review: {
    verbs: ['eine Bewertung schreiben', 'Feedback geben', 'meinen Kauf bewerten'],
    sentences: ['wo kann ich das Produkt bewerten?', 'toller Service, wo kann ich eine Bewertung abgeben?'],
    keywords: ['Bewertung', 'Feedback'],
  },
  check_invoice: {
    verbs: ['meine Rechnung ansehen', 'meine Rechnungen einsehen', 'Rechnung {invoice} prüfen'],
    sentences: ['wo finde ich meine Rechnungen?', 'ich finde meine Rechnung nicht'],
    keywords: ['Rechnung ansehen', 'meine Rechnungen'],
  },
  get_invoice: {
    verbs: [
      'meine Rechnung herunterladen',
      'eine Kopie meiner Rechnung bekommen',
      'die Rechnung für Bestellung {order} erhalten',
    ],
    sentences: ['bitte schicken Sie mir die Rechnung', 'ich brauche eine Rechnung für die Buchhaltung'],
    keywords: ['Rechnung bitte', 'Rechnung herunterladen'],
  },
  newsletter_subscription: {
    verbs: ['den Newsletter abonnieren', 'mich vom Newsletter abmelden', 'keinen Newsletter mehr bekommen'],
    sentences: ['zu viele Mails, bitte abmelden', 'wie bekomme ich Ihren Newsletter?'],
    keywords: ['Newsletter', 'abmelden'],
  },
  cancel_order: {
    verbs: ['meine Bestellung stornieren', 'Bestellung {order} stornieren', 'meinen Auftrag stornieren'],
    sentences: ['ich will meine Bestellung nicht mehr', 'bitte Bestellung {order} nicht verschicken'],
    keywords: ['Bestellung stornieren', 'Stornierung'],
  },
  change_order: {
    verbs: [
      'meine Bestellung ändern',
      'etwas zu meiner Bestellung hinzufügen',
      'die Größe in meiner Bestellung ändern',
    ],
    sentences: ['ich habe die falsche Größe bestellt, kann ich das ändern?'],
    keywords: ['Bestellung ändern'],
  },
  place_order: {
    verbs: ['eine Bestellung aufgeben', 'etwas bestellen', 'ein Produkt kaufen', 'einen Gutschein kaufen'],
    sentences: ['wie funktioniert das Bestellen?', 'ich möchte das gerne kaufen'],
    keywords: ['bestellen', 'kaufen'],
  },
  track_order: {
    verbs: ['meine Bestellung verfolgen', 'den Status meiner Bestellung prüfen', 'meine Sendung verfolgen'],
    sentences: ['wo ist mein Paket?', 'wo bleibt meine Bestellung?', 'ist meine Bestellung schon verschickt?'],
    keywords: ['Sendungsverfolgung', 'Bestellstatus'],
  },
  check_payment_methods: {
    verbs: ['die Zahlungsarten sehen', 'mit PayPal bezahlen', 'auf Rechnung bezahlen', 'mit Kreditkarte zahlen'],
    sentences: ['welche Zahlungsmethoden akzeptieren Sie?', 'kann ich per Lastschrift zahlen?'],
    keywords: ['Zahlungsarten', 'Zahlungsmethoden'],
  },
  payment_issue: {
    verbs: ['ein Zahlungsproblem melden', 'einen Fehler bei der Zahlung lösen'],
    sentences: [
      'meine Zahlung ist fehlgeschlagen',
      'meine Karte wurde abgelehnt',
      'ich wurde zweimal belastet',
      'es gibt ein Problem mit meiner Zahlung',
    ],
    keywords: ['Zahlungsproblem', 'Zahlung fehlgeschlagen'],
  },
  check_refund_policy: {
    verbs: ['die Erstattungsrichtlinie lesen', 'die Rückgabebedingungen prüfen'],
    sentences: [
      'welche Rückgabefrist gilt bei Ihnen?',
      'bis wann kann ich Ware zurücksenden?',
      'wie lange habe ich Zeit für eine Rückgabe?',
      'wie ist Ihre Erstattungsrichtlinie?',
      'bekomme ich mein Geld zurück, wenn es mir nicht gefällt?',
      'unter welchen Bedingungen erstatten Sie?',
    ],
    keywords: ['Rückerstattungsbedingungen', 'Geld-zurück-Garantie'],
  },
  get_refund: {
    verbs: [
      'mein Geld zurückbekommen',
      'eine Rückerstattung beantragen',
      'eine Erstattung für Bestellung {order} bekommen',
    ],
    sentences: ['ich will mein Geld zurück', 'bitte erstatten Sie mir {amount}'],
    keywords: ['Rückerstattung', 'Geld zurück'],
  },
  track_refund: {
    verbs: ['den Status meiner Rückerstattung prüfen', 'wissen, wann ich mein Geld zurückbekomme'],
    sentences: [
      'wo bleibt meine Rückerstattung?',
      'ich habe mein Geld immer noch nicht zurück',
      'wurde meine Erstattung schon bearbeitet?',
    ],
    keywords: ['Status Rückerstattung', 'Erstattung nicht erhalten'],
  },
  change_shipping_address: {
    verbs: ['meine Lieferadresse ändern', 'die Adresse meiner Bestellung korrigieren'],
    sentences: ['ich bin umgezogen, meine neue Adresse ist {street}', 'ich habe die falsche Adresse angegeben'],
    keywords: ['Adresse ändern', 'falsche Adresse'],
  },
  set_up_shipping_address: {
    verbs: ['eine Lieferadresse einrichten', 'eine neue Lieferadresse hinzufügen', 'eine zweite Adresse speichern'],
    sentences: ['wo gebe ich meine Lieferadresse ein?'],
    keywords: ['Lieferadresse hinzufügen', 'Adresse speichern'],
  },
  other: {
    verbs: [],
    sentences: [
      'hallo',
      'guten Morgen',
      'danke schön',
      'tschüss',
      'wie wird das Wetter morgen?',
      'haben Sie offene Stellen?',
      'wir bieten SEO Dienstleistungen für Ihre Webseite an',
    ],
    keywords: ['hallo', 'danke', 'test'],
  },
};
