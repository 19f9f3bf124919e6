// Categories, invented companies (no real trademarks) and what they sell: stores,
// websites, products and services.
import type { Theme } from "./aspects";
import { DISTRICTS, DISTRICT_WEIGHTS, CITIES, randomStreetAddress, slugify, type Lang } from "./people";
import type { Rng } from "./random";

export interface CategoryDef {
  slug: string;
  nameFr: string;
  nameEn: string;
  /** Handwritten brand names for the demo; the `en` ones read as English brands. */
  brands: string[];
  brandsEn: string[];
  /** Name parts combined for the large data set. */
  parts: [string[], string[]];
  /** "une enseigne de …" (always a feminine noun, for "fondée") / "a chain of …". */
  activity: [string, string];
  /** Second sentence of the description; {n} is the number of stores. */
  extra: [string, string];
  stores: [number, number];
  storePrefix?: [string, string];
  /** Probability of a second website subject: the app. */
  app: number;
  products: string[];
  productCount: [number, number];
  services: Array<[string, string]>;
  serviceCount: [number, number];
  /** Infinitive phrases: "pour {purpose}" / "to {purpose}", by theme. */
  purposes: Partial<Record<Theme, [string, string]>>;
}

export const CATEGORIES: CategoryDef[] = [
  {
    slug: "supermarches",
    nameFr: "Supermarchés et alimentation",
    nameEn: "Supermarkets and groceries",
    brands: [
      "Panier Doré",
      "Marché des Saisons",
      "Épicerie Lavande",
      "Primeurs & Cie",
      "Halles Vertes",
      "Super Colibri",
      "Le Cabas Malin",
      "Fraîch'Express",
      "Bio Comptoir",
      "Terroirs du Coin",
    ],
    brandsEn: ["GreenBasket", "Harvest Lane"],
    parts: [
      ["Panier", "Marché", "Épicerie", "Halles", "Comptoir", "Cabas", "Primeur", "Super"],
      ["Doré", "des Saisons", "du Coin", "Vert", "Gourmand", "Malin", "du Village", "Fleuri", "Frais"],
    ],
    activity: ["une enseigne de supermarchés et d'épiceries de proximité", "a chain of neighbourhood supermarkets and grocers"],
    extra: [
      "Elle compte aujourd'hui {n} magasins et propose le drive et la livraison à domicile.",
      "It now runs {n} shops and offers click-and-collect and home delivery.",
    ],
    stores: [4, 18],
    app: 0.3,
    products: [
      "Panier bio de la semaine",
      "Pain de campagne au levain",
      "Café en grains d'Éthiopie",
      "Lessive écologique 3 L",
      "Yaourts fermiers au lait entier",
      "Huile d'olive vierge extra 1 L",
      "Comté AOP 18 mois",
    ],
    productCount: [0, 3],
    services: [
      ["Drive", "Click and collect"],
      ["Livraison à domicile", "Home delivery"],
      ["Carte de fidélité", "Loyalty card"],
    ],
    serviceCount: [1, 3],
    purposes: {
      store: [
        "faire mes courses de la semaine || acheter de quoi préparer un repas de famille || faire quelques courses en sortant du travail",
        "do my weekly shop || buy food for a family dinner || pick up a few things after work",
      ],
      online: ["commander mes courses || me faire livrer les courses de la semaine", "order my groceries || get my weekly shop delivered"],
      service: ["me faire livrer mes courses || récupérer une commande au drive", "have my groceries delivered || collect an order"],
      phone: ["signaler un produit manquant || contester un prélèvement", "report a missing item || query a charge"],
    },
  },
  {
    slug: "banque-assurance",
    nameFr: "Banque et assurance",
    nameEn: "Banking and insurance",
    brands: [
      "Crédit Azur",
      "Banque Horizon",
      "Mutuelle des Rives",
      "Assur'Phare",
      "Caisse Solidaire du Sud-Ouest",
      "Néobanque Kiwi",
      "Alliance Prévoyance",
      "Épargne & Avenir",
      "Sérénia Assurances",
    ],
    brandsEn: ["Northbridge Bank", "Shieldwell Insurance"],
    parts: [
      ["Banque", "Crédit", "Mutuelle", "Assurances", "Caisse", "Prévoyance"],
      ["Azur", "Horizon", "des Rives", "Sérénité", "du Centre", "Atlantique", "Alpine", "Familiale"],
    ],
    activity: ["une banque et compagnie d'assurance", "a bank and insurance company"],
    extra: [
      "Elle accompagne ses clients dans {n} agences et entièrement en ligne.",
      "It serves its customers through {n} branches and fully online.",
    ],
    stores: [2, 12],
    storePrefix: ["Agence", "Branch"],
    app: 0.8,
    products: ["Carte Gold", "Carte Essentielle", "Livret Avenir"],
    productCount: [0, 2],
    services: [
      ["Compte courant", "Current account"],
      ["Crédit immobilier", "Mortgage"],
      ["Assurance habitation", "Home insurance"],
      ["Assurance auto", "Car insurance"],
      ["Prêt personnel", "Personal loan"],
      ["Complémentaire santé", "Health insurance"],
    ],
    serviceCount: [2, 5],
    purposes: {
      store: [
        "ouvrir un compte pour mon fils || faire le point sur mon prêt immobilier || déposer un chèque",
        "open an account for my son || review my mortgage || pay in a cheque",
      ],
      online: ["faire un virement || ouvrir un livret", "make a transfer || open a savings account"],
      service: [
        "souscrire une assurance habitation || financer l'achat de notre maison || déclarer un dégât des eaux",
        "take out home insurance || finance our house purchase || report water damage",
      ],
      phone: ["faire opposition sur ma carte || suivre mon dossier de prêt", "block my card || check on my loan application"],
    },
  },
  {
    slug: "telecom",
    nameFr: "Télécoms et internet",
    nameEn: "Telecoms and internet",
    brands: [
      "Onde Mobile",
      "FibreLink",
      "Réseau Libellule",
      "Volta Télécom",
      "Pixel Box",
      "Antenne Bleue",
      "Satelia",
      "Connecto",
      "Fil d'Argent Mobile",
    ],
    brandsEn: ["Skyline Mobile", "Beacon Broadband"],
    parts: [
      ["Onde", "Fibre", "Réseau", "Connect", "Antenne", "Signal"],
      ["Mobile", "Link", "Télécom", "Box", "Bleue", "Plus", "Net"],
    ],
    activity: ["une société de télécommunications", "a telecoms provider"],
    extra: [
      "Elle propose box fibre et forfaits mobiles, avec {n} boutiques en France.",
      "It sells fibre broadband and mobile plans, with {n} shops across France.",
    ],
    stores: [0, 10],
    storePrefix: ["Boutique", "Shop"],
    app: 0.7,
    products: ["Box Fibre Max", "Box Essentielle", "Répéteur Wi-Fi 6", "Smartphone reconditionné", "Décodeur TV 4K"],
    productCount: [1, 3],
    services: [
      ["Forfait mobile 100 Go", "100 GB mobile plan"],
      ["Installation fibre", "Fibre installation"],
      ["Assistance technique", "Technical support"],
      ["Forfait famille", "Family plan"],
    ],
    serviceCount: [2, 4],
    purposes: {
      store: ["changer de téléphone || récupérer une nouvelle carte SIM", "upgrade my phone || get a new SIM card"],
      online: ["souscrire un forfait || changer d'offre", "sign up for a plan || change my plan"],
      service: ["passer à la fibre || changer de forfait mobile", "switch to fibre || change my mobile plan"],
      phone: ["signaler une panne de box || contester une facture", "report a broadband fault || query a bill"],
      product: ["remplacer ma vieille box", "replace my old router"],
    },
  },
  {
    slug: "e-commerce",
    nameFr: "E-commerce",
    nameEn: "Online shopping",
    brands: [
      "Bazar Céleste",
      "Comptoir du Clic",
      "Colis Malin",
      "Trouvetout",
      "LivrExpress",
      "La Hotte Numérique",
      "Ventes Flash Rivoli",
      "Le Grenier Connecté",
      "Parcelo",
    ],
    brandsEn: ["Boxwood Market", "Cartwheel Store"],
    parts: [
      ["Bazar", "Comptoir", "Colis", "Clic", "Panier", "Grenier"],
      ["Céleste", "Malin", "Express", "Connecté", "Futé", "Direct", "en Ligne"],
    ],
    activity: ["une boutique en ligne", "an online shop"],
    extra: [
      "Elle livre partout en France et propose plus de {n}0 000 références.",
      "It delivers across France and lists over {n}0,000 products.",
    ],
    stores: [0, 0],
    app: 0.5,
    products: [
      "Robot pâtissier 1 000 W",
      "Casque audio sans fil",
      "Sac à dos 30 L",
      "Parure de lit en percale",
      "Cafetière à piston",
      "Trottinette électrique",
      "Lampe de bureau LED",
    ],
    productCount: [2, 5],
    services: [
      ["Livraison express", "Express delivery"],
      ["Abonnement livraison illimitée", "Unlimited delivery subscription"],
      ["Retours gratuits", "Free returns"],
    ],
    serviceCount: [1, 2],
    purposes: {
      online: [
        "acheter un cadeau d'anniversaire || remplacer ma vieille cafetière || équiper mon bureau",
        "buy a birthday present || replace my old coffee maker || kit out my home office",
      ],
      service: ["recevoir une commande urgente", "get an urgent order"],
      phone: ["suivre un colis perdu || demander un remboursement", "chase a lost parcel || ask for a refund"],
    },
  },
  {
    slug: "voyage",
    nameFr: "Voyage et tourisme",
    nameEn: "Travel and tourism",
    brands: [
      "Voyages Alizé",
      "Escales Bleues",
      "Cap Évasion",
      "Boussole Voyages",
      "Sirocco Tours",
      "Vol & Valise",
      "Les Routes d'Ocre",
      "Horizon Croisières",
      "Globe Trotteur Club",
    ],
    brandsEn: ["Wanderlight Travel", "Bluewater Holidays", "Nomad Trails"],
    parts: [
      ["Voyages", "Escales", "Cap", "Boussole", "Routes", "Croisières"],
      ["Alizé", "Bleues", "Évasion", "du Sud", "Lointaines", "Soleil", "Océan"],
    ],
    activity: ["une agence de voyages", "a travel agency"],
    extra: [
      "Elle organise séjours, circuits et croisières, en ligne et dans {n} agences.",
      "It organises holidays, tours and cruises, online and in {n} agencies.",
    ],
    stores: [0, 6],
    storePrefix: ["Agence", "Agency"],
    app: 0.3,
    products: [],
    productCount: [0, 0],
    services: [
      ["Séjour tout compris en Crète", "All-inclusive stay in Crete"],
      ["Week-end à Lisbonne", "Weekend in Lisbon"],
      ["Circuit Écosse 8 jours", "8-day Scotland tour"],
      ["Croisière en Méditerranée", "Mediterranean cruise"],
      ["Location de voiture", "Car hire"],
      ["Assurance annulation", "Cancellation insurance"],
    ],
    serviceCount: [2, 5],
    purposes: {
      store: ["préparer notre voyage de noces || réserver des vacances en famille", "plan our honeymoon || book a family holiday"],
      online: ["réserver un séjour || trouver un vol de dernière minute", "book a holiday || find a last-minute flight"],
      service: [
        "partir une semaine au soleil || fêter nos vingt ans de mariage",
        "get a week of sunshine || celebrate our twentieth anniversary",
      ],
      phone: [
        "modifier nos dates || demander le remboursement d'un voyage annulé",
        "change our dates || ask for a refund on a cancelled trip",
      ],
    },
  },
  {
    slug: "restauration",
    nameFr: "Restauration",
    nameEn: "Restaurants and food service",
    brands: [
      "Crousti'Burger",
      "Pasta Nonna",
      "La Crêperie d'Armor",
      "Sushi Kaze",
      "Brasserie du Parvis",
      "Le Comptoir Végétal",
      "Tacos Soleil",
      "Le Fournil d'Antan",
      "Pizza Vesuvio",
      "Poké Lagon",
    ],
    brandsEn: ["The Green Fork", "Smokehouse Brothers"],
    parts: [
      ["Brasserie", "Bistrot", "Pizzeria", "Crêperie", "Burger", "Comptoir", "Cantine"],
      ["du Parvis", "Nonna", "d'Armor", "Soleil", "des Halles", "Gourmand", "du Port", "Végétal"],
    ],
    activity: ["une chaîne de restaurants", "a restaurant chain"],
    extra: ["Elle compte {n} restaurants, avec vente à emporter et livraison.", "It has {n} restaurants, with takeaway and delivery."],
    stores: [3, 16],
    app: 0.2,
    products: ["Formule midi", "Burger du chef", "Menu enfant", "Plateau dégustation", "Brunch du dimanche"],
    productCount: [1, 3],
    services: [
      ["Livraison à domicile", "Home delivery"],
      ["Vente à emporter", "Takeaway"],
      ["Privatisation de salle", "Private dining"],
    ],
    serviceCount: [1, 2],
    purposes: {
      store: [
        "déjeuner entre collègues || fêter l'anniversaire de ma mère || dîner en amoureux",
        "have lunch with colleagues || celebrate my mum's birthday || have a date night",
      ],
      online: ["commander le dîner || me faire livrer un repas", "order dinner || get a meal delivered"],
      service: [
        "organiser un repas d'entreprise || commander pour une soirée entre amis",
        "organise a team dinner || order food for a night in with friends",
      ],
      product: ["déjeuner sur le pouce", "grab a quick lunch"],
    },
  },
  {
    slug: "mode",
    nameFr: "Mode et accessoires",
    nameEn: "Fashion and accessories",
    brands: [
      "Maison Garance",
      "Atelier Léon",
      "Fil Rouge",
      "Les Petites Coutures",
      "Sabots & Semelles",
      "Lin et Coton",
      "Rayure Marine",
      "Élan Sport",
      "Bleu Indigo",
    ],
    brandsEn: ["Thread & Thimble", "Northcliff Outfitters"],
    parts: [
      ["Maison", "Atelier", "Fil", "Coutures", "Lin", "Rayure", "Bleu"],
      ["Garance", "Léon", "Rouge", "Marine", "Indigo", "Céleste", "& Coton", "Parisien"],
    ],
    activity: ["une marque de prêt-à-porter", "a clothing brand"],
    extra: ["Elle vend ses collections en ligne et dans {n} boutiques.", "It sells its collections online and in {n} shops."],
    stores: [1, 14],
    app: 0.2,
    products: [
      "Jean droit brut",
      "Pull en laine mérinos",
      "Baskets en cuir blanc",
      "Robe portefeuille",
      "Trench beige",
      "Chemise en lin",
      "Doudoune légère",
    ],
    productCount: [2, 5],
    services: [
      ["Retouches", "Alterations"],
      ["Livraison et retours", "Delivery and returns"],
    ],
    serviceCount: [0, 1],
    purposes: {
      store: [
        "trouver une tenue pour un mariage || renouveler ma garde-robe || acheter un cadeau",
        "find an outfit for a wedding || refresh my wardrobe || buy a present",
      ],
      online: ["commander un jean || acheter des baskets", "order a pair of jeans || buy some trainers"],
      service: ["faire raccourcir un pantalon", "have some trousers shortened"],
    },
  },
  {
    slug: "high-tech",
    nameFr: "Électroménager et high-tech",
    nameEn: "Appliances and electronics",
    brands: [
      "ÉlectroCité",
      "Volt & Cie",
      "Maison Connectée",
      "Pixelia",
      "Froid & Chaud Service",
      "Circuit Malin",
      "Techno Comptoir",
      "L'Atelier du Son",
      "Ampère Shop",
    ],
    brandsEn: ["Bits & Watts", "Brightbyte"],
    parts: [
      ["Électro", "Volt", "Pixel", "Techno", "Circuit", "Ampère", "Digital"],
      ["Cité", "& Cie", "Comptoir", "Malin", "Shop", "Service", "Center"],
    ],
    activity: ["une enseigne d'électroménager et de high-tech", "an appliance and electronics retailer"],
    extra: [
      "Elle compte {n} magasins et assure la livraison, l'installation et le service après-vente.",
      "It has {n} shops and handles delivery, installation and after-sales service.",
    ],
    stores: [1, 12],
    app: 0.3,
    products: [
      "Lave-linge hublot 9 kg",
      "Téléviseur 55 pouces 4K",
      "Aspirateur balai sans fil",
      "Ordinateur portable 15 pouces",
      "Réfrigérateur américain",
      "Four à pyrolyse",
      "Enceinte connectée",
    ],
    productCount: [2, 5],
    services: [
      ["Service après-vente", "After-sales service"],
      ["Livraison et installation", "Delivery and installation"],
      ["Extension de garantie", "Extended warranty"],
      ["Reprise de l'ancien appareil", "Old appliance take-back"],
    ],
    serviceCount: [1, 3],
    purposes: {
      store: [
        "remplacer notre lave-linge en panne || choisir un nouveau téléviseur",
        "replace our broken washing machine || choose a new TV",
      ],
      online: ["commander un ordinateur portable || acheter un aspirateur", "order a laptop || buy a vacuum cleaner"],
      service: ["faire réparer notre réfrigérateur || installer un four", "get our fridge repaired || have an oven fitted"],
      phone: ["déclarer une panne || suivre une réparation", "report a fault || follow up a repair"],
    },
  },
  {
    slug: "energie",
    nameFr: "Énergie",
    nameEn: "Energy",
    brands: [
      "Énergie Claire",
      "Soleil Commun",
      "Watt Citoyen",
      "Lumen Énergies",
      "Calorie Services",
      "Volt Vert",
      "Helios Solaire",
      "Flamme Bleue",
    ],
    brandsEn: ["Greenwatt Energy", "Sunfield Power"],
    parts: [
      ["Énergie", "Watt", "Lumen", "Helios", "Volt", "Flamme"],
      ["Claire", "Citoyen", "Vert", "Solaire", "Bleue", "Locale", "du Sud"],
    ],
    activity: ["une entreprise de fourniture d'énergie", "an energy supplier"],
    extra: ["Elle fournit électricité et gaz à plus de {n}0 000 foyers.", "It supplies electricity and gas to over {n}0,000 homes."],
    stores: [0, 0],
    app: 0.5,
    products: ["Thermostat connecté", "Borne de recharge 7 kW"],
    productCount: [0, 1],
    services: [
      ["Offre électricité verte", "Green electricity tariff"],
      ["Offre gaz à prix fixe", "Fixed-price gas tariff"],
      ["Installation de panneaux solaires", "Solar panel installation"],
      ["Entretien de chaudière", "Boiler servicing"],
      ["Pose de borne de recharge", "EV charger installation"],
    ],
    serviceCount: [2, 4],
    purposes: {
      online: ["changer de fournisseur || suivre ma consommation", "switch supplier || track my usage"],
      service: [
        "passer à l'électricité verte || faire poser des panneaux solaires || faire entretenir la chaudière",
        "move to green electricity || have solar panels fitted || get the boiler serviced",
      ],
      phone: ["contester une régularisation || signaler un relevé erroné", "dispute an adjustment bill || report a wrong meter reading"],
    },
  },
  {
    slug: "automobile",
    nameFr: "Automobile",
    nameEn: "Motoring",
    brands: [
      "Garage du Pont",
      "AutoPrestige Services",
      "Pneu Express",
      "Carrosserie Martel",
      "Roue Libre Location",
      "Contrôle Plus",
      "Mécanique Sérénité",
      "Occasions du Val",
      "Vidange Minute",
    ],
    brandsEn: ["Motorway Rentals", "Gearbox Garage"],
    parts: [
      ["Garage", "Auto", "Pneu", "Carrosserie", "Mécanique", "Occasions"],
      ["du Pont", "Prestige", "Express", "Martel", "Sérénité", "du Val", "Centre", "Minute"],
    ],
    activity: ["une entreprise d'entretien et de location automobile", "a car servicing and hire company"],
    extra: ["Elle compte {n} centres en France.", "It runs {n} centres in France."],
    stores: [1, 14],
    app: 0.1,
    products: ["Pneus été", "Batterie 70 Ah", "Véhicule d'occasion"],
    productCount: [0, 2],
    services: [
      ["Révision constructeur", "Manufacturer service"],
      ["Changement de pneus", "Tyre fitting"],
      ["Contrôle technique", "MOT test"],
      ["Carrosserie", "Bodywork"],
      ["Location de véhicule utilitaire", "Van hire"],
    ],
    serviceCount: [2, 4],
    purposes: {
      store: [
        "faire la révision de ma voiture || changer mes pneus || faire le contrôle technique",
        "get my car serviced || have new tyres fitted || get the MOT done",
      ],
      online: ["réserver un créneau de révision || louer un utilitaire", "book a service slot || hire a van"],
      service: ["réparer un pare-chocs || louer un utilitaire pour un déménagement", "fix a bumper || hire a van for a move"],
      phone: ["obtenir un devis || savoir où en était ma voiture", "get a quote || find out how my car was doing"],
    },
  },
  {
    slug: "maison-bricolage",
    nameFr: "Maison et bricolage",
    nameEn: "Home and DIY",
    brands: [
      "Maison Lumière",
      "Brico Héron",
      "Atelier Chêne",
      "La Fabrique à Meubles",
      "Jardin des Sources",
      "Peintures Arc-en-Ciel",
      "Outils & Compagnie",
      "Nid Douillet",
      "Parquets de Provence",
      "Carrelage Mistral",
    ],
    brandsEn: ["Hearth & Home", "Timberline Interiors"],
    parts: [
      ["Maison", "Brico", "Atelier", "Fabrique", "Jardin", "Outils", "Nid"],
      ["Lumière", "Héron", "Chêne", "des Sources", "Douillet", "& Compagnie", "Mistral", "du Bois"],
    ],
    activity: ["une enseigne de décoration, d'ameublement et de bricolage", "a home furnishing, lighting and DIY retailer"],
    extra: ["Elle compte {n} magasins et un site de vente en ligne.", "It has {n} shops and an online store."],
    stores: [3, 20],
    app: 0.3,
    products: [
      "Lampadaire arc en laiton",
      "Suspension en rotin",
      "Perceuse-visseuse 18 V",
      "Peinture murale blanc mat 10 L",
      "Canapé 3 places en velours",
      "Parquet chêne massif",
      "Applique murale Opaline",
    ],
    productCount: [2, 5],
    services: [
      ["Découpe de bois", "Wood cutting"],
      ["Location d'outillage", "Tool hire"],
      ["Pose de cuisine", "Kitchen fitting"],
      ["Livraison à domicile", "Home delivery"],
    ],
    serviceCount: [1, 3],
    purposes: {
      store: [
        "trouver un luminaire pour le salon || acheter de quoi repeindre la chambre || faire découper des étagères",
        "find a light for the living room || buy paint for the bedroom || get some shelves cut",
      ],
      online: ["commander un canapé || acheter une suspension", "order a sofa || buy a pendant light"],
      service: ["faire poser notre cuisine || louer une ponceuse", "have our kitchen fitted || hire a sander"],
      phone: ["suivre une livraison de meuble || signaler un article abîmé", "chase a furniture delivery || report a damaged item"],
    },
  },
  {
    slug: "sante-beaute",
    nameFr: "Santé et beauté",
    nameEn: "Health and beauty",
    brands: [
      "Pharmacie Verte",
      "Institut Nacre",
      "Opticiens Prisme",
      "Cosmétiques Camomille",
      "Salon Ciseaux d'Or",
      "Parapharmacie Calypso",
      "Centre Dentaire Sourire",
      "Les Thermes d'Aurore",
      "Bio Beauté Paris",
    ],
    brandsEn: ["Glow Lab", "Purewell Pharmacy"],
    parts: [
      ["Pharmacie", "Institut", "Opticiens", "Cosmétiques", "Salon", "Parapharmacie"],
      ["Verte", "Nacre", "Prisme", "Camomille", "d'Or", "Calypso", "Beauté", "Santé"],
    ],
    activity: ["une enseigne de santé et de beauté", "a health and beauty chain"],
    extra: ["Elle compte {n} points de vente et une boutique en ligne.", "It has {n} outlets and an online shop."],
    stores: [1, 12],
    app: 0.2,
    products: [
      "Crème hydratante peaux sensibles",
      "Shampooing solide",
      "Sérum à la vitamine C",
      "Écran solaire SPF 50",
      "Lunettes de vue progressives",
      "Brosse à dents électrique",
    ],
    productCount: [1, 4],
    services: [
      ["Soin du visage", "Facial"],
      ["Coupe et brushing", "Cut and blow-dry"],
      ["Examen de vue", "Eye test"],
      ["Retrait d'ordonnance en ligne", "Online prescription pick-up"],
    ],
    serviceCount: [1, 2],
    purposes: {
      store: [
        "récupérer une ordonnance || choisir de nouvelles lunettes || trouver une crème pour ma fille",
        "pick up a prescription || choose new glasses || find a cream for my daughter",
      ],
      online: ["commander mes produits habituels", "order my usual products"],
      service: [
        "me faire couper les cheveux || prendre un soin du visage || faire un examen de vue",
        "get a haircut || have a facial || get my eyes tested",
      ],
      phone: ["prendre rendez-vous", "book an appointment"],
    },
  },
  {
    slug: "transport",
    nameFr: "Transport et mobilité",
    nameEn: "Transport and mobility",
    brands: [
      "Rail Express Atlantique",
      "Bus Horizon",
      "Covoit'Route",
      "Taxi Bleu Marine",
      "VTC Étoile",
      "Navette Aéroport Express",
      "Vélo Libre Métropole",
      "Ferries du Ponant",
      "TransAlpes Cars",
    ],
    brandsEn: ["Citylink Coaches", "Swift Cabs"],
    parts: [
      ["Rail", "Bus", "Navette", "Taxi", "Cars", "Ferries", "Vélo"],
      ["Express", "Horizon", "Atlantique", "Étoile", "Métropole", "du Ponant", "Régional"],
    ],
    activity: ["une compagnie de transport de voyageurs", "a passenger transport company"],
    extra: ["Elle transporte chaque année plus de {n} millions de voyageurs.", "It carries more than {n} million passengers a year."],
    stores: [0, 4],
    storePrefix: ["Agence commerciale", "Travel centre"],
    app: 0.8,
    products: ["Abonnement mensuel", "Carte jeune"],
    productCount: [0, 1],
    services: [
      ["Ligne Paris – Lyon", "Paris – Lyon route"],
      ["Navette aéroport", "Airport shuttle"],
      ["Ligne Nantes – Bordeaux", "Nantes – Bordeaux route"],
      ["Trajet en VTC", "Private hire ride"],
      ["Traversée Roscoff – Plymouth", "Roscoff – Plymouth crossing"],
      ["Assistance voyageurs", "Passenger assistance"],
    ],
    serviceCount: [2, 4],
    purposes: {
      store: ["acheter un abonnement || changer un billet", "buy a season ticket || change a ticket"],
      online: ["réserver un billet || demander une compensation", "book a ticket || claim compensation"],
      service: [
        "aller voir ma famille || rejoindre l'aéroport || aller travailler",
        "visit my family || get to the airport || get to work",
      ],
      phone: ["modifier une réservation || retrouver un objet perdu", "change a booking || find lost property"],
    },
  },
  {
    slug: "services-domicile",
    nameFr: "Services à domicile",
    nameEn: "Home services",
    brands: [
      "Maison Nette",
      "Fée du Logis",
      "Jardins Sereins",
      "Plombier Minute",
      "Les Petits Lutins",
      "Déménagements Vauban",
      "Bricol'Services",
      "Aide & Sérénité",
      "Toit & Gouttière",
    ],
    brandsEn: ["Clean Home Services", "Handy Helpers"],
    parts: [
      ["Maison", "Fée", "Jardins", "Plombier", "Déménagements", "Aide", "Services"],
      ["Nette", "du Logis", "Sereins", "Minute", "Vauban", "& Sérénité", "Plus", "à Domicile"],
    ],
    activity: ["une entreprise de services à la personne", "a home services company"],
    extra: [
      "Elle intervient chez plus de {n} 000 clients grâce à son réseau d'agences.",
      "It works in more than {n},000 homes through its network of agencies.",
    ],
    stores: [0, 8],
    storePrefix: ["Agence", "Agency"],
    app: 0.2,
    products: [],
    productCount: [0, 0],
    services: [
      ["Ménage hebdomadaire", "Weekly cleaning"],
      ["Garde d'enfants", "Childcare"],
      ["Entretien du jardin", "Gardening"],
      ["Plomberie d'urgence", "Emergency plumbing"],
      ["Déménagement clé en main", "Full removal service"],
      ["Petits travaux", "Odd jobs"],
      ["Aide aux personnes âgées", "Elderly care"],
    ],
    serviceCount: [2, 4],
    purposes: {
      store: ["organiser l'aide à domicile de mon père || trouver une nounou", "arrange home help for my father || find a nanny"],
      online: ["réserver un ménage ponctuel || demander un devis", "book a one-off clean || ask for a quote"],
      service: [
        "faire entretenir notre jardin || faire garder les enfants le soir || réparer une fuite",
        "have our garden looked after || get evening childcare || fix a leak",
      ],
      phone: ["changer d'horaire || signaler une absence", "change our slot || report an absence"],
    },
  },
];

export const CATEGORY_BY_SLUG = new Map(CATEGORIES.map((c) => [c.slug, c]));

export const COLORS = [
  "#0b6e4f",
  "#1d4ed8",
  "#b45309",
  "#7c3aed",
  "#be123c",
  "#0f766e",
  "#334155",
  "#c2410c",
  "#4d7c0f",
  "#9d174d",
  "#1e40af",
  "#a16207",
  "#15803d",
  "#6d28d9",
  "#0369a1",
  "#b91c1c",
];

export type SubjectKind = "store" | "website" | "product" | "service";

export interface SubjectSpec {
  kind: SubjectKind;
  slug: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  url: string | null;
}

export interface CompanySpec {
  name: string;
  slug: string;
  legalName: string;
  domain: string;
  website: string;
  descriptionFr: string;
  descriptionEn: string;
  country: string;
  color: string;
  /** Language of the brand itself; English brands draw more English reviews. */
  lang: Lang;
  categories: CategoryDef[];
  founded: number;
  subjects: SubjectSpec[];
}

export interface MakeCompanyOptions {
  name: string;
  category: CategoryDef;
  lang: Lang;
  /** Slug to use (unique); defaults to slugify(name). */
  slug?: string;
  /** Multiplies the number of stores (the flagship companies have more). */
  storeScale?: number;
  /** A second category. */
  extraCategory?: CategoryDef;
  /** Fewer subjects and no app (the large data set). */
  compact?: boolean;
}

/** Builds one company with its subjects. Deterministic for a given rng state. */
export function makeCompany(rng: Rng, o: MakeCompanyOptions): CompanySpec {
  const cat = o.category;
  const slug = o.slug ?? slugify(o.name);
  const base = slugify(o.name).replace(/-/g, "");
  const tld = o.lang === "en" ? ".com" : rng.chance(0.8) ? ".fr" : ".com";
  const domain = `${o.compact ? slug : base.length > 18 ? slugify(o.name) : base}${tld}`;
  const website = `https://www.${domain}`;
  const founded = rng.int(1962, 2019);
  const hq = rng.pick(CITIES.slice(0, 30));
  const scale = o.storeScale ?? 1;
  const [minStores, maxStores] = cat.stores;
  let storeCount = maxStores === 0 ? 0 : Math.round(rng.int(minStores, maxStores) * scale);
  if (o.compact) storeCount = Math.min(storeCount, rng.int(0, 3));

  const subjects: SubjectSpec[] = [];
  const used = new Set<string>();
  const uniqueSlug = (s: string) => {
    let candidate = s || "sujet";
    for (let i = 2; used.has(candidate); i++) candidate = `${s}-${i}`;
    used.add(candidate);
    return candidate;
  };

  subjects.push({
    kind: "website",
    slug: uniqueSlug(slugify(domain)),
    name: domain,
    address: null,
    postalCode: null,
    city: null,
    url: website,
  });
  if (!o.compact && rng.chance(cat.app)) {
    const name = o.lang === "en" ? `${o.name} app` : `Application ${o.name}`;
    subjects.push({
      kind: "website",
      slug: uniqueSlug("application"),
      name,
      address: null,
      postalCode: null,
      city: null,
      url: `${website}/app`,
    });
  }

  const prefix = cat.storePrefix ? `${cat.storePrefix[o.lang === "en" ? 1 : 0]} ` : "";
  const seenDistricts = new Set<number>();
  for (let i = 0; i < storeCount && seenDistricts.size < DISTRICTS.length; i++) {
    let d = pickDistrict(rng);
    while (seenDistricts.has(d)) d = pickDistrict(rng);
    seenDistricts.add(d);
    const district = DISTRICTS[d]!;
    const place = district.area ? `${district.city} ${district.area}` : district.city;
    subjects.push({
      kind: "store",
      slug: uniqueSlug(slugify(place)),
      name: `${o.name} — ${prefix}${place}`,
      address: randomStreetAddress(rng),
      postalCode: district.postalCode,
      city: district.city,
      url: null,
    });
  }

  const productCount = o.compact ? Math.min(1, cat.productCount[1]) : rng.int(...cat.productCount);
  for (const product of rng.sample(cat.products, productCount)) {
    subjects.push({
      kind: "product",
      slug: uniqueSlug(slugify(product)),
      name: product,
      address: null,
      postalCode: null,
      city: null,
      url: null,
    });
  }
  const serviceCount = o.compact ? Math.min(1, cat.serviceCount[1]) : rng.int(...cat.serviceCount);
  for (const service of rng.sample(cat.services, serviceCount)) {
    const name = service[o.lang === "en" ? 1 : 0];
    subjects.push({ kind: "service", slug: uniqueSlug(slugify(name)), name, address: null, postalCode: null, city: null, url: null });
  }

  const n = Math.max(storeCount, rng.int(2, 9));
  const fill = (s: string) => s.replace(/\{n\}/g, String(n));
  const hqFr = hq.startsWith("Le ") ? `au ${hq.slice(3)}` : `à ${hq}`;
  const descriptionFr = `${o.name} est ${cat.activity[0]} fondée en ${founded} ${hqFr}. ${fill(cat.extra[0])}`;
  const descriptionEn = `${o.name} is ${cat.activity[1]} founded in ${founded} in ${hq}. ${fill(cat.extra[1])}`;
  const legalForm = o.lang === "en" ? rng.pick(["Ltd", "Ltd", "SAS"]) : rng.pick(["SAS", "SA", "SARL", "SAS"]);

  return {
    name: o.name,
    slug,
    legalName: `${o.name} ${legalForm}`,
    domain,
    website,
    descriptionFr,
    descriptionEn,
    country: o.lang === "en" && legalForm === "Ltd" ? rng.pick(["GB", "GB", "IE"]) : "FR",
    color: rng.pick(COLORS),
    lang: o.lang,
    categories: o.extraCategory ? [cat, o.extraCategory] : [cat],
    founded,
    subjects,
  };
}

function pickDistrict(rng: Rng): number {
  return DISTRICTS.indexOf(rng.weighted(DISTRICTS, DISTRICT_WEIGHTS));
}

/** A name for the large data set: two parts of the category, and often a city. */
export function generatedCompanyName(rng: Rng, cat: CategoryDef): string {
  const [a, b] = cat.parts;
  const core = `${rng.pick(a)} ${rng.pick(b)}`;
  return rng.chance(0.6) ? `${core} ${rng.pick(CITIES)}` : core;
}
