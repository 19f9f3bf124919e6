// The published list of reasons to flag, hold, refuse or remove a review, a reply or a
// follow-up. One list for the flag forms, the moderation decisions, the notices and
// /transparency.
import type { Locale } from "~/i18n/define";

interface Reason {
  id: string;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
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

/** The reason's label in the visitor's language; an unknown id is shown as it is. */
export function reasonLabel(id: string, locale: Locale): string {
  const reason = MODERATION_REASONS.find((r) => r.id === id);
  return reason ? reason.label[locale] : id;
}
