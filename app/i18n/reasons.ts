import { defineMessages } from "./define";

// The published reasons (ids and rules: app/lib/moderation-reasons.ts): `reason.<id>` is the
// label, `reason.<id>.description` the published description. Read them through
// reasonLabel and reasonDescription.
export const reasons = defineMessages({
  en: {
    // Content: the flag forms, the moderation decisions and /transparency#removals (MODERATION_REASONS).
    "reason.not_an_experience": "Not a genuine experience",
    "reason.not_an_experience.description":
      "The text does not describe an experience its author had with this company, store, website, product or service (fake review, hearsay, test).",
    "reason.conflict_of_interest": "Conflict of interest",
    "reason.conflict_of_interest.description": "Written by the company's staff or relatives, a competitor, or someone acting for them.",
    "reason.incentivised": "Reward in exchange",
    "reason.incentivised.description": "Written, changed or withdrawn in exchange for a payment, a discount or any other reward.",
    "reason.offensive": "Insults, hate or threats",
    "reason.offensive.description": "Insults, harassment, threats, or hateful or discriminatory remarks against anyone.",
    "reason.personal_data": "Personal data",
    "reason.personal_data.description":
      "Personal data of someone else: full names of staff or customers, addresses, phone numbers, email addresses, order numbers.",
    "reason.illegal": "Illegal content",
    "reason.illegal.description": "Content that breaks the law, such as defamation, incitement, or infringement of someone's rights.",
    "reason.violent_threats": "Threats of violence",
    "reason.violent_threats.description": "An explicit threat to kill, injure or attack a person or a place.",
    "reason.child_abuse": "Sexual content involving minors",
    "reason.child_abuse.description": "Any sexual content, description or solicitation involving a minor.",
    "reason.terrorism": "Terrorist content",
    "reason.terrorism.description": "Incitement to commit, or glorification of, a terrorist act.",
    "reason.spam": "Advertising or spam",
    "reason.spam.description": "Advertising, promotional links, or the same text posted many times.",
    "reason.off_topic": "Off topic",
    "reason.off_topic.description": "Not about the experience with this company: politics, another company, a general opinion.",
    // Decisions on an account or a company (ACCOUNT_REASONS).
    "reason.abusive_flagging": "Abusive flagging",
    "reason.abusive_flagging.description":
      "Frequently reporting content that breaks none of our rules (EU Digital Services Act, article 23): a warning, then a suspension of reporting for a published period.",
    // Public warnings on a company page (WARNING_REASONS).
    "reason.rewards_offered": "Rewards offered for reviews",
    "reason.rewards_offered.description":
      "The company offered customers a payment, a discount or a gift to write, change or withdraw a review.",
    "reason.review_manipulation": "Review manipulation",
    "reason.review_manipulation.description":
      "The company tried to distort its reviews: inviting only satisfied customers, mass-flagging genuine reviews, pressuring their authors.",
    "reason.fake_reviews_removed": "Fake reviews removed",
    "reason.fake_reviews_removed.description":
      "We removed reviews of this company that did not describe a genuine experience (written by the company, its relatives or people paid by it).",
    // Decisions on a claim with evidence (CLAIM_REASONS).
    "reason.claim_role_shown": "Role at the company shown",
    "reason.claim_role_shown.description":
      "The evidence shows that the person works for the company and may speak in its name: a public register, the company's own website or a document from the company names them, and nothing contradicts it.",
    "reason.claim_role_not_shown": "Role at the company not shown",
    "reason.claim_role_not_shown.description":
      "The evidence sent does not show that the person works for the company or may speak in its name (no link, a page anyone can edit, a document that names someone else). They may ask again with better evidence.",
    "reason.claim_false_identity": "False identity or forged evidence",
    "reason.claim_false_identity.description":
      "The request uses someone else's identity, or evidence that was forged or altered, to take control of a company's page.",
  },
  fr: {
    // Content: the flag forms, the moderation decisions and /transparency#removals (MODERATION_REASONS).
    "reason.not_an_experience": "Pas une expérience réelle",
    "reason.not_an_experience.description":
      "Le texte ne décrit pas une expérience vécue par son auteur avec cette entreprise, ce magasin, ce site, ce produit ou ce service (faux avis, ouï-dire, test).",
    "reason.conflict_of_interest": "Conflit d’intérêts",
    "reason.conflict_of_interest.description":
      "Écrit par un salarié de l’entreprise ou un proche, un concurrent, ou quelqu’un agissant pour leur compte.",
    "reason.incentivised": "Contrepartie obtenue",
    "reason.incentivised.description": "Écrit, modifié ou retiré en échange d’un paiement, d’une remise ou de tout autre avantage.",
    "reason.offensive": "Injures, haine ou menaces",
    "reason.offensive.description": "Injures, harcèlement, menaces, ou propos haineux ou discriminatoires envers quiconque.",
    "reason.personal_data": "Données personnelles",
    "reason.personal_data.description":
      "Données personnelles d’autrui : noms complets de salariés ou de clients, adresses, numéros de téléphone, e-mails, numéros de commande.",
    "reason.illegal": "Contenu illicite",
    "reason.illegal.description":
      "Contenu contraire à la loi, comme la diffamation, l’incitation à commettre une infraction ou l’atteinte aux droits d’autrui.",
    "reason.violent_threats": "Menaces de violence",
    "reason.violent_threats.description": "Une menace explicite de tuer, de blesser ou d’attaquer une personne ou un lieu.",
    "reason.child_abuse": "Contenu sexuel impliquant des mineurs",
    "reason.child_abuse.description": "Tout contenu, description ou sollicitation à caractère sexuel impliquant un mineur.",
    "reason.terrorism": "Contenu à caractère terroriste",
    "reason.terrorism.description": "Provocation à commettre un acte de terrorisme, ou apologie d’un tel acte.",
    "reason.spam": "Publicité ou spam",
    "reason.spam.description": "Publicité, liens promotionnels, ou le même texte publié de nombreuses fois.",
    "reason.off_topic": "Hors sujet",
    "reason.off_topic.description":
      "Sans rapport avec l’expérience vécue avec cette entreprise : politique, autre entreprise, opinion générale.",
    // Decisions on an account or a company (ACCOUNT_REASONS).
    "reason.abusive_flagging": "Signalements abusifs",
    "reason.abusive_flagging.description":
      "Signaler fréquemment des contenus qui n’enfreignent aucune de nos règles (règlement européen sur les services numériques, article 23) : un avertissement, puis une suspension des signalements pour une durée publiée.",
    // Public warnings on a company page (WARNING_REASONS).
    "reason.rewards_offered": "Contreparties offertes contre des avis",
    "reason.rewards_offered.description":
      "L’entreprise a proposé à des clients un paiement, une remise ou un cadeau pour écrire, modifier ou retirer un avis.",
    "reason.review_manipulation": "Manipulation des avis",
    "reason.review_manipulation.description":
      "L’entreprise a tenté de fausser ses avis : invitations réservées aux clients satisfaits, signalements en masse d’avis authentiques, pressions sur leurs auteurs.",
    "reason.fake_reviews_removed": "Faux avis retirés",
    "reason.fake_reviews_removed.description":
      "Nous avons retiré des avis sur cette entreprise qui ne décrivaient pas une expérience réelle (écrits par l’entreprise, ses proches ou des personnes payées par elle).",
    // Decisions on a claim with evidence (CLAIM_REASONS).
    "reason.claim_role_shown": "Fonction dans l’entreprise démontrée",
    "reason.claim_role_shown.description":
      "Les justificatifs montrent que la personne travaille pour l’entreprise et peut parler en son nom : un registre public, le site de l’entreprise elle-même ou un document de l’entreprise la nomme, et rien ne le contredit.",
    "reason.claim_role_not_shown": "Fonction dans l’entreprise non démontrée",
    "reason.claim_role_not_shown.description":
      "Les justificatifs envoyés ne montrent pas que la personne travaille pour l’entreprise ou peut parler en son nom (aucun lien, une page que chacun peut modifier, un document qui nomme quelqu’un d’autre). Elle peut refaire une demande avec de meilleurs justificatifs.",
    "reason.claim_false_identity": "Fausse identité ou justificatif falsifié",
    "reason.claim_false_identity.description":
      "La demande utilise l’identité d’autrui, ou un justificatif falsifié ou modifié, pour prendre le contrôle de la page d’une entreprise.",
  },
});
