import type { Phrasebook } from './phrasebook.types';

// French customer service says "vous" in both tones; the friendly tone only changes greeting and sign-off.
export const fr: Phrasebook = {
  locale: 'fr-FR',
  greeting: (v, name) =>
    name ? v(`Bonjour ${name.full},`, `Bonjour ${name.first},`) : v('Madame, Monsieur,', 'Bonjour,'),
  thanks: (v) => v('Nous vous remercions de votre message.', 'Merci pour votre message !'),
  sorryAgain: () => 'Nous sommes désolés que vous ayez dû nous recontacter.',
  ack: {
    track_order: () => 'Vous souhaitez savoir où en est votre commande.',
    delivery_period: () => 'Vous demandez quand votre commande sera livrée.',
    delivery_options: () => "Vous vous renseignez sur nos modes d'expédition et de livraison.",
    cancel_order: () => 'Vous souhaitez annuler votre commande.',
    change_order: () => 'Vous souhaitez modifier votre commande.',
    place_order: () => 'Merci de vouloir commander chez nous.',
    check_cancellation_fee: () => "Vous demandez si l'annulation entraîne des frais.",
    change_shipping_address: () => "Vous souhaitez modifier l'adresse de livraison de votre commande.",
    set_up_shipping_address: () => 'Vous souhaitez enregistrer une (nouvelle) adresse de livraison.',
    check_refund_policy: () => 'Vous vous renseignez sur nos conditions de retour et de remboursement.',
    get_refund: () => 'Vous souhaitez être remboursé.',
    track_refund: () => 'Vous souhaitez connaître le suivi de votre remboursement.',
    check_invoice: () => 'Vous avez une question sur votre facture.',
    get_invoice: () => 'Vous souhaitez recevoir la facture de votre commande.',
    check_payment_methods: () => 'Vous demandez quels moyens de paiement nous acceptons.',
    payment_issue: () => "Nous sommes désolés que votre paiement n'ait pas abouti.",
    create_account: () => 'Vous souhaitez créer un compte.',
    delete_account: () => 'Vous souhaitez que nous supprimions votre compte.',
    edit_account: () => 'Vous souhaitez modifier les informations de votre compte.',
    switch_account: () => 'Vous souhaitez passer à un autre compte.',
    recover_password: () => 'Vous ne pouvez plus vous connecter car vous avez oublié votre mot de passe.',
    registration_problems: () => "Nous sommes désolés que l'inscription n'ait pas fonctionné.",
    contact_customer_service: () => 'Vous souhaitez savoir comment joindre notre service client.',
    contact_human_agent: () => 'Vous souhaitez parler à un membre de notre équipe.',
    complaint: () =>
      'Nous sommes sincèrement désolés que vous ne soyez pas satisfait, et nous tenons à régler le problème.',
    review: () => "Merci d'avoir pris le temps de partager votre expérience.",
    newsletter_subscription: () => 'Vous avez une question sur notre newsletter.',
    other: () => 'Nous avons bien reçu votre question.',
  },
  next: {
    cancel_order: () => 'Vous recevrez une confirmation par e-mail.',
    change_shipping_address: () =>
      "Si la nouvelle adresse complète (rue, numéro, code postal et ville) ne figurait pas encore dans votre message, merci de nous l'envoyer.",
    complaint: () =>
      'Pourriez-vous nous envoyer une photo du problème et votre numéro de commande ? Nous trouverons une solution sans attendre.',
    contact_human_agent: () => 'Un membre de notre service client prendra personnellement en charge votre demande.',
    complaint_with_order: () =>
      'Pourriez-vous nous envoyer une photo du problème ? Nous trouverons une solution sans attendre.',
    default: () => 'Pour toute autre question, nous restons à votre disposition.',
  },
  orderHeading: (v, o) =>
    `Nous avons retrouvé votre commande ${o.number} du ${o.placedOn} (${o.items} ; total ${o.total}).`,
  status: {
    pending: () =>
      "Nous n'avons pas encore reçu le paiement. Dès sa réception, nous préparerons votre commande pour l'expédition.",
    paid: () => "Votre paiement a bien été reçu et nous préparons votre commande pour l'expédition.",
    shipped: (v, o) =>
      (o.order.carrier ? `Votre commande a été expédiée avec ${o.order.carrier}.` : 'Votre commande a été expédiée.') +
      (o.expectedOn ? ` La date de livraison prévue est le ${o.expectedOn}.` : ''),
    delivered: () => "D'après nos informations, votre commande a été livrée.",
    cancelled: () => 'Cette commande a été annulée.',
    refunded: () => 'Cette commande a été remboursée.',
  },
  tracking: (v, o) =>
    [
      o.order.trackingNumber ? `Numéro de suivi : ${o.order.trackingNumber}.` : '',
      o.order.trackingUrl ? `Vous pouvez suivre le colis ici : ${o.order.trackingUrl}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  action: {
    cancel: {
      pending: () =>
        "Votre commande n'a pas encore été expédiée : nous pouvons donc l'annuler sans frais. Nous lançons l'annulation.",
      paid: () =>
        "Votre commande n'a pas encore été expédiée : nous pouvons donc encore l'annuler. Nous lançons l'annulation et rembourserons le montant payé.",
      shipped: () =>
        'Votre commande est déjà en route et ne peut malheureusement plus être annulée. Vous pourrez la retourner après réception selon nos conditions de retour.',
      delivered: () =>
        'Votre commande a déjà été livrée et ne peut plus être annulée, mais vous pouvez retourner les articles selon nos conditions de retour.',
      cancelled: () => "Cette commande est déjà annulée ; vous n'avez rien d'autre à faire.",
      refunded: () => "Cette commande est déjà annulée et remboursée ; vous n'avez rien d'autre à faire.",
    },
    change: {
      pending: () => "Votre commande n'a pas encore été expédiée : nous pouvons donc encore la modifier.",
      paid: () => "Votre commande n'a pas encore été expédiée : nous pouvons donc encore la modifier.",
      default: () => 'Votre commande est déjà traitée et ne peut malheureusement plus être modifiée.',
    },
    address: {
      pending: () =>
        "Votre commande n'a pas encore été expédiée : nous pouvons donc encore modifier l'adresse de livraison.",
      paid: () =>
        "Votre commande n'a pas encore été expédiée : nous pouvons donc encore modifier l'adresse de livraison.",
      shipped: () =>
        "Le colis est déjà chez le transporteur : nous ne pouvons plus modifier l'adresse. Le lien de suivi permet souvent de rediriger la livraison.",
      default: () => "L'adresse de livraison de cette commande ne peut plus être modifiée.",
    },
    refund: {
      delivered: () => 'Vous pouvez retourner les articles ; nous vous rembourserons dès réception de votre retour.',
      cancelled: () => 'Pour une commande annulée, tout montant déjà payé est remboursé automatiquement.',
      refunded: () =>
        'Nous avons déjà remboursé cette commande. Le montant peut mettre quelques jours ouvrés à apparaître sur votre compte.',
      pending: () => "Nous n'avons pas encore reçu de paiement pour cette commande : il n'y a donc rien à rembourser.",
    },
    refund_status: {
      refunded: () =>
        'Nous avons effectué le remboursement. Le montant peut mettre quelques jours ouvrés à apparaître sur votre compte.',
      pending: () =>
        "Nous n'avons pas encore reçu de paiement pour cette commande : aucun remboursement n'est donc en attente.",
      default: () =>
        "Nous n'avons pas encore enregistré de retour pour cette commande. Dès réception de votre retour, nous vous rembourserons.",
    },
    invoice: {
      default: (v, o) =>
        o.order.invoiceUrl
          ? `Vous pouvez télécharger la facture ici : ${o.order.invoiceUrl}`
          : 'Nous vous envoyons la facture de cette commande par e-mail.',
    },
    payment: {
      pending: () =>
        "Nous n'avons en effet pas encore reçu le paiement de cette commande. Vous pouvez payer à nouveau via le lien de paiement de votre confirmation de commande.",
      default: () => "Nous avons bien reçu le paiement de cette commande ; vous n'avez rien d'autre à faire.",
    },
  },
  handover: () =>
    'Nous transmettons votre question à un collègue, qui vous répondra personnellement dans les meilleurs délais.',
  askOrderNumberAndPostcode: () =>
    "Pour retrouver votre commande, nous avons besoin de votre numéro de commande et du code postal de l'adresse de livraison. Le numéro figure dans la confirmation de commande reçue par e-mail. Pourriez-vous nous communiquer les deux ?",
  askOrderNumber: () =>
    'Pour retrouver votre commande, nous avons besoin de votre numéro de commande. Il figure dans la confirmation de commande reçue par e-mail. Pourriez-vous nous le communiquer ?',
  orderNotFound: (v, n) =>
    `Nous n'avons pas trouvé la commande ${n} associée à votre adresse e-mail. Pourriez-vous vérifier le numéro, ou nous indiquer l'adresse e-mail utilisée pour la commande ?`,
  moreInfo: (url) => `Plus d'informations : ${url}`,
  seeAlso: (title, url) => `Voir aussi : ${title} (${url})`,
  closing: (v) => v('Veuillez agréer nos salutations distinguées,', 'Bien cordialement,'),
  fallbackSignature: (shop) => `Le service client ${shop}`,
  safety: {
    ack: () =>
      'Nous sommes vraiment désolés et inquiets de lire cela. Votre sécurité passe avant tout, nous traitons donc votre message en priorité.',
    stopUsing: () =>
      'Merci de ne plus utiliser le produit pour le moment : débranchez-le, ne le rechargez plus et rangez-le dans un endroit sûr, hors de portée des enfants et loin de tout matériau inflammable.',
    contact: (v, hours, n) =>
      `Un membre de notre équipe vous contactera personnellement dans les ${hours} heures${n ? ` au sujet de la commande ${n}` : ''} pour convenir de la suite.`,
  },
  legal: {
    ack: () => 'Nous accusons réception de votre message et en prenons le contenu très au sérieux.',
    facts: (v, f) => {
      const parts = [
        f.orderNumber ? `la commande ${f.orderNumber}` : '',
        f.dates.length ? `la date que vous mentionnez (${f.dates.join(', ')})` : '',
        f.amounts.length ? `le montant de ${f.amounts.join(', ')}` : '',
      ].filter(Boolean);
      return parts.length ? `Nous avons noté que votre message concerne ${parts.join(', ')}.` : null;
    },
    contact: (v, hours) =>
      `Nous avons transmis votre dossier à un responsable, qui vous répondra par écrit dans les ${hours} heures.`,
  },
  overdue: (v, o) =>
    `Votre commande a été expédiée${o.order.carrier ? ` avec ${o.order.carrier}` : ''} et devait être livrée le ${o.expectedOn}. Cette date est dépassée ; nous sommes désolés que votre colis ne vous soit pas encore parvenu.`,
  overdueNext: (v, o) =>
    `Nous demandons ${o.order.carrier ? `à ${o.order.carrier}` : 'au transporteur'} de retrouver le colis. Un membre de notre équipe vous tiendra informé au plus vite et, si le colis est perdu, vous proposera une solution.`,
  alreadyAnswered: () =>
    "Nous constatons que notre réponse précédente n'a pas réglé votre demande. Un membre de notre équipe examine maintenant votre message personnellement et reviendra vers vous au plus vite.",
  product: {
    ack: () => "Vous avez une question sur l'un de nos produits.",
    answer: (v, p) => `${p.name} : ${p.attributes.map((a) => `${a.label} : ${a.value}`).join(' ; ')}.`,
    unknown: () =>
      "Nous n'avons pas cette information sous la main. Nous transmettons votre question à un collègue qui connaît nos produits et qui vous répondra au plus vite.",
  },
  alsoAsked: () => 'Concernant votre autre question :',
};
