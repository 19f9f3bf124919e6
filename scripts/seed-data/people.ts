// People and places of the demo data: first and last names, French cities with real
// postal codes and neighbourhoods, street names.
import type { Rng } from "./random";
import { slugify } from "../../app/lib/slug";

// One slugify for the seed and the site.
export { slugify };

export type Lang = "fr" | "en";
export type Gender = "f" | "m";

export interface Person {
  first: string;
  last: string;
  gender: Gender;
  lang: Lang;
}

const FR_FEMALE = `Camille Léa Manon Chloé Inès Sarah Julie Emma Louise Jade Alice Lucie Clara Anaïs Marine
  Pauline Mathilde Élodie Sophie Nathalie Isabelle Sandrine Céline Aurélie Émilie Laura Charlotte Océane
  Margaux Justine Amandine Caroline Valérie Christine Martine Françoise Monique Nadia Yasmine Fatima Leïla
  Samia Hélène Claire Agnès Brigitte Sylvie Coralie Noémie Zoé Juliette Maëlle Audrey Virginie Estelle
  Gaëlle Annick Josiane Rose Salomé Eva Romane Apolline Mélanie Karine Delphine Stéphanie Myriam Soraya`
  .split(/\s+/)
  .filter(Boolean);

const FR_MALE = `Lucas Hugo Louis Gabriel Arthur Jules Thomas Nicolas Julien Maxime Antoine Alexandre Romain
  Kévin Sébastien Mathieu Guillaume Pierre Vincent Olivier Stéphane Laurent Frédéric Christophe Philippe
  Patrick Michel Alain Bernard Jean-Pierre François Théo Raphaël Nathan Enzo Baptiste Quentin Damien
  Florian Jérôme Karim Mehdi Yanis Rayan Samir Youssef Mamadou Moussa Loïc Gaëtan Benoît Cédric Thierry
  Didier Éric Fabien Adrien Clément Victor Martin Paul Bastien Yannick Hervé Gilles Marc Jean-Luc Bruno`
  .split(/\s+/)
  .filter(Boolean);

const FR_LAST = `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre
  Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert
  Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin
  Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer
  Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Pérez Marchand Dufour
  Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Benali Haddad Diallo Traoré Ferreira
  Le_Gall Le_Goff Caron Renard Picard Aubert Lacroix Moulin Hoarau Payet Carpentier Besnard Tessier
  Charpentier Leclerc Vidal Marty Bouvier Collet Arnaud Poirier Baron Renaud Giraud Bailly Huet Cordier`
  .split(/\s+/)
  .filter(Boolean)
  .map((s) => s.replace(/_/g, " "));

const EN_FEMALE = `Olivia Amelia Emily Sophie Jessica Hannah Charlotte Grace Chloe Ella Lucy Megan Rachel Sarah
  Laura Emma Kate Holly Rebecca Anna Natalie Zoe Isla Ruby Abigail Freya Niamh Siobhan Aoife Priya Helen
  Claire Jennifer Amy Victoria Alice Harriet Poppy Imogen`
  .split(/\s+/)
  .filter(Boolean);

const EN_MALE = `James Oliver Harry Jack George Charlie Thomas William Daniel Matthew Michael David Ben Sam
  Tom Ryan Liam Connor Ethan Peter Andrew Mark Paul Chris Alfie Callum Jamie Owen Rhys Aidan Sean Ciaran
  Rohan Arjun Joe Luke Adam Simon Richard Stephen`
  .split(/\s+/)
  .filter(Boolean);

const EN_LAST = `Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
  Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper
  Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker
  Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller
  Cox Richards Khan O'Brien Murray Campbell Fraser Doyle Walsh Byrne Ryan O'Connor Sharma MacDonald`
  .split(/\s+/)
  .filter(Boolean);

/** A first name; `gender` decides French agreements in the texts ("déçu" / "déçue"). */
export function randomPerson(rng: Rng, lang: Lang): Person {
  const gender: Gender = rng.chance(0.52) ? "f" : "m";
  if (lang === "fr") {
    return { first: rng.pick(gender === "f" ? FR_FEMALE : FR_MALE), last: rng.pick(FR_LAST), gender, lang };
  }
  return { first: rng.pick(gender === "f" ? EN_FEMALE : EN_MALE), last: rng.pick(EN_LAST), gender, lang };
}

export function randomFirstName(rng: Rng, lang: Lang = "fr"): string {
  return randomPerson(rng, lang).first;
}

/** "Camille D." mostly; sometimes the whole name, as some people sign. */
export function displayNameOf(p: Person, rng: Rng): string {
  if (rng.chance(0.1)) return `${p.first} ${p.last}`;
  const initial = p.last
    .replace(/^(Le |La |Da |Mac|O')/, "")
    .charAt(0)
    .toUpperCase();
  return `${p.first} ${initial}.`;
}

/** camille.dupont.123@example.net */
export function emailOf(p: Person, n: number, domain = "example.net"): string {
  const local = `${slugify(p.first).replace(/-/g, "")}.${slugify(p.last).replace(/-/g, "")}`;
  return `${local}.${n}@${domain}`;
}

// ─── Places ───────────────────────────────────────────────────────────────────

export interface District {
  city: string;
  /** The part after the city in a store's name ("Part-Dieu"); empty for the centre. */
  area: string;
  postalCode: string;
}

// [city, [area, postal code]...]; the first postal code is the city's main one.
const CITY_TABLE: Array<[string, Array<[string, string]>]> = [
  [
    "Paris",
    [
      ["Bastille", "75011"],
      ["Montparnasse", "75014"],
      ["Opéra", "75009"],
      ["Les Halles", "75001"],
      ["République", "75003"],
      ["Nation", "75012"],
      ["Batignolles", "75017"],
      ["Bercy", "75012"],
      ["Place d'Italie", "75013"],
      ["Belleville", "75020"],
      ["Saint-Lazare", "75008"],
      ["Beaugrenelle", "75015"],
    ],
  ],
  [
    "Lyon",
    [
      ["Part-Dieu", "69003"],
      ["Confluence", "69002"],
      ["Bellecour", "69002"],
      ["Vaise", "69009"],
      ["Croix-Rousse", "69004"],
    ],
  ],
  [
    "Marseille",
    [
      ["Vieux-Port", "13001"],
      ["Prado", "13008"],
      ["La Valentine", "13011"],
      ["Joliette", "13002"],
    ],
  ],
  [
    "Toulouse",
    [
      ["Capitole", "31000"],
      ["Saint-Cyprien", "31300"],
      ["Purpan", "31300"],
      ["Compans-Caffarelli", "31000"],
    ],
  ],
  [
    "Nice",
    [
      ["Masséna", "06000"],
      ["Lingostière", "06200"],
      ["Libération", "06000"],
    ],
  ],
  [
    "Nantes",
    [
      ["Commerce", "44000"],
      ["Beaulieu", "44200"],
      ["Atlantis", "44800"],
    ],
  ],
  [
    "Strasbourg",
    [
      ["Kléber", "67000"],
      ["Rivetoile", "67100"],
      ["Hautepierre", "67200"],
    ],
  ],
  [
    "Montpellier",
    [
      ["Comédie", "34000"],
      ["Odysseum", "34000"],
      ["Antigone", "34000"],
    ],
  ],
  [
    "Bordeaux",
    [
      ["Sainte-Catherine", "33000"],
      ["Mériadeck", "33000"],
      ["Lac", "33300"],
      ["Chartrons", "33300"],
    ],
  ],
  [
    "Lille",
    [
      ["Euralille", "59000"],
      ["Grand Place", "59000"],
      ["Wazemmes", "59000"],
    ],
  ],
  [
    "Rennes",
    [
      ["Colombier", "35000"],
      ["Alma", "35000"],
      ["Sainte-Anne", "35000"],
    ],
  ],
  ["Reims", [["Centre", "51100"]]],
  ["Le Havre", [["Docks Vauban", "76600"]]],
  ["Saint-Étienne", [["Centre-Deux", "42000"]]],
  ["Toulon", [["Mayol", "83000"]]],
  [
    "Grenoble",
    [
      ["Victor-Hugo", "38000"],
      ["Grand'Place", "38100"],
    ],
  ],
  [
    "Dijon",
    [
      ["Toison d'Or", "21000"],
      ["Darcy", "21000"],
    ],
  ],
  ["Angers", [["Centre", "49100"]]],
  ["Nîmes", [["Coupole", "30000"]]],
  ["Villeurbanne", [["Gratte-Ciel", "69100"]]],
  ["Clermont-Ferrand", [["Jaude", "63000"]]],
  ["Le Mans", [["Jacobins", "72000"]]],
  ["Aix-en-Provence", [["Rotonde", "13100"]]],
  ["Brest", [["Siam", "29200"]]],
  ["Tours", [["Nationale", "37000"]]],
  ["Amiens", [["Gare", "80000"]]],
  ["Limoges", [["Saint-Martial", "87000"]]],
  ["Annecy", [["Courier", "74000"]]],
  ["Perpignan", [["Castillet", "66000"]]],
  ["Metz", [["Muse", "57000"]]],
  ["Besançon", [["Battant", "25000"]]],
  ["Orléans", [["Place d'Arc", "45000"]]],
  [
    "Rouen",
    [
      ["Saint-Sever", "76100"],
      ["Gros-Horloge", "76000"],
    ],
  ],
  ["Mulhouse", [["Porte Jeune", "68100"]]],
  ["Caen", [["Saint-Pierre", "14000"]]],
  ["Nancy", [["Saint-Sébastien", "54000"]]],
  ["Avignon", [["Intra-muros", "84000"]]],
  ["Poitiers", [["Cordeliers", "86000"]]],
  ["La Rochelle", [["Vieux-Port", "17000"]]],
  ["Pau", [["Bosquet", "64000"]]],
  ["Bayonne", [["Petit Bayonne", "64100"]]],
  ["Cannes", [["Croisette", "06400"]]],
  ["Ajaccio", [["Cours Napoléon", "20000"]]],
  ["Quimper", [["Centre", "29000"]]],
  ["Chambéry", [["Curial", "73000"]]],
  ["Valence", [["Victor-Hugo", "26000"]]],
  ["Troyes", [["Centre", "10000"]]],
  ["Lorient", [["Nayel", "56100"]]],
  ["Vannes", [["Port", "56000"]]],
  ["Saint-Malo", [["Intra-muros", "35400"]]],
  ["Arras", [["Grand'Place", "62000"]]],
  ["Dunkerque", [["Pôle Marine", "59140"]]],
  [
    "Versailles",
    [
      ["Parly 2", "78150"],
      ["Centre", "78000"],
    ],
  ],
  ["Boulogne-Billancourt", [["Les Passages", "92100"]]],
  ["Montreuil", [["Croix de Chavaux", "93100"]]],
  ["Saint-Denis", [["Basilique", "93200"]]],
  ["Créteil", [["Créteil Soleil", "94000"]]],
  ["Nanterre", [["Préfecture", "92000"]]],
  ["La Défense", [["Quatre Temps", "92800"]]],
  ["Colmar", [["Centre", "68000"]]],
  ["Biarritz", [["Centre", "64200"]]],
  ["Niort", [["Brèche", "79000"]]],
  ["Saint-Nazaire", [["Ruban Bleu", "44600"]]],
  ["Montauban", [["Centre", "82000"]]],
];

export const DISTRICTS: District[] = CITY_TABLE.flatMap(([city, areas]) =>
  areas.map(([area, postalCode]) => ({ city, area: area === "Centre" && areas.length === 1 ? "" : area, postalCode })),
);

/** Bigger cities come up more often, as stores do. */
export const DISTRICT_WEIGHTS: number[] = DISTRICTS.map((d) =>
  d.city === "Paris" ? 3 : ["Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes"].includes(d.city) ? 2 : 1,
);

export const CITIES: string[] = CITY_TABLE.map(([c]) => c);

const STREETS = [
  "rue de la République",
  "avenue Jean-Jaurès",
  "boulevard Victor-Hugo",
  "rue Nationale",
  "place du Marché",
  "rue du Général-de-Gaulle",
  "avenue de la Libération",
  "rue Gambetta",
  "cours Lafayette",
  "rue Pasteur",
  "avenue Foch",
  "rue Saint-Michel",
  "boulevard Carnot",
  "rue Jean-Moulin",
  "quai des Belges",
  "rue de Paris",
  "avenue du Maréchal-Leclerc",
  "rue des Halles",
  "rue Émile-Zola",
  "place de la Gare",
  "rue de la Paix",
  "boulevard Gambetta",
  "avenue Thiers",
  "rue Voltaire",
  "rue des Carmes",
  "centre commercial, niveau 1",
  "rue du Faubourg",
  "allée des Tilleuls",
  "rue Lamartine",
  "rue Sainte-Catherine",
];

export function randomStreetAddress(rng: Rng): string {
  const street = rng.pick(STREETS);
  if (street.startsWith("centre commercial")) return `Centre commercial, niveau ${rng.int(0, 2)}, local ${rng.int(2, 180)}`;
  const n = rng.int(1, 180);
  const bis = rng.chance(0.06) ? " bis" : "";
  return `${n}${bis} ${street}`;
}
