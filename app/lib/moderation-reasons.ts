// The published list of reasons to flag, hold, refuse or remove a review, a reply or a
// follow-up. One list for the flag forms, the moderation decisions, the notices and
// /transparency.
import type { Locale } from "~/i18n/define";

interface Reason {
  id: string;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
  /** Manifestly illegal: a flag for it is decided first, and may hold the review at once
   *  (the rule: app/lib/flag-policy.ts, shown on /transparency). */
  manifestlyIllegal?: boolean;
}

export const MODERATION_REASONS = [
  {
    id: "not_an_experience",
    label: { en: "Not a genuine experience", fr: "Pas une expérience réelle" },
    description: {
      en: "The text does not describe an experience its author had with this company, store, website, product or service (fake review, hearsay, test).",
      fr: "Le texte ne décrit pas une expérience vécue par son auteur avec cette entreprise, ce magasin, ce site, ce produit ou ce service (faux avis, ouï-dire, test).",
    },
  },
  {
    id: "conflict_of_interest",
    label: { en: "Conflict of interest", fr: "Conflit d’intérêts" },
    description: {
      en: "Written by the company's staff or relatives, a competitor, or someone acting for them.",
      fr: "Écrit par un salarié de l’entreprise ou un proche, un concurrent, ou quelqu’un agissant pour leur compte.",
    },
  },
  {
    id: "incentivised",
    label: { en: "Reward in exchange", fr: "Contrepartie obtenue" },
    description: {
      en: "Written, changed or withdrawn in exchange for a payment, a discount or any other reward.",
      fr: "Écrit, modifié ou retiré en échange d’un paiement, d’une remise ou de tout autre avantage.",
    },
  },
  {
    id: "offensive",
    label: { en: "Insults, hate or threats", fr: "Injures, haine ou menaces" },
    description: {
      en: "Insults, harassment, threats, or hateful or discriminatory remarks against anyone.",
      fr: "Injures, harcèlement, menaces, ou propos haineux ou discriminatoires envers quiconque.",
    },
  },
  {
    id: "personal_data",
    label: { en: "Personal data", fr: "Données personnelles" },
    description: {
      en: "Personal data of someone else: full names of staff or customers, addresses, phone numbers, email addresses, order numbers.",
      fr: "Données personnelles d’autrui : noms complets de salariés ou de clients, adresses, numéros de téléphone, e-mails, numéros de commande.",
    },
  },
  {
    id: "illegal",
    label: { en: "Illegal content", fr: "Contenu illicite" },
    description: {
      en: "Content that breaks the law, such as defamation, incitement, or infringement of someone's rights.",
      fr: "Contenu contraire à la loi, comme la diffamation, l’incitation à commettre une infraction ou l’atteinte aux droits d’autrui.",
    },
  },
  {
    id: "violent_threats",
    label: { en: "Threats of violence", fr: "Menaces de violence" },
    description: {
      en: "An explicit threat to kill, injure or attack a person or a place.",
      fr: "Une menace explicite de tuer, de blesser ou d’attaquer une personne ou un lieu.",
    },
    manifestlyIllegal: true,
  },
  {
    id: "child_abuse",
    label: { en: "Sexual content involving minors", fr: "Contenu sexuel impliquant des mineurs" },
    description: {
      en: "Any sexual content, description or solicitation involving a minor.",
      fr: "Tout contenu, description ou sollicitation à caractère sexuel impliquant un mineur.",
    },
    manifestlyIllegal: true,
  },
  {
    id: "terrorism",
    label: { en: "Terrorist content", fr: "Contenu à caractère terroriste" },
    description: {
      en: "Incitement to commit, or glorification of, a terrorist act.",
      fr: "Provocation à commettre un acte de terrorisme, ou apologie d’un tel acte.",
    },
    manifestlyIllegal: true,
  },
  {
    id: "spam",
    label: { en: "Advertising or spam", fr: "Publicité ou spam" },
    description: {
      en: "Advertising, promotional links, or the same text posted many times.",
      fr: "Publicité, liens promotionnels, ou le même texte publié de nombreuses fois.",
    },
  },
  {
    id: "off_topic",
    label: { en: "Off topic", fr: "Hors sujet" },
    description: {
      en: "Not about the experience with this company: politics, another company, a general opinion.",
      fr: "Sans rapport avec l’expérience vécue avec cette entreprise : politique, autre entreprise, opinion générale.",
    },
  },
] as const satisfies readonly Reason[];

export type ModerationReason = (typeof MODERATION_REASONS)[number]["id"];
export const MODERATION_REASON_IDS = MODERATION_REASONS.map((r) => r.id) as [ModerationReason, ...ModerationReason[]];

export function isModerationReason(value: unknown): value is ModerationReason {
  return typeof value === "string" && (MODERATION_REASON_IDS as string[]).includes(value);
}

/** The reasons a flag for which is manifestly illegal content. */
export const MANIFESTLY_ILLEGAL_REASONS: readonly ModerationReason[] = MODERATION_REASONS.filter(
  (r): r is Extract<(typeof MODERATION_REASONS)[number], { manifestlyIllegal: true }> => "manifestlyIllegal" in r && r.manifestlyIllegal,
).map((r) => r.id);

export function isManifestlyIllegal(reason: string): boolean {
  return (MANIFESTLY_ILLEGAL_REASONS as readonly string[]).includes(reason);
}

/** The reasons of a decision on an account or a company rather than on content (not
 *  offered in the flag forms). */
export const ACCOUNT_REASONS = [
  {
    id: "abusive_flagging",
    label: { en: "Abusive flagging", fr: "Signalements abusifs" },
    description: {
      en: "Frequently reporting content that breaks none of our rules (EU Digital Services Act, article 23): a warning, then a suspension of reporting for a published period.",
      fr: "Signaler fréquemment des contenus qui n’enfreignent aucune de nos règles (règlement européen sur les services numériques, article 23) : un avertissement, puis une suspension des signalements pour une durée publiée.",
    },
  },
] as const satisfies readonly Reason[];

export type AccountReason = (typeof ACCOUNT_REASONS)[number]["id"];

/** The published reasons of a public warning on a company page (app/models/company-warnings.server.ts),
 *  a short list of its own: a warning is about the company's conduct, not about one text. */
export const WARNING_REASONS = [
  {
    id: "rewards_offered",
    label: { en: "Rewards offered for reviews", fr: "Contreparties offertes contre des avis" },
    description: {
      en: "The company offered customers a payment, a discount or a gift to write, change or withdraw a review.",
      fr: "L’entreprise a proposé à des clients un paiement, une remise ou un cadeau pour écrire, modifier ou retirer un avis.",
    },
  },
  {
    id: "review_manipulation",
    label: { en: "Review manipulation", fr: "Manipulation des avis" },
    description: {
      en: "The company tried to distort its reviews: inviting only satisfied customers, mass-flagging genuine reviews, pressuring their authors.",
      fr: "L’entreprise a tenté de fausser ses avis : invitations réservées aux clients satisfaits, signalements en masse d’avis authentiques, pressions sur leurs auteurs.",
    },
  },
  {
    id: "fake_reviews_removed",
    label: { en: "Fake reviews removed", fr: "Faux avis retirés" },
    description: {
      en: "We removed reviews of this company that did not describe a genuine experience (written by the company, its relatives or people paid by it).",
      fr: "Nous avons retiré des avis sur cette entreprise qui ne décrivaient pas une expérience réelle (écrits par l’entreprise, ses proches ou des personnes payées par elle).",
    },
  },
] as const satisfies readonly Reason[];

export type WarningReason = (typeof WARNING_REASONS)[number]["id"];
export const WARNING_REASON_IDS = WARNING_REASONS.map((r) => r.id) as [WarningReason, ...WarningReason[]];

/** The published reasons of a decision on a claim with evidence (app/models/claim-queue.server.ts):
 *  whether the evidence shows that the claimant speaks for the company. Accepting a claim
 *  takes the first; refusing one, one of the others. */
export const CLAIM_REASONS = [
  {
    id: "claim_role_shown",
    label: { en: "Role at the company shown", fr: "Fonction dans l’entreprise démontrée" },
    description: {
      en: "The evidence shows that the person works for the company and may speak in its name: a public register, the company's own website or a document from the company names them, and nothing contradicts it.",
      fr: "Les justificatifs montrent que la personne travaille pour l’entreprise et peut parler en son nom : un registre public, le site de l’entreprise elle-même ou un document de l’entreprise la nomme, et rien ne le contredit.",
    },
  },
  {
    id: "claim_role_not_shown",
    label: { en: "Role at the company not shown", fr: "Fonction dans l’entreprise non démontrée" },
    description: {
      en: "The evidence sent does not show that the person works for the company or may speak in its name (no link, a page anyone can edit, a document that names someone else). They may ask again with better evidence.",
      fr: "Les justificatifs envoyés ne montrent pas que la personne travaille pour l’entreprise ou peut parler en son nom (aucun lien, une page que chacun peut modifier, un document qui nomme quelqu’un d’autre). Elle peut refaire une demande avec de meilleurs justificatifs.",
    },
  },
  {
    id: "claim_false_identity",
    label: { en: "False identity or forged evidence", fr: "Fausse identité ou justificatif falsifié" },
    description: {
      en: "The request uses someone else's identity, or evidence that was forged or altered, to take control of a company's page.",
      fr: "La demande utilise l’identité d’autrui, ou un justificatif falsifié ou modifié, pour prendre le contrôle de la page d’une entreprise.",
    },
  },
] as const satisfies readonly Reason[];

export type ClaimReason = (typeof CLAIM_REASONS)[number]["id"];
export const CLAIM_REASON_IDS = CLAIM_REASONS.map((r) => r.id) as [ClaimReason, ...ClaimReason[]];

function findReason(id: string) {
  return (
    MODERATION_REASONS.find((r) => r.id === id) ??
    ACCOUNT_REASONS.find((r) => r.id === id) ??
    WARNING_REASONS.find((r) => r.id === id) ??
    CLAIM_REASONS.find((r) => r.id === id)
  );
}

/** The reason's label in the visitor's language; an unknown id is shown as it is. */
export function reasonLabel(id: string, locale: Locale): string {
  const reason = findReason(id);
  return reason ? reason.label[locale] : id;
}

/** The reason's published description in the visitor's language ("" for an unknown id). */
export function reasonDescription(id: string, locale: Locale): string {
  return findReason(id)?.description[locale] ?? "";
}
