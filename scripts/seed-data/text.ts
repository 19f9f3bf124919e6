// Composes reviews, company replies, follow-ups and flag texts from the fragments in
// aspects.ts, so that they read naturally, vary, and stay consistent with the stars,
// the channel, the place and the language.
//
// Every text comes as Markdown blocks (paragraphs or lists) joined by a blank line.
// Rendering the blocks one by one and joining them with "\n" gives exactly
// renderMarkdown(whole body) (the seed test checks it); the large data set relies on
// that to cache the rendering of repeated blocks.
import { CATEGORY_ASPECTS, GENERIC_ASPECTS, type AspectSource, type Theme } from "./aspects";
import type { CategoryDef, SubjectKind } from "./catalog";
import type { Gender, Lang } from "./people";
import type { Rng } from "./random";

export type Channel = "store" | "website" | "phone" | "email" | "delivery" | "other";
type Pair = Record<Lang, string[]>;

export interface Aspect {
  id: string;
  themes: Theme[];
  subjects: RegExp | null;
  label: Record<Lang, string>;
  pos: Pair;
  neg: Pair;
  titlePos: Pair;
  titleNeg: Pair;
}

const split = (s: string) =>
  s
    .split(" || ")
    .map((x) => x.trim())
    .filter(Boolean);
const pair = ([fr, en]: [string, string]): Pair => ({ fr: split(fr), en: split(en) });

function compile(a: AspectSource): Aspect {
  return {
    id: a.id,
    themes: a.t,
    subjects: a.s ? new RegExp(a.s, "i") : null,
    label: { fr: a.l[0], en: a.l[1] },
    pos: pair(a.p),
    neg: pair(a.n),
    titlePos: pair(a.tp),
    titleNeg: pair(a.tn),
  };
}

const GENERIC = GENERIC_ASPECTS.map(compile);
const CATEGORY = new Map(
  Object.entries(CATEGORY_ASPECTS).map(([slug, c]) => [slug, { skip: new Set(c.skip ?? []), aspects: c.aspects.map(compile) }]),
);
const poolCache = new Map<string, Aspect[]>();

/** Aspects a review of this category and theme may talk about: the category's first.
 *  `subjectName` (products and services) keeps only the aspects that fit it. */
export function aspectPool(category: string, theme: Theme, subjectName?: string): Aspect[] {
  const key = `${category}:${theme}:${subjectName ?? ""}`;
  let pool = poolCache.get(key);
  if (!pool) {
    const c = CATEGORY.get(category);
    const fits = (a: Aspect) => a.themes.includes(theme) && (!subjectName || !a.subjects || a.subjects.test(subjectName));
    const specific = (c?.aspects ?? []).filter(fits);
    const generic = GENERIC.filter((a) => fits(a) && !c?.skip.has(a.id));
    pool = [...specific, ...specific, ...generic];
    if (pool.length === 0) pool = GENERIC.filter((a) => a.id === "support" || a.id === "value");
    poolCache.set(key, pool);
  }
  return pool;
}

// ─── Channels and themes ──────────────────────────────────────────────────────

/** A channel consistent with the kind of subject reviewed. */
export function channelFor(rng: Rng, kind: SubjectKind): Channel {
  switch (kind) {
    case "store":
      return rng.weighted<Channel>(["store", "phone", "other"], [90, 7, 3]);
    case "website":
      return rng.weighted<Channel>(["website", "delivery", "email", "phone"], [62, 22, 10, 6]);
    case "product":
      return rng.weighted<Channel>(["website", "store", "delivery", "other"], [45, 30, 20, 5]);
    case "service":
      return rng.weighted<Channel>(["other", "phone", "website", "email", "store"], [34, 30, 20, 10, 6]);
  }
}

export function themeFor(kind: SubjectKind, channel: Channel): Theme {
  if (channel === "phone") return "phone";
  if (kind === "store") return "store";
  if (kind === "website") return "online";
  if (kind === "product") return "product";
  return "service";
}

// ─── Small helpers ────────────────────────────────────────────────────────────

export interface Vars {
  [key: string]: string | undefined;
}

/** Fills {placeholders}; {e} is the French feminine agreement of the author. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = vars[key];
    return v === undefined ? m : v;
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases the first letter unless it starts a name, an acronym or a number. */
function decap(s: string) {
  if (s.startsWith("{")) return s;
  const [a, b] = [s.charAt(0), s.charAt(1)];
  if (b && b === b.toUpperCase() && b !== b.toLowerCase()) return s;
  return a.toLowerCase() + s.slice(1);
}

const MONTHS: Record<Lang, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "la semaine dernière" for an experience `days` before the review was written. */
export function whenPhrase(rng: Rng, lang: Lang, days: number, experienceMonth: number): string {
  const fr = lang === "fr";
  if (days <= 1) return fr ? "hier" : "yesterday";
  if (days <= 6)
    return rng.pick(
      fr ? ["samedi dernier", "en début de semaine", "il y a quelques jours"] : ["last Saturday", "earlier this week", "a few days ago"],
    );
  if (days <= 13) return rng.pick(fr ? ["la semaine dernière", "il y a une dizaine de jours"] : ["last week", "about ten days ago"]);
  if (days <= 24) return rng.pick(fr ? ["il y a quinze jours", "il y a deux semaines"] : ["a fortnight ago", "two weeks ago"]);
  const month = MONTHS[lang][experienceMonth]!;
  return rng.pick(fr ? ["le mois dernier", `en ${month}`, `début ${month}`] : ["last month", `in ${month}`, `in early ${month}`]);
}

const STORE_WORDS: Record<string, { at: string; of: string; en: string }> = {
  "banque-assurance": { at: "à l'agence", of: "de l'agence", en: "branch" },
  restauration: { at: "au restaurant", of: "du restaurant", en: "restaurant" },
  automobile: { at: "au garage", of: "du garage", en: "garage" },
  telecom: { at: "à la boutique", of: "de la boutique", en: "shop" },
  mode: { at: "à la boutique", of: "de la boutique", en: "shop" },
  "sante-beaute": { at: "à la boutique", of: "de la boutique", en: "shop" },
  voyage: { at: "à l'agence", of: "de l'agence", en: "agency" },
  transport: { at: "à l'agence", of: "de l'agence", en: "travel centre" },
  "services-domicile": { at: "à l'agence", of: "de l'agence", en: "agency" },
};
const DEFAULT_STORE_WORDS = { at: "au magasin", of: "du magasin", en: "shop" };
export const storeWords = (category: string) => STORE_WORDS[category] ?? DEFAULT_STORE_WORDS;

// ─── Reviews ──────────────────────────────────────────────────────────────────

// Openings by theme. Templates without {subject}, {company} or {city} are "light":
// the large data set uses only those, so that its blocks repeat and render once.
const OPENINGS: Record<Theme, Pair> = {
  store: {
    fr: [
      "Je suis passé{e} {when} {at_store} de {city} pour {purpose}.",
      "Passage {when} chez {company} à {city}, pour {purpose}.",
      "Client{e} depuis des années, je suis retourné{e} {at_store} de {city} {when} pour {purpose}.",
      "Nous sommes allés {when} chez {company} pour {purpose}.",
      "{When}, je suis allé{e} {at_store} pour {purpose}.",
      "Je suis passé{e} {when} pour {purpose}.",
      "Visite {at_store} {when} pour {purpose}.",
    ],
    en: [
      "I went to the {city} {store_en} {when} to {purpose}.",
      "Popped into {company} in {city} {when} to {purpose}.",
      "I've been going to this {store_en} for years and went back {when} to {purpose}.",
      "We went to {company} {when} to {purpose}.",
      "I went in {when} to {purpose}.",
      "Visited the {store_en} {when} to {purpose}.",
    ],
  },
  online: {
    fr: [
      "Je suis passé{e} par {subject} {when} pour {purpose}.",
      "Je suis passé{e} par le site de {company} {when} pour {purpose}.",
      "Première fois que je passais par {company}, {when}, pour {purpose}.",
      "Je passe régulièrement par {company} pour {purpose}.",
      "Je suis passé{e} par le site {when} pour {purpose}.",
      "J'ai utilisé le site {when} pour {purpose}.",
    ],
    en: [
      "I used {subject} {when} to {purpose}.",
      "First time using {company}, {when}, to {purpose}.",
      "I regularly use {company} to {purpose}.",
      "Went through the website {when} to {purpose}.",
      "I used the website {when} to {purpose}.",
    ],
  },
  phone: {
    fr: [
      "J'ai appelé le service client de {company} {when} pour {purpose}.",
      "Appel au service client {when} pour {purpose}.",
      "J'ai dû appeler {when} pour {purpose}.",
    ],
    en: [
      "I rang {company}'s customer service {when} to {purpose}.",
      "Called customer service {when} to {purpose}.",
      "I had to phone them {when} to {purpose}.",
    ],
  },
  product: {
    fr: [
      "J'ai acheté « {subject} » chez {company} {when}.",
      "J'ai acheté « {subject} » {when}.",
      "Mon avis sur « {subject} », acheté {when}.",
      "Acheté {when}.",
    ],
    en: [
      'I bought "{subject}" from {company} {when}.',
      'I bought "{subject}" {when}.',
      'My thoughts on "{subject}", bought {when}.',
      "Bought {when}.",
    ],
  },
  service: {
    fr: [
      "J'ai fait appel à {company} {when} pour « {subject} ».",
      "Nous avons choisi {company} pour « {subject} ».",
      "Client{e} de {company} pour « {subject} », voici mon retour.",
      "J'ai fait appel à eux {when} pour « {subject} ».",
      "Nous les avons choisis pour « {subject} ».",
    ],
    en: [
      'I used {company} {when} for "{subject}".',
      'We chose {company} for "{subject}".',
      'A {company} customer for "{subject}", here\'s my experience.',
      'Used them {when} for "{subject}".',
      'We chose them for "{subject}".',
    ],
  },
};

/** Aspects about ordering online, out of place for a product bought in a shop. */
const ONLINE_ONLY = new Set(["delivery", "packaging", "tracking", "refund", "site", "returns", "bulky", "takeaway"]);

const isLight = (t: string) => !/\{(subject|company|city)\}/.test(t);

const GENERIC_PURPOSES: Record<Theme, [string, string]> = {
  store: ["un achat", "buy something"],
  online: ["une commande", "place an order"],
  phone: ["régler un problème", "sort out a problem"],
  product: ["un achat", "buy something"],
  service: ["une prestation", "get something done"],
};

const CLOSINGS: Record<number, Pair> = {
  5: {
    fr: [
      "Je recommande les yeux fermés.",
      "Je recommande sans hésiter !",
      "Bravo à toute l'équipe.",
      "Rien à redire, continuez comme ça !",
      "@Une adresse que je garde précieusement.",
      "Je reviendrai, c'est certain.",
    ],
    en: [
      "Highly recommended.",
      "I'd recommend them without hesitation!",
      "Well done to the whole team.",
      "Nothing to fault, keep it up!",
      "I'll definitely be back.",
    ],
  },
  4: {
    fr: [
      "Je recommande, malgré ce petit bémol.",
      "Globalement très satisfait{e}.",
      "Une bonne expérience dans l'ensemble.",
      "Je reviendrai sans doute.",
    ],
    en: [
      "I'd still recommend them despite that niggle.",
      "Very happy overall.",
      "A good experience on the whole.",
      "I'll probably be back.",
    ],
  },
  3: {
    fr: ["Mitigé{e}, donc.", "Correct, sans plus.", "Peut mieux faire.", "À voir la prochaine fois."],
    en: ["Mixed feelings, then.", "Fine, nothing more.", "Could do better.", "We'll see next time."],
  },
  2: {
    fr: [
      "Déçu{e}, j'hésiterai avant de recommencer.",
      "Dommage, le potentiel est là.",
      "Pas à la hauteur des prix pratiqués.",
      "Je ne suis pas sûr{e} de revenir.",
    ],
    en: [
      "Disappointed, I'll think twice next time.",
      "A shame, because the potential is there.",
      "Not worth the prices they charge.",
      "Not sure I'll be back.",
    ],
  },
  1: {
    fr: [
      "À éviter.",
      "Je ne leur ferai plus confiance.",
      "Fuyez !",
      "Une expérience lamentable du début à la fin.",
      "Je vais voir ailleurs.",
      "Je déconseille fortement.",
    ],
    en: [
      "Avoid.",
      "I won't trust them again.",
      "Stay away!",
      "A dreadful experience from start to finish.",
      "I'm taking my business elsewhere.",
      "I strongly advise against them.",
    ],
  },
};

const GENERIC_TITLES: Record<number, Pair> = {
  5: {
    fr: [
      "Parfait",
      "Excellent de bout en bout",
      "Une très bonne surprise",
      "Rien à redire",
      "Top !",
      "Je recommande vivement",
      "Impeccable",
      "Au top, comme d'habitude",
    ],
    en: [
      "Perfect",
      "Excellent from start to finish",
      "A very pleasant surprise",
      "Nothing to fault",
      "Brilliant!",
      "Highly recommend",
      "Spot on",
      "Great as always",
    ],
  },
  4: {
    fr: ["Très bien dans l'ensemble", "Bonne expérience", "Satisfait{e}", "Presque parfait", "Bien, malgré un détail"],
    en: ["Very good overall", "Good experience", "Happy customer", "Almost perfect", "Good, apart from one thing"],
  },
  3: {
    fr: ["Correct sans plus", "Mitigé{e}", "Du bon et du moins bon", "Peut mieux faire", "Moyen"],
    en: ["OK, nothing more", "Mixed feelings", "Some good, some bad", "Could do better", "Average"],
  },
  2: {
    fr: ["Décevant", "Pas à la hauteur", "Déçu{e}", "Bof", "Beaucoup d'attente pour pas grand-chose"],
    en: ["Disappointing", "Not up to scratch", "Let down", "Meh", "Not what I expected"],
  },
  1: {
    fr: ["À fuir", "Très mauvaise expérience", "Inadmissible", "Plus jamais", "Très déçu{e}", "Aucun sérieux"],
    en: ["Avoid", "Very poor experience", "Unacceptable", "Never again", "Hugely disappointed", "Shambolic"],
  },
};

const CONNECT_NEG: Pair = {
  fr: ["Seul bémol : ", "En revanche, ", "Par contre, ", "Petit point noir : "],
  en: ["The only downside: ", "On the other hand, ", "One niggle: ", "That said, "],
};
const CONNECT_POS: Pair = {
  fr: ["Seul point positif : ", "Heureusement, ", "Pour être juste, ", "À noter quand même : "],
  en: ["The one good thing: ", "Thankfully, ", "To be fair, ", "Credit where it's due: "],
};

const LIST_HEADS: Record<Lang, [string, string]> = {
  fr: ["**Les plus :**", "**Les moins :**"],
  en: ["**The good:**", "**The bad:**"],
};

const PS: Record<"pos" | "neg", Pair> = {
  pos: {
    fr: ["P.-S. : merci encore à {staff} !", "@P.-S. : pensez à la carte de fidélité, elle vaut le coup."],
    en: ["PS: thanks again to {staff}!", "@PS: worth asking about the loyalty scheme."],
  },
  neg: {
    fr: ["P.-S. : j'ai aussi écrit au siège, sans réponse pour l'instant.", "P.-S. : j'ai gardé toutes les preuves de mes échanges."],
    en: ["PS: I've also written to head office, no reply so far.", "PS: I've kept copies of all the emails."],
  },
};

export interface ReviewInput {
  lang: Lang;
  gender: Gender;
  stars: number;
  category: CategoryDef;
  kind: SubjectKind;
  channel: Channel;
  subjectName: string;
  companyName: string;
  city: string | null;
  /** Days between the experience and the review. */
  delayDays: number;
  experienceMonth: number;
  /** An employee's first name the text may mention. */
  staff: string;
  /** Only templates whose blocks repeat (large data set). */
  light?: boolean;
}

export interface ComposedReview {
  title: string;
  blocks: string[];
  body: string;
  theme: Theme;
  pos: Aspect[];
  neg: Aspect[];
  /** Whether the text names the employee. */
  mentionsStaff: boolean;
}

function pickTemplate(rng: Rng, list: string[], light: boolean | undefined, named = false): string {
  if (!light) return rng.pick(list);
  const l = list.filter((t) => (named ? !/\{(company|city)\}/.test(t) : isLight(t)));
  return rng.pick(l.length ? l : list);
}

export function composeReview(rng: Rng, input: ReviewInput): ComposedReview {
  const { lang, stars } = input;
  const fr = lang === "fr";
  const theme = themeFor(input.kind, input.channel);
  const named = input.kind === "product" || input.kind === "service";
  let pool = aspectPool(input.category.slug, theme, named ? input.subjectName : undefined);
  if (theme === "product" && (input.channel === "store" || input.channel === "other")) {
    pool = pool.filter((a) => !ONLINE_ONLY.has(a.id));
  }

  const distinct = uniqueById(pool).length;
  let structure = rng.weighted(["short", "classic", "list"], [30, 55, 15]);
  if (structure === "list" && distinct < 3) structure = "classic";
  let aspectCount = structure === "short" ? 1 : structure === "classic" ? rng.int(2, 3) : rng.int(3, 4);
  if (stars === 3) aspectCount = Math.max(2, aspectCount); // something good, something bad
  const chosen = pickAspects(rng, pool, Math.min(aspectCount, distinct));

  // How many aspects were good: the stars decide.
  let posCount: number;
  if (stars === 5) posCount = chosen.length;
  else if (stars === 4) posCount = chosen.length === 1 || rng.chance(0.5) ? chosen.length : chosen.length - 1;
  else if (stars === 3) posCount = Math.max(1, Math.floor(chosen.length / 2));
  else if (stars === 2) posCount = chosen.length > 1 && rng.chance(0.5) ? 1 : 0;
  else posCount = 0;
  const pos = chosen.slice(0, posCount);
  const neg = chosen.slice(posCount);

  const purposes = input.category.purposes[theme] ?? GENERIC_PURPOSES[theme];
  const words = storeWords(input.category.slug);
  const when = whenPhrase(rng, lang, input.delayDays, input.experienceMonth);
  const vars: Vars = {
    e: fr && input.gender === "f" ? "e" : "",
    staff: input.staff,
    n: String(rng.int(2, 4)),
    when,
    When: cap(when),
    purpose: rng.pick(split(purposes[fr ? 0 : 1])),
    subject: input.subjectName,
    company: input.companyName,
    city: input.city ?? "",
    at_store: words.at,
    store_en: words.en,
  };
  let openingList = OPENINGS[theme][lang];
  if (!input.city) openingList = openingList.filter((t) => !t.includes("{city}"));
  const opening = cap(fill(pickTemplate(rng, openingList, input.light, named), vars));

  const sentence = (a: Aspect, good: boolean) => fill(rng.pick((good ? a.pos : a.neg)[lang]), vars);
  const posSentences = pos.map((a) => sentence(a, true));
  let negSentences = neg.map((a) => sentence(a, false));
  // A minor reservation in a good review, or a redeeming point in a bad one, is introduced.
  if (stars >= 4 && neg.length > 0) negSentences = negSentences.map((s) => rng.pick(CONNECT_NEG[lang]) + decap(s));
  let posOut = posSentences;
  if (stars <= 2 && pos.length > 0) posOut = posSentences.map((s) => rng.pick(CONNECT_POS[lang]) + decap(s));
  const ordered = stars >= 3 ? [...posOut, ...negSentences] : [...negSentences, ...posOut];

  // "@" marks what only fits a place (a store).
  const forTheme = (list: string[]) => (theme === "store" ? list.map((t) => t.replace(/^@/, "")) : list.filter((t) => !t.startsWith("@")));
  let closing = fill(rng.pick(forTheme(CLOSINGS[stars]![lang])), vars);
  if (rng.chance(0.22)) closing = `**${closing}**`;

  const blocks: string[] = [];
  if (input.light) {
    blocks.push(opening, ...ordered, closing);
  } else if (structure === "short") {
    blocks.push([opening, ...ordered, closing].join(" "));
  } else if (structure === "classic") {
    blocks.push(`${opening} ${ordered[0]}`);
    if (ordered.length > 1) blocks.push(ordered.slice(1).join(" "));
    blocks.push(closing);
  } else {
    blocks.push(opening);
    const [plus, minus] = LIST_HEADS[lang];
    const item = (a: Aspect, good: boolean) => fill(rng.pick((good ? a.titlePos : a.titleNeg)[lang]), vars);
    if (pos.length) blocks.push(`${plus}\n${pos.map((a) => `- ${item(a, true)}`).join("\n")}`);
    if (neg.length) blocks.push(`${minus}\n${neg.map((a) => `- ${item(a, false)}`).join("\n")}`);
    // One point told in full; the lists say the rest.
    const detail = stars >= 3 ? (neg.length ? negSentences[0] : posOut[0]) : negSentences[0];
    blocks.push(detail ? `${detail} ${closing}` : closing);
  }
  // A postscript on its own line (a line break inside the last paragraph).
  if (!input.light && rng.chance(0.08)) {
    const ps = fill(rng.pick(forTheme(PS[stars >= 4 ? "pos" : "neg"][lang])), vars);
    blocks[blocks.length - 1] += `\n${ps}`;
  }

  // The title: the main aspect's, or a generic one for the stars.
  const main = stars >= 3 ? pos[0] : neg[0];
  let title: string;
  if (main && rng.chance(stars === 3 ? 0.3 : 0.6)) {
    title = rng.pick((stars >= 3 ? main.titlePos : main.titleNeg)[lang]);
    if (input.kind === "store" && input.city && rng.chance(0.2)) title += fr ? ` à ${input.city}` : ` in ${input.city}`;
  } else {
    title = rng.pick(GENERIC_TITLES[stars]![lang]);
  }
  title = fill(title, vars);

  const body = blocks.join("\n\n");
  return { title, blocks, body, theme, pos, neg, mentionsStaff: body.includes(input.staff) };
}

/** Distinct aspects; the pool lists the category's own twice, so they come up more. */
function pickAspects(rng: Rng, pool: Aspect[], k: number): Aspect[] {
  const out: Aspect[] = [];
  const order = rng.shuffle(pool.slice());
  for (const a of order) {
    if (out.length >= k) break;
    if (!out.some((x) => x.id === a.id)) out.push(a);
  }
  return out;
}

function uniqueById(pool: Aspect[]): Aspect[] {
  const seen = new Set<string>();
  return pool.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

/** An edit of a review after the company's reply: the issue was dealt with. */
export function composeUpdate(rng: Rng, lang: Lang, gender: Gender): string {
  const e = lang === "fr" && gender === "f" ? "e" : "";
  return lang === "fr"
    ? rng.pick([
        `**Mise à jour :** après la réponse de l'entreprise, j'ai été recontacté${e} et le problème a été réglé. Je remonte ma note.`,
        `**Mise à jour :** le service client m'a rappelé${e} deux jours plus tard et a trouvé une solution. Dont acte.`,
      ])
    : rng.pick([
        "**Update:** after the company's reply they got in touch and sorted the problem out, so I'm raising my rating.",
        "**Update:** customer service called me back two days later and found a solution. Credit where it's due.",
      ]);
}

// ─── Replies ──────────────────────────────────────────────────────────────────

const GREETINGS: Pair = {
  fr: ["Bonjour {first},", "Bonjour {first},", "{first}, bonjour,", "Bonjour,"],
  en: ["Hello {first},", "Hi {first},", "Dear {first},", "Hello,"],
};

const THANKS_POS: Pair = {
  fr: [
    "Merci beaucoup pour ce retour, il fait plaisir à toute l'équipe{at_place}.",
    "Quel plaisir de lire votre message !",
    "Un grand merci pour ces mots, que j'ai partagés avec l'équipe{at_place}.",
    "Merci d'avoir pris le temps de raconter votre expérience.",
  ],
  en: [
    "Thank you so much for this feedback, it means a lot to the whole team{at_place}.",
    "What a pleasure to read your message!",
    "Many thanks for your kind words, which I've shared with the team{at_place}.",
    "Thank you for taking the time to tell us about your experience.",
  ],
};
const ABOUT_POS: Pair = {
  fr: [
    "Vos compliments sur {label} vont droit au cœur de l'équipe.",
    "Nous avons beaucoup travaillé sur {label} cette année, alors votre avis compte double.",
    "Ravis de lire vos mots sur {label}.",
  ],
  en: [
    "Your kind words about {label} will go straight to the team's heart.",
    "We've put a lot of work into {label} this year, so your review means a lot.",
    "Delighted that {label} lived up to expectations.",
  ],
};
const ABOUT_STAFF: Pair = {
  fr: ["Je transmets votre message à {staff}, ça va lui faire très plaisir.", "{staff} a lu votre avis ce matin et vous remercie."],
  en: ["I'll pass your message on to {staff}, it'll make their day.", "{staff} read your review this morning and says thank you."],
};
const MINOR_NEG: Pair = {
  fr: [
    "Vous avez raison pour {label} : c'est un point que nous améliorons, et votre remarque nous aide.",
    "Nous notons votre remarque sur {label}, elle est justifiée.",
  ],
  en: [
    "You're right about {label}: it's something we're improving, and your comment helps.",
    "Point taken about {label}, and it's a fair one.",
  ],
};
const THANKS_MIXED: Pair = {
  fr: ["Merci pour cet avis nuancé.", "Merci d'avoir pris le temps de détailler votre expérience.", "Merci pour ce retour honnête."],
  en: ["Thank you for this balanced review.", "Thanks for taking the time to go into detail.", "Thank you for your honest feedback."],
};
const APOLOGY: Pair = {
  fr: [
    "Nous sommes désolés de lire votre message.",
    "Toutes nos excuses : ce que vous décrivez n'est pas acceptable.",
    "Je comprends votre agacement, et vous avez raison de le dire.",
    "Merci d'avoir pris le temps d'écrire, même si je regrette que ce soit dans ces circonstances.",
  ],
  en: [
    "We're sorry to read this.",
    "Our apologies: what you describe is not acceptable.",
    "I understand your frustration, and you're right to say so.",
    "Thank you for taking the time to write, even though I'm sorry it's under these circumstances.",
  ],
};
const ABOUT_NEG: Pair = {
  fr: ["Concernant {label}, {action}.", "Pour {label}, {action}.", "Sur {label}, vous avez raison : {action}."],
  en: ["Regarding {label}, {action}.", "As for {label}, {action}.", "On {label}, you're right: {action}."],
};

const THEME_ACTIONS: Record<Theme, Pair> = {
  store: {
    fr: [
      "j'en ai parlé directement avec l'équipe {of_store}{of_place}, et l'organisation du samedi a été revue",
      "nous avons fait le point avec l'équipe {of_store}{of_place} dès lundi matin",
    ],
    en: [
      "I raised it directly with the team at the {store_en}{of_place_en}, and Saturday staffing has been reorganised",
      "we went through it with the {store_en} team{of_place_en} first thing on Monday",
    ],
  },
  online: {
    fr: [
      "j'ai vérifié votre commande : le colis est resté bloqué chez le transporteur, ce qui n'excuse pas notre manque d'information",
      "nous avons remonté le problème à notre prestataire logistique",
    ],
    en: [
      "I checked your order: the parcel got stuck with the courier, which doesn't excuse our lack of communication",
      "we've escalated the problem to our logistics partner",
    ],
  },
  phone: {
    fr: ["nous avons renforcé l'équipe du service client aux heures de pointe", "votre dossier est désormais suivi par une seule personne"],
    en: ["we've added staff to customer service at peak times", "your case is now handled by a single person"],
  },
  product: {
    fr: ["votre retour a été transmis à notre équipe qualité, qui a ouvert une analyse sur ce lot", "ce défaut a été signalé au fabricant"],
    en: ["your feedback has gone to our quality team, who are looking into this batch", "we've reported this defect to the manufacturer"],
  },
  service: {
    fr: ["j'ai demandé un point avec l'intervenant concerné", "nous avons revu le planning de votre secteur"],
    en: ["I've asked for a debrief with the person concerned", "we've reviewed the schedule for your area"],
  },
};

/** Answers to the most common complaints, more specific than the theme's. */
const ASPECT_ACTIONS: Record<string, Pair> = {
  queue: {
    fr: ["une caisse supplémentaire est désormais ouverte dès que la file dépasse quatre personnes"],
    en: ["we now open an extra till as soon as the queue goes past four people"],
  },
  delivery: {
    fr: ["nous avons changé de transporteur sur votre zone le mois dernier, et les délais se sont nettement améliorés"],
    en: ["we changed couriers in your area last month and delivery times have improved noticeably"],
  },
  refund: {
    fr: ["j'ai relancé le service comptable aujourd'hui même, le virement part cette semaine"],
    en: ["I chased our accounts team today and the transfer goes out this week"],
  },
  support: {
    fr: ["votre demande était restée dans une file mal attribuée, c'est corrigé"],
    en: ["your request was stuck in a misrouted queue, which has now been fixed"],
  },
  hotline: {
    fr: ["nous proposons désormais d'être rappelé sur un créneau choisi, sans attente"],
    en: ["you can now book a call-back slot instead of waiting on hold"],
  },
  billing: {
    fr: ["la ligne facturée en trop a été annulée et un avoir est en cours"],
    en: ["the extra charge has been cancelled and a credit note is on its way"],
  },
  fees: {
    fr: ["les frais prélevés vous ont été remboursés à titre commercial"],
    en: ["the charges have been refunded to you as a goodwill gesture"],
  },
  cancel: {
    fr: ["le prélèvement a été stoppé et le trop-perçu sera remboursé"],
    en: ["the direct debit has been stopped and the overpayment will be refunded"],
  },
  adviser: {
    fr: ["une conseillère attitrée vous a été affectée et vous contactera cette semaine"],
    en: ["a dedicated adviser has been assigned to you and will call this week"],
  },
  claim: {
    fr: ["votre dossier a été priorisé et l'expert a reçu toutes les pièces"],
    en: ["your claim has been prioritised and the assessor has every document"],
  },
  welcome: {
    fr: ["ce n'est pas ce que nous voulons offrir, et l'équipe en a parlé en réunion"],
    en: ["that's not the welcome we want to give, and the team discussed it at our meeting"],
  },
  punctual: {
    fr: ["nous prévenons désormais par SMS dès qu'un intervenant a plus de quinze minutes de retard"],
    en: ["we now send a text whenever someone is running more than fifteen minutes late"],
  },
  quality: {
    fr: ["le produit est couvert par la garantie, et nous vous proposons un échange immédiat"],
    en: ["the product is under warranty and we're offering you an immediate replacement"],
  },
  aftersales: {
    fr: ["la pièce a été commandée en urgence chez le fabricant"],
    en: ["the part has been ordered urgently from the manufacturer"],
  },
  install: {
    fr: ["un technicien de notre équipe interne est planifié en priorité"],
    en: ["an engineer from our in-house team has been booked as a priority"],
  },
  food: {
    fr: ["le chef a revu la recette et le temps de service en cuisine"],
    en: ["the chef has reworked the recipe and the kitchen's timings"],
  },
  waiters: {
    fr: ["nous avons ajouté une personne en salle aux heures d'affluence"],
    en: ["we've added another member of staff on the floor at busy times"],
  },
  ontime: {
    fr: ["votre demande de compensation a été ouverte automatiquement"],
    en: ["a compensation claim has been opened for you automatically"],
  },
  meter: { fr: ["la facture a été recalculée sur la base du relevé réel"], en: ["the bill has been recalculated from the actual reading"] },
  value: {
    fr: ["nous revoyons nos tarifs chaque trimestre, et votre remarque fera partie de la discussion"],
    en: ["we review our prices every quarter, and your comment will be part of that discussion"],
  },
  quote: { fr: ["la différence avec le devis vous sera remboursée"], en: ["the difference with the quote will be refunded to you"] },
};

const CONTACT: Pair = {
  fr: [
    "Pouvez-vous m'écrire à {email} en rappelant votre numéro de commande ? Je m'occupe personnellement de votre dossier.",
    "Je vous ai envoyé un message privé pour trouver une solution rapidement.",
    "Si vous le souhaitez, appelez le standard et demandez {signer} : je tiens à régler cela avec vous.",
    "Pouvez-vous nous écrire via le formulaire de contact en indiquant votre numéro de dossier ? Nous vous répondrons sous 48 h.",
  ],
  en: [
    "Could you email me at {email} with your order number? I'll look after your case personally.",
    "I've sent you a private message so we can sort this out quickly.",
    "If you like, call the switchboard and ask for {signer}: I want to put this right with you.",
    "Could you contact us through the contact form with your reference number? We'll reply within 48 hours.",
  ],
};
const CLOSE_POS: Pair = {
  fr: ["Au plaisir de vous revoir{visit_place} !", "À très bientôt.", "Belle journée à vous.", "À bientôt, et merci encore."],
  en: ["Hope to see you again soon!", "See you soon.", "Have a lovely day.", "Thanks again, and see you soon."],
};

export interface Signer {
  first: string;
  role: Record<Lang, string>;
}

// [French for a man, French for a woman, English]
const ROLES: Array<[string, string, string]> = [
  ["responsable relation client", "responsable relation client", "customer care manager"],
  ["service clients", "service clients", "customer service"],
  ["équipe support", "équipe support", "support team"],
  ["directeur de l'expérience client", "directrice de l'expérience client", "head of customer experience"],
  ["cofondateur", "cofondatrice", "co-founder"],
  ["responsable qualité", "responsable qualité", "quality manager"],
  ["gérant", "gérante", "manager"],
];
export const SIGNER_ROLE_COUNT = ROLES.length;

/** A reply signature: role index 0 is the customer care manager, 1 customer service. */
export function makeSigner(first: string, gender: Gender, roleIndex: number): Signer {
  const [m, f, en] = ROLES[roleIndex % ROLES.length]!;
  return { first, role: { fr: gender === "f" ? f : m, en } };
}

export interface ReplyInput {
  lang: Lang;
  stars: number;
  reviewerFirst: string;
  companyName: string;
  category: string;
  kind: SubjectKind;
  city: string | null;
  theme: Theme;
  pos: Aspect[];
  neg: Aspect[];
  staff: string | null;
  signer: Signer;
  email: string;
  light?: boolean;
}

export function composeReply(rng: Rng, r: ReplyInput): { blocks: string[]; body: string } {
  const lang = r.lang;
  const fr = lang === "fr";
  const words = storeWords(r.category);
  const withPlace = !r.light && r.kind === "store" && r.city;
  const vars: Vars = {
    first: r.reviewerFirst,
    at_place: withPlace ? (fr ? ` de ${r.city}` : ` in ${r.city}`) : "",
    visit_place: withPlace ? (fr ? ` à ${r.city}` : ` in ${r.city}`) : "",
    of_place: withPlace ? ` de ${r.city}` : "",
    of_place_en: withPlace ? ` in ${r.city}` : "",
    of_store: words.of,
    store_en: words.en,
    staff: r.staff ?? "",
    signer: r.signer.first,
    email: r.email,
  };
  const f = (list: string[]) => fill(rng.pick(list), vars);
  const about = (list: string[], a: Aspect) => fill(rng.pick(list), { ...vars, label: a.label[lang] });

  const blocks: string[] = [];
  let greeting = f(GREETINGS[lang]);
  if (r.light) greeting = greeting.replace(/ ?\{first\}/, "");
  const sentences: string[] = [];
  const second: string[] = [];

  if (r.stars >= 4) {
    sentences.push(f(THANKS_POS[lang]));
    if (r.staff && rng.chance(0.8)) sentences.push(f(ABOUT_STAFF[lang]));
    else if (r.pos[0] && rng.chance(0.7)) sentences.push(about(ABOUT_POS[lang], r.pos[0]));
    if (r.neg[0]) second.push(about(MINOR_NEG[lang], r.neg[0]));
    second.push(f(CLOSE_POS[lang]));
  } else {
    sentences.push(f(r.stars === 3 ? THANKS_MIXED[lang] : APOLOGY[lang]));
    const target = r.neg[0];
    if (target) {
      const actions = ASPECT_ACTIONS[target.id]?.[lang] ?? THEME_ACTIONS[r.theme][lang];
      const action = fill(rng.pick(actions), vars);
      sentences.push(fill(rng.pick(ABOUT_NEG[lang]), { ...vars, label: target.label[lang], action }));
    }
    if (r.stars === 3 && r.pos[0] && rng.chance(0.5)) {
      second.push(
        fr
          ? `Ravis, en revanche, de lire vos mots sur ${r.pos[0].label.fr}.`
          : `We're glad, though, to read your kind words about ${r.pos[0].label.en}.`,
      );
    }
    let contacts = CONTACT[lang];
    if (r.light) contacts = contacts.filter((c) => !c.includes("{email}") && !c.includes("{signer}"));
    second.push(fill(rng.pick(contacts), vars));
  }

  const signoff = rng.pick(
    r.light
      ? [`${r.signer.first}, ${r.signer.role[lang]}`]
      : [
          `${r.signer.first}, ${r.signer.role[lang]}`,
          `— ${r.signer.first}, ${r.signer.role[lang]}`,
          `${r.signer.first}\n${cap(r.signer.role[lang])} – ${r.companyName}`,
        ],
  );

  if (!r.light && rng.chance(0.35)) {
    // Greeting on the same line as the first sentence, one paragraph fewer.
    blocks.push(`${greeting} ${decap(sentences.join(" "))}`);
  } else {
    blocks.push(greeting, sentences.join(" "));
  }
  if (second.length) blocks.push(second.join(" "));
  blocks.push(signoff);
  return { blocks, body: blocks.join("\n\n") };
}

// ─── Follow-ups ───────────────────────────────────────────────────────────────

const FOLLOW_UPS: Record<"good" | "bad" | "neutral", Pair> = {
  good: {
    fr: [
      "Merci pour votre réponse rapide : j'ai été recontacté{e} le lendemain et tout est rentré dans l'ordre.",
      "Mise à jour : remboursement reçu ce matin. Merci à {signer} pour le suivi.",
      "Je confirme que le problème a été réglé après votre message. C'est appréciable d'avoir eu affaire à quelqu'un de réactif.",
    ],
    en: [
      "Thanks for the quick reply: I was contacted the next day and everything is sorted.",
      "Update: refund received this morning. Thanks to {signer} for following up.",
      "I can confirm the problem was fixed after your message. Good to deal with someone who actually responds.",
    ],
  },
  bad: {
    fr: [
      "Merci pour la réponse, mais trois semaines plus tard, toujours rien.",
      "J'ai écrit à l'adresse indiquée comme conseillé, sans retour pour l'instant.",
      "Une réponse toute faite de plus. J'attends des actes.",
    ],
    en: [
      "Thanks for the reply, but three weeks later, still nothing.",
      "I wrote to the address you gave, as suggested, and have heard nothing back so far.",
      "Another stock answer. I'm waiting for action, not words.",
    ],
  },
  neutral: {
    fr: ["Merci d'avoir pris le temps de répondre. Je laisse ma note telle quelle, mais je reviendrai voir si les choses changent."],
    en: ["Thanks for taking the time to reply. I'll leave my rating as it is, but I'll check back to see if things change."],
  },
};

export function composeFollowUp(rng: Rng, lang: Lang, gender: Gender, outcome: "good" | "bad" | "neutral", signer: string): string {
  return fill(rng.pick(FOLLOW_UPS[outcome][lang]), { e: lang === "fr" && gender === "f" ? "e" : "", signer });
}

// ─── Flags and moderation ─────────────────────────────────────────────────────

export const FLAG_REASONS = ["not_an_experience", "offensive", "personal_data", "conflict_of_interest", "spam", "illegal"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

const FLAG_EXPLANATIONS: Record<"company" | "consumer", Partial<Record<FlagReason, string[]>>> = {
  company: {
    not_an_experience: [
      "Nous ne retrouvons aucune commande ni aucun passage correspondant à ce client sur la période indiquée.",
      "Aucun client à ce nom dans nos fichiers, et le magasin cité n'existe plus depuis deux ans.",
    ],
    conflict_of_interest: [
      "Cet avis semble rédigé par un ancien salarié : il cite des informations internes.",
      "L'auteur travaille pour un concurrent direct installé dans la même rue.",
    ],
    personal_data: ["L'avis cite le nom complet d'une de nos employées et son quartier."],
    offensive: ["Propos insultants envers notre équipe, qui n'apportent rien sur l'expérience."],
  },
  consumer: {
    offensive: ["Le ton est insultant et n'apporte rien sur l'expérience.", "Propos injurieux envers un employé nommé."],
    spam: ["Le même texte apparaît mot pour mot sur plusieurs fiches d'entreprises.", "L'avis renvoie vers un site de vente sans rapport."],
    illegal: ["L'avis accuse nommément une personne d'un délit, sans aucun élément."],
    personal_data: ["L'avis donne le numéro de téléphone personnel d'un employé."],
    not_an_experience: ["L'auteur dit lui-même n'avoir jamais été client."],
  },
};

export function flagExplanation(rng: Rng, reporter: "company" | "consumer", reason: FlagReason): string {
  const list = FLAG_EXPLANATIONS[reporter][reason] ?? FLAG_EXPLANATIONS.consumer[reason] ?? FLAG_EXPLANATIONS.company[reason]!;
  return rng.pick(list);
}

export function reasonsFor(reporter: "company" | "consumer"): FlagReason[] {
  return Object.keys(FLAG_EXPLANATIONS[reporter]) as FlagReason[];
}

const REASON_RULES: Record<FlagReason, [string, string]> = {
  not_an_experience: ["l'avis ne décrit pas une expérience vécue", "la règle 2 (« un avis décrit une expérience vécue par son auteur »)"],
  offensive: ["l'avis contient des propos injurieux envers une personne", "la règle 4 (« pas d'injure ni de propos haineux »)"],
  personal_data: ["l'avis publie des données personnelles d'un tiers", "la règle 5 (« pas de données personnelles »)"],
  conflict_of_interest: ["l'auteur a un lien avec l'entreprise ou un concurrent", "la règle 3 (« pas de conflit d'intérêts »)"],
  spam: ["le texte est publicitaire ou dupliqué", "la règle 6 (« pas de publicité ni de contenu dupliqué »)"],
  illegal: ["l'avis contient des accusations pénales sans fondement", "la règle 1 (« le respect de la loi »)"],
};

/** The statement of reasons of a removal (French, as sent to the author). */
export function removalStatement(reason: FlagReason, flagged: boolean): string {
  const [facts, rule] = REASON_RULES[reason];
  return [
    "Décision : l'avis est retiré de la publication.",
    `Faits : ${facts}${flagged ? ", comme l'a signalé un utilisateur" : ""}.`,
    "Moyens automatisés : aucun, la décision a été prise par un modérateur après lecture de l'avis.",
    `Fondement : ${rule} de la politique des avis de Réplique.`,
    "Recours : vous pouvez contester cette décision pendant six mois depuis votre espace, un autre modérateur réexaminera l'avis.",
  ].join("\n");
}

export function dismissalStatement(reason: FlagReason): string {
  const [facts] = REASON_RULES[reason];
  return [
    "Décision : le signalement est rejeté, l'avis reste publié.",
    `Faits : le signalement soutenait que ${facts} ; la lecture de l'avis et des éléments fournis ne le confirme pas.`,
    "Moyens automatisés : aucun.",
    "Fondement : politique des avis de Réplique ; un avis négatif mais fondé sur une expérience vécue n'est pas retiré.",
    "Recours : le signalant peut contester cette décision pendant six mois.",
  ].join("\n");
}

/** Texts that the automatic checks hold for moderation, by check. */
export function heldText(rng: Rng, lang: Lang, check: string): string {
  const fr = lang === "fr";
  switch (check) {
    case "links":
      return fr
        ? rng.pick([
            "Vous trouverez bien moins cher sur https://www.bonnes-affaires-du-web.example, allez voir.",
            "Tout est expliqué sur mon blog : http://mon-avis-conso.example/article",
          ])
        : "Much cheaper deals at https://www.cheap-deals.example, check it out.";
    case "phone":
      return fr
        ? "Appelez directement le gérant au 06 12 34 56 78, il est plus arrangeant que le standard."
        : "Call the manager directly on +44 7700 900123, he is more helpful than the switchboard.";
    case "banned_words":
      return fr
        ? "Quelle raclure, ce gérant. Tous des incapables, je vais vous faire couler."
        : "The manager is a total dickhead. Bunch of crooks, I'll make sure you go under.";
    case "burst":
      return fr ? "Nul. Ne commandez pas chez eux." : "Terrible. Do not order from them.";
    default:
      return fr ? "Avis en attente de vérification." : "Review awaiting checks.";
  }
}
