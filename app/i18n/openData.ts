import { defineMessages } from "./define";

// Open data (issue 10, item 8): the API's documentation page (/api) and the description of
// every field of the API (`openData.field.<group>.<field>`, the groups and fields of
// app/lib/open-data.ts), the embeddable widget (/widget/:slug), the badge
// (/companies/:slug/badge.svg) and the CSV export link of the brand inbox.
export const openData = defineMessages({
  en: {
    "openData.title": "Open data: the API, the widget and the badge",
    "openData.meta":
      "Réplique's reviews and scores are open: a free JSON API without a key, an embeddable widget and badge, and a CSV export for companies. Every field, the cursor, caching and the terms of reuse.",
    "openData.lead":
      "Every company's scores and reviews, each with the company's reply, are open: as JSON, free, without a key or an account. Companies also get an embeddable widget, a badge and a CSV export.",
    "openData.toc": "On this page",

    "openData.endpoint.title": "The company endpoint",
    "openData.endpoint.body":
      "One address per company answers its details, its TrustScore on each basis, its right-of-reply scorecard, its public warnings, its subjects and a page of its reviews, newest first, each with the company's reply and the reviewer's follow-up.",
    "openData.params.title": "Query parameters",
    "openData.params.name": "Parameter",
    "openData.params.meaning": "Meaning",
    "openData.param.limit": "Reviews per page, 1 to 50 (20 unless told).",
    "openData.param.before": "Where the page starts: the cursor that the previous page's next carries. Read it from next, never build it.",
    "openData.param.sort": "newest (the default: newest first) or helpful (most helpful first).",
    "openData.param.stars": "Only reviews with these stars; repeat it for several (stars=1&stars=2).",
    "openData.param.channel": "Only one channel: store, website, phone, email, delivery or other.",
    "openData.param.language": "Only reviews written in fr or en.",
    "openData.param.origin": "Only one origin label: verified, invited or organic.",
    "openData.param.replied": "answered (with a reply) or awaiting (without one yet).",
    "openData.param.from": "Only experiences on or after this date (YYYY-MM-DD).",
    "openData.param.to": "Only experiences on or before this date (YYYY-MM-DD).",
    "openData.params.filtered": "With any filter, or sorted by helpfulness, the placeholders of removed reviews are left out.",

    "openData.cursor.title": "Paging through reviews: the cursor",
    "openData.cursor.body":
      "While more reviews follow, next is the URL of the next page: the same filters and sort, plus a before cursor that names the last review of this page. Follow next until it is null. The cursor is a position, not a page number: a review published while you read shifts nothing and repeats nothing, and the last page of a company with 60,000 reviews is as fast as the first.",

    "openData.fields.title": "Every field of the answer",
    "openData.fields.intro":
      "Dates and times are ISO 8601, in UTC. Texts are their authors' own: bodies are the HTML rendered from their Markdown and sanitised with an allow-list.",
    "openData.fields.field": "Field",
    "openData.fields.type": "Type",
    "openData.fields.meaning": "Meaning",
    "openData.group.document": "The answer",
    "openData.group.company": "company",
    "openData.group.score": "scores.all, scores.verified, scores.invited, scores.organic (score)",
    "openData.group.scorecard": "scorecard",
    "openData.group.warning": "warnings[] (warning)",
    "openData.group.removed": "removed_last_12_months[] (removed)",
    "openData.group.subject": "subjects[] (subject)",
    "openData.group.review": "reviews[] (review)",
    "openData.group.post": "reviews[].reply and reviews[].follow_up (post)",

    "openData.field.document.company": "The company.",
    "openData.field.document.scores": "Its TrustScore on each basis: all reviews, verified experiences, invited reviews, organic reviews.",
    "openData.field.document.scorecard": "Its right-of-reply scorecard over the last 12 months.",
    "openData.field.document.warnings": "The public warnings its page shows now, newest first.",
    "openData.field.document.removed_last_12_months": "Its reviews removed by moderation in the last 12 months, by reason.",
    "openData.field.document.subjects": "Its stores, websites, products and services.",
    "openData.field.document.reviews":
      "One page of its reviews (published ones, and the placeholders of removed ones), newest first unless sort says otherwise, each with its reply.",
    "openData.field.document.next": "The URL of the next page of reviews; null on the last page.",
    "openData.field.company.slug": "Its identifier, the one in every address.",
    "openData.field.company.name": "Its name.",
    "openData.field.company.website": "Its website, when known.",
    "openData.field.company.state":
      "unclaimed: nobody speaks for it yet; claimed: someone asked to; verified: its team is verified and replies in its name.",
    "openData.field.company.listing":
      "listed; or pending: added by a reviewer and not yet checked by a moderator, so its details may be wrong.",
    "openData.field.company.categories": "The identifiers of its categories.",
    "openData.field.company.url": "Its page on Réplique.",
    "openData.field.score.trust_score":
      "The TrustScore, 1 to 5 with one decimal, never rounded up: a Bayesian average weighted by recency (explained on /transparency); null without reviews.",
    "openData.field.score.raw_mean": "The plain average of the stars, one decimal, never rounded up; null without reviews.",
    "openData.field.score.review_count": "The published reviews it is computed on.",
    "openData.field.score.histogram": "How many reviews have 1, 2, 3, 4 and 5 stars, in that order.",
    "openData.field.scorecard.negativeCount": "Reviews of 1 or 2 stars published in the last 12 months.",
    "openData.field.scorecard.negativeAnswered": "How many of them the company answered.",
    "openData.field.scorecard.medianReplyDelay":
      "The median time from a review to the company's reply over the last 12 months, in milliseconds; null without replies.",
    "openData.field.scorecard.flaggedCount": "Reviews the company flagged in the last 12 months.",
    "openData.field.scorecard.flagsFiled": "The flags it filed in that time.",
    "openData.field.scorecard.flagsDecided": "How many of those flags a moderator decided.",
    "openData.field.scorecard.flagsUpheld": "How many of them were upheld.",
    "openData.field.warning.reason": "The reason's identifier (the reasons are listed on /transparency).",
    "openData.field.warning.reason_label": "The reason, in French and in English.",
    "openData.field.warning.statement": "What the moderators state, in the statement's language.",
    "openData.field.warning.language": "The statement's language.",
    "openData.field.warning.since": "When the warning started.",
    "openData.field.warning.until": "When it ends.",
    "openData.field.removed.reason": "The reason's identifier.",
    "openData.field.removed.count": "How many reviews were removed for it.",
    "openData.field.subject.slug": "Its identifier, unique within the company.",
    "openData.field.subject.name": "Its name.",
    "openData.field.subject.kind": "What it is.",
    "openData.field.subject.city": "A store's city.",
    "openData.field.subject.url": "A website's address (some products and services have one too).",
    "openData.field.subject.review_count": "Its published reviews.",
    "openData.field.subject.trust_score": "Its own TrustScore; null without reviews.",
    "openData.field.review.id": "Its number.",
    "openData.field.review.url": "Its page, with the whole conversation.",
    "openData.field.review.status": "published; or removed: a placeholder, its title and texts empty, with the date and the reason.",
    "openData.field.review.stars": "The rating.",
    "openData.field.review.title": "Its title.",
    "openData.field.review.body_html": "Its text, as sanitised HTML.",
    "openData.field.review.language": "The language it is written in.",
    "openData.field.review.origin":
      "verified: an experience checked against a proof; invited: written after the company's invitation; organic: written on the reviewer's own initiative.",
    "openData.field.review.channel": "Where the experience took place.",
    "openData.field.review.experience_date": "The date of the experience.",
    "openData.field.review.published_at": "When it was published.",
    "openData.field.review.edited_at": "Its last edit; null when never edited.",
    "openData.field.review.removed_at": "When moderation removed it; null otherwise.",
    "openData.field.review.removal_reason": "The identifier of the reason it was removed for; null otherwise.",
    "openData.field.review.resolved_at": "When its author marked it “resolved by the company”; null otherwise.",
    "openData.field.review.author": "The reviewer's display name; null once their account is gone.",
    "openData.field.review.subject": "The identifier of the subject it is about.",
    "openData.field.review.reply": "The company's reply; null until it replies.",
    "openData.field.review.follow_up": "The reviewer's one follow-up after the reply; null when none.",
    "openData.field.post.body_html": "Its text, as sanitised HTML (empty once removed).",
    "openData.field.post.published_at": "When it was published.",
    "openData.field.post.edited_at": "Its last edit; null when never edited.",
    "openData.field.post.status": "published, or removed by moderation.",

    "openData.status.title": "Answers and errors",
    "openData.status.ok": "200: the company, also one a reviewer added and no moderator has checked yet; company.listing is then pending.",
    "openData.status.notModified": "304: nothing changed since the ETag you sent in If-None-Match.",
    "openData.status.notFound": "404, with {json}: no company at this address, or one a moderator refused.",

    "openData.caching.title": "Caching, limits and CORS",
    "openData.caching.cache":
      "Answers carry Cache-Control: public, max-age=60 and an ETag: keep an answer a minute, then ask again with If-None-Match; an unchanged answer is a 304 without a body.",
    "openData.caching.rate":
      "There is no key and no quota. Be fair: at most one request a second per client, follow next rather than reading pages in parallel, and keep what you read as long as Cache-Control says. A client that overloads the site may be slowed down or refused.",
    "openData.caching.cors":
      "Any website may call the API from a browser: answers carry Access-Control-Allow-Origin: *. A plain GET needs no preflight.",

    "openData.licence.title": "Licence and terms of reuse",
    "openData.licence.intro": "Reuse is free, commercial reuse included, on these terms:",
    "openData.licence.source": "Name the source, “Réplique”, with a link to the company's or the review's page.",
    "openData.licence.figures":
      "The figures (scores, counts, histograms, scorecards, dates, labels) are yours to reuse, compute on and publish.",
    "openData.licence.texts":
      "The texts of reviews, replies and follow-ups remain their authors'. Show them unchanged, whole or visibly shortened, with the author's name, their date and a link to their page.",
    "openData.licence.reply":
      "Show every review with the company's reply, as prominently as the review: never a review without the reply Réplique shows with it.",
    "openData.licence.fresh":
      "Do not present an old copy as current: say when you read it, and read it again at least once a day; a review removed from Réplique goes from your copy too.",
    "openData.licence.people": "Do not use the data to identify, profile or contact reviewers, nor combine it with other data to do so.",
    "openData.licence.endorse":
      "Do not present a score of your own as Réplique's, nor suggest that Réplique recommends your service or a company.",

    "openData.example.title": "An example, from the live data",
    "openData.example.intro": "This request and its answer are read now, by the API itself, for {company} (one review: limit=1).",
    "openData.example.none": "No company is listed yet: the example appears here with the first one.",
    "openData.example.request": "Request",
    "openData.example.response": "Answer",

    "openData.embed.title": "The widget and the badge",
    "openData.embed.widget":
      "The widget shows a company's TrustScore, its review count and its latest reviews, each with the company's reply. Embed it with an iframe:",
    "openData.embed.widgetParams":
      "Parameters: lang (fr or en, otherwise the visitor's language) and count (1 to 10 reviews, 3 unless told).",
    "openData.embed.badge": "The badge is an SVG image of the TrustScore and the review count, readable by screen readers (lang as above):",
    "openData.embed.cache":
      "Both are sent with Cache-Control: public, max-age=300 and an ETag: a new review or reply shows on them within five minutes.",
    "openData.embed.iframeTitle": "Reviews of {company} on Réplique",
    "openData.embed.badgeAlt": "TrustScore of {company} on Réplique",

    "openData.export.title": "For companies: the CSV export",
    "openData.export.body":
      "A company's members download all its reviews and replies from its dashboard as a CSV file (UTF-8 with a BOM for Excel, comma-separated), one row per review: review_id, permalink, published_at, subject, channel, stars, title, body (its Markdown), author, origin, status, reply_body, reply_published_at, reply_status, resolved_at.",
    "openData.export.link": "Download all reviews and replies (CSV)",
    "openData.export.docs": "API, widget and badge",

    "openData.feeds.title": "Other open data",
    "openData.feeds.atom": "Each company's latest reviews and replies, as an Atom feed:",
    "openData.feeds.transparency": "The moderation statistics of the transparency page, as JSON and CSV:",

    "openData.widget.title": "Reviews of {company} on Réplique",
    "openData.widget.latest": "Latest reviews, each with the company's reply",
    "openData.widget.empty": "No reviews yet.",
    "openData.widget.all": "Read every review and reply on Réplique",
    "openData.widget.newTab": "(opens in a new tab)",

    "openData.badge.title": "{company}: TrustScore {score} out of 5 on Réplique",
    "openData.badge.titleNone": "{company} on Réplique: no reviews yet",
    "openData.badge.pending": "Not yet checked by a moderator.",
  },
  fr: {
    "openData.title": "Données ouvertes : l’API, le widget et le badge",
    "openData.meta":
      "Les avis et les scores de Réplique sont ouverts : une API JSON gratuite et sans clé, un widget et un badge à intégrer, un export CSV pour les entreprises. Chaque champ, le curseur, le cache et les conditions de réutilisation.",
    "openData.lead":
      "Les scores et les avis de chaque entreprise, chacun avec la réponse de l’entreprise, sont ouverts : en JSON, gratuitement, sans clé ni compte. Les entreprises ont aussi un widget et un badge à intégrer, et un export CSV.",
    "openData.toc": "Sur cette page",

    "openData.endpoint.title": "L’adresse d’une entreprise",
    "openData.endpoint.body":
      "Une adresse par entreprise donne ses informations, son TrustScore sur chaque base, son bilan du droit de réponse, ses avertissements publics, ses sujets et une page de ses avis, du plus récent au plus ancien, chacun avec la réponse de l’entreprise et le complément de l’auteur.",
    "openData.params.title": "Paramètres de la requête",
    "openData.params.name": "Paramètre",
    "openData.params.meaning": "Signification",
    "openData.param.limit": "Avis par page, de 1 à 50 (20 par défaut).",
    "openData.param.before":
      "Où commence la page : le curseur que porte le next de la page précédente. Lisez-le dans next, ne le fabriquez jamais.",
    "openData.param.sort": "newest (par défaut : les plus récents d’abord) ou helpful (les plus utiles d’abord).",
    "openData.param.stars": "Seulement les avis de ces notes ; répétez-le pour plusieurs (stars=1&stars=2).",
    "openData.param.channel": "Un seul canal : store, website, phone, email, delivery ou other.",
    "openData.param.language": "Seulement les avis écrits en fr ou en en.",
    "openData.param.origin": "Une seule origine : verified, invited ou organic.",
    "openData.param.replied": "answered (avec une réponse) ou awaiting (sans réponse pour l’instant).",
    "openData.param.from": "Seulement les expériences à partir de cette date (AAAA-MM-JJ).",
    "openData.param.to": "Seulement les expériences jusqu’à cette date (AAAA-MM-JJ).",
    "openData.params.filtered": "Avec un filtre, ou triés par utilité, les emplacements des avis retirés sont omis.",

    "openData.cursor.title": "Parcourir les avis : le curseur",
    "openData.cursor.body":
      "Tant que d’autres avis suivent, next est l’adresse de la page suivante : les mêmes filtres et le même tri, plus un curseur before qui désigne le dernier avis de la page. Suivez next jusqu’à ce qu’il vaille null. Le curseur est une position, pas un numéro de page : un avis publié pendant votre lecture ne décale ni ne répète rien, et la dernière page d’une entreprise de 60 000 avis est aussi rapide que la première.",

    "openData.fields.title": "Chaque champ de la réponse",
    "openData.fields.intro":
      "Les dates et heures sont en ISO 8601, en UTC. Les textes sont ceux de leurs auteurs : les corps sont le HTML produit depuis leur Markdown, nettoyé selon une liste blanche.",
    "openData.fields.field": "Champ",
    "openData.fields.type": "Type",
    "openData.fields.meaning": "Signification",
    "openData.group.document": "La réponse",
    "openData.group.company": "company (l’entreprise)",
    "openData.group.score": "scores.all, scores.verified, scores.invited, scores.organic (score)",
    "openData.group.scorecard": "scorecard (bilan du droit de réponse)",
    "openData.group.warning": "warnings[] (avertissement)",
    "openData.group.removed": "removed_last_12_months[] (avis retirés)",
    "openData.group.subject": "subjects[] (sujet)",
    "openData.group.review": "reviews[] (avis)",
    "openData.group.post": "reviews[].reply et reviews[].follow_up (réponse, complément)",

    "openData.field.document.company": "L’entreprise.",
    "openData.field.document.scores":
      "Son TrustScore sur chaque base : tous les avis, les expériences vérifiées, les avis sur invitation, les avis spontanés.",
    "openData.field.document.scorecard": "Son bilan du droit de réponse sur les 12 derniers mois.",
    "openData.field.document.warnings": "Les avertissements publics affichés sur sa page en ce moment, du plus récent au plus ancien.",
    "openData.field.document.removed_last_12_months": "Ses avis retirés par la modération sur les 12 derniers mois, par motif.",
    "openData.field.document.subjects": "Ses magasins, sites, produits et services.",
    "openData.field.document.reviews":
      "Une page de ses avis (publiés, et emplacements des avis retirés), du plus récent au plus ancien sauf si sort dit autre chose, chacun avec sa réponse.",
    "openData.field.document.next": "L’adresse de la page d’avis suivante ; null sur la dernière page.",
    "openData.field.company.slug": "Son identifiant, celui de toutes ses adresses.",
    "openData.field.company.name": "Son nom.",
    "openData.field.company.website": "Son site, s’il est connu.",
    "openData.field.company.state":
      "unclaimed : personne ne parle encore en son nom ; claimed : quelqu’un l’a demandé ; verified : son équipe est vérifiée et répond en son nom.",
    "openData.field.company.listing":
      "listed ; ou pending : ajoutée par un auteur d’avis et pas encore vérifiée par un modérateur, ses informations peuvent donc être inexactes.",
    "openData.field.company.categories": "Les identifiants de ses catégories.",
    "openData.field.company.url": "Sa page sur Réplique.",
    "openData.field.score.trust_score":
      "Le TrustScore, de 1 à 5 avec une décimale, jamais arrondi au-dessus : une moyenne bayésienne pondérée par l’ancienneté (expliquée sur /transparency) ; null sans avis.",
    "openData.field.score.raw_mean": "La moyenne simple des étoiles, une décimale, jamais arrondie au-dessus ; null sans avis.",
    "openData.field.score.review_count": "Les avis publiés sur lesquels il est calculé.",
    "openData.field.score.histogram": "Le nombre d’avis à 1, 2, 3, 4 et 5 étoiles, dans cet ordre.",
    "openData.field.scorecard.negativeCount": "Les avis à 1 ou 2 étoiles publiés sur les 12 derniers mois.",
    "openData.field.scorecard.negativeAnswered": "Combien d’entre eux ont reçu une réponse de l’entreprise.",
    "openData.field.scorecard.medianReplyDelay":
      "Le délai médian entre un avis et la réponse de l’entreprise sur les 12 derniers mois, en millisecondes ; null sans réponse.",
    "openData.field.scorecard.flaggedCount": "Les avis que l’entreprise a signalés sur les 12 derniers mois.",
    "openData.field.scorecard.flagsFiled": "Les signalements qu’elle a déposés sur cette période.",
    "openData.field.scorecard.flagsDecided": "Combien de ces signalements un modérateur a tranchés.",
    "openData.field.scorecard.flagsUpheld": "Combien ont été retenus.",
    "openData.field.warning.reason": "L’identifiant du motif (les motifs sont listés sur /transparency).",
    "openData.field.warning.reason_label": "Le motif, en français et en anglais.",
    "openData.field.warning.statement": "Ce que déclarent les modérateurs, dans la langue de la déclaration.",
    "openData.field.warning.language": "La langue de la déclaration.",
    "openData.field.warning.since": "Le début de l’avertissement.",
    "openData.field.warning.until": "Sa fin.",
    "openData.field.removed.reason": "L’identifiant du motif.",
    "openData.field.removed.count": "Le nombre d’avis retirés pour ce motif.",
    "openData.field.subject.slug": "Son identifiant, unique dans l’entreprise.",
    "openData.field.subject.name": "Son nom.",
    "openData.field.subject.kind": "Ce qu’il est.",
    "openData.field.subject.city": "La ville d’un magasin.",
    "openData.field.subject.url": "L’adresse d’un site (certains produits et services en ont une aussi).",
    "openData.field.subject.review_count": "Ses avis publiés.",
    "openData.field.subject.trust_score": "Son propre TrustScore ; null sans avis.",
    "openData.field.review.id": "Son numéro.",
    "openData.field.review.url": "Sa page, avec toute la conversation.",
    "openData.field.review.status": "published ; ou removed : un emplacement, titre et textes vides, avec la date et le motif du retrait.",
    "openData.field.review.stars": "La note.",
    "openData.field.review.title": "Son titre.",
    "openData.field.review.body_html": "Son texte, en HTML nettoyé.",
    "openData.field.review.language": "La langue dans laquelle il est écrit.",
    "openData.field.review.origin":
      "verified : une expérience vérifiée sur preuve ; invited : écrit après une invitation de l’entreprise ; organic : écrit à la seule initiative de son auteur.",
    "openData.field.review.channel": "Où l’expérience a eu lieu.",
    "openData.field.review.experience_date": "La date de l’expérience.",
    "openData.field.review.published_at": "Sa publication.",
    "openData.field.review.edited_at": "Sa dernière modification ; null s’il n’a jamais été modifié.",
    "openData.field.review.removed_at": "Son retrait par la modération ; null sinon.",
    "openData.field.review.removal_reason": "L’identifiant du motif de son retrait ; null sinon.",
    "openData.field.review.resolved_at": "Quand son auteur l’a marqué « résolu par l’entreprise » ; null sinon.",
    "openData.field.review.author": "Le nom affiché de son auteur ; null une fois son compte supprimé.",
    "openData.field.review.subject": "L’identifiant du sujet dont il parle.",
    "openData.field.review.reply": "La réponse de l’entreprise ; null tant qu’elle n’a pas répondu.",
    "openData.field.review.follow_up": "L’unique complément de l’auteur après la réponse ; null s’il n’y en a pas.",
    "openData.field.post.body_html": "Son texte, en HTML nettoyé (vide une fois retiré).",
    "openData.field.post.published_at": "Sa publication.",
    "openData.field.post.edited_at": "Sa dernière modification ; null s’il n’a jamais été modifié.",
    "openData.field.post.status": "published, ou removed par la modération.",

    "openData.status.title": "Réponses et erreurs",
    "openData.status.ok":
      "200 : l’entreprise, y compris celle qu’un auteur d’avis a ajoutée et qu’aucun modérateur n’a encore vérifiée ; company.listing vaut alors pending.",
    "openData.status.notModified": "304 : rien n’a changé depuis l’ETag envoyé dans If-None-Match.",
    "openData.status.notFound": "404, avec {json} : aucune entreprise à cette adresse, ou une entreprise refusée par un modérateur.",

    "openData.caching.title": "Cache, limites et CORS",
    "openData.caching.cache":
      "Les réponses portent Cache-Control: public, max-age=60 et un ETag : gardez une réponse une minute, puis redemandez-la avec If-None-Match ; une réponse inchangée est un 304 sans corps.",
    "openData.caching.rate":
      "Il n’y a ni clé ni quota. Soyez raisonnable : une requête par seconde au plus par client, suivez next plutôt que de lire des pages en parallèle, et gardez ce que vous lisez aussi longtemps que Cache-Control le permet. Un client qui surcharge le site peut être ralenti ou refusé.",
    "openData.caching.cors":
      "Tout site peut appeler l’API depuis un navigateur : les réponses portent Access-Control-Allow-Origin: *. Un simple GET ne demande pas de requête préalable (preflight).",

    "openData.licence.title": "Licence et conditions de réutilisation",
    "openData.licence.intro": "La réutilisation est libre, y compris commerciale, à ces conditions :",
    "openData.licence.source": "Citez la source, « Réplique », avec un lien vers la page de l’entreprise ou de l’avis.",
    "openData.licence.figures":
      "Les chiffres (scores, nombres, histogrammes, bilans, dates, libellés) sont à vous : réutilisez-les, calculez, publiez.",
    "openData.licence.texts":
      "Les textes des avis, des réponses et des compléments restent à leurs auteurs. Montrez-les sans les modifier, entiers ou visiblement abrégés, avec le nom de l’auteur, leur date et un lien vers leur page.",
    "openData.licence.reply":
      "Montrez chaque avis avec la réponse de l’entreprise, aussi visible que l’avis : jamais un avis sans la réponse que Réplique affiche avec lui.",
    "openData.licence.fresh":
      "Ne présentez pas une copie ancienne comme actuelle : dites quand vous l’avez lue, et relisez-la au moins une fois par jour ; un avis retiré de Réplique disparaît aussi de votre copie.",
    "openData.licence.people":
      "N’utilisez pas ces données pour identifier, profiler ou contacter les auteurs d’avis, ni ne les croisez avec d’autres pour le faire.",
    "openData.licence.endorse":
      "Ne présentez pas un score de votre cru comme celui de Réplique, et ne laissez pas entendre que Réplique recommande votre service ou une entreprise.",

    "openData.example.title": "Un exemple, tiré des données réelles",
    "openData.example.intro": "Cette requête et sa réponse sont lues à l’instant, par l’API elle-même, pour {company} (un avis : limit=1).",
    "openData.example.none": "Aucune entreprise n’est encore listée : l’exemple apparaîtra ici avec la première.",
    "openData.example.request": "Requête",
    "openData.example.response": "Réponse",

    "openData.embed.title": "Le widget et le badge",
    "openData.embed.widget":
      "Le widget montre le TrustScore d’une entreprise, son nombre d’avis et ses derniers avis, chacun avec la réponse de l’entreprise. Intégrez-le avec une iframe :",
    "openData.embed.widgetParams": "Paramètres : lang (fr ou en, sinon la langue du visiteur) et count (de 1 à 10 avis, 3 par défaut).",
    "openData.embed.badge":
      "Le badge est une image SVG du TrustScore et du nombre d’avis, lisible par les lecteurs d’écran (lang comme ci-dessus) :",
    "openData.embed.cache":
      "Tous deux sont envoyés avec Cache-Control: public, max-age=300 et un ETag : un nouvel avis ou une nouvelle réponse y apparaît en moins de cinq minutes.",
    "openData.embed.iframeTitle": "Avis sur {company} sur Réplique",
    "openData.embed.badgeAlt": "TrustScore de {company} sur Réplique",

    "openData.export.title": "Pour les entreprises : l’export CSV",
    "openData.export.body":
      "Les membres d’une entreprise téléchargent tous ses avis et ses réponses depuis son tableau de bord, en CSV (UTF-8 avec BOM pour Excel, séparé par des virgules), une ligne par avis : review_id, permalink, published_at, subject, channel, stars, title, body (son Markdown), author, origin, status, reply_body, reply_published_at, reply_status, resolved_at.",
    "openData.export.link": "Télécharger tous les avis et les réponses (CSV)",
    "openData.export.docs": "API, widget et badge",

    "openData.feeds.title": "Autres données ouvertes",
    "openData.feeds.atom": "Les derniers avis et réponses de chaque entreprise, en flux Atom :",
    "openData.feeds.transparency": "Les statistiques de modération de la page de transparence, en JSON et en CSV :",

    "openData.widget.title": "Avis sur {company} sur Réplique",
    "openData.widget.latest": "Derniers avis, chacun avec la réponse de l’entreprise",
    "openData.widget.empty": "Aucun avis pour l’instant.",
    "openData.widget.all": "Lire tous les avis et les réponses sur Réplique",
    "openData.widget.newTab": "(s’ouvre dans un nouvel onglet)",

    "openData.badge.title": "{company} : TrustScore {score} sur 5 sur Réplique",
    "openData.badge.titleNone": "{company} sur Réplique : aucun avis pour l’instant",
    "openData.badge.pending": "Pas encore vérifiée par un modérateur.",
  },
});
