// How customers wrap a request in an email, per language and register: greetings, a line of context that carries
// no intent, sign-offs and signatures. Written for draftdesk's training data; the evaluation mails use their own.
export interface MailWrapping {
  formal: { greetings: string[]; signOffs: string[] };
  informal: { greetings: string[]; signOffs: string[] };
  /** Sentences that set the scene without asking anything. */
  context: string[];
  signatures: string[];
}

export const MAIL_WRAPPING: Record<string, MailWrapping> = {
  en: {
    formal: {
      greetings: [
        'Dear Sir/Madam,',
        'Dear customer service,',
        'Good morning,',
        'Hello,',
        'To whom it may concern,',
        'Dear team,',
      ],
      signOffs: [
        'Kind regards,',
        'Best regards,',
        'Regards,',
        'Sincerely,',
        'Yours faithfully,',
        'Many thanks,',
        'Thank you in advance,',
      ],
    },
    informal: {
      greetings: ['Hi,', 'Hi guys,', 'Hey there,', 'Hello!', 'Hiya,', 'Morning,'],
      signOffs: ['Thanks,', 'Cheers', 'Thx!', 'Best,', 'Ta,', 'Thanks so much!'],
    },
    context: [
      'I hope this email finds you well.',
      'I am writing to you about a purchase from your web shop.',
      'I placed an order with you a while ago.',
      'This is my first time contacting you.',
      'I have shopped with you many times before.',
      'I got your address from the website.',
      'Apologies for the long message.',
      'My neighbour recommended your shop.',
      'I tried to find the answer on your website first.',
      'Quick question for you.',
      'I ordered a bike from you last week.',
      'My parcel arrived on Tuesday.',
      'I paid by credit card.',
      'I bought a helmet in your shop in Utrecht.',
    ],
    signatures: [
      'John Miller',
      'Sarah',
      'D. Thompson\n22 Station Road\nBristol BS1 4QA',
      'Kate Brown\nSent from my iPhone',
      'Mike\n07700 900123',
      'Anna Lee\nOffice manager, Lee Consulting',
    ],
  },
  nl: {
    formal: {
      greetings: [
        'Geachte heer, mevrouw,',
        'Geachte klantenservice,',
        'Beste medewerker,',
        'Goedemorgen,',
        'Goedendag,',
        'Beste,',
      ],
      signOffs: [
        'Met vriendelijke groet,',
        'Met vriendelijke groeten,',
        'Hoogachtend,',
        'Vriendelijke groet,',
        'Bij voorbaat dank,',
        'Mvg,',
      ],
    },
    informal: {
      greetings: ['Hoi,', 'Hallo!', 'Hey,', 'Hai,', 'Hallo daar,', 'Hoi allemaal,'],
      signOffs: ['Groetjes', 'Groeten,', 'Gr.', 'Dank je!', 'Thanks!', 'Alvast bedankt,'],
    },
    context: [
      'Ik hoop dat het goed met jullie gaat.',
      'Ik schrijf u over een aankoop in uw webwinkel.',
      'Een tijdje geleden heb ik iets bij jullie besteld.',
      'Ik heb eerst op de website gezocht maar kon het niet vinden.',
      'Ik ben een vaste klant.',
      'Een vriendin heeft jullie winkel aangeraden.',
      'Sorry voor de lange mail.',
      'Ik heb een vraag.',
      'Vorige week heb ik een fiets bij jullie besteld.',
      'Mijn pakket kwam dinsdag binnen.',
      'Ik heb met iDEAL betaald.',
    ],
    signatures: [
      'Jan Visser',
      'Marieke',
      'K. de Boer\nLaan van Meerdervoort 50\n2517 AB Den Haag',
      'Ahmed\nVerzonden vanaf mijn iPhone',
      'Lotte van Dijk\n06 98765432',
      'Familie Smits',
    ],
  },
  de: {
    formal: {
      greetings: [
        'Sehr geehrte Damen und Herren,',
        'Sehr geehrtes Service-Team,',
        'Guten Morgen,',
        'Guten Tag,',
        'Hallo,',
      ],
      signOffs: [
        'Mit freundlichen Grüßen',
        'Freundliche Grüße',
        'Mit besten Grüßen',
        'Vielen Dank im Voraus',
        'Hochachtungsvoll',
      ],
    },
    informal: {
      greetings: ['Hallo,', 'Hi,', 'Hey,', 'Moin,', 'Servus,'],
      signOffs: ['Liebe Grüße', 'LG', 'Gruß', 'Danke!', 'Viele Grüße'],
    },
    context: [
      'Ich hoffe, es geht Ihnen gut.',
      'Ich schreibe Ihnen wegen eines Einkaufs in Ihrem Onlineshop.',
      'Ich habe vor einiger Zeit bei Ihnen bestellt.',
      'Ich habe zuerst auf Ihrer Webseite gesucht.',
      'Ich bin Stammkunde bei Ihnen.',
      'Ich habe eine kurze Frage.',
      'Ich habe letzte Woche ein Fahrrad bei Ihnen gekauft.',
      'Mein Paket kam am Dienstag an.',
    ],
    signatures: [
      'Thomas Weber',
      'Sabine',
      'M. Fischer\nGartenweg 3\n80331 München',
      'Lena\nVon meinem iPhone gesendet',
      'Jonas Wolf\n0170 1234567',
    ],
  },
  fr: {
    formal: {
      greetings: ['Madame, Monsieur,', 'Bonjour Madame, bonjour Monsieur,', 'Bonjour,', 'Chère équipe,', 'Bonsoir,'],
      signOffs: ['Cordialement,', 'Bien cordialement,', 'Salutations distinguées,', 'Merci d’avance,', 'Bien à vous,'],
    },
    informal: {
      greetings: ['Salut,', 'Coucou,', 'Hello,', 'Bonjour à tous,'],
      signOffs: ['Merci !', 'À bientôt', 'Bises', 'Bonne journée !', 'Merci beaucoup,'],
    },
    context: [
      "J'espère que vous allez bien.",
      "Je vous écris au sujet d'un achat sur votre boutique en ligne.",
      "J'ai passé une commande chez vous il y a quelque temps.",
      "J'ai d'abord cherché sur votre site.",
      'Je suis un client fidèle.',
      "J'ai une petite question.",
      "J'ai acheté un vélo chez vous la semaine dernière.",
      'Mon colis est arrivé mardi.',
    ],
    signatures: [
      'Marie Dupont',
      'Julien',
      'S. Bernard\n8 avenue Victor Hugo\n69002 Lyon',
      'Chloé\nEnvoyé de mon iPhone',
      'Antoine Moreau\n06 12 34 56 78',
    ],
  },
};
