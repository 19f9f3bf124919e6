// What reviews talk about. An aspect is one facet of an experience (the welcome in a
// store, a delivery delay, a technician's punctuality…) with sentences for a good and a
// bad experience, short titles, and a noun phrase that replies use to answer precisely.
// Variants are separated by " || ". Placeholders: {e} (French agreement with the
// author: "déçu{e}"), {staff} (an employee's first name), {n} (a small number).

export type Theme = "store" | "online" | "phone" | "product" | "service";

export interface AspectSource {
  id: string;
  /** Where the aspect makes sense. */
  t: Theme[];
  /** For products and services: only when the subject's name matches (a regex). */
  s?: string;
  /** Noun phrase [fr, en]: "Concernant {label}…", "Regarding {label}…". */
  l: [string, string];
  /** Good experience [fr, en]. */
  p: [string, string];
  /** Bad experience [fr, en]. */
  n: [string, string];
  /** Titles of a good experience [fr, en]. */
  tp: [string, string];
  /** Titles of a bad experience [fr, en]. */
  tn: [string, string];
}

export const GENERIC_ASPECTS: AspectSource[] = [
  // ── In a store ──
  {
    id: "welcome",
    t: ["store"],
    l: ["l'accueil", "the welcome"],
    p: [
      "L'accueil a été vraiment chaleureux, on se sent attendu{e}. || {staff}, à l'accueil, a pris le temps de répondre à toutes mes questions avec le sourire. || Personnel souriant et disponible, ça change de certaines enseignes.",
      "The staff were genuinely friendly and made me feel welcome. || {staff} at the front desk took the time to answer all my questions with a smile. || Friendly, attentive staff, which makes a nice change.",
    ],
    n: [
      "Accueil glacial : personne ne m'a dit bonjour et la vendeuse est restée sur son téléphone. || J'ai attendu dix minutes qu'on s'occupe de moi pendant que trois employés discutaient entre eux. || Le personnel semble débordé et le fait bien sentir aux clients.",
      "A frosty welcome: nobody said hello and the assistant stayed glued to her phone. || I waited ten minutes to be served while three members of staff chatted among themselves. || The staff seem overwhelmed and make sure customers feel it.",
    ],
    tp: ["Accueil au top || Un accueil chaleureux || Équipe adorable", "Lovely staff || A warm welcome || Really friendly team"],
    tn: ["Accueil désagréable || Personnel peu aimable || Quel accueil…", "Unfriendly staff || A cold welcome || Rude staff"],
  },
  {
    id: "advice",
    t: ["store"],
    l: ["la qualité des conseils", "the advice you received"],
    p: [
      "{staff} m'a très bien conseillé{e}, sans chercher à me vendre le plus cher. || Les conseils étaient précis et honnêtes : on m'a même déconseillé une option inutile pour moi.",
      "{staff} gave me excellent advice without pushing the most expensive option. || The advice was precise and honest: they even talked me out of an extra I didn't need.",
    ],
    n: [
      "Aucun conseil : le vendeur ne connaissait visiblement pas ce qu'il vendait. || On m'a orienté{e} vers un article qui ne correspondait pas du tout à ma demande.",
      "No real advice: the sales assistant clearly didn't know what he was selling. || I was steered towards something that didn't match what I had asked for at all.",
    ],
    tp: ["De très bons conseils || Conseillé{e} avec honnêteté", "Great advice || Honest, helpful advice"],
    tn: ["Aucun conseil || Mal conseillé{e}", "No help at all || Poor advice"],
  },
  {
    id: "queue",
    t: ["store"],
    l: ["l'attente en caisse", "the queue at the tills"],
    p: [
      "Pas d'attente en caisse, même un samedi après-midi. || Les caisses automatiques font gagner un temps fou et quelqu'un est toujours là pour aider.",
      "No queue at the tills, even on a Saturday afternoon. || The self-checkouts save a lot of time and there's always someone around to help.",
    ],
    n: [
      "Une seule caisse ouverte pour une file d'une quinzaine de personnes, {n}0 minutes d'attente. || Les caisses automatiques étaient en panne et personne n'est venu ouvrir une caisse supplémentaire.",
      "One till open for a queue of fifteen people: {n}0 minutes of waiting. || Half the self-checkouts were out of order and nobody came to open another till.",
    ],
    tp: ["Rapide et efficace || Pas d'attente", "Quick and efficient || No queues"],
    tn: ["Attente interminable en caisse || Une seule caisse ouverte", "Endless queues || One till open, seriously?"],
  },
  {
    id: "tidy",
    t: ["store"],
    l: ["la tenue du magasin", "how the shop was kept"],
    p: [
      "Magasin propre, bien rangé, on trouve tout facilement. || Les rayons sont clairs et bien tenus, c'est agréable de flâner.",
      "Clean, tidy shop where everything is easy to find. || The aisles are clear and well kept, it's a pleasant place to browse.",
    ],
    n: [
      "Des cartons au milieu des allées et des rayons à moitié vides. || Le magasin n'était pas très propre et les étiquettes de prix ne correspondaient pas toujours aux produits.",
      "Boxes in the middle of the aisles and half-empty shelves. || The shop wasn't very clean and the price labels often didn't match the products.",
    ],
    tp: ["Magasin agréable || Propre et bien rangé", "Pleasant shop || Clean and tidy"],
    tn: ["Magasin mal tenu || Rayons en désordre", "Messy shop || Untidy and half empty"],
  },
  {
    id: "stock",
    t: ["store", "online"],
    l: ["la disponibilité des articles", "stock availability"],
    p: [
      "Tout ce que je cherchais était disponible, y compris en grande taille. || Le produit indiqué en stock sur le site m'attendait bien en magasin.",
      "Everything I was looking for was in stock. || The item shown as available online was indeed waiting for me in store.",
    ],
    n: [
      "Article indiqué disponible sur le site, mais introuvable une fois sur place. || Rupture de stock sur la moitié de ma liste, sans date de réapprovisionnement.",
      "The item was listed as in stock online but nowhere to be found in the shop. || Half of my list was out of stock, with no idea when it would be back.",
    ],
    tp: ["Tout était disponible || Stock au rendez-vous", "Everything in stock || Found everything I needed"],
    tn: ["Ruptures à répétition || Stock fantôme", "Constantly out of stock || Phantom stock"],
  },
  // ── Online ──
  {
    id: "site",
    t: ["online"],
    l: ["l'utilisation du site", "the website"],
    p: [
      "Le site est clair, la commande se fait en trois clics. || Site rapide, filtres efficaces et paiement sans accroc.",
      "The website is clear and ordering takes three clicks. || Fast website, useful filters and a smooth checkout.",
    ],
    n: [
      "Le site plante au moment du paiement, j'ai dû recommencer {n} fois. || Impossible de modifier ma commande une fois validée, et le panier se vide tout seul.",
      "The website crashed at checkout and I had to start again {n} times. || No way to change the order once placed, and the basket keeps emptying itself.",
    ],
    tp: ["Commande facile || Site simple et efficace", "Easy ordering || Simple, efficient website"],
    tn: ["Site pénible || Paiement impossible", "Frustrating website || Checkout nightmare"],
  },
  {
    id: "delivery",
    t: ["online", "product"],
    l: ["le délai de livraison", "the delivery time"],
    p: [
      "Livré en {n} jours, avant même la date annoncée. || Colis arrivé le lendemain de la commande, le livreur a même appelé avant de passer.",
      "Delivered in {n} days, before the promised date. || The parcel arrived the day after I ordered and the driver even called ahead.",
    ],
    n: [
      "Livraison annoncée en 48 h, reçue au bout de {n} semaines. || Le colis a été déclaré livré alors que personne n'est passé, et je n'étais pas absent{e}.",
      "Delivery promised within 48 hours, received after {n} weeks. || The parcel was marked as delivered although nobody came, and I was at home all day.",
    ],
    tp: ["Livraison ultra rapide || Livré en avance", "Super fast delivery || Arrived early"],
    tn: ["Livraison catastrophique || Colis jamais arrivé", "Delivery disaster || Parcel never arrived"],
  },
  {
    id: "packaging",
    t: ["online", "product"],
    l: ["l'emballage", "the packaging"],
    p: [
      "Emballage soigné, sans plastique superflu. || Tout était bien protégé, rien de cassé malgré la fragilité des articles.",
      "Careful packaging without needless plastic. || Everything was well protected, nothing broken despite how fragile it was.",
    ],
    n: [
      "Carton écrasé et produit abîmé à l'arrivée. || Un article fragile envoyé dans une simple enveloppe : forcément, il est arrivé cassé.",
      "Crushed box and a damaged product on arrival. || A fragile item sent in a plain envelope, so of course it arrived broken.",
    ],
    tp: ["Colis impeccable || Emballage soigné", "Perfectly packed || Careful packaging"],
    tn: ["Reçu abîmé || Emballage bâclé", "Arrived damaged || Sloppy packaging"],
  },
  {
    id: "tracking",
    t: ["online"],
    l: ["le suivi de commande", "order tracking"],
    p: [
      "Suivi de commande précis, avec un SMS à chaque étape. || J'ai su à tout moment où en était mon colis.",
      "Accurate tracking with a text at every step. || I always knew exactly where my parcel was.",
    ],
    n: [
      "Le suivi n'a pas bougé pendant {n} jours, aucune information. || Le numéro de suivi fourni ne correspond à rien chez le transporteur.",
      "Tracking didn't update for {n} days, no information at all. || The tracking number they gave me means nothing to the courier.",
    ],
    tp: ["Suivi au top || Bien informé{e}", "Great tracking || Kept informed"],
    tn: ["Aucun suivi || Colis introuvable", "No tracking || Parcel lost in limbo"],
  },
  {
    id: "support",
    t: ["online", "service"],
    l: ["le service client", "customer service"],
    p: [
      "Le service client a répondu à mon e-mail en moins de deux heures, avec une vraie solution. || Petit souci sur la commande, réglé en un échange avec {staff} du service client.",
      "Customer service replied to my email within two hours with an actual solution. || A small problem with the order, sorted in one exchange with {staff} from customer service.",
    ],
    n: [
      "{n} e-mails au service client, {n} réponses automatiques qui ne répondent pas à la question. || Le service client se renvoie la balle et personne ne prend la responsabilité du problème.",
      "{n} emails to customer service, {n} canned replies that don't answer the question. || Customer service keeps passing the buck and nobody takes ownership of the problem.",
    ],
    tp: ["Service client réactif || SAV au top", "Responsive customer service || Great support"],
    tn: ["Service client aux abonnés absents || SAV injoignable", "Customer service nowhere to be found || Useless support"],
  },
  {
    id: "refund",
    t: ["online", "product"],
    l: ["le remboursement", "the refund"],
    p: [
      "Remboursement reçu trois jours après le retour du colis, sans discussion. || Produit défectueux remplacé immédiatement, sans avoir à me justifier.",
      "Refund received three days after the return arrived, no questions asked. || Faulty item replaced straight away, no need to argue.",
    ],
    n: [
      "Toujours pas remboursé{e} {n} semaines après le retour, malgré l'accusé de réception. || On me propose un avoir alors que je demande un remboursement, comme la loi le prévoit.",
      "Still no refund {n} weeks after they received the return. || They keep offering store credit when I asked for a refund, as the law allows.",
    ],
    tp: ["Remboursement rapide || Retour sans souci", "Quick refund || Hassle-free return"],
    tn: ["Remboursement introuvable || J'attends toujours mon argent", "Where is my refund? || Still waiting for my money"],
  },
  // ── On the phone ──
  {
    id: "hotline",
    t: ["phone"],
    l: ["l'attente au téléphone", "the wait on the phone"],
    p: [
      "Quelqu'un a décroché en moins de deux minutes, sans serveur vocal interminable. || Rappelé{e} à l'heure exacte du créneau que j'avais choisi.",
      "Someone picked up within two minutes, without an endless phone menu. || They called me back exactly in the slot I had chosen.",
    ],
    n: [
      "{n}5 minutes de musique d'attente avant qu'on me raccroche au nez. || Le serveur vocal tourne en boucle, impossible de parler à un humain.",
      "{n}5 minutes of hold music before being cut off. || The phone menu goes round in circles and you can't reach a human.",
    ],
    tp: ["Joignable facilement || Rappel rapide", "Easy to reach || Quick call-back"],
    tn: ["Injoignable || Des heures au téléphone", "Impossible to reach || Hours on hold"],
  },
  {
    id: "agent",
    t: ["phone"],
    l: ["l'échange avec votre interlocuteur", "the adviser you spoke to"],
    p: [
      "{staff} a compris mon problème tout de suite et l'a réglé pendant l'appel. || Interlocuteur compétent, patient et qui connaît son métier.",
      "{staff} understood the problem straight away and fixed it during the call. || A competent, patient adviser who knows the job.",
    ],
    n: [
      "Chaque conseiller me donne une information différente. || On m'a promis un rappel sous 24 h qui n'est jamais venu.",
      "Every adviser tells me something different. || I was promised a call back within 24 hours that never came.",
    ],
    tp: ["Conseiller au top || Problème réglé en un appel", "Brilliant adviser || Sorted in one call"],
    tn: ["Informations contradictoires || Promesses non tenues", "Contradictory answers || Broken promises"],
  },
  // ── Products ──
  {
    id: "quality",
    t: ["product"],
    l: ["la qualité du produit", "the product's quality"],
    p: [
      "Finitions soignées, matériaux solides : on sent la qualité. || Utilisé tous les jours depuis l'achat, toujours comme neuf.",
      "Neat finish and sturdy materials: you can feel the quality. || Used every day since I bought it and still like new.",
    ],
    n: [
      "Tombé en panne au bout de quelques jours d'utilisation normale. || Finitions approximatives, des bavures de colle partout, ça fait cheap.",
      "Broke down after a few days of normal use. || Rough finish with glue marks everywhere, it feels cheap.",
    ],
    tp: ["Qualité au rendez-vous || Solide et bien fini", "Great quality || Solid and well made"],
    tn: ["Qualité décevante || Cassé trop vite", "Poor quality || Broke far too soon"],
  },
  {
    id: "conformity",
    t: ["product"],
    l: ["la conformité à la description", "how the product matched its description"],
    p: [
      "Exactement comme sur les photos, les dimensions sont justes. || Conforme à la description, aucune mauvaise surprise au déballage.",
      "Exactly as pictured, the dimensions are spot on. || Just as described, no bad surprise when unpacking.",
    ],
    n: [
      "Rien à voir avec les photos : la couleur est beaucoup plus terne. || Les dimensions réelles ne correspondent pas à celles annoncées sur la fiche.",
      "Nothing like the photos: the colour is much duller. || The actual dimensions don't match the ones on the product page.",
    ],
    tp: ["Conforme à la description || Comme sur les photos", "As described || Just like the pictures"],
    tn: ["Pas conforme || Rien à voir avec les photos", "Not as described || Nothing like the photos"],
  },
  {
    id: "value",
    t: ["product", "service", "store"],
    l: ["le rapport qualité-prix", "value for money"],
    p: [
      "Pour ce prix-là, difficile de trouver mieux. || Un peu plus cher qu'ailleurs, mais la différence se voit et se sent.",
      "Hard to beat for the price. || A little pricier than elsewhere, but you can see where the money goes.",
    ],
    n: [
      "Beaucoup trop cher pour ce que c'est. || Le prix a augmenté de {n}0 % en un an, sans aucune amélioration.",
      "Far too expensive for what it is. || The price went up by {n}0% in a year with no improvement at all.",
    ],
    tp: ["Excellent rapport qualité-prix || Prix juste", "Great value || Fair price"],
    tn: ["Trop cher || Prix injustifié", "Overpriced || Not worth the money"],
  },
  // ── Services ──
  {
    id: "punctual",
    t: ["service"],
    s: "installation|entretien|pose|ménage|garde|jardin|plomberie|déménagement|travaux|aide|révision|pneus|contrôle|carrosserie|soin|coupe|livraison|retouches|découpe|cleaning|childcare|gardening|plumbing|removal|jobs|care|fitting|service$|delivery|repair",
    l: ["la ponctualité", "punctuality"],
    p: [
      "Arrivés à l'heure pile, et j'avais été prévenu{e} par SMS la veille. || Intervention au créneau prévu, sans avoir à relancer.",
      "Bang on time, with a text the day before. || They came in the agreed slot without me having to chase.",
    ],
    n: [
      "Rendez-vous décalé {n} fois, prévenu{e} à chaque fois la veille au soir. || J'ai posé une demi-journée de congé pour rien : personne n'est venu.",
      "The appointment was moved {n} times, each time the evening before. || I took half a day off for nothing: nobody turned up.",
    ],
    tp: ["Ponctuel et efficace || À l'heure", "Punctual and efficient || Right on time"],
    tn: ["Rendez-vous non honoré || Aucune ponctualité", "No-show || Never on time"],
  },
  {
    id: "workmanship",
    t: ["service"],
    s: "installation|entretien|pose|ménage|garde|jardin|plomberie|déménagement|travaux|aide|révision|pneus|contrôle|carrosserie|soin|coupe|retouches|découpe|cleaning|childcare|gardening|plumbing|removal|jobs|care|fitting|bodywork|alterations|facial|cut",
    l: ["la qualité de la prestation", "the quality of the work"],
    p: [
      "Travail soigné, chantier laissé propre. || Prestation impeccable, on voit que les équipes sont formées.",
      "Careful work and they left everything clean. || Flawless job, you can tell the teams are well trained.",
    ],
    n: [
      "Travail bâclé qu'il a fallu faire reprendre par quelqu'un d'autre. || La prestation facturée n'a été réalisée qu'à moitié.",
      "A botched job that had to be redone by someone else. || Only half of what we paid for was actually done.",
    ],
    tp: ["Travail soigné || Prestation impeccable", "Careful work || Flawless job"],
    tn: ["Travail bâclé || Prestation à moitié faite", "Botched job || Half-done work"],
  },
  {
    id: "billing",
    t: ["service", "phone"],
    l: ["la facturation", "billing"],
    p: [
      "Facture claire, conforme au devis, sans frais cachés. || Prix annoncé, prix payé : rien à ajouter.",
      "Clear invoice matching the quote, no hidden fees. || The price quoted was the price paid, simple as that.",
    ],
    n: [
      "Des frais apparus sur la facture sans que personne ne m'en parle. || Facturé{e} deux fois le même mois et il faut se battre pour récupérer la différence.",
      "Fees appeared on the bill without anyone mentioning them. || Charged twice in the same month and you have to fight to get the money back.",
    ],
    tp: ["Facturation transparente || Pas de mauvaise surprise", "Transparent billing || No nasty surprises"],
    tn: ["Frais cachés || Facturé{e} deux fois", "Hidden fees || Double charged"],
  },
];

export interface CategoryAspects {
  /** Generic aspects that do not fit the category. */
  skip?: string[];
  aspects: AspectSource[];
}

export const CATEGORY_ASPECTS: Record<string, CategoryAspects> = {
  supermarches: {
    skip: ["quality", "conformity"],
    aspects: [
      {
        id: "fresh",
        t: ["store", "online"],
        l: ["la fraîcheur des produits", "the freshness of the produce"],
        p: [
          "Les fruits et légumes sont superbes, on sent qu'ils viennent de producteurs du coin. || Rayon boucherie excellent, la viande est tendre et bien présentée.",
          "The fruit and veg are superb, you can tell they come from local growers. || Excellent butcher's counter, tender meat and nicely presented.",
        ],
        n: [
          "Fraises moisies au fond de la barquette, découvertes en rentrant. || Plusieurs produits à la date limite dépassée en rayon frais.",
          "Mouldy strawberries at the bottom of the punnet, found when I got home. || Several items past their use-by date in the chilled aisle.",
        ],
        tp: ["Des produits frais et bons || Super rayon primeur", "Lovely fresh produce || Great fruit and veg"],
        tn: ["Produits périmés en rayon || Fraîcheur douteuse", "Out-of-date food on the shelves || Not fresh at all"],
      },
      {
        id: "taste",
        t: ["product"],
        l: ["le goût de nos produits", "how our products taste"],
        p: [
          "Vraiment bon, on sent la différence avec les produits industriels. || Goût authentique et composition courte, je rachète chaque semaine.",
          "Really tasty, you can tell the difference from mass-produced stuff. || Authentic taste and a short ingredient list, I buy it every week.",
        ],
        n: [
          "Aucun goût, et la liste d'ingrédients est longue comme le bras. || Produit moisi bien avant la date indiquée.",
          "No taste at all, and the ingredient list is as long as your arm. || Went mouldy well before the date on the pack.",
        ],
        tp: ["Délicieux || Un vrai goût", "Delicious || Proper flavour"],
        tn: ["Aucun goût || Moisi avant la date", "Tasteless || Mouldy before its date"],
      },
      {
        id: "drive",
        t: ["online", "service"],
        s: "drive|livraison|collect|delivery",
        l: ["le drive", "the click-and-collect service"],
        p: [
          "Commande prête à l'heure, chargée dans le coffre en deux minutes. || Le drive est vraiment pratique, et les produits de remplacement sont bien choisis.",
          "Order ready on time and loaded into the boot in two minutes. || Click-and-collect is really handy and the substitutions are sensible.",
        ],
        n: [
          "{n} produits manquants au drive, et on ne le découvre qu'en rentrant. || Créneau de retrait de 18 h, commande prête à 18 h 40.",
          "{n} items missing from my click-and-collect order, discovered at home. || 6 pm collection slot, order ready at 6:40.",
        ],
        tp: ["Drive au top || Retrait rapide", "Great click-and-collect || Quick pick-up"],
        tn: ["Drive à revoir || Produits manquants", "Click-and-collect mess || Missing items"],
      },
      {
        id: "promos",
        t: ["store"],
        l: ["les promotions", "the special offers"],
        p: [
          "Les promotions sont réelles et la carte de fidélité rapporte vraiment. || Prix très corrects sur les produits de la marque du magasin.",
          "The offers are genuine and the loyalty card actually pays off. || Very fair prices on the shop's own brand.",
        ],
        n: [
          "Prix en promotion affiché en rayon, prix plein en caisse. || Les « promos » sont souvent plus chères que le prix habituel d'il y a six mois.",
          "Offer price on the shelf, full price at the till. || The so-called deals are often dearer than the regular price six months ago.",
        ],
        tp: ["De vraies bonnes affaires || Prix attractifs", "Genuine bargains || Good prices"],
        tn: ["Prix affichés faux || Promotions trompeuses", "Wrong shelf prices || Misleading offers"],
      },
    ],
  },
  "banque-assurance": {
    skip: ["queue", "tidy", "stock", "packaging", "delivery", "tracking", "advice", "refund", "punctual", "workmanship"],
    aspects: [
      {
        id: "adviser",
        t: ["store", "phone", "service"],
        l: ["le suivi par votre conseiller", "how your adviser followed your file"],
        p: [
          "{staff}, qui suit mon dossier, connaît ma situation et rappelle toujours quand c'est promis. || Rendez-vous obtenu dans la semaine, conseiller disponible et pédagogue.",
          "My adviser, {staff}, knows my file and always calls back when promised. || Got an appointment within the week, with a patient adviser who explains things.",
        ],
        n: [
          "{n} conseillers différents en deux ans, il faut tout réexpliquer à chaque fois. || Mon conseiller ne répond ni aux mails ni au téléphone depuis un mois.",
          "{n} different advisers in two years, and I have to explain everything again each time. || My adviser hasn't answered emails or calls for a month.",
        ],
        tp: ["Conseillère au top || Enfin un vrai suivi", "Excellent adviser || Finally a real follow-up"],
        tn: ["Conseiller injoignable || Aucun suivi", "Adviser never available || No follow-up"],
      },
      {
        id: "fees",
        t: ["service", "online"],
        s: "compte|carte|livret|account|card",
        l: ["les frais bancaires", "bank charges"],
        p: [
          "Pas de frais de tenue de compte et une carte gratuite, rien à redire. || Tarifs clairs et nettement inférieurs à ceux de mon ancienne banque.",
          "No account fees and a free card, nothing to complain about. || Clear pricing, much lower than my previous bank.",
        ],
        n: [
          "{n}8 € de frais d'incident pour un découvert de deux jours. || Les frais augmentent chaque année sans que le service s'améliore.",
          "€{n}8 in charges for being overdrawn for two days. || Fees go up every year while the service gets no better.",
        ],
        tp: ["Frais raisonnables || Des tarifs honnêtes", "Reasonable fees || Honest pricing"],
        tn: ["Frais abusifs || Des frais partout", "Excessive charges || Fees everywhere"],
      },
      {
        id: "app",
        t: ["online", "service"],
        l: ["l'application", "the app"],
        p: [
          "L'application est rapide, les virements instantanés fonctionnent vraiment. || Tout se fait depuis l'appli, même opposer la carte un dimanche soir.",
          "The app is fast and instant transfers really are instant. || You can do everything in the app, even block your card on a Sunday night.",
        ],
        n: [
          "L'application se déconnecte sans arrêt et la validation des paiements échoue une fois sur deux. || Appli en maintenance un jour de paie, impossible de voir mes comptes.",
          "The app keeps logging me out and payment confirmation fails half the time. || App down for maintenance on payday, no way to see my accounts.",
        ],
        tp: ["Appli excellente || Tout depuis le téléphone", "Excellent app || Everything from my phone"],
        tn: ["Appli instable || Application inutilisable", "Unreliable app || Unusable app"],
      },
      {
        id: "claim",
        t: ["service", "phone"],
        s: "assurance|insurance|complémentaire",
        l: ["la gestion de votre sinistre", "how your claim was handled"],
        p: [
          "Dégât des eaux déclaré un lundi, expert passé le jeudi, indemnisé{e} en trois semaines. || Sinistre auto pris en charge sans discussion, véhicule de prêt fourni.",
          "Water damage reported on Monday, assessor on Thursday, paid out within three weeks. || Car claim handled without argument and a courtesy car provided.",
        ],
        n: [
          "Dossier de sinistre ouvert depuis {n} mois, toujours aucune indemnisation. || On me demande pour la troisième fois les mêmes justificatifs.",
          "Claim open for {n} months and still no payout. || They've asked me for the same documents three times now.",
        ],
        tp: ["Sinistre bien géré || Indemnisation rapide", "Claim handled well || Quick payout"],
        tn: ["Sinistre interminable || Aucune indemnisation", "Never-ending claim || Still no payout"],
      },
    ],
  },
  telecom: {
    skip: ["queue", "tidy"],
    aspects: [
      {
        id: "coverage",
        t: ["service", "product"],
        s: "forfait|box|fibre|smartphone|répéteur|plan|broadband",
        l: ["la couverture réseau", "network coverage"],
        p: [
          "Réseau 5G stable même dans mon village, aucun appel coupé. || Débit constant en fibre, même le soir quand tout le monde est connecté.",
          "Stable 5G even in my village, no dropped calls. || Steady fibre speeds, even in the evening when everyone is online.",
        ],
        n: [
          "Aucune barre de réseau dans mon appartement, en plein centre-ville. || La connexion coupe plusieurs fois par jour depuis {n} semaines.",
          "No signal at all in my flat, right in the city centre. || The connection has been dropping several times a day for {n} weeks.",
        ],
        tp: ["Réseau fiable || Débit au rendez-vous", "Reliable network || Great speeds"],
        tn: ["Zéro réseau || Coupures à répétition", "No signal || Constant outages"],
      },
      {
        id: "install",
        t: ["service", "phone"],
        s: "fibre|box",
        l: ["l'installation de la fibre", "the fibre installation"],
        p: [
          "Le technicien a tiré la fibre proprement et tout fonctionnait en une heure. || Installation faite moins de dix jours après la souscription.",
          "The engineer ran the fibre neatly and everything worked within an hour. || Installed less than ten days after signing up.",
        ],
        n: [
          "Trois rendez-vous d'installation annulés, toujours pas de fibre après {n} mois. || Le technicien a percé au mauvais endroit et est reparti sans finir.",
          "Three installation appointments cancelled and still no fibre after {n} months. || The engineer drilled in the wrong place and left without finishing.",
        ],
        tp: ["Installation express || Fibre installée sans souci", "Quick installation || Smooth fibre set-up"],
        tn: ["Installation ratée || Toujours pas de fibre", "Failed installation || Still no fibre"],
      },
      {
        id: "cancel",
        t: ["service", "phone"],
        s: "forfait|service client|plan|customer",
        l: ["la résiliation", "cancelling the contract"],
        p: [
          "Résiliation faite en ligne en cinq minutes, sans appel de rétention insistant. || Portabilité du numéro réglée en deux jours.",
          "Cancelled online in five minutes without a pushy retention call. || Number transfer done in two days.",
        ],
        n: [
          "Résilié{e} depuis deux mois et toujours prélevé{e}. || On m'a facturé des frais de résiliation alors que j'étais hors engagement.",
          "Cancelled two months ago and they're still taking payments. || They charged me a cancellation fee although I was out of contract.",
        ],
        tp: ["Résiliation facile || Sans prise de tête", "Easy to cancel || No hassle"],
        tn: ["Résiliation impossible || Toujours prélevé{e}", "Impossible to cancel || Still being charged"],
      },
    ],
  },
  "e-commerce": {
    skip: ["welcome", "queue", "tidy"],
    aspects: [
      {
        id: "choice",
        t: ["online", "product"],
        l: ["le choix proposé", "the range on offer"],
        p: [
          "Un choix énorme et des fiches produits détaillées, avec de vrais avis. || J'ai trouvé une pièce introuvable ailleurs, à un prix correct.",
          "A huge range and detailed product pages with genuine reviews. || I found a part I couldn't get anywhere else, at a fair price.",
        ],
        n: [
          "Des centaines de produits quasi identiques, impossible de s'y retrouver. || La moitié des articles affichés sont en réalité indisponibles.",
          "Hundreds of near-identical products, impossible to find your way. || Half the listed items turn out to be unavailable.",
        ],
        tp: ["Un choix immense || On trouve tout", "Huge range || You can find anything"],
        tn: ["Catalogue fouillis || Articles indisponibles", "Messy catalogue || Items never available"],
      },
      {
        id: "returns",
        t: ["online", "product"],
        l: ["la procédure de retour", "the returns process"],
        p: [
          "Étiquette de retour gratuite, dépôt en point relais, remboursé{e} sous une semaine. || Le retour s'est fait depuis mon compte, sans justification.",
          "Free returns label, dropped at a parcel point, refunded within a week. || Return arranged from my account without having to explain myself.",
        ],
        n: [
          "Retour refusé au motif que l'emballage d'origine était ouvert. || Frais de retour de {n}9 € pour un article défectueux : inadmissible.",
          "Return refused because the original packaging had been opened. || €{n}9 return postage for a faulty item, unacceptable.",
        ],
        tp: ["Retours simples || Retour gratuit et rapide", "Easy returns || Free, quick returns"],
        tn: ["Retour refusé || Retours payants", "Return refused || Paid returns"],
      },
      {
        id: "sellers",
        t: ["online"],
        l: ["les vendeurs partenaires", "third-party sellers"],
        p: [
          "Même commandé chez un vendeur partenaire, tout est arrivé dans les délais. || Les vendeurs tiers sont bien notés et la plateforme garantit la commande.",
          "Even from a marketplace seller, everything arrived on time. || Third-party sellers are rated and the platform guarantees the order.",
        ],
        n: [
          "Commandé chez un vendeur tiers qui ne répond plus, et la plateforme se dit non responsable. || Produit contrefait envoyé par un vendeur partenaire.",
          "Ordered from a third-party seller who no longer replies, and the platform says it's not responsible. || Counterfeit item sent by a marketplace seller.",
        ],
        tp: ["Marketplace fiable || Vendeurs sérieux", "Reliable marketplace || Trustworthy sellers"],
        tn: ["Vendeur fantôme || Contrefaçon reçue", "Ghost seller || Received a fake"],
      },
    ],
  },
  voyage: {
    skip: ["queue", "tidy", "stock", "packaging", "tracking", "delivery", "refund"],
    aspects: [
      {
        id: "hotel",
        t: ["service", "online"],
        s: "séjour|week-end|circuit|croisière|stay|weekend|tour|cruise",
        l: ["l'hébergement", "the accommodation"],
        p: [
          "Hôtel conforme au descriptif, chambre avec vue sur la mer comme promis. || Logement propre, bien situé, et un petit-déjeuner copieux.",
          "Hotel just as described, with the promised sea-view room. || Clean, well-located accommodation and a generous breakfast.",
        ],
        n: [
          "L'hôtel « 4 étoiles » était en travaux, avec un marteau-piqueur dès 7 h. || Chambre sur le parking au lieu de la vue mer payée en supplément.",
          'The "4-star" hotel was a building site with a jackhammer from 7 am. || Car-park view instead of the sea view we paid extra for.',
        ],
        tp: ["Hôtel magnifique || Séjour de rêve", "Beautiful hotel || Dream stay"],
        tn: ["Hôtel pas conforme || Vacances gâchées", "Hotel not as described || Holiday ruined"],
      },
      {
        id: "flights",
        t: ["service", "online"],
        s: "séjour|week-end|circuit|stay|weekend|tour",
        l: ["les vols et transferts", "flights and transfers"],
        p: [
          "Transferts aéroport ponctuels et vols aux horaires annoncés. || Quand notre vol a été décalé, l'agence nous a prévenus et tout réorganisé.",
          "Punctual airport transfers and flights on schedule. || When our flight was moved the agency warned us and rearranged everything.",
        ],
        n: [
          "Vol retour avancé de dix heures, appris la veille par un simple SMS. || Personne pour le transfert à l'arrivée, taxi à nos frais à minuit.",
          "Return flight brought forward by ten hours, announced the day before by text. || Nobody there for the arrival transfer, so a taxi at our own expense at midnight.",
        ],
        tp: ["Organisation parfaite || Transferts impeccables", "Perfectly organised || Smooth transfers"],
        tn: ["Vol modifié sans prévenir || Transfert fantôme", "Flight changed without warning || No transfer"],
      },
      {
        id: "cancellation",
        t: ["service", "phone", "online"],
        l: ["l'annulation et le remboursement du voyage", "the cancellation and refund"],
        p: [
          "Voyage annulé pour raison médicale, remboursé{e} intégralement grâce à l'assurance. || Report des dates accepté sans frais.",
          "Trip cancelled for medical reasons and fully refunded through the insurance. || Dates moved at no extra cost.",
        ],
        n: [
          "Voyage annulé par l'agence elle-même et remboursement promis depuis {n} mois. || Un avoir imposé au lieu d'un remboursement, valable un an seulement.",
          'The agency cancelled the trip itself and the refund has been "on its way" for {n} months. || Forced to take a voucher valid for one year instead of a refund.',
        ],
        tp: ["Annulation bien gérée || Remboursé{e} sans souci", "Cancellation handled well || Refunded without fuss"],
        tn: ["Remboursement fantôme || Avoir imposé", "Refund never came || Forced voucher"],
      },
      {
        id: "guide",
        t: ["service"],
        s: "circuit|croisière|séjour|tour|cruise|stay",
        l: ["l'accompagnement sur place", "the guide and on-site support"],
        p: [
          "Notre guide, {staff}, nous a passionnés du début à la fin et était aux petits soins. || Un correspondant local joignable à toute heure pendant le séjour.",
          "Our guide, {staff}, was fascinating and looked after everyone. || A local contact we could reach at any time during the trip.",
        ],
        n: [
          "Guide absent la moitié du circuit et visites raccourcies sans explication. || Aucun représentant sur place quand nous avons eu un problème.",
          "The guide was missing for half the tour and visits were cut short without explanation. || No rep on site when we had a problem.",
        ],
        tp: ["Guide formidable || Accompagnement aux petits soins", "Wonderful guide || Brilliant support"],
        tn: ["Guide absent || Livrés à nous-mêmes", "Absent guide || Left to our own devices"],
      },
    ],
  },
  restauration: {
    skip: ["queue", "stock", "advice", "quality", "conformity", "tracking", "site", "tidy", "refund", "packaging", "delivery"],
    aspects: [
      {
        id: "food",
        t: ["store", "product", "online"],
        l: ["les plats", "the food"],
        p: [
          "Les plats sont copieux, bien assaisonnés et faits maison. || Mention spéciale pour le dessert, une vraie tuerie.",
          "Generous, well-seasoned, home-made dishes. || Special mention for the dessert, absolutely delicious.",
        ],
        n: [
          "Plat servi tiède, frites molles et sauce industrielle. || Portions minuscules pour le prix, on ressort avec la faim.",
          "Food served lukewarm, soggy chips and a sauce straight out of a packet. || Tiny portions for the price, we left hungry.",
        ],
        tp: ["Un régal || Cuisine délicieuse", "Delicious food || A real treat"],
        tn: ["Plats décevants || Servi tiède", "Disappointing food || Served lukewarm"],
      },
      {
        id: "waiters",
        t: ["store"],
        l: ["le service en salle", "the table service"],
        p: [
          "Service rapide et attentionné, {staff} nous a parfaitement conseillé le vin. || Les serveurs sont aux petits soins, même en plein coup de feu.",
          "Quick, attentive service, and {staff} recommended the perfect wine. || The waiting staff are attentive even at the busiest times.",
        ],
        n: [
          "{n}5 minutes pour avoir la carte, puis encore autant pour commander. || Serveur désagréable qui nous a fait comprendre qu'il fallait libérer la table.",
          "{n}5 minutes to get a menu, then as long again to order. || An unpleasant waiter who made it clear we should free the table.",
        ],
        tp: ["Service aux petits soins || Équipe au top", "Attentive service || Great team"],
        tn: ["Service interminable || Serveur désagréable", "Painfully slow service || Rude waiter"],
      },
      {
        id: "takeaway",
        t: ["online", "service", "product"],
        s: "livraison|emporter|delivery|takeaway|burger|formule|menu",
        l: ["la livraison de votre commande", "the delivery of your order"],
        p: [
          "Commande livrée chaude en 25 minutes, bien emballée. || Click & collect prêt à l'heure, rien ne manquait.",
          "Order delivered hot within 25 minutes and well packed. || Click and collect ready on time, nothing missing.",
        ],
        n: [
          "Livrée avec une heure de retard, froide, et sans les boissons. || Il manquait la moitié de la commande et impossible de joindre le restaurant.",
          "Delivered an hour late, cold and without the drinks. || Half the order was missing and the restaurant wouldn't pick up.",
        ],
        tp: ["Livraison rapide et chaude || Commande parfaite", "Fast, hot delivery || Perfect order"],
        tn: ["Livrée froide || Commande incomplète", "Arrived cold || Incomplete order"],
      },
    ],
  },
  mode: {
    aspects: [
      {
        id: "sizing",
        t: ["store", "online", "product"],
        l: ["les tailles", "sizing"],
        p: [
          "Le guide des tailles est fiable, tout m'allait du premier coup. || Belle coupe, et ça taille normalement.",
          "The size guide is reliable, everything fitted first time. || Lovely cut and true to size.",
        ],
        n: [
          "Ça taille au moins deux tailles en dessous, le guide ne sert à rien. || Même taille, même modèle, et pourtant deux coupes complètement différentes.",
          "It comes up at least two sizes small and the size guide is useless. || Same size, same model, yet two completely different fits.",
        ],
        tp: ["Taille parfaitement || Coupe impeccable", "True to size || Perfect fit"],
        tn: ["Tailles fantaisistes || Taille beaucoup trop petit", "Sizing all over the place || Comes up far too small"],
      },
      {
        id: "fabric",
        t: ["product", "store"],
        l: ["la qualité des tissus", "the fabric quality"],
        p: [
          "Tissu épais et agréable, ça tient après {n} lavages. || Coutures solides, la qualité se voit au premier coup d'œil.",
          "Thick, pleasant fabric that has survived {n} washes. || Solid stitching, you can see the quality straight away.",
        ],
        n: [
          "Le pull a bouloché dès le deuxième lavage. || Le t-shirt a rétréci et vrillé après un lavage à 30 °C.",
          "The jumper was bobbly after the second wash. || The T-shirt shrank and twisted after one wash at 30 °C.",
        ],
        tp: ["Belle qualité || Tissu de qualité", "Lovely quality || Quality fabric"],
        tn: ["Bouloche au premier lavage || Qualité en baisse", "Bobbly after one wash || Quality has dropped"],
      },
      {
        id: "exchange",
        t: ["store", "online"],
        l: ["l'échange", "the exchange"],
        p: [
          "Échange en magasin d'un article commandé en ligne, fait en deux minutes. || Échange de taille accepté même sans le ticket, avec le sourire.",
          "Exchanged an online order in store in two minutes. || Swapped for another size even without the receipt, with a smile.",
        ],
        n: [
          "Impossible d'échanger en magasin un article acheté sur le site. || Échange refusé à J+31 alors que le délai affiché était de 30 jours ouvrés.",
          "No way to exchange an online purchase in store. || Exchange refused on day 31 although the stated limit was 30 working days.",
        ],
        tp: ["Échange facile || Souple et arrangeant", "Easy exchange || Flexible and helpful"],
        tn: ["Échange refusé || Politique d'échange rigide", "Exchange refused || Rigid exchange policy"],
      },
    ],
  },
  "high-tech": {
    aspects: [
      {
        id: "aftersales",
        t: ["service", "phone", "product"],
        l: ["le service après-vente", "after-sales service"],
        p: [
          "Panne prise en charge par le SAV : appareil réparé et renvoyé en {n} jours. || Le SAV a envoyé un technicien sous 48 h, pièce changée sur place.",
          "The fault was handled by after-sales and the item repaired and sent back in {n} days. || After-sales sent a technician within 48 hours and replaced the part on site.",
        ],
        n: [
          "Lave-linge en panne depuis {n} semaines, le SAV ne trouve pas la pièce. || Appareil parti en réparation deux fois pour la même panne.",
          "Washing machine broken for {n} weeks and after-sales can't find the part. || Sent off for repair twice for the same fault.",
        ],
        tp: ["SAV efficace || Réparé rapidement", "Efficient after-sales || Repaired quickly"],
        tn: ["SAV inexistant || Panne jamais réparée", "Non-existent after-sales || Never repaired"],
      },
      {
        id: "setup",
        t: ["service", "store"],
        s: "livraison|installation|delivery|reprise|take-back",
        l: ["la livraison et l'installation", "delivery and installation"],
        p: [
          "Livreurs soigneux : réfrigérateur monté au 4e sans ascenseur et ancien appareil repris. || Installation et mise en service comprises, avec une démonstration.",
          "Careful delivery crew: fridge carried up to the 4th floor without a lift and the old one taken away. || Installation and set-up included, with a demo.",
        ],
        n: [
          "Les livreurs ont refusé de monter l'appareil et l'ont laissé en bas de l'immeuble. || Four livré avec la porte rayée et installation facturée alors qu'elle était offerte.",
          "The delivery crew refused to carry it upstairs and left it at the bottom of the building. || Oven delivered with a scratched door and installation charged although it was supposed to be free.",
        ],
        tp: ["Livreurs au top || Installation parfaite", "Great delivery crew || Perfect installation"],
        tn: ["Laissé en bas de l'immeuble || Installation ratée", "Left at the kerb || Botched installation"],
      },
      {
        id: "warranty",
        t: ["service", "product", "phone"],
        s: "garantie|warranty|après-vente|after-sales|lave|téléviseur|aspirateur|ordinateur|réfrigérateur|four|enceinte",
        l: ["l'application de la garantie", "the warranty"],
        p: [
          "Garantie appliquée sans discuter, appareil échangé immédiatement. || L'extension de garantie a vraiment servi : remplacement à neuf.",
          "Warranty honoured without argument and the item swapped straight away. || The extended warranty really paid off: a brand-new replacement.",
        ],
        n: [
          "On refuse la garantie en parlant de « mauvaise utilisation » sans même ouvrir l'appareil. || Extension de garantie vendue en magasin, introuvable quand on en a besoin.",
          'Warranty refused for "misuse" without even opening the device. || Extended warranty sold in store, nowhere to be found when needed.',
        ],
        tp: ["Garantie respectée || Échange immédiat", "Warranty honoured || Instant replacement"],
        tn: ["Garantie refusée || Extension inutile", "Warranty refused || Useless extended warranty"],
      },
    ],
  },
  energie: {
    skip: ["queue", "tidy", "stock", "packaging", "tracking", "delivery", "refund", "advice"],
    aspects: [
      {
        id: "meter",
        t: ["service", "online"],
        s: "offre|tariff",
        l: ["le relevé du compteur", "the meter readings"],
        p: [
          "Les relevés du compteur communicant remontent bien et la facture colle à ma consommation. || Suivi de consommation au jour le jour dans l'espace client, très utile.",
          "The smart meter readings come through and the bill matches what I actually use. || Daily usage tracking in the customer area, really useful.",
        ],
        n: [
          "Facture estimée trois fois de suite alors que le compteur est communicant. || Relevé erroné de {n} 000 kWh, et c'est à moi de prouver l'erreur.",
          "Three estimated bills in a row although I have a smart meter. || A reading that was {n},000 kWh out, and it's up to me to prove it.",
        ],
        tp: ["Facturation au réel || Suivi de conso clair", "Accurate bills || Clear usage tracking"],
        tn: ["Factures estimées || Relevé faux", "Estimated bills || Wrong meter reading"],
      },
      {
        id: "regul",
        t: ["service", "phone"],
        s: "offre|tariff",
        l: ["la régularisation annuelle", "the annual bill adjustment"],
        p: [
          "Mensualités bien calculées, la régularisation de fin d'année était de quelques euros. || Trop-perçu remboursé automatiquement, sans rien demander.",
          "Monthly payments well calculated, the year-end adjustment was a few euros. || Overpayment refunded automatically without asking.",
        ],
        n: [
          "Régularisation de {n}00 € tombée sans prévenir, avec un prélèvement en une fois. || Mensualités doublées du jour au lendemain sans explication.",
          "A €{n}00 adjustment out of the blue, taken in one go. || Monthly payments doubled overnight with no explanation.",
        ],
        tp: ["Pas de mauvaise surprise || Mensualités justes", "No nasty surprises || Fair monthly payments"],
        tn: ["Régularisation salée || Mensualités doublées", "Huge adjustment bill || Payments doubled"],
      },
      {
        id: "switch",
        t: ["service", "online"],
        s: "offre|tariff",
        l: ["le changement de fournisseur", "switching supplier"],
        p: [
          "Changement de fournisseur fait en ligne, sans coupure et sans rien à faire de mon côté. || Souscription en dix minutes, l'offre verte est clairement expliquée.",
          "Switched supplier online without any interruption or effort on my side. || Signed up in ten minutes and the green tariff is clearly explained.",
        ],
        n: [
          "Souscrit{e} par démarchage à domicile avec des arguments mensongers. || Changement de fournisseur bloqué {n} semaines, double facturation entre-temps.",
          "Signed up by a door-to-door salesman using misleading claims. || Switch blocked for {n} weeks, with double billing in the meantime.",
        ],
        tp: ["Changement sans coupure || Souscription simple", "Seamless switch || Easy sign-up"],
        tn: ["Démarchage trompeur || Double facturation", "Misleading doorstep selling || Double billing"],
      },
      {
        id: "solar",
        t: ["service"],
        s: "solaire|solar",
        l: ["l'installation des panneaux", "the solar installation"],
        p: [
          "Panneaux posés en une journée, et la production correspond aux simulations. || Dossier de raccordement entièrement géré par l'installateur.",
          "Panels fitted in a day and output matches the projections. || The installer handled the whole grid-connection paperwork.",
        ],
        n: [
          "Production bien inférieure à l'étude, et l'onduleur est déjà tombé en panne. || Fuite dans la toiture après la pose, personne ne veut reconnaître sa responsabilité.",
          "Output far below the study, and the inverter has already failed. || The roof leaked after fitting and nobody will take responsibility.",
        ],
        tp: ["Installation solaire réussie || Production conforme", "Great solar install || Output as promised"],
        tn: ["Production décevante || Toiture abîmée", "Disappointing output || Damaged roof"],
      },
    ],
  },
  automobile: {
    skip: ["queue", "tidy", "stock", "packaging", "tracking", "delivery", "refund", "advice"],
    aspects: [
      {
        id: "quote",
        t: ["service", "store", "online"],
        l: ["le respect du devis", "sticking to the quote"],
        p: [
          "Facture identique au devis, au centime près. || Le garagiste m'a appelé{e} avant toute intervention supplémentaire.",
          "The invoice matched the quote to the cent. || The mechanic phoned me before doing any extra work.",
        ],
        n: [
          "Devis de {n}50 €, facture de plus du double, « on a trouvé autre chose ». || Travaux supplémentaires faits sans mon accord.",
          'Quoted €{n}50, billed more than double because they "found something else". || Extra work done without my consent.',
        ],
        tp: ["Devis respecté || Garage honnête", "Quote respected || An honest garage"],
        tn: ["Facture gonflée || Travaux non demandés", "Inflated bill || Work I didn't ask for"],
      },
      {
        id: "downtime",
        t: ["service", "store"],
        l: ["le délai d'immobilisation", "how long the car was off the road"],
        p: [
          "Voiture déposée à 8 h, récupérée à midi comme prévu. || Véhicule de courtoisie prêté pendant les deux jours de réparation.",
          "Dropped the car at 8 am and picked it up at noon as agreed. || A courtesy car for the two days of repairs.",
        ],
        n: [
          "Voiture immobilisée {n} semaines pour une pièce « commandée ». || Prévu pour le soir même, la voiture est restée quatre jours sans nouvelles.",
          "Car off the road for {n} weeks waiting for a part that was supposedly ordered. || Due back the same evening, kept for four days without a word.",
        ],
        tp: ["Délais tenus || Rapide et efficace", "On time || Quick and efficient"],
        tn: ["Voiture immobilisée des semaines || Délais non tenus", "Car stuck for weeks || Deadlines missed"],
      },
      {
        id: "mechanic",
        t: ["store", "service"],
        l: ["les explications du mécanicien", "the mechanic's explanations"],
        p: [
          "{staff} m'a montré les pièces usées et expliqué ce qui pouvait attendre. || Diagnostic clair, sans jargon, et de bons conseils d'entretien.",
          "{staff} showed me the worn parts and explained what could wait. || A clear diagnosis without jargon and good maintenance tips.",
        ],
        n: [
          "Aucune explication sur la panne, on me tend juste la facture. || Le bruit est toujours là après la réparation.",
          "No explanation of the fault, just the bill handed over. || The noise is still there after the repair.",
        ],
        tp: ["Mécanicien pédagogue || Diagnostic clair", "Patient mechanic || Clear diagnosis"],
        tn: ["Panne toujours là || Aucune explication", "Fault still there || No explanation"],
      },
    ],
  },
  "maison-bricolage": {
    aspects: [
      {
        id: "range",
        t: ["store", "online"],
        l: ["le choix en rayon", "the range in store"],
        p: [
          "Un choix impressionnant de luminaires et de petites pièces, on trouve la bonne vis du premier coup. || Large choix de peintures, avec des échantillons à tester.",
          "An impressive range of lighting and small parts, you find the right screw first time. || A wide range of paints with tester pots.",
        ],
        n: [
          "Le rayon quincaillerie est dévalisé et personne ne sait quand il sera réapprovisionné. || Choix réduit à trois modèles, tous hors de prix.",
          "The hardware aisle has been cleared out and nobody knows when it'll be restocked. || The choice is down to three models, all overpriced.",
        ],
        tp: ["Un choix énorme || On trouve tout", "Huge choice || They have everything"],
        tn: ["Rayons vides || Choix trop limité", "Empty shelves || Very limited choice"],
      },
      {
        id: "cutting",
        t: ["store", "service"],
        s: "découpe|cutting",
        l: ["le service de découpe", "the cutting service"],
        p: [
          "Découpe de mes planches faite au millimètre, en dix minutes. || Le service de découpe est gratuit et impeccable.",
          "My boards were cut to the millimetre in ten minutes. || The cutting service is free and spot on.",
        ],
        n: [
          "Découpes fausses de {n} cm, il a fallu tout racheter. || Machine de découpe en panne depuis des semaines.",
          "Cuts were {n} cm out and I had to buy everything again. || The cutting machine has been broken for weeks.",
        ],
        tp: ["Découpe précise || Service découpe au top", "Precise cutting || Great cutting service"],
        tn: ["Découpes ratées || Service en panne", "Botched cuts || Service out of order"],
      },
      {
        id: "bulky",
        t: ["online", "service", "product"],
        s: "livraison|delivery|canapé|parquet|lampadaire|cuisine",
        l: ["la livraison des articles volumineux", "the delivery of bulky items"],
        p: [
          "Canapé livré dans la pièce, emballages repris. || Livraison des matériaux au pied du chantier le jour convenu.",
          "The sofa was carried into the room and the packaging taken away. || Materials delivered to the site on the agreed day.",
        ],
        n: [
          "Meuble livré avec un pied cassé, et il faut attendre {n} semaines la pièce. || Livraison reportée trois fois, chantier à l'arrêt.",
          "Furniture delivered with a broken leg, and a {n}-week wait for the part. || Delivery postponed three times, work on hold.",
        ],
        tp: ["Livraison soignée || Livré dans la pièce", "Careful delivery || Brought right in"],
        tn: ["Meuble livré abîmé || Livraison reportée", "Delivered damaged || Delivery postponed"],
      },
    ],
  },
  "sante-beaute": {
    skip: ["queue", "stock"],
    aspects: [
      {
        id: "counsel",
        t: ["store", "phone"],
        l: ["les conseils", "the advice"],
        p: [
          "La pharmacienne a pris le temps de vérifier les interactions avec mon traitement. || Conseils avisés pour ma peau sensible, sans pousser à l'achat.",
          "The pharmacist took the time to check for interactions with my treatment. || Sensible advice for my sensitive skin without pushing a sale.",
        ],
        n: [
          "On m'a vendu trois produits dont je n'avais pas besoin. || Aucune confidentialité au comptoir, tout le monde entend votre ordonnance.",
          "They sold me three products I didn't need. || No privacy at the counter, everyone can hear your prescription.",
        ],
        tp: ["Conseils précieux || À l'écoute", "Valuable advice || They really listen"],
        tn: ["Vente forcée || Aucune confidentialité", "Hard sell || No privacy"],
      },
      {
        id: "results",
        t: ["product"],
        l: ["l'efficacité du produit", "how well the product works"],
        p: [
          "Ma peau est nettement moins sèche après {n} semaines. || Texture agréable, ne colle pas, et ça tient toute la journée.",
          "My skin is much less dry after {n} weeks. || Nice texture, not sticky, and it lasts all day.",
        ],
        n: [
          "Aucun effet après un mois d'utilisation, et une petite irritation en prime. || Le flacon se vide en deux semaines pour ce prix-là.",
          "No effect after a month, plus a bit of irritation. || The bottle is empty in two weeks for that price.",
        ],
        tp: ["Efficace || Mon nouveau indispensable", "It works || My new must-have"],
        tn: ["Aucun effet || Irritation", "Does nothing || Caused irritation"],
      },
      {
        id: "appointment",
        t: ["service", "store"],
        s: "soin|coupe|examen|facial|cut|eye",
        l: ["la prise de rendez-vous", "booking an appointment"],
        p: [
          "Rendez-vous en ligne en deux minutes, et le soin a commencé à l'heure. || Rappel la veille et aucune attente sur place.",
          "Booked online in two minutes and the treatment started on time. || Reminder the day before and no waiting on arrival.",
        ],
        n: [
          "Rendez-vous annulé au dernier moment, sans proposition de nouvelle date. || {n}0 minutes de retard sur l'heure du rendez-vous.",
          "Appointment cancelled at the last minute with no new date offered. || {n}0 minutes late for the booked time.",
        ],
        tp: ["Réservation facile || Ponctuel", "Easy booking || Right on time"],
        tn: ["Rendez-vous annulé || Retard énorme", "Appointment cancelled || Huge delay"],
      },
    ],
  },
  transport: {
    skip: ["queue", "tidy", "stock", "packaging", "tracking", "delivery", "advice", "quality", "conformity", "refund"],
    aspects: [
      {
        id: "ontime",
        t: ["service", "product"],
        s: "ligne|navette|abonnement|carte|trajet|traversée|route|shuttle|ticket|ride|crossing",
        l: ["la ponctualité des départs", "punctuality"],
        p: [
          "Départ et arrivée à l'heure, à la minute près. || En {n} mois de trajets quotidiens, à peine deux retards.",
          "Left and arrived on time to the minute. || In {n} months of daily commuting, barely two delays.",
        ],
        n: [
          "{n}5 minutes de retard au départ, sans la moindre annonce. || Correspondance ratée à cause du retard et aucune solution proposée.",
          "{n}5 minutes late leaving with no announcement at all. || Missed my connection because of the delay and no alternative offered.",
        ],
        tp: ["À l'heure || Ponctuel et fiable", "On time || Punctual and reliable"],
        tn: ["Retards à répétition || Correspondance ratée", "Constant delays || Missed connection"],
      },
      {
        id: "comfort",
        t: ["service", "product"],
        s: "ligne|navette|abonnement|trajet|traversée|route|shuttle|ride|crossing",
        l: ["le confort à bord", "comfort on board"],
        p: [
          "Sièges confortables, prises USB et Wi-Fi qui fonctionne vraiment. || Véhicule propre et chauffeur prudent, trajet reposant.",
          "Comfortable seats, USB sockets and Wi-Fi that actually works. || Clean vehicle and a careful driver, a relaxing journey.",
        ],
        n: [
          "Climatisation en panne par {n}5 °C, trajet pénible. || Toilettes hors service pendant tout le trajet de quatre heures.",
          "Air conditioning broken at {n}5 °C, a miserable journey. || Toilets out of order for the whole four-hour trip.",
        ],
        tp: ["Trajet confortable || Voyage agréable", "Comfortable ride || Pleasant journey"],
        tn: ["Trajet pénible || Clim en panne", "Miserable journey || Broken air con"],
      },
      {
        id: "compensation",
        t: ["service", "online", "phone", "store"],
        l: ["l'indemnisation des retards", "compensation for delays"],
        p: [
          "Formulaire de compensation rempli en ligne, bon d'achat reçu sous une semaine. || Remboursement automatique après l'annulation du trajet.",
          "Filled in the compensation form online and got a voucher within a week. || Automatic refund after the journey was cancelled.",
        ],
        n: [
          "Demande d'indemnisation envoyée il y a {n} mois, toujours en cours de traitement. || Billet non remboursé alors que le train a été supprimé.",
          'Compensation claim sent {n} months ago and still "being processed". || No refund although the train was cancelled.',
        ],
        tp: ["Indemnisé{e} rapidement || Remboursement automatique", "Compensated quickly || Automatic refund"],
        tn: ["Pas d'indemnisation || Billet jamais remboursé", "No compensation || Ticket never refunded"],
      },
    ],
  },
  "services-domicile": {
    skip: ["queue", "tidy", "stock", "packaging", "tracking", "delivery", "site", "quality", "conformity", "refund", "advice"],
    aspects: [
      {
        id: "care",
        t: ["service"],
        l: ["le soin apporté à votre domicile", "the care taken in your home"],
        p: [
          "{staff} est d'une discrétion et d'une fiabilité exemplaires, on lui confie les clés sans hésiter. || Intervenante soigneuse, qui fait attention à nos affaires.",
          "{staff} is discreet and completely reliable, we hand over our keys without a second thought. || A careful worker who respects our things.",
        ],
        n: [
          "Un vase cassé et rien signalé, on l'a découvert le soir. || L'intervenant est reparti au bout d'une heure alors que deux étaient facturées.",
          "A broken vase and nobody said a word, we found it in the evening. || The worker left after one hour although two were billed.",
        ],
        tp: ["Une perle || Confiance totale", "An absolute gem || Completely trustworthy"],
        tn: ["Casse non signalée || Heures facturées non faites", "Breakage not reported || Billed for hours not worked"],
      },
      {
        id: "planning",
        t: ["service", "phone", "store", "online"],
        l: ["la gestion du planning", "scheduling"],
        p: [
          "Remplacement proposé dès que notre intervenante habituelle a été absente. || Planning stable depuis {n} mois, toujours la même personne.",
          "A replacement offered as soon as our usual helper was off. || Same person every week for {n} months now.",
        ],
        n: [
          "{n} intervenants différents en un mois, il faut tout réexpliquer. || Intervention annulée le matin même, sans remplacement.",
          "{n} different workers in one month, and we have to explain everything each time. || Visit cancelled the same morning with no replacement.",
        ],
        tp: ["Planning fiable || Toujours la même personne", "Reliable scheduling || Same person every time"],
        tn: ["Valse des intervenants || Annulations de dernière minute", "A revolving door of staff || Last-minute cancellations"],
      },
      {
        id: "taxcredit",
        t: ["service", "online", "store"],
        l: ["l'attestation fiscale et la facturation", "the tax certificate and invoicing"],
        p: [
          "Avance immédiate du crédit d'impôt, on ne paie que la moitié : très pratique. || Attestation fiscale envoyée dès janvier, sans relance.",
          "The tax credit is deducted up front so we only pay half, very handy. || Tax certificate sent in January without chasing.",
        ],
        n: [
          "Toujours pas d'attestation fiscale en mai, impossible de faire ma déclaration. || Heures facturées en double sur le relevé mensuel.",
          "Still no tax certificate in May, so I can't file my return. || Hours billed twice on the monthly statement.",
        ],
        tp: ["Gestion administrative simple || Crédit d'impôt immédiat", "Easy paperwork || Instant tax credit"],
        tn: ["Attestation fiscale introuvable || Heures facturées en double", "No tax certificate || Hours billed twice"],
      },
    ],
  },
};
