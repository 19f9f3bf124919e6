import { defineMessages } from "./define";

// Companies joining Réplique: the "For companies" page, claiming a company page with a
// code mailed to its domain, adding a company, the claimed / verified status line.
export const companies = defineMessages({
  en: {
    // ─── /for-companies ──────────────────────────────────────────────────────
    "forCompanies.title": "Réplique for companies",
    "forCompanies.meta":
      "Answer your customers' reviews in public, with the same prominence as the reviews. Everything is free: claiming your page, replying, the dashboard.",
    "forCompanies.lead":
      "Your customers already talk about you here. Answer them in public: your reply sits under their review, in a block of the same size. Everything is free, and no company can pay to change what customers wrote.",
    "forCompanies.free.title": "What is free: everything",
    "forCompanies.free.claim": "Claiming and verifying your company's page.",
    "forCompanies.free.reply": "Replying to every review, and editing your replies (every version is kept).",
    "forCompanies.free.dashboard":
      "The dashboard: one inbox for the reviews of all your stores, websites, products and services, those awaiting a reply first.",
    "forCompanies.free.noPlan": "There is no paid plan. Replying is never behind a subscription, and nobody pays for a review.",
    "forCompanies.can.title": "What a company can do",
    "forCompanies.can.reply": "Reply in public to any review of its stores, websites, products and services.",
    "forCompanies.can.flag":
      "Flag a review that breaks the rules, with a reason from the published list and an explanation; the review stays visible while a moderator assesses it.",
    "forCompanies.can.invite":
      "Invite its customers to write a review, every customer the same way: their reviews carry the “invited” label.",
    "forCompanies.cannot.title": "What a company can never do",
    "forCompanies.cannot.hide": "Hide a review, or push it down the list.",
    "forCompanies.cannot.edit": "Edit a review: only its author can.",
    "forCompanies.cannot.reorder":
      "Reorder the reviews: they are shown newest first, as the law requires, or by helpful votes when a reader chooses.",
    "forCompanies.cannot.delete":
      "Delete a review, or pay to have it removed. Only a moderator removes a review that breaks the rules, with a published reason.",
    "forCompanies.start.title": "How to start",
    "forCompanies.start.find": "Find your company's page with the search below, and choose “Is this your company?” at the top of it.",
    "forCompanies.start.add": "Not on Réplique yet? Add your company: its name, its website and a category.",
    "forCompanies.start.code":
      "Give an address at your company's domain (for example name@your-company.com): we mail it a code. Enter the code and your page is verified, with you as its owner.",
    "forCompanies.start.reply": "Answer your customers from your dashboard.",
    "forCompanies.start.freeMail":
      "Addresses anyone can open (Gmail, Outlook, Hotmail, Yahoo, Orange, Free, SFR, La Poste, iCloud, Proton…) cannot prove that you speak for a company: without an address at its domain, ask with evidence from the company's page, and a moderator checks it.",
    "forCompanies.search": "Find your company",
    "forCompanies.searchButton": "Search",
    "forCompanies.add": "Add your company",
    "forCompanies.dashboard": "Go to your dashboard",
    "forCompanies.signedOut": "You will be asked to log in or to create an account (free) before you claim a page.",
    "forCompanies.rules": "How reviews are checked and moderated",

    // ─── The company page's status line ──────────────────────────────────────
    "companies.status.verifiedSince": "Verified since {date}",
    "companies.status.claimedSince": "Claimed since {date}, not verified yet",
    "companies.claim.cta": "Is this your company?",

    // ─── /companies/:slug/claim ──────────────────────────────────────────────
    "companies.claim.title": "Is this your company?",
    "companies.claim.metaTitle": "Manage {company} on Réplique",
    "companies.claim.lead":
      "Prove that you speak for {company} and you can answer its reviews, for free. Reviews stay as their authors wrote them: no company can hide, edit, reorder or delete one.",
    "companies.claim.back": "Back to the page of {company}",
    "companies.claim.step1": "Get a code at an address of {domain}",
    "companies.claim.step1Again": "Get a new code, or use another address",
    "companies.claim.email": "Your work address",
    "companies.claim.emailHint":
      "An address ending in @{domain} (or at one of its subdomains, such as @shop.{domain}). Free mail addresses (Gmail, Outlook, Orange…) cannot prove it.",
    "companies.claim.send": "Mail me a code",
    "companies.claim.step2": "Enter the code",
    "companies.claim.sentTo": "We mailed a code to {email}. It works once, until {time}.",
    "companies.claim.code": "The {length}-digit code",
    "companies.claim.codeHint": "From our mail about {company}. Not there? Look in the spam folder, or ask for a new code below.",
    "companies.claim.verify": "Verify my company",
    "companies.claim.verified": "{company} is verified: only the people its owner adds can reply in its name.",
    "companies.claim.youOwn": "You manage {company}.",
    "companies.claim.openDashboard": "Open its dashboard",
    "companies.claim.alreadyVerified":
      "{company} is already verified by its team. If you work there, ask its owner to add you as a member of the company.",
    "companies.claim.youAdded": "You added {company}: verify it to answer its reviews.",
    "companies.claim.noDomain": "{company} has no domain we can send a code to: ask with evidence below, and a moderator checks it.",
    "companies.claim.afterwards":
      "Once verified, you are the owner of {company} on Réplique: you reply from your dashboard, and nobody who joined the page without proof keeps a place in it.",

    // ─── /companies/new ──────────────────────────────────────────────────────
    "companies.new.title": "Add your company",
    "companies.new.lead":
      "Your company is not on Réplique yet? Add it: it starts as claimed by you, and becomes verified once you enter the code we mail to an address at its domain.",
    "companies.new.searchFirst": "Is it already here? Search first: a company has one page.",
    "companies.new.name": "Company name",
    "companies.new.nameHint": "As your customers know it.",
    "companies.new.website": "Website or domain",
    "companies.new.websiteHint":
      "For example https://www.your-company.com or your-company.com. The code will be mailed to an address at this domain.",
    "companies.new.category": "Category",
    "companies.new.chooseCategory": "Choose a category",
    "companies.new.submit": "Add my company",
    "companies.new.existing": "Open the page of {company}",

    // ─── Errors (keys given by the schemas and the actions) ──────────────────
    "companies.error.fix": "Nothing was sent: see the message next to the field.",
    "companies.error.emailRequired": "Enter your work address.",
    "companies.error.email": "Enter a mail address, such as name@your-company.com.",
    "companies.error.freeMail":
      "This is a free mail address, which anyone can open: it cannot prove that you speak for the company. Use an address at the company's domain.",
    "companies.error.otherDomain":
      "This address is not at the company's domain. Use an address ending in @ followed by the company's domain, or one of its subdomains.",
    "companies.error.noDomain": "This company has no domain we can send a code to.",
    "companies.error.stale": "This page was out of date. Here it is again: please try once more.",
    "companies.error.codeRequired": "Enter the code from the mail.",
    "companies.error.codeFormat": "The code is {length} digits.",
    "companies.error.codeWrong.one": "This is not the code we sent. {count} try left for this code.",
    "companies.error.codeWrong.other": "This is not the code we sent. {count} tries left for this code.",
    "companies.error.codeWrong.zero": "This is not the code we sent, and it cannot be tried again: ask for a new code below.",
    "companies.error.codeExpired": "This code has expired. Ask for a new one below.",
    "companies.error.codeReplaced": "A newer code was sent since: use the code from the latest mail.",
    "companies.error.codeUsed": "This code was already used.",
    "companies.error.tooManyAttempts": "Too many wrong codes. Ask for a new code below, or try again in {minutes} minutes.",
    "companies.error.tooManyCodes": "Too many codes were asked for. Please try again in {minutes} minutes.",
    "companies.error.alreadyVerified": "This company is already verified by its team.",
    "companies.error.nameRequired": "Enter the company's name.",
    "companies.error.nameShort": "The name needs at least 2 characters, letters or digits.",
    "companies.error.nameLong": "The name is longer than 100 characters.",
    "companies.error.websiteRequired": "Enter the company's website or domain.",
    "companies.error.website": "Enter a website (https://www.your-company.com) or a domain (your-company.com).",
    "companies.error.websiteFreeMail":
      "Anyone can open an address at this domain, so it cannot be verified by a code. Enter your company's own website.",
    "companies.error.domainTaken": "A company with this domain is already on Réplique.",
    "companies.error.category": "Choose a category.",
    "companies.error.tooManyCompanies": "You added several companies today. Please try again in {minutes} minutes.",

    // ─── Flash messages ──────────────────────────────────────────────────────
    "flash.claimCodeSent": "We mailed you a code. Enter it below.",
    "flash.companyVerified": "Your company is verified. Answer its reviews from your dashboard.",
    "flash.companyCreated": "Your company is added. Verify it with a code mailed to its domain.",

    // ─── The mail ────────────────────────────────────────────────────────────
    "mail.companyClaim.subject": "{code} is your code to manage {company} on Réplique",
    "mail.companyClaim.body":
      "{name} asked, from their Réplique account, to manage the page of {company} and gave this address to prove it.",
    "mail.companyClaim.code": "Your code: {code}",
    "mail.companyClaim.expiry": "It works once, for {minutes} minutes (until {time}, Paris time).",
    "mail.companyClaim.link": "Enter it on the page where you asked:",
    "mail.companyClaim.ignore": "You did not ask? Ignore this mail: nothing changes without the code.",
  },
  fr: {
    "forCompanies.title": "Réplique pour les entreprises",
    "forCompanies.meta":
      "Répondez publiquement aux avis de vos clients, avec la même visibilité que les avis. Tout est gratuit : revendiquer votre page, répondre, le tableau de bord.",
    "forCompanies.lead":
      "Vos clients parlent déjà de vous ici. Répondez-leur publiquement : votre réponse s’affiche sous leur avis, dans un bloc de même taille. Tout est gratuit, et aucune entreprise ne peut payer pour changer ce que ses clients ont écrit.",
    "forCompanies.free.title": "Ce qui est gratuit : tout",
    "forCompanies.free.claim": "Revendiquer et vérifier la page de votre entreprise.",
    "forCompanies.free.reply": "Répondre à chaque avis, et modifier vos réponses (chaque version est conservée).",
    "forCompanies.free.dashboard":
      "Le tableau de bord : une seule boîte de réception pour les avis de tous vos magasins, sites, produits et services, ceux qui attendent une réponse en premier.",
    "forCompanies.free.noPlan":
      "Il n’y a pas d’offre payante. Répondre n’est jamais réservé à un abonnement, et personne ne paie pour un avis.",
    "forCompanies.can.title": "Ce qu’une entreprise peut faire",
    "forCompanies.can.reply": "Répondre publiquement à tout avis sur ses magasins, sites, produits et services.",
    "forCompanies.can.flag":
      "Signaler un avis contraire aux règles, avec un motif de la liste publiée et une explication ; l’avis reste visible pendant qu’un modérateur l’examine.",
    "forCompanies.can.invite": "Inviter ses clients à donner leur avis, tous de la même façon : leurs avis portent la mention « invité ».",
    "forCompanies.cannot.title": "Ce qu’une entreprise ne peut jamais faire",
    "forCompanies.cannot.hide": "Masquer un avis, ou le faire descendre dans la liste.",
    "forCompanies.cannot.edit": "Modifier un avis : seul son auteur le peut.",
    "forCompanies.cannot.reorder":
      "Changer l’ordre des avis : ils s’affichent du plus récent au plus ancien, comme la loi le demande, ou par votes « utile » quand un lecteur le choisit.",
    "forCompanies.cannot.delete":
      "Supprimer un avis, ou payer pour le faire retirer. Seul un modérateur retire un avis contraire aux règles, avec un motif publié.",
    "forCompanies.start.title": "Comment commencer",
    "forCompanies.start.find":
      "Trouvez la page de votre entreprise avec la recherche ci-dessous, puis choisissez « C’est votre entreprise ? » en haut de la page.",
    "forCompanies.start.add": "Pas encore sur Réplique ? Ajoutez votre entreprise : son nom, son site et une catégorie.",
    "forCompanies.start.code":
      "Donnez une adresse du nom de domaine de votre entreprise (par exemple prenom@votre-entreprise.fr) : nous lui envoyons un code. Saisissez-le et votre page est vérifiée, avec vous comme propriétaire.",
    "forCompanies.start.reply": "Répondez à vos clients depuis votre tableau de bord.",
    "forCompanies.start.freeMail":
      "Les adresses que chacun peut ouvrir (Gmail, Outlook, Hotmail, Yahoo, Orange, Free, SFR, La Poste, iCloud, Proton…) ne prouvent pas que vous parlez pour une entreprise : sans adresse à son nom de domaine, faites une demande avec justificatifs depuis la page de l’entreprise, qu’un modérateur vérifie.",
    "forCompanies.search": "Trouver votre entreprise",
    "forCompanies.searchButton": "Rechercher",
    "forCompanies.add": "Ajouter votre entreprise",
    "forCompanies.dashboard": "Aller à votre tableau de bord",
    "forCompanies.signedOut": "Il vous sera demandé de vous connecter ou de créer un compte (gratuit) avant de revendiquer une page.",
    "forCompanies.rules": "Comment les avis sont contrôlés et modérés",

    "companies.status.verifiedSince": "Vérifiée depuis le {date}",
    "companies.status.claimedSince": "Revendiquée depuis le {date}, pas encore vérifiée",
    "companies.claim.cta": "C’est votre entreprise ?",

    "companies.claim.title": "C’est votre entreprise ?",
    "companies.claim.metaTitle": "Gérer {company} sur Réplique",
    "companies.claim.lead":
      "Prouvez que vous parlez pour {company} et vous pourrez répondre à ses avis, gratuitement. Les avis restent tels que leurs auteurs les ont écrits : aucune entreprise ne peut en masquer, modifier, réordonner ou supprimer un.",
    "companies.claim.back": "Retour à la page de {company}",
    "companies.claim.step1": "Recevoir un code à une adresse de {domain}",
    "companies.claim.step1Again": "Recevoir un nouveau code, ou utiliser une autre adresse",
    "companies.claim.email": "Votre adresse professionnelle",
    "companies.claim.emailHint":
      "Une adresse qui se termine par @{domain} (ou par l’un de ses sous-domaines, comme @boutique.{domain}). Les messageries gratuites (Gmail, Outlook, Orange…) ne le prouvent pas.",
    "companies.claim.send": "M’envoyer un code",
    "companies.claim.step2": "Saisir le code",
    "companies.claim.sentTo": "Nous avons envoyé un code à {email}. Il sert une seule fois, jusqu’à {time}.",
    "companies.claim.code": "Le code à {length} chiffres",
    "companies.claim.codeHint":
      "Dans notre message au sujet de {company}. Vous ne le trouvez pas ? Regardez dans les indésirables, ou demandez un nouveau code ci-dessous.",
    "companies.claim.verify": "Vérifier mon entreprise",
    "companies.claim.verified": "{company} est vérifiée : seules les personnes que son propriétaire ajoute peuvent répondre en son nom.",
    "companies.claim.youOwn": "Vous gérez {company}.",
    "companies.claim.openDashboard": "Ouvrir son tableau de bord",
    "companies.claim.alreadyVerified":
      "{company} est déjà vérifiée par son équipe. Si vous y travaillez, demandez à son propriétaire de vous ajouter comme membre de l’entreprise.",
    "companies.claim.youAdded": "Vous avez ajouté {company} : vérifiez-la pour répondre à ses avis.",
    "companies.claim.noDomain":
      "{company} n’a pas de nom de domaine auquel envoyer un code : faites une demande avec justificatifs ci-dessous, qu’un modérateur vérifie.",
    "companies.claim.afterwards":
      "Une fois la page vérifiée, vous êtes le propriétaire de {company} sur Réplique : vous répondez depuis votre tableau de bord, et personne ayant rejoint la page sans preuve n’y garde de place.",

    "companies.new.title": "Ajouter votre entreprise",
    "companies.new.lead":
      "Votre entreprise n’est pas encore sur Réplique ? Ajoutez-la : elle est d’abord revendiquée par vous, puis vérifiée dès que vous saisissez le code envoyé à une adresse de son nom de domaine.",
    "companies.new.searchFirst": "Est-elle déjà là ? Cherchez d’abord : une entreprise a une seule page.",
    "companies.new.name": "Nom de l’entreprise",
    "companies.new.nameHint": "Tel que vos clients le connaissent.",
    "companies.new.website": "Site ou nom de domaine",
    "companies.new.websiteHint":
      "Par exemple https://www.votre-entreprise.fr ou votre-entreprise.fr. Le code sera envoyé à une adresse de ce nom de domaine.",
    "companies.new.category": "Catégorie",
    "companies.new.chooseCategory": "Choisissez une catégorie",
    "companies.new.submit": "Ajouter mon entreprise",
    "companies.new.existing": "Ouvrir la page de {company}",

    "companies.error.fix": "Rien n’a été envoyé : voyez le message à côté du champ.",
    "companies.error.emailRequired": "Saisissez votre adresse professionnelle.",
    "companies.error.email": "Saisissez une adresse e-mail, comme prenom@votre-entreprise.fr.",
    "companies.error.freeMail":
      "C’est une adresse de messagerie gratuite, que chacun peut ouvrir : elle ne prouve pas que vous parlez pour l’entreprise. Utilisez une adresse du nom de domaine de l’entreprise.",
    "companies.error.otherDomain":
      "Cette adresse n’est pas du nom de domaine de l’entreprise. Utilisez une adresse qui se termine par @ suivi du nom de domaine de l’entreprise, ou de l’un de ses sous-domaines.",
    "companies.error.noDomain": "Cette entreprise n’a pas de nom de domaine auquel envoyer un code.",
    "companies.error.stale": "Cette page n’était plus à jour. La voici de nouveau : réessayez, s’il vous plaît.",
    "companies.error.codeRequired": "Saisissez le code reçu par e-mail.",
    "companies.error.codeFormat": "Le code compte {length} chiffres.",
    "companies.error.codeWrong.one": "Ce n’est pas le code envoyé. Il reste {count} essai pour ce code.",
    "companies.error.codeWrong.other": "Ce n’est pas le code envoyé. Il reste {count} essais pour ce code.",
    "companies.error.codeWrong.zero": "Ce n’est pas le code envoyé, et il ne peut plus être essayé : demandez un nouveau code ci-dessous.",
    "companies.error.codeExpired": "Ce code a expiré. Demandez-en un nouveau ci-dessous.",
    "companies.error.codeReplaced": "Un code plus récent a été envoyé depuis : utilisez celui du dernier message.",
    "companies.error.codeUsed": "Ce code a déjà servi.",
    "companies.error.tooManyAttempts": "Trop de codes erronés. Demandez un nouveau code ci-dessous, ou réessayez dans {minutes} minutes.",
    "companies.error.tooManyCodes": "Trop de codes ont été demandés. Réessayez dans {minutes} minutes.",
    "companies.error.alreadyVerified": "Cette entreprise est déjà vérifiée par son équipe.",
    "companies.error.nameRequired": "Saisissez le nom de l’entreprise.",
    "companies.error.nameShort": "Le nom compte au moins 2 caractères, lettres ou chiffres.",
    "companies.error.nameLong": "Le nom dépasse 100 caractères.",
    "companies.error.websiteRequired": "Saisissez le site ou le nom de domaine de l’entreprise.",
    "companies.error.website": "Saisissez un site (https://www.votre-entreprise.fr) ou un nom de domaine (votre-entreprise.fr).",
    "companies.error.websiteFreeMail":
      "Chacun peut ouvrir une adresse à ce nom de domaine : il ne peut pas être vérifié par un code. Saisissez le site de votre entreprise.",
    "companies.error.domainTaken": "Une entreprise avec ce nom de domaine est déjà sur Réplique.",
    "companies.error.category": "Choisissez une catégorie.",
    "companies.error.tooManyCompanies": "Vous avez ajouté plusieurs entreprises aujourd’hui. Réessayez dans {minutes} minutes.",

    "flash.claimCodeSent": "Nous vous avons envoyé un code. Saisissez-le ci-dessous.",
    "flash.companyVerified": "Votre entreprise est vérifiée. Répondez à ses avis depuis votre tableau de bord.",
    "flash.companyCreated": "Votre entreprise est ajoutée. Vérifiez-la avec un code envoyé à son nom de domaine.",

    "mail.companyClaim.subject": "{code} est votre code pour gérer {company} sur Réplique",
    "mail.companyClaim.body":
      "{name} a demandé, depuis son compte Réplique, à gérer la page de {company} et a donné cette adresse pour le prouver.",
    "mail.companyClaim.code": "Votre code : {code}",
    "mail.companyClaim.expiry": "Il sert une seule fois, pendant {minutes} minutes (jusqu’à {time}, heure de Paris).",
    "mail.companyClaim.link": "Saisissez-le sur la page où vous l’avez demandé :",
    "mail.companyClaim.ignore": "Vous n’avez rien demandé ? Ignorez ce message : rien ne change sans le code.",
  },
});
