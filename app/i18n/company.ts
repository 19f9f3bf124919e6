import { defineMessages } from "./define";

export const company = defineMessages({
  en: {
    "home.title": "Réplique — reviews with a right of reply",
    "home.heading": "Read reviews. Hear both sides.",
  },
  fr: {
    "home.title": "Réplique — des avis avec droit de réponse",
    "home.heading": "Lisez les avis. Écoutez les deux parties.",
  },
});
