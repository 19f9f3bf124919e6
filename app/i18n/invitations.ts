import { defineMessages } from "./define";

// Review invitations (app/models/review-invitations.server.ts): the owner's page
// /brand/:slug/invitations, the invitation's mail and its reminder, the page its link opens
// (/invite/:token), the opt-out page, and the company page's notice when invited reviews
// are much more positive than the others (app/lib/invitation-gap.ts).
export const invitations = defineMessages({
  en: {
    "invitations.title": "Review invitations of {company}",
    "invitations.link": "Invitations",
    "invitations.intro":
      "Invite every customer the same way, whatever you think they will say: reviews written through an invitation are published as written and labelled “Invited”. Each address gets one reminder at most, {reminder} days later, and is not invited again by you for {again} days. Anyone can stop your invitations, or every company’s, from the mail.",
    "invitations.rulesLink": "The rules of invitations, as readers see them",
    "invitations.agentIntro": "Only an owner can send invitations or replace the link to share.",
    "invitations.notVerified": "{company} is not verified yet: you can invite customers once it is.",

    "invitations.link.title": "Your link to share",
    "invitations.link.intro":
      "Put it on a receipt, in an order confirmation or in your own mails: reviews written through it are labelled “Invited”. It works for {days} days, or until you replace it.",
    "invitations.link.url": "Link",
    "invitations.link.facts": "About: {subject} · created on {created} · works until {expires} · {reviews} reviews written through it",
    "invitations.link.none": "You have no link to share yet.",
    "invitations.link.create": "Create the link",
    "invitations.link.replace": "Replace the link",
    "invitations.link.replaceHint": "The current link stops working; reviews written through it keep their label.",

    "invitations.one.title": "Invite one customer",
    "invitations.one.intro":
      "We mail them an invitation in the language you choose, in our neutral wording. Its link works for {days} days.",
    "invitations.one.submit": "Send the invitation",
    "invitations.field.email": "Email address",
    "invitations.field.name": "Name",
    "invitations.field.optional": "Optional.",
    "invitations.field.locale": "Language of the invitation",
    "invitations.field.subject": "About",
    "invitations.field.subjectAny": "The company (they choose)",
    "invitations.field.reference": "Order reference",
    "invitations.field.referenceHint": "Optional: shown in the mail so that they recognise their purchase; never published.",

    "invitations.upload.title": "Invite from a CSV file",
    "invitations.upload.intro":
      "One customer per line, at most {rows} lines. Columns: email (required), name, language (fr or en), subject (the name of a store, product, site or service of yours), order reference. A first line that names them is recommended; without one, the columns are read in that order. Other columns are ignored: an invitation never depends on a rating.",
    "invitations.upload.file": "CSV file",
    "invitations.upload.fileHint": "Comma or semicolon separated, UTF-8 or Windows encoding, {kb} KB at most.",
    "invitations.upload.locale": "Language for the lines that give none",
    "invitations.upload.submit": "Check the file and send",

    "invitations.report.title": "Report on the file",
    "invitations.report.summary": "{sent} invitations sent, {refused} lines not sent.",
    "invitations.report.ignored": "Columns ignored: {columns}.",
    "invitations.report.truncated": "The file has more than {rows} lines: the lines after that were not read. Send them in another file.",
    "invitations.report.table": "Each line of the file",
    "invitations.report.line": "Line",
    "invitations.report.result": "Result",
    "invitations.report.sent": "Sent",

    "invitations.sent.title": "Invitations sent",
    "invitations.sent.today": "{count} of {limit} invitations sent in the last 24 hours.",
    "invitations.sent.none": "No invitation has been mailed yet.",
    "invitations.sent.table": "The last 100 invitations mailed",
    "invitations.sent.on": "Sent on",
    "invitations.sent.state": "State",
    "invitations.sent.reminded": "reminded on {date}",
    "invitations.state.sent": "Sent",
    "invitations.state.reminded": "Reminded",
    "invitations.state.used": "Review written",
    "invitations.state.opted_out": "Opted out",
    "invitations.state.expired": "Expired",

    "invitations.error.email": "Give an email address, such as name@example.com.",
    "invitations.error.name": "A name has 100 characters at most.",
    "invitations.error.reference": "A reference has 100 characters at most.",
    "invitations.error.locale": "Choose French or English.",
    "invitations.error.subject": "Choose one of your active stores, products, sites or services.",
    "invitations.error.not_owner": "Only an owner of the company can send invitations.",
    "invitations.error.not_verified": "The company must be verified to send invitations.",
    "invitations.error.csvMissing": "Choose a CSV file.",
    "invitations.error.csvTooLarge": "This file is too large: {kb} KB at most.",
    "invitations.error.csvEmpty": "This file is empty.",
    "invitations.error.csvNoEmail":
      "No column of this file is an email address: name the first line’s columns (email, name, language, subject, reference).",
    "invitations.row.subject": "Not sent: no active store, product, site or service of yours has this name.",
    "invitations.row.duplicate": "Not sent: this address is already on an earlier line.",
    "invitations.row.optedOut": "Not sent: this address asked not to receive invitations.",
    "invitations.row.recent": "Not sent: you invited this address less than {again} days ago.",
    "invitations.row.limit": "Not sent: the limit of {limit} invitations in 24 hours is reached. Send it tomorrow.",
    "flash.invitationSent": "Invitation sent.",
    "flash.shareLinkCreated": "Your link to share is ready.",

    "invite.titleGeneric": "Review invitation",
    "invite.title": "{company} invites you to review {about}",
    "invite.who":
      "{company} ({domain}) invites its customers to tell other people about their experience on Réplique, an independent review site that companies do not pay.",
    "invite.rule.published": "Your review is published as you write it, whatever its stars; {company} does not see it first.",
    "invite.rule.label": "It is labelled “Invited”, so that readers know how it was asked for.",
    "invite.rule.company": "{company} can answer it in public, but can never change it, hide it or remove it.",
    "invite.rules": "Our rules for reviews",
    "invite.write": "Write my review",
    "invite.choose": "What do you want to review?",
    "invite.noSubject": "{company} has nothing open to reviews at the moment.",
    "invite.state.used": "This invitation has already been used: thank you for your review.",
    "invite.state.expired": "This invitation no longer works.",
    "invite.state.opted_out": "This address asked not to receive invitations; this one no longer works.",
    "invite.notFound": "This invitation does not exist: check the link, or write a review on your own.",
    "invite.writeAnyway": "Write a review on your own (it will be labelled “Organic”)",
    "invite.optOutLink": "No more invitations to this address",
    "invite.write.invited": "You were invited by {company}: your review will be labelled “Invited”.",
    "invite.write.notInvited":
      "This invitation no longer works or is not for {company}: you can still write your review; it will be labelled “Organic”.",

    "invite.optOut.title": "Stop review invitations",
    "invite.optOut.intro": "This address received an invitation from {company} to write a review. Which invitations should stop?",
    "invite.optOut.all": "Every invitation, from every company on Réplique",
    "invite.optOut.company": "Only those from {company}",
    "invite.optOut.privacy":
      "We keep only a fingerprint of the address (its SHA-256), enough to recognise it, never the address itself. Companies see that an address opted out, not for which reason.",
    "invite.optOut.doneAll": "Done: this address will receive no more review invitations from any company.",
    "invite.optOut.doneCompany": "Done: this address will receive no more review invitations from {company}.",
    "invite.optOut.home": "Go to Réplique",

    "mail.reviewInvitation.subject": "{company} asks for your review of {about}",
    "mail.reviewInvitation.reminderSubject": "Reminder: {company} asks for your review of {about}",
    "mail.reviewInvitation.who":
      "{company} ({domain}) invites its customers to share their experience of {about} on Réplique, an independent review site. Every customer is invited the same way.",
    "mail.reviewInvitation.reference": "Your order: {reference}.",
    "mail.reviewInvitation.publication":
      "Your review is published as you write it, whatever its stars, with the label “Invited”. {company} can answer it in public; it can neither change nor remove it.",
    "mail.reviewInvitation.action": "Write my review",
    "mail.reviewInvitation.rules": "Our rules for reviews:",
    "mail.reviewInvitation.oneReminder": "This link works until {date}. We will send you one reminder at most.",
    "mail.reviewInvitation.lastReminder": "This link works until {date}. This is the only reminder: we will not write again about it.",
    "mail.reviewInvitation.optOut": "No more invitations to this address, from this company or from every company:",
    "mail.reviewInvitation.footer":
      "You receive this message because {company} gave us your address to invite you. Réplique gives it to nobody and erases it {days} days after this invitation.",

    "invitedGap.title": "Invited and organic reviews differ",
    "invitedGap.body":
      "Reviews written through {company}’s invitations average {invited} stars ({invitedCount} reviews); the others average {organic} stars ({organicCount} reviews). Both kinds are shown; you can choose the basis of the score.",
    "invitedGap.how": "How we decide to show this notice",
  },
  fr: {
    "invitations.title": "Invitations à donner un avis — {company}",
    "invitations.link": "Invitations",
    "invitations.intro":
      "Invitez tous vos clients de la même façon, quoi que vous pensiez qu’ils diront : les avis écrits à la suite d’une invitation sont publiés tels quels, avec le label « Sur invitation ». Chaque adresse reçoit une relance au plus, {reminder} jours après, et n’est pas réinvitée par vous avant {again} jours. Chacun peut refuser vos invitations, ou celles de toutes les entreprises, depuis le mail.",
    "invitations.rulesLink": "Les règles des invitations, telles que les lecteurs les voient",
    "invitations.agentIntro": "Seul un propriétaire peut envoyer des invitations ou remplacer le lien à partager.",
    "invitations.notVerified": "{company} n’est pas encore vérifiée : vous pourrez inviter vos clients une fois qu’elle le sera.",

    "invitations.link.title": "Votre lien à partager",
    "invitations.link.intro":
      "Mettez-le sur un ticket de caisse, une confirmation de commande ou vos propres mails : les avis écrits par ce lien portent le label « Sur invitation ». Il fonctionne {days} jours, ou jusqu’à ce que vous le remplaciez.",
    "invitations.link.url": "Lien",
    "invitations.link.facts": "Objet : {subject} · créé le {created} · valable jusqu’au {expires} · {reviews} avis écrits par ce lien",
    "invitations.link.none": "Vous n’avez pas encore de lien à partager.",
    "invitations.link.create": "Créer le lien",
    "invitations.link.replace": "Remplacer le lien",
    "invitations.link.replaceHint": "Le lien actuel cesse de fonctionner ; les avis écrits par lui gardent leur label.",

    "invitations.one.title": "Inviter un client",
    "invitations.one.intro":
      "Nous lui envoyons une invitation dans la langue choisie, avec notre formulation neutre. Son lien fonctionne {days} jours.",
    "invitations.one.submit": "Envoyer l’invitation",
    "invitations.field.email": "Adresse e-mail",
    "invitations.field.name": "Nom",
    "invitations.field.optional": "Facultatif.",
    "invitations.field.locale": "Langue de l’invitation",
    "invitations.field.subject": "Objet",
    "invitations.field.subjectAny": "L’entreprise (le client choisit)",
    "invitations.field.reference": "Référence de commande",
    "invitations.field.referenceHint": "Facultatif : rappelée dans le mail pour que le client reconnaisse son achat ; jamais publiée.",

    "invitations.upload.title": "Inviter depuis un fichier CSV",
    "invitations.upload.intro":
      "Un client par ligne, {rows} lignes au plus. Colonnes : email (obligatoire), nom, langue (fr ou en), objet (le nom d’un de vos magasins, produits, sites ou services), référence de commande. Une première ligne qui les nomme est recommandée ; sans elle, les colonnes sont lues dans cet ordre. Les autres colonnes sont ignorées : une invitation ne dépend jamais d’une note.",
    "invitations.upload.file": "Fichier CSV",
    "invitations.upload.fileHint": "Séparé par des virgules ou des points-virgules, en UTF-8 ou en encodage Windows, {kb} Ko au plus.",
    "invitations.upload.locale": "Langue des lignes qui n’en donnent pas",
    "invitations.upload.submit": "Vérifier le fichier et envoyer",

    "invitations.report.title": "Rapport sur le fichier",
    "invitations.report.summary": "{sent} invitations envoyées, {refused} lignes non envoyées.",
    "invitations.report.ignored": "Colonnes ignorées : {columns}.",
    "invitations.report.truncated":
      "Le fichier a plus de {rows} lignes : les lignes suivantes n’ont pas été lues. Envoyez-les dans un autre fichier.",
    "invitations.report.table": "Chaque ligne du fichier",
    "invitations.report.line": "Ligne",
    "invitations.report.result": "Résultat",
    "invitations.report.sent": "Envoyée",

    "invitations.sent.title": "Invitations envoyées",
    "invitations.sent.today": "{count} invitations sur {limit} envoyées ces dernières 24 heures.",
    "invitations.sent.none": "Aucune invitation n’a encore été envoyée par mail.",
    "invitations.sent.table": "Les 100 dernières invitations envoyées par mail",
    "invitations.sent.on": "Envoyée le",
    "invitations.sent.state": "État",
    "invitations.sent.reminded": "relancée le {date}",
    "invitations.state.sent": "Envoyée",
    "invitations.state.reminded": "Relancée",
    "invitations.state.used": "Avis écrit",
    "invitations.state.opted_out": "Refusée",
    "invitations.state.expired": "Expirée",

    "invitations.error.email": "Indiquez une adresse e-mail, comme nom@exemple.fr.",
    "invitations.error.name": "Un nom compte 100 caractères au plus.",
    "invitations.error.reference": "Une référence compte 100 caractères au plus.",
    "invitations.error.locale": "Choisissez le français ou l’anglais.",
    "invitations.error.subject": "Choisissez un de vos magasins, produits, sites ou services actifs.",
    "invitations.error.not_owner": "Seul un propriétaire de l’entreprise peut envoyer des invitations.",
    "invitations.error.not_verified": "L’entreprise doit être vérifiée pour envoyer des invitations.",
    "invitations.error.csvMissing": "Choisissez un fichier CSV.",
    "invitations.error.csvTooLarge": "Ce fichier est trop gros : {kb} Ko au plus.",
    "invitations.error.csvEmpty": "Ce fichier est vide.",
    "invitations.error.csvNoEmail":
      "Aucune colonne de ce fichier n’est une adresse e-mail : nommez les colonnes sur la première ligne (email, nom, langue, objet, référence).",
    "invitations.row.subject": "Non envoyée : aucun de vos magasins, produits, sites ou services actifs ne porte ce nom.",
    "invitations.row.duplicate": "Non envoyée : cette adresse figure déjà sur une ligne précédente.",
    "invitations.row.optedOut": "Non envoyée : cette adresse a demandé à ne plus recevoir d’invitations.",
    "invitations.row.recent": "Non envoyée : vous avez invité cette adresse il y a moins de {again} jours.",
    "invitations.row.limit": "Non envoyée : la limite de {limit} invitations en 24 heures est atteinte. Envoyez-la demain.",
    "flash.invitationSent": "Invitation envoyée.",
    "flash.shareLinkCreated": "Votre lien à partager est prêt.",

    "invite.titleGeneric": "Invitation à donner un avis",
    "invite.title": "{company} vous invite à donner votre avis sur {about}",
    "invite.who":
      "{company} ({domain}) invite ses clients à raconter leur expérience sur Réplique, un site d’avis indépendant que les entreprises ne paient pas.",
    "invite.rule.published":
      "Votre avis est publié tel que vous l’écrivez, quelles que soient ses étoiles ; {company} ne le voit pas avant.",
    "invite.rule.label": "Il porte le label « Sur invitation », pour que les lecteurs sachent comment il a été demandé.",
    "invite.rule.company": "{company} peut y répondre publiquement, mais ne peut jamais le modifier, le masquer ni le supprimer.",
    "invite.rules": "Nos règles pour les avis",
    "invite.write": "Écrire mon avis",
    "invite.choose": "Sur quoi voulez-vous donner votre avis ?",
    "invite.noSubject": "{company} n’a rien d’ouvert aux avis pour le moment.",
    "invite.state.used": "Cette invitation a déjà servi : merci pour votre avis.",
    "invite.state.expired": "Cette invitation ne fonctionne plus.",
    "invite.state.opted_out": "Cette adresse a demandé à ne plus recevoir d’invitations ; celle-ci ne fonctionne plus.",
    "invite.notFound": "Cette invitation n’existe pas : vérifiez le lien, ou donnez un avis de vous-même.",
    "invite.writeAnyway": "Donner un avis de vous-même (il portera le label « Spontané »)",
    "invite.optOutLink": "Ne plus recevoir d’invitations à cette adresse",
    "invite.write.invited": "Vous avez été invité par {company} : votre avis portera le label « Sur invitation ».",
    "invite.write.notInvited":
      "Cette invitation ne fonctionne plus ou ne concerne pas {company} : vous pouvez quand même écrire votre avis ; il portera le label « Spontané ».",

    "invite.optOut.title": "Ne plus recevoir d’invitations",
    "invite.optOut.intro": "Cette adresse a reçu de {company} une invitation à donner un avis. Quelles invitations doivent cesser ?",
    "invite.optOut.all": "Toutes les invitations, de toutes les entreprises sur Réplique",
    "invite.optOut.company": "Seulement celles de {company}",
    "invite.optOut.privacy":
      "Nous ne gardons qu’une empreinte de l’adresse (son SHA-256), de quoi la reconnaître, jamais l’adresse elle-même. Les entreprises voient qu’une adresse a refusé, pas pour quelle raison.",
    "invite.optOut.doneAll": "C’est fait : cette adresse ne recevra plus d’invitation à donner un avis, d’aucune entreprise.",
    "invite.optOut.doneCompany": "C’est fait : cette adresse ne recevra plus d’invitation à donner un avis de {company}.",
    "invite.optOut.home": "Aller sur Réplique",

    "mail.reviewInvitation.subject": "{company} vous demande votre avis sur {about}",
    "mail.reviewInvitation.reminderSubject": "Rappel : {company} vous demande votre avis sur {about}",
    "mail.reviewInvitation.who":
      "{company} ({domain}) invite ses clients à partager leur expérience de {about} sur Réplique, un site d’avis indépendant. Tous les clients sont invités de la même façon.",
    "mail.reviewInvitation.reference": "Votre commande : {reference}.",
    "mail.reviewInvitation.publication":
      "Votre avis est publié tel que vous l’écrivez, quelles que soient ses étoiles, avec le label « Sur invitation ». {company} peut y répondre publiquement ; elle ne peut ni le modifier ni le supprimer.",
    "mail.reviewInvitation.action": "Écrire mon avis",
    "mail.reviewInvitation.rules": "Nos règles pour les avis :",
    "mail.reviewInvitation.oneReminder": "Ce lien fonctionne jusqu’au {date}. Nous vous enverrons une relance au plus.",
    "mail.reviewInvitation.lastReminder":
      "Ce lien fonctionne jusqu’au {date}. C’est la seule relance : nous ne vous écrirons plus à ce sujet.",
    "mail.reviewInvitation.optOut": "Ne plus recevoir d’invitations à cette adresse, de cette entreprise ou de toutes :",
    "mail.reviewInvitation.footer":
      "Vous recevez ce message parce que {company} nous a donné votre adresse pour vous inviter. Réplique ne la donne à personne et l’efface {days} jours après cette invitation.",

    "invitedGap.title": "Avis sur invitation et avis spontanés diffèrent",
    "invitedGap.body":
      "Les avis écrits à la suite des invitations de {company} ont en moyenne {invited} étoiles ({invitedCount} avis) ; les autres, {organic} étoiles ({organicCount} avis). Les deux sont affichés ; vous pouvez choisir la base de la note.",
    "invitedGap.how": "Comment nous décidons d’afficher cet avertissement",
  },
});
