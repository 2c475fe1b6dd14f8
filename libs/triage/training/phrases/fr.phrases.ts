import { IntentPhrases } from '../phrase.types';

// French phrasing written for draftdesk; verb phrases are infinitives ("annuler ma commande").
export const FR: Record<string, IntentPhrases> = {
  create_account: {
    verbs: [
      'créer un compte',
      'ouvrir un nouveau compte client',
      "m'inscrire",
      'ouvrir un compte {account}',
      'devenir membre',
    ],
    sentences: ["je n'ai pas encore de compte, comment en avoir un ?", "où puis-je m'inscrire ?"],
    keywords: ['créer compte', 'inscription', 'nouveau compte'],
  },
  delete_account: {
    verbs: [
      'supprimer mon compte',
      'fermer mon compte client',
      'effacer mon profil',
      'faire supprimer mes données et mon compte',
    ],
    sentences: ['je ne veux plus de compte chez vous', 'merci de supprimer toutes mes données'],
    keywords: ['supprimer compte', 'fermer compte'],
  },
  edit_account: {
    verbs: [
      'modifier mes informations de compte',
      'mettre à jour mon profil',
      'changer mes données personnelles',
      'changer mon numéro de téléphone',
    ],
    sentences: ['mon profil affiche le mauvais nom', 'mes coordonnées ne sont plus à jour'],
    keywords: ['modifier profil', 'changer mes infos'],
  },
  recover_password: {
    verbs: ['réinitialiser mon mot de passe', 'obtenir un nouveau mot de passe', "récupérer l'accès à mon compte"],
    sentences: ["j'ai oublié mon mot de passe", 'je ne peux plus me connecter', 'mot de passe perdu, aidez-moi'],
    keywords: ['mot de passe oublié', 'réinitialiser mot de passe'],
  },
  registration_problems: {
    verbs: ["signaler un problème d'inscription", "résoudre une erreur lors de l'inscription"],
    sentences: [
      "je n'arrive pas à m'inscrire",
      "j'ai un message d'erreur quand je m'inscris",
      "le formulaire d'inscription ne marche pas",
      "je n'ai jamais reçu l'e-mail de confirmation d'inscription",
    ],
    keywords: ['problème inscription', 'erreur inscription'],
  },
  switch_account: {
    verbs: [
      'passer au compte {account}',
      'changer de type de compte',
      'passer de {account} à {account2}',
      'changer de compte',
    ],
    sentences: ['je préférerais un compte {account}'],
    keywords: ['changer de compte', 'passer premium'],
  },
  check_cancellation_fee: {
    verbs: ["connaître les frais d'annulation", 'savoir combien coûte une résiliation'],
    sentences: [
      "y a-t-il des frais d'annulation ?",
      'combien coûte la résiliation anticipée ?',
      "l'annulation est-elle gratuite ?",
    ],
    keywords: ["frais d'annulation", 'frais de résiliation'],
  },
  contact_customer_service: {
    verbs: ['contacter le service client', 'joindre le service après-vente', 'appeler le service client'],
    sentences: [
      'à quelle heure ouvre le service client ?',
      'quels sont vos horaires ?',
      'à quelle adresse e-mail puis-je écrire ?',
      'quel est le numéro du service client ?',
      'quand le service client est-il disponible ?',
      'comment puis-je vous joindre ?',
    ],
    keywords: ['service client', 'contact'],
  },
  contact_human_agent: {
    verbs: ['parler à un humain', 'parler à un vrai conseiller', 'discuter avec une personne'],
    sentences: ['tu es un robot ? je veux un humain', 'passez-moi un conseiller'],
    keywords: ['conseiller', 'humain'],
  },
  delivery_options: {
    verbs: [
      'voir les options de livraison',
      'connaître les modes de livraison',
      'choisir la livraison express',
      'retirer mon colis en point relais',
    ],
    sentences: [
      'quels modes de livraison proposez-vous ?',
      'livrez-vous en {country} ?',
      'puis-je retirer ma commande en magasin ?',
    ],
    keywords: ['options de livraison', 'modes de livraison', 'point relais'],
  },
  delivery_period: {
    verbs: ['savoir combien de temps prend la livraison', 'connaître le délai de livraison'],
    sentences: [
      'combien de temps dure la livraison ?',
      'quand ma commande va-t-elle arriver ?',
      'quel est le délai pour la {country} ?',
    ],
    keywords: ['délai de livraison', 'temps de livraison'],
  },
  complaint: {
    verbs: ['déposer une réclamation', 'me plaindre de votre service', 'faire une réclamation officielle'],
    sentences: ['je suis très mécontent de votre service', "c'est inacceptable, je veux me plaindre"],
    keywords: ['réclamation', 'plainte'],
  },
  review: {
    verbs: ['laisser un avis', 'donner mon avis', 'noter mon achat'],
    sentences: ['où puis-je noter le produit ?', 'super service, où laisser un avis ?'],
    keywords: ['avis', 'commentaire'],
  },
  check_invoice: {
    verbs: ['consulter ma facture', 'voir mes factures', 'vérifier la facture {invoice}'],
    sentences: ['où puis-je voir mes factures ?', 'je ne trouve pas ma facture'],
    keywords: ['voir facture', 'mes factures'],
  },
  get_invoice: {
    verbs: ['télécharger ma facture', 'obtenir une copie de ma facture', 'recevoir la facture de la commande {order}'],
    sentences: ["merci de m'envoyer la facture", "j'ai besoin d'une facture pour ma comptabilité"],
    keywords: ['facture svp', 'télécharger facture'],
  },
  newsletter_subscription: {
    verbs: [
      "m'abonner à la newsletter",
      "m'inscrire au bulletin d'information",
      "recevoir la lettre d'information",
      'me désabonner de la newsletter',
      'ne plus recevoir la newsletter',
    ],
    sentences: [
      'je voudrais recevoir votre newsletter',
      "comment m'abonner à vos actualités par e-mail ?",
      'trop de mails, désabonnez-moi',
      'comment recevoir votre newsletter ?',
    ],
    keywords: ['newsletter', 'désabonnement', "lettre d'information", 'bulletin'],
  },
  cancel_order: {
    verbs: ['annuler ma commande', 'annuler la commande {order}', 'annuler mon achat'],
    sentences: ['je ne veux plus de ma commande', 'merci de ne pas expédier la commande {order}'],
    keywords: ['annuler commande', 'annulation'],
  },
  change_order: {
    verbs: ['modifier ma commande', 'ajouter un article à ma commande', 'changer la taille dans ma commande'],
    sentences: ["j'ai commandé la mauvaise taille, puis-je la changer ?"],
    keywords: ['modifier commande'],
  },
  place_order: {
    verbs: ['passer une commande', 'commander quelque chose', 'acheter un produit', 'acheter une carte cadeau'],
    sentences: ['comment fonctionne la commande ?', "j'aimerais acheter ceci"],
    keywords: ['commander', 'acheter'],
  },
  track_order: {
    verbs: ['suivre ma commande', "vérifier l'état de ma commande", 'suivre mon colis'],
    sentences: ['où est mon colis ?', 'où en est ma commande ?', 'ma commande est-elle déjà expédiée ?'],
    keywords: ['suivi de commande', 'suivi colis'],
  },
  check_payment_methods: {
    verbs: ['voir les moyens de paiement', 'payer avec PayPal', 'payer par carte bancaire', 'payer en plusieurs fois'],
    sentences: ['quels moyens de paiement acceptez-vous ?', 'puis-je payer par virement ?'],
    keywords: ['moyens de paiement', 'modes de paiement'],
  },
  payment_issue: {
    verbs: ['signaler un problème de paiement', 'résoudre une erreur de paiement'],
    sentences: [
      'mon paiement a échoué',
      'ma carte a été refusée',
      "j'ai été débité deux fois",
      'il y a un problème avec mon paiement',
    ],
    keywords: ['problème de paiement', 'paiement refusé'],
  },
  check_refund_policy: {
    verbs: ['consulter la politique de remboursement', 'lire les conditions de retour'],
    sentences: [
      'quel est votre délai de retour ?',
      "jusqu'à quand puis-je renvoyer un article ?",
      'quelle est votre politique de remboursement ?',
      'suis-je remboursé si le produit ne me plaît pas ?',
      'dans quels cas remboursez-vous ?',
    ],
    keywords: ['politique de remboursement', 'conditions de remboursement'],
  },
  get_refund: {
    verbs: ['récupérer mon argent', 'demander un remboursement', 'être remboursé pour la commande {order}'],
    sentences: ['je veux être remboursé', 'remboursez-moi {amount} svp'],
    keywords: ['remboursement', 'rembourser'],
  },
  track_refund: {
    verbs: ["vérifier l'état de mon remboursement", 'savoir quand je serai remboursé'],
    sentences: [
      'où en est mon remboursement ?',
      "je n'ai toujours pas été remboursé",
      'mon remboursement a-t-il été traité ?',
    ],
    keywords: ['suivi remboursement', 'remboursement non reçu'],
  },
  change_shipping_address: {
    verbs: ['changer mon adresse de livraison', "modifier l'adresse de ma commande"],
    sentences: ["j'ai déménagé, ma nouvelle adresse est {street}", "j'ai saisi la mauvaise adresse"],
    keywords: ["changer d'adresse", 'mauvaise adresse'],
  },
  set_up_shipping_address: {
    verbs: [
      'configurer une adresse de livraison',
      'ajouter une nouvelle adresse de livraison',
      'enregistrer une deuxième adresse',
    ],
    sentences: ['où dois-je saisir mon adresse de livraison ?'],
    keywords: ['ajouter adresse', 'nouvelle adresse'],
  },
  other: {
    verbs: [],
    sentences: [
      'bonjour',
      'merci beaucoup',
      'au revoir',
      'quel temps fera-t-il demain ?',
      "avez-vous des offres d'emploi ?",
      'nous proposons des services SEO pour votre site',
    ],
    keywords: ['bonjour', 'merci', 'test'],
  },
};
