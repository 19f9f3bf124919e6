import { defineMessages } from "./define";

// Claims with evidence: the form on /companies/:slug/claim for someone without an address at
// the company's domain, the moderators' queue (/moderation/claims) and case page
// (/moderation/claims/:id), their reasons on /transparency, the statement of reasons and the
// notice the claimant gets (app/models/claim-queue.server.ts, app/lib/moderation-queues.ts).
export const claims = defineMessages({
  en: {
    // ─── The claim page's form ────────────────────────────────────────────────
    "claims.form.title": "No address at the domain? Ask with evidence",
    "claims.form.intro":
      "A moderator reads your request and checks your evidence, then accepts it (you become the owner of {company}, and it is verified) or refuses it, saying why. Tell us who you are at {company} and how we can check it.",
    "claims.form.explanation": "Your role at {company}, and how we can check it",
    "claims.form.explanationHint":
      "From {min} to {max} characters, and at least {minWithoutUrl} without a link: your position, since when, and where it shows (the legal notice of the website, a public register such as Infogreffe or Companies House, the team page). Never an identity document number or a password.",
    "claims.form.url": "A link to your evidence (optional)",
    "claims.form.urlHint":
      "A page that shows your role: the company's legal notice or team page, an entry in a public register. An address starting with https://.",
    "claims.form.submit": "Send my request to the moderators",
    "claims.pending":
      "Your request is waiting for a moderator since {date}. You will be told of the decision here, in your notifications, and by mail.",
    "flash.claimRequested": "Request sent: a moderator will examine your evidence.",

    "claims.error.explanationRequired": "Say what your role at the company is, and how we can check it.",
    "claims.error.explanationShort": "Say a little more: at least {min} characters.",
    "claims.error.explanationLong": "At most {max} characters.",
    "claims.error.explanationNoUrl":
      "Without a link, explain in at least {minWithoutUrl} characters where we can check your role — or give a link.",
    "claims.error.url": "Give a web address, such as https://www.example.com/legal-notice.",
    "claims.form.document": "A document (optional)",
    "claims.case.document": "Document",
    "claims.case.documentLink": "Download {name} ({kb} KB)",
    "claims.case.noDocument": "No document was attached.",
    "claims.form.documentHint":
      "A PDF, PNG or JPEG of {mb} MB at most: an extract from the trade register, a letter on the company’s letterhead, a screenshot of its back office. Only moderators see it.",
    "claims.error.documentType": "Send a PDF, PNG or JPEG file.",
    "claims.error.documentSize": "This file is too large: {mb} MB at most.",
    "claims.error.urlLong": "This address is too long (at most {urlMax} characters).",
    "claims.error.pending": "You already asked to manage this company: your request is waiting for a moderator.",
    "claims.error.tooMany": "You sent several requests recently. Try again in {minutes} min.",
    "claims.error.reasonAccept": "Accepting a claim takes the reason “Role at the company shown”.",
    "claims.error.reasonRefuse": "Refusing a claim takes a reason that says why the role is not shown.",

    // ─── The moderators' queue ───────────────────────────────────────────────
    "claims.nav": "Claims",
    "claims.dashboard.title": "Claims with evidence",
    "claims.dashboard.hint":
      "People who ask to manage a company without an address at its domain: accepted, the claimant becomes its owner and the company is verified.",
    "claims.queue.title": "Claims with evidence",
    "claims.queue.intro":
      "Requests to manage a company from people without an address at its domain, the oldest first. Accept one whose evidence shows that the claimant speaks for the company; refuse the others, saying why.",
    "claims.queue.empty": "No claim is waiting.",
    "claims.queue.item": "{name} asks to manage {company}",
    "claims.queue.link": "Link on {host}",
    "claims.queue.noLink": "No link",
    "claims.state.unclaimed": "not claimed",
    "claims.state.claimed": "claimed, not verified",
    "claims.state.verified": "verified",
    "claims.queue.noDomain": "no domain",

    // ─── The case page ────────────────────────────────────────────────────────
    "claims.case.title": "Claim no. {id}",
    "claims.case.description": "A request to manage a company, with evidence.",
    "claims.case.request": "The request",
    "claims.case.sentOn": "Sent on {date}.",
    "claims.case.explanation": "The claimant's explanation",
    "claims.case.url": "Their evidence link",
    "claims.case.urlHint":
      "Check that the page is the company's own or a public register, and that it names the claimant. The link opens without telling the site where you come from.",
    "claims.case.urlNewTab": "(opens in a new tab)",
    "claims.case.urlOnDomain": "This link is on the company's domain ({domain}).",
    "claims.case.urlElsewhere": "This link is not on the company's domain.",
    "claims.case.noUrl": "No link was given: the explanation is all there is.",
    "claims.case.company": "The company",
    "claims.case.domain": "Domain: {domain}",
    "claims.case.noDomain": "No domain known.",
    "claims.case.state.unclaimed": "Not claimed.",
    "claims.case.state.claimed": "Claimed since {date}, not verified.",
    "claims.case.state.verified": "Verified since {date}.",
    "claims.case.members": "Its members",
    "claims.case.noMembers": "Nobody manages it yet.",
    "claims.case.member": "{role} since {date}",
    "claims.role.owner": "owner",
    "claims.role.agent": "agent",
    "claims.case.claimant": "The claimant",
    "claims.case.emailDomain.ok": "Their account's address is at {emailDomain}, the company's domain.",
    "claims.case.emailDomain.free_mail": "Their account's address is at {emailDomain}, a free-mail domain: it proves nothing.",
    "claims.case.emailDomain.other_domain": "Their account's address is at {emailDomain}, not at the company's domain.",
    "claims.case.emailDomain.no_domain": "Their account's address is at {emailDomain}; the company has no domain to compare it with.",
    "claims.case.emailDomain.invalid": "Their account's address has no domain we can read.",
    "claims.case.earlier": "Their other claims",
    "claims.case.noEarlier": "No other claim.",
    "claims.case.earlierItem": "{company}, {date}: {method}, {status}",
    "claims.method.domain_email": "code by mail",
    "claims.method.evidence": "with evidence",
    "claims.status.pending": "waiting",
    "claims.status.approved": "accepted",
    "claims.status.rejected": "refused",
    "claims.status.expired": "closed",
    "claims.decide.title": "Decide on this claim",
    "claims.decide.accept": "Accept: make them the owner",
    "claims.decide.acceptHint":
      "The claimant becomes the owner of the company, which is verified; whoever joined its page without proof leaves it, and the other waiting claims on it close.",
    "claims.decide.refuse": "Refuse the claim",
    "claims.decide.refuseHint": "Nothing changes for the company; the claimant is told why and may ask again with better evidence.",

    // ─── /transparency ────────────────────────────────────────────────────────
    "claims.transparency.title": "Claims with evidence",
    "claims.transparency.body":
      "A company's page is verified by a code mailed to an address at its domain, or by a moderator who accepts a claim with evidence from someone without such an address. A claim is accepted or refused for one of these reasons, and the claimant is told the decision and its reasons, on the site and by mail.",

    // ─── The log, the statement of reasons, the notice ───────────────────────
    "transparency.outcome.claim_accept": "claim accepted",
    "transparency.outcome.claim_refuse": "claim refused",
    "queues.logged.claim_accept": "Claim accepted",
    "queues.logged.claim_refuse": "Claim refused",
    "queues.statement.subject.claim_accept": "You now manage {company} on Réplique",
    "queues.statement.subject.claim_refuse": "Your request to manage {company} was refused",
    "queues.statement.decided.claim_accept":
      "On {date}, a moderator accepted your request of {reportedAt} to manage {company}: you are its owner, and the company is verified. You answer its reviews from your dashboard.",
    "queues.statement.decided.claim_refuse":
      "On {date}, a moderator refused your request of {reportedAt} to manage {company}. Nothing changed for the company. You may ask again with evidence that shows your role.",
    "notice.claim_accepted.title": "You now manage {company}",
    "notice.claim_accepted.body":
      "A moderator accepted your request: {company} is verified, and you are its owner. Open the statement of reasons.",
    "notice.claim_refused.title": "Your request to manage {company} was refused",
    "notice.claim_refused.body": "A moderator refused your request to manage {company}. Reason: {reason}. Open the statement of reasons.",
  },
  fr: {
    "claims.form.title": "Pas d’adresse au nom de domaine ? Faites une demande avec justificatifs",
    "claims.form.intro":
      "Un modérateur lit votre demande et vérifie vos justificatifs, puis l’accepte (vous devenez propriétaire de {company}, qui est vérifiée) ou la refuse en disant pourquoi. Dites-nous qui vous êtes chez {company} et comment le vérifier.",
    "claims.form.explanation": "Votre fonction chez {company}, et comment la vérifier",
    "claims.form.explanationHint":
      "De {min} à {max} caractères, et au moins {minWithoutUrl} sans lien : votre poste, depuis quand, et où cela se voit (les mentions légales du site, un registre public comme Infogreffe ou le registre du commerce, la page de l’équipe). Jamais de numéro de pièce d’identité ni de mot de passe.",
    "claims.form.url": "Un lien vers votre justificatif (facultatif)",
    "claims.form.urlHint":
      "Une page qui montre votre fonction : les mentions légales ou la page équipe de l’entreprise, une fiche d’un registre public. Une adresse qui commence par https://.",
    "claims.form.submit": "Envoyer ma demande aux modérateurs",
    "claims.pending":
      "Votre demande attend un modérateur depuis le {date}. La décision vous sera indiquée ici, dans vos notifications et par e-mail.",
    "flash.claimRequested": "Demande envoyée : un modérateur va examiner vos justificatifs.",

    "claims.error.explanationRequired": "Indiquez votre fonction dans l’entreprise, et comment la vérifier.",
    "claims.error.explanationShort": "Précisez un peu : au moins {min} caractères.",
    "claims.error.explanationLong": "{max} caractères au plus.",
    "claims.error.explanationNoUrl":
      "Sans lien, expliquez en au moins {minWithoutUrl} caractères où vérifier votre fonction — ou donnez un lien.",
    "claims.error.url": "Indiquez une adresse web, par exemple https://www.exemple.fr/mentions-legales.",
    "claims.form.document": "Un document (facultatif)",
    "claims.case.document": "Document",
    "claims.case.documentLink": "Télécharger {name} ({kb} Ko)",
    "claims.case.noDocument": "Aucun document n’a été joint.",
    "claims.form.documentHint":
      "Un PDF, PNG ou JPEG de {mb} Mo au plus : un extrait Kbis, une lettre à l’en-tête de l’entreprise, une capture de son interface d’administration. Seuls les modérateurs le voient.",
    "claims.error.documentType": "Envoyez un fichier PDF, PNG ou JPEG.",
    "claims.error.documentSize": "Ce fichier est trop gros : {mb} Mo au plus.",
    "claims.error.urlLong": "Cette adresse est trop longue ({urlMax} caractères au plus).",
    "claims.error.pending": "Vous avez déjà demandé à gérer cette entreprise : votre demande attend un modérateur.",
    "claims.error.tooMany": "Vous avez envoyé plusieurs demandes récemment. Réessayez dans {minutes} min.",
    "claims.error.reasonAccept": "Accepter une demande se fait pour le motif « Fonction dans l’entreprise démontrée ».",
    "claims.error.reasonRefuse": "Refuser une demande se fait pour un motif qui dit pourquoi la fonction n’est pas démontrée.",

    "claims.nav": "Demandes",
    "claims.dashboard.title": "Demandes avec justificatifs",
    "claims.dashboard.hint":
      "Des personnes qui demandent à gérer une entreprise sans adresse à son nom de domaine : acceptée, la demande en fait le propriétaire et l’entreprise est vérifiée.",
    "claims.queue.title": "Demandes avec justificatifs",
    "claims.queue.intro":
      "Les demandes de gestion d’une entreprise par des personnes sans adresse à son nom de domaine, les plus anciennes d’abord. Acceptez celle dont les justificatifs montrent que la personne parle pour l’entreprise ; refusez les autres en disant pourquoi.",
    "claims.queue.empty": "Aucune demande n’attend.",
    "claims.queue.item": "{name} demande à gérer {company}",
    "claims.queue.link": "Lien sur {host}",
    "claims.queue.noLink": "Aucun lien",
    "claims.state.unclaimed": "non revendiquée",
    "claims.state.claimed": "revendiquée, non vérifiée",
    "claims.state.verified": "vérifiée",
    "claims.queue.noDomain": "pas de nom de domaine",

    "claims.case.title": "Demande nº {id}",
    "claims.case.description": "Une demande de gestion d’une entreprise, avec justificatifs.",
    "claims.case.request": "La demande",
    "claims.case.sentOn": "Envoyée le {date}.",
    "claims.case.explanation": "L’explication de la personne",
    "claims.case.url": "Son lien justificatif",
    "claims.case.urlHint":
      "Vérifiez que la page est celle de l’entreprise ou d’un registre public, et qu’elle nomme la personne. Le lien s’ouvre sans indiquer au site d’où vous venez.",
    "claims.case.urlNewTab": "(s’ouvre dans un nouvel onglet)",
    "claims.case.urlOnDomain": "Ce lien est sur le nom de domaine de l’entreprise ({domain}).",
    "claims.case.urlElsewhere": "Ce lien n’est pas sur le nom de domaine de l’entreprise.",
    "claims.case.noUrl": "Aucun lien n’a été donné : l’explication est tout ce qu’il y a.",
    "claims.case.company": "L’entreprise",
    "claims.case.domain": "Nom de domaine : {domain}",
    "claims.case.noDomain": "Aucun nom de domaine connu.",
    "claims.case.state.unclaimed": "Non revendiquée.",
    "claims.case.state.claimed": "Revendiquée depuis le {date}, non vérifiée.",
    "claims.case.state.verified": "Vérifiée depuis le {date}.",
    "claims.case.members": "Ses membres",
    "claims.case.noMembers": "Personne ne la gère encore.",
    "claims.case.member": "{role} depuis le {date}",
    "claims.role.owner": "propriétaire",
    "claims.role.agent": "agent",
    "claims.case.claimant": "La personne qui demande",
    "claims.case.emailDomain.ok": "L’adresse de son compte est sur {emailDomain}, le nom de domaine de l’entreprise.",
    "claims.case.emailDomain.free_mail": "L’adresse de son compte est sur {emailDomain}, une messagerie gratuite : cela ne prouve rien.",
    "claims.case.emailDomain.other_domain": "L’adresse de son compte est sur {emailDomain}, pas sur le nom de domaine de l’entreprise.",
    "claims.case.emailDomain.no_domain":
      "L’adresse de son compte est sur {emailDomain} ; l’entreprise n’a pas de nom de domaine auquel la comparer.",
    "claims.case.emailDomain.invalid": "L’adresse de son compte n’a pas de nom de domaine lisible.",
    "claims.case.earlier": "Ses autres demandes",
    "claims.case.noEarlier": "Aucune autre demande.",
    "claims.case.earlierItem": "{company}, le {date} : {method}, {status}",
    "claims.method.domain_email": "code par e-mail",
    "claims.method.evidence": "avec justificatifs",
    "claims.status.pending": "en attente",
    "claims.status.approved": "acceptée",
    "claims.status.rejected": "refusée",
    "claims.status.expired": "close",
    "claims.decide.title": "Décider sur cette demande",
    "claims.decide.accept": "Accepter : en faire le propriétaire",
    "claims.decide.acceptHint":
      "La personne devient propriétaire de l’entreprise, qui est vérifiée ; quiconque a rejoint sa page sans preuve la quitte, et les autres demandes en attente sur elle sont closes.",
    "claims.decide.refuse": "Refuser la demande",
    "claims.decide.refuseHint":
      "Rien ne change pour l’entreprise ; la personne apprend pourquoi et peut refaire une demande avec de meilleurs justificatifs.",

    "claims.transparency.title": "Demandes avec justificatifs",
    "claims.transparency.body":
      "La page d’une entreprise est vérifiée par un code envoyé à une adresse à son nom de domaine, ou par un modérateur qui accepte la demande avec justificatifs d’une personne sans une telle adresse. Une demande est acceptée ou refusée pour l’un de ces motifs, et la personne apprend la décision et ses motifs, sur le site et par e-mail.",

    "transparency.outcome.claim_accept": "demande acceptée",
    "transparency.outcome.claim_refuse": "demande refusée",
    "queues.logged.claim_accept": "Demande acceptée",
    "queues.logged.claim_refuse": "Demande refusée",
    "queues.statement.subject.claim_accept": "Vous gérez désormais {company} sur Réplique",
    "queues.statement.subject.claim_refuse": "Votre demande de gestion de {company} a été refusée",
    "queues.statement.decided.claim_accept":
      "Le {date}, un modérateur a accepté votre demande du {reportedAt} de gérer {company} : vous en êtes propriétaire, et l’entreprise est vérifiée. Vous répondez à ses avis depuis votre tableau de bord.",
    "queues.statement.decided.claim_refuse":
      "Le {date}, un modérateur a refusé votre demande du {reportedAt} de gérer {company}. Rien n’a changé pour l’entreprise. Vous pouvez refaire une demande avec des justificatifs qui montrent votre fonction.",
    "notice.claim_accepted.title": "Vous gérez désormais {company}",
    "notice.claim_accepted.body":
      "Un modérateur a accepté votre demande : {company} est vérifiée, et vous en êtes propriétaire. Ouvrez l’exposé des motifs.",
    "notice.claim_refused.title": "Votre demande de gestion de {company} a été refusée",
    "notice.claim_refused.body": "Un modérateur a refusé votre demande de gérer {company}. Motif : {reason}. Ouvrez l’exposé des motifs.",
  },
});
