import { defineMessages } from "./define";

// Appeals against the decisions of the moderation queues (DSA art. 20): refused proofs,
// refused suggestions, conduct reports (dismissed, or upheld against a company), account
// suspensions, refused claims and reviews refused at submission (app/lib/decision-appeal.ts,
// app/models/decision-appeals.server.ts): the statements' appeal lines, the outcome
// statements, the notices, and the moderators' list and case page (/moderation/appeals/:id).
export const decisionAppeals = defineMessages({
  en: {
    // ─── The statements of the decisions ──────────────────────────────────────
    "decisionAppeal.contest.suspend":
      "You may appeal this decision within Réplique until {deadline} ({days} days after it), without signing in: open the page of this statement from the link in the email we sent you, and say why in a few words. A moderator other than the one who decided examines your appeal, and you are told the outcome with its reasons, by email.",
    "decisionAppeal.owner.subject": "A report about {company} is upheld",
    "decisionAppeal.owner.decided":
      "On {date}, a moderator upheld a report that {company} offered something in exchange for a review being changed or deleted: it is logged against the company and counts towards a public warning on its page. To protect the person who made it, this statement names neither them nor the review.",

    // ─── The outcome of an appeal ─────────────────────────────────────────────
    "decisionAppeal.decided.theirs":
      "On {date}, a moderator other than the one who decided examined an appeal against decision no. {id} of {appealedDate}.",
    "decisionAppeal.result.proof_refuse.upheld":
      "The decision stands: the proof sent with your review “{title}” of {company} stays refused, and the review keeps its label.",
    "decisionAppeal.result.proof_refuse.overturned":
      "The decision is reversed: the proof is accepted, and your review “{title}” of {company} is now labelled “verified experience”.",
    "decisionAppeal.result.subject_refuse.upheld": "The decision stands: “{subject}” is not added to {company}.",
    "decisionAppeal.result.subject_refuse.overturned":
      "The decision is reversed: “{subject}” is added to {company}, and the review written with it that was not published is published now (or examined first, if a check held it).",
    "decisionAppeal.result.conduct_dismissed.reporter.upheld": "The decision stands: your report about {company} stays dismissed.",
    "decisionAppeal.result.conduct_dismissed.reporter.overturned":
      "The decision is reversed: your report about {company} is upheld; it is logged against the company and counts towards a public warning on its page.",
    "decisionAppeal.result.conduct_dismissed.company.overturned":
      "The decision is reversed: a report that {company} offered something in exchange for a review being changed or deleted is upheld; it is logged against the company and counts towards a public warning on its page. To protect the person who made it, this statement names neither them nor the review.",
    "decisionAppeal.result.conduct_upheld.company.upheld":
      "The decision stands: the report about {company} stays upheld and logged against the company.",
    "decisionAppeal.result.conduct_upheld.company.overturned":
      "The decision is reversed: the report about {company} is dismissed; nothing is logged against the company.",
    "decisionAppeal.result.conduct_upheld.reporter.upheld":
      "The company appealed; the decision stands: your report about {company} stays upheld.",
    "decisionAppeal.result.conduct_upheld.reporter.overturned":
      "The company appealed; the decision is reversed: your report about {company} is dismissed, and nothing is logged against the company.",
    "decisionAppeal.result.suspend.upheld": "The decision stands: the suspension of your account was justified.",
    "decisionAppeal.result.suspend.overturned":
      "The decision is reversed: your account is reinstated; you can sign in and take part again.",
    "decisionAppeal.result.claim_refuse.upheld": "The decision stands: your request to manage {company} stays refused.",
    "decisionAppeal.result.claim_refuse.overturned":
      "The decision is reversed: your request is accepted; {company} is verified, and you are its owner.",
    "decisionAppeal.result.refuse.upheld": "The decision stands: your review “{title}” of {company} stays unpublished.",
    "decisionAppeal.result.refuse.overturned":
      "The decision is reversed: your review “{title}” of {company} is published, and counts in its score from today.",

    // ─── Notices ──────────────────────────────────────────────────────────────
    "notice.conduct_upheld_company.title": "A report about {company} is upheld",
    "notice.conduct_upheld_company.body":
      "A moderator upheld a report about the conduct of {company}. Reason: {reason}. Open the statement of reasons: you may appeal it.",
    "notice.decision_appeal_received.title": "Your appeal is received",
    "notice.decision_appeal_received.body":
      "A moderator other than the one who decided will examine it; you will be told the outcome, with its reasons.",
    "notice.decision_appeal_decided.title": "An appeal is decided",
    "notice.decision_appeal_decided.body":
      "A moderator other than the one who decided examined an appeal against a decision that concerns you. Reason: {reason}. Open the statement of reasons.",

    // ─── The moderators' list and case page ───────────────────────────────────
    "decisionAppeal.kind.proof": "Proof",
    "decisionAppeal.kind.suggestion": "Suggested subject",
    "decisionAppeal.kind.conduct": "Conduct report",
    "decisionAppeal.kind.user": "Account",
    "decisionAppeal.kind.claim": "Company claim",
    "decisionAppeal.kind.publication": "Review refused at submission",
    "decisionAppeal.item.proof": "Proof for “{title}” about {company}",
    "decisionAppeal.item.suggestion": "{subject}, for {company}",
    "decisionAppeal.item.conduct": "Report about {company}",
    "decisionAppeal.item.user": "Account of {name}",
    "decisionAppeal.item.claim": "Request by {name} to manage {company}",
    "decisionAppeal.item.publication": "“{title}” about {company}",
    "decisionAppeal.by.concerned": "Appealed by the person it concerns",
    "decisionAppeal.by.reporter": "Appealed by the person who reported",
    "decisionAppeal.by.company.one": "Appealed by {count} owner of the company",
    "decisionAppeal.by.company.other": "Appealed by {count} owners of the company",
    "decisionAppeal.case.title": "Appeal against decision no. {id}",
    "decisionAppeal.case.description": "An appeal against a decision of the moderation queues.",
    "decisionAppeal.case.facts": "The case, as it is now",
    "decisionAppeal.case.queueCase": "Open its case page",
    "decisionAppeal.case.appellant.concerned": "The person it concerns",
    "decisionAppeal.case.appellant.reporter": "The person who reported",
    "decisionAppeal.case.appellant.company": "An owner of the company",
    "decisionAppeal.case.decided": "Decided on {date}: {outcome}.",
    "decisionAppeal.case.decided.upheld": "the decision stands",
    "decisionAppeal.case.decided.overturned": "the decision is reversed",
    "decisionAppeal.case.nothing": "No appeal against this decision is waiting any more.",
    "decisionAppeal.case.changed": "The case is no longer as the decision left it: the appeal can only be decided by upholding it.",
    "decisionAppeal.case.proofStatus": "Proof: {status}",
    "decisionAppeal.case.subjectState": "Subject: {state}",
    "decisionAppeal.case.subjectState.active": "listed",
    "decisionAppeal.case.subjectState.pending": "waiting",
    "decisionAppeal.case.subjectState.rejected": "not added",
    "decisionAppeal.case.claimStatus": "Claim: {status}",
    "decisionAppeal.case.conductStatus": "Report: {status}",
    "decisionAppeal.case.report": "The report",
    "decisionAppeal.decide.title": "Decide the appeal",
    "decisionAppeal.decide.uphold": "Uphold the decision",
    "decisionAppeal.decide.upholdHint": "Nothing changes. The appellant (and, for a conduct report, the other side) receives your reasons.",
    "decisionAppeal.decide.overturn.proof_refuse": "Overturn it: accept the proof",
    "decisionAppeal.decide.overturn.proof_refuseHint":
      "The review is labelled “verified experience”, on its page and in the counters of that label.",
    "decisionAppeal.decide.overturn.subject_refuse": "Overturn it: add the subject",
    "decisionAppeal.decide.overturn.subject_refuseHint":
      "The subject is added to the company (and the company is listed, if the reviewer added it); the review that was not published is published, or held if a check held it.",
    "decisionAppeal.decide.overturn.conduct_dismissed": "Overturn it: uphold the report",
    "decisionAppeal.decide.overturn.conduct_dismissedHint":
      "Logged against the company; it counts towards a public warning. The company's owners receive your reasons, never the reporter's name.",
    "decisionAppeal.decide.overturn.conduct_upheld": "Overturn it: dismiss the report",
    "decisionAppeal.decide.overturn.conduct_upheldHint": "Nothing stays logged against the company; the reporter receives your reasons.",
    "decisionAppeal.decide.overturn.suspend": "Overturn it: reinstate the account",
    "decisionAppeal.decide.overturn.suspendHint": "The account can sign in and take part again.",
    "decisionAppeal.decide.overturn.claim_refuse": "Overturn it: accept the claim",
    "decisionAppeal.decide.overturn.claim_refuseHint":
      "The claimant becomes the owner and the company is verified (whoever joined it without proof leaves). Choose the reason “Role at the company shown”.",
    "decisionAppeal.decide.overturn.refuse": "Overturn it: publish the review",
    "decisionAppeal.decide.overturn.refuseHint":
      "The review is published today and enters the company's counters and TrustScore; its author receives your reasons.",
    "decisionAppeal.decide.reasonAccept": "Overturning a refused claim takes the reason “Role at the company shown”.",
    "decisionAppeal.decide.reasonRefuse": "Upholding a refused claim takes a reason that says why the role is not shown.",
    "decisionAppeal.error.changed":
      "The case is no longer as the appealed decision left it (a later decision changed it). Nothing was recorded: reload the case.",
  },
  fr: {
    "decisionAppeal.contest.suspend":
      "Vous pouvez faire appel de cette décision sur Réplique jusqu’au {deadline} ({days} jours après elle), sans vous connecter : ouvrez la page de cet exposé depuis le lien de l’e-mail que nous vous avons envoyé, et dites pourquoi en quelques mots. Un autre modérateur que celui qui a décidé examine votre appel, et l’issue vous est communiquée avec ses motifs, par e-mail.",
    "decisionAppeal.owner.subject": "Un signalement sur {company} est retenu",
    "decisionAppeal.owner.decided":
      "Le {date}, un modérateur a retenu un signalement selon lequel {company} a proposé une contrepartie pour qu’un avis soit modifié ou supprimé : il est inscrit au dossier de l’entreprise et compte pour un avertissement public sur sa page. Pour protéger la personne qui l’a fait, cet exposé ne la nomme pas et ne dit pas de quel avis il s’agit.",

    "decisionAppeal.decided.theirs":
      "Le {date}, un autre modérateur que celui qui a décidé a examiné un appel contre la décision nº {id} du {appealedDate}.",
    "decisionAppeal.result.proof_refuse.upheld":
      "La décision est maintenue : la preuve envoyée avec votre avis « {title} » sur {company} reste refusée, et l’avis garde son libellé.",
    "decisionAppeal.result.proof_refuse.overturned":
      "La décision est infirmée : la preuve est acceptée, et votre avis « {title} » sur {company} porte désormais le libellé « expérience vérifiée ».",
    "decisionAppeal.result.subject_refuse.upheld": "La décision est maintenue : « {subject} » n’est pas ajouté à {company}.",
    "decisionAppeal.result.subject_refuse.overturned":
      "La décision est infirmée : « {subject} » est ajouté à {company}, et l’avis écrit avec lui qui n’avait pas été publié l’est maintenant (ou est examiné d’abord si un contrôle l’a retenu).",
    "decisionAppeal.result.conduct_dismissed.reporter.upheld": "La décision est maintenue : votre signalement sur {company} reste rejeté.",
    "decisionAppeal.result.conduct_dismissed.reporter.overturned":
      "La décision est infirmée : votre signalement sur {company} est retenu ; il est inscrit au dossier de l’entreprise et compte pour un avertissement public sur sa page.",
    "decisionAppeal.result.conduct_dismissed.company.overturned":
      "La décision est infirmée : un signalement selon lequel {company} a proposé une contrepartie pour qu’un avis soit modifié ou supprimé est retenu ; il est inscrit au dossier de l’entreprise et compte pour un avertissement public sur sa page. Pour protéger la personne qui l’a fait, cet exposé ne la nomme pas et ne dit pas de quel avis il s’agit.",
    "decisionAppeal.result.conduct_upheld.company.upheld":
      "La décision est maintenue : le signalement sur {company} reste retenu et inscrit au dossier de l’entreprise.",
    "decisionAppeal.result.conduct_upheld.company.overturned":
      "La décision est infirmée : le signalement sur {company} est rejeté ; rien n’est inscrit au dossier de l’entreprise.",
    "decisionAppeal.result.conduct_upheld.reporter.upheld":
      "L’entreprise a fait appel ; la décision est maintenue : votre signalement sur {company} reste retenu.",
    "decisionAppeal.result.conduct_upheld.reporter.overturned":
      "L’entreprise a fait appel ; la décision est infirmée : votre signalement sur {company} est rejeté, et rien n’est inscrit au dossier de l’entreprise.",
    "decisionAppeal.result.suspend.upheld": "La décision est maintenue : la suspension de votre compte était justifiée.",
    "decisionAppeal.result.suspend.overturned":
      "La décision est infirmée : votre compte est rétabli ; vous pouvez de nouveau vous connecter et participer.",
    "decisionAppeal.result.claim_refuse.upheld": "La décision est maintenue : votre demande de gestion de {company} reste refusée.",
    "decisionAppeal.result.claim_refuse.overturned":
      "La décision est infirmée : votre demande est acceptée ; {company} est vérifiée, et vous en êtes propriétaire.",
    "decisionAppeal.result.refuse.upheld": "La décision est maintenue : votre avis « {title} » sur {company} reste non publié.",
    "decisionAppeal.result.refuse.overturned":
      "La décision est annulée : votre avis « {title} » sur {company} est publié, et compte dans sa note à partir d’aujourd’hui.",

    "notice.conduct_upheld_company.title": "Un signalement sur {company} est retenu",
    "notice.conduct_upheld_company.body":
      "Un modérateur a retenu un signalement sur la conduite de {company}. Motif : {reason}. Ouvrez l’exposé des motifs : vous pouvez en faire appel.",
    "notice.decision_appeal_received.title": "Votre appel a bien été reçu",
    "notice.decision_appeal_received.body":
      "Un autre modérateur que celui qui a décidé va l’examiner ; l’issue vous sera communiquée, avec ses motifs.",
    "notice.decision_appeal_decided.title": "Un appel a été tranché",
    "notice.decision_appeal_decided.body":
      "Un autre modérateur que celui qui a décidé a examiné un appel contre une décision qui vous concerne. Motif : {reason}. Ouvrez l’exposé des motifs.",

    "decisionAppeal.kind.proof": "Preuve",
    "decisionAppeal.kind.suggestion": "Sujet suggéré",
    "decisionAppeal.kind.conduct": "Signalement de conduite",
    "decisionAppeal.kind.user": "Compte",
    "decisionAppeal.kind.claim": "Demande de gestion",
    "decisionAppeal.kind.publication": "Avis refusé au dépôt",
    "decisionAppeal.item.proof": "Preuve pour « {title} » sur {company}",
    "decisionAppeal.item.suggestion": "{subject}, pour {company}",
    "decisionAppeal.item.conduct": "Signalement sur {company}",
    "decisionAppeal.item.user": "Compte de {name}",
    "decisionAppeal.item.claim": "Demande de {name} pour gérer {company}",
    "decisionAppeal.item.publication": "« {title} » sur {company}",
    "decisionAppeal.by.concerned": "Appel de la personne concernée",
    "decisionAppeal.by.reporter": "Appel de la personne qui a signalé",
    "decisionAppeal.by.company.one": "Appel de {count} propriétaire de l’entreprise",
    "decisionAppeal.by.company.other": "Appel de {count} propriétaires de l’entreprise",
    "decisionAppeal.case.title": "Appel contre la décision nº {id}",
    "decisionAppeal.case.description": "Un appel contre une décision des files de modération.",
    "decisionAppeal.case.facts": "Le dossier, tel qu’il est aujourd’hui",
    "decisionAppeal.case.queueCase": "Ouvrir son dossier",
    "decisionAppeal.case.appellant.concerned": "La personne concernée",
    "decisionAppeal.case.appellant.reporter": "La personne qui a signalé",
    "decisionAppeal.case.appellant.company": "Un propriétaire de l’entreprise",
    "decisionAppeal.case.decided": "Tranché le {date} : {outcome}.",
    "decisionAppeal.case.decided.upheld": "la décision est maintenue",
    "decisionAppeal.case.decided.overturned": "la décision est infirmée",
    "decisionAppeal.case.nothing": "Plus aucun appel contre cette décision n’attend.",
    "decisionAppeal.case.changed":
      "Le dossier n’est plus dans l’état où la décision l’a laissé : l’appel ne peut être tranché qu’en la maintenant.",
    "decisionAppeal.case.proofStatus": "Preuve : {status}",
    "decisionAppeal.case.subjectState": "Sujet : {state}",
    "decisionAppeal.case.subjectState.active": "répertorié",
    "decisionAppeal.case.subjectState.pending": "en attente",
    "decisionAppeal.case.subjectState.rejected": "non ajouté",
    "decisionAppeal.case.claimStatus": "Demande : {status}",
    "decisionAppeal.case.conductStatus": "Signalement : {status}",
    "decisionAppeal.case.report": "Le signalement",
    "decisionAppeal.decide.title": "Trancher l’appel",
    "decisionAppeal.decide.uphold": "Maintenir la décision",
    "decisionAppeal.decide.upholdHint":
      "Rien ne change. L’auteur de l’appel (et, pour un signalement de conduite, l’autre partie) reçoit vos motifs.",
    "decisionAppeal.decide.overturn.proof_refuse": "L’infirmer : accepter la preuve",
    "decisionAppeal.decide.overturn.proof_refuseHint":
      "L’avis porte le libellé « expérience vérifiée », sur sa page et dans les compteurs de ce libellé.",
    "decisionAppeal.decide.overturn.subject_refuse": "L’infirmer : ajouter le sujet",
    "decisionAppeal.decide.overturn.subject_refuseHint":
      "Le sujet est ajouté à l’entreprise (et l’entreprise répertoriée, si l’auteur l’a ajoutée) ; l’avis qui n’avait pas été publié l’est, ou est retenu si un contrôle l’a retenu.",
    "decisionAppeal.decide.overturn.conduct_dismissed": "L’infirmer : retenir le signalement",
    "decisionAppeal.decide.overturn.conduct_dismissedHint":
      "Inscrit au dossier de l’entreprise ; il compte pour un avertissement public. Les propriétaires de l’entreprise reçoivent vos motifs, jamais le nom de la personne qui a signalé.",
    "decisionAppeal.decide.overturn.conduct_upheld": "L’infirmer : rejeter le signalement",
    "decisionAppeal.decide.overturn.conduct_upheldHint":
      "Plus rien n’est inscrit au dossier de l’entreprise ; la personne qui a signalé reçoit vos motifs.",
    "decisionAppeal.decide.overturn.suspend": "L’infirmer : rétablir le compte",
    "decisionAppeal.decide.overturn.suspendHint": "Le compte peut de nouveau se connecter et participer.",
    "decisionAppeal.decide.overturn.claim_refuse": "L’infirmer : accepter la demande",
    "decisionAppeal.decide.overturn.claim_refuseHint":
      "La personne devient propriétaire et l’entreprise est vérifiée (quiconque l’a rejointe sans preuve la quitte). Choisissez le motif « Fonction dans l’entreprise démontrée ».",
    "decisionAppeal.decide.overturn.refuse": "L’annuler : publier l’avis",
    "decisionAppeal.decide.overturn.refuseHint":
      "L’avis est publié aujourd’hui et entre dans les compteurs et le TrustScore de l’entreprise ; son auteur reçoit vos motifs.",
    "decisionAppeal.decide.reasonAccept": "Infirmer le refus d’une demande se fait pour le motif « Fonction dans l’entreprise démontrée ».",
    "decisionAppeal.decide.reasonRefuse":
      "Maintenir le refus d’une demande se fait pour un motif qui dit pourquoi la fonction n’est pas démontrée.",
    "decisionAppeal.error.changed":
      "Le dossier n’est plus dans l’état où la décision contestée l’a laissé (une décision ultérieure l’a changé). Rien n’a été enregistré : rechargez le dossier.",
  },
});
