import { defineMessages } from "./define";

// Messages shared by the layout and every page. Each area of the site has its own file
// beside this one (company.ts, auth.ts, …), merged in ./index.ts.
export const common = defineMessages({
  en: {
    "site.name": "Réplique",
    "site.tagline": "Reviews with a right of reply",
    "site.description":
      "Read and write reviews of shops, websites, products and services. Every company can answer in public, with the same prominence as the review.",
    "nav.skip": "Skip to content",
    "nav.search": "Search companies, stores, products",
    "nav.searchPlaceholder": "Company, store, product",
    "nav.searchButton": "Search",
    "nav.searchLandmark": "Site search",
    "nav.login": "Log in",
    "nav.signup": "Sign up",
    "nav.writeReview": "Write a review",
    "nav.language": "Language",
    "nav.forBusinesses": "For businesses",
    "footer.transparency": "How reviews work",
    "footer.report": "Report content",
    "footer.about":
      "Réplique is an open-source review site: no payment or reward is ever given for a review, and every company may answer for free.",
    "error.404.title": "Page not found",
    "error.404.body": "We could not find this page. It may have been moved, or the address may be mistyped.",
    "error.500.title": "Something went wrong",
    "error.500.body": "An unexpected error stopped this page. We have been told; please try again in a moment.",
    "error.503.title": "Saving is unavailable for a moment",
    "error.503.body":
      "The site could not write to its storage (it is full or failing), so nothing you sent was saved. Please try again in a few minutes; what you read stays available.",
    "error.403.title": "Not allowed",
    "error.403.body": "You do not have permission to do this.",
    "error.back": "Back to the home page",
    "pagination.label": "Pages",
    "pagination.next": "Older reviews",
    "pagination.prev": "Newer reviews",
    "pagination.first": "Back to the first page",
  },
  fr: {
    "site.name": "Réplique",
    "site.tagline": "Des avis avec droit de réponse",
    "site.description":
      "Lisez et écrivez des avis sur des magasins, des sites, des produits et des services. Chaque entreprise peut répondre publiquement, avec la même visibilité que l’avis.",
    "nav.skip": "Aller au contenu",
    "nav.search": "Rechercher une entreprise, un magasin, un produit",
    "nav.searchPlaceholder": "Entreprise, magasin…",
    "nav.searchButton": "Rechercher",
    "nav.searchLandmark": "Recherche sur le site",
    "nav.login": "Se connecter",
    "nav.signup": "Créer un compte",
    "nav.writeReview": "Écrire un avis",
    "nav.language": "Langue",
    "nav.forBusinesses": "Pour les entreprises",
    "footer.transparency": "Comment fonctionnent les avis",
    "footer.report": "Signaler un contenu",
    "footer.about":
      "Réplique est un site d’avis libre : aucun paiement ni avantage n’est jamais accordé pour un avis, et chaque entreprise peut répondre gratuitement.",
    "error.404.title": "Page introuvable",
    "error.404.body": "Nous n’avons pas trouvé cette page. Elle a peut-être été déplacée, ou l’adresse contient une faute de frappe.",
    "error.500.title": "Une erreur est survenue",
    "error.500.body": "Une erreur inattendue a interrompu cette page. Nous avons été prévenus ; réessayez dans un instant.",
    "error.503.title": "Enregistrement impossible pour le moment",
    "error.503.body":
      "Le site n’a pas pu écrire sur son stockage (plein ou en panne) : rien de ce que vous avez envoyé n’a été enregistré. Réessayez dans quelques minutes ; la lecture reste possible.",
    "error.403.title": "Action non autorisée",
    "error.403.body": "Vous n’avez pas le droit de faire cela.",
    "error.back": "Retour à l’accueil",
    "pagination.label": "Pages",
    "pagination.next": "Avis plus anciens",
    "pagination.prev": "Avis plus récents",
    "pagination.first": "Revenir à la première page",
  },
});
