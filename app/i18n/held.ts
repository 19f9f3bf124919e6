import { defineMessages } from "./define";

// Reviews held at submission by the automatic checks: the moderators' queue
// (/moderation/held) and case page, the decision form, the statement of reasons of a
// publication decision (app/lib/held-statement.ts, /statements/publication/:id) and the
// notifications of the author.
export const held = defineMessages({
  en: {
    "held.title": "Reviews held by the automatic checks",
    "held.intro":
      "Reviews a check held before publication, the one held longest ago first. Each is published automatically {hours} hours after it was held if nobody decides: publish it or refuse it before then.",
    "held.empty": "No review is waiting.",
    "held.next": "Next reviews",
    "held.first": "Back to the oldest",
    "held.item.title": "“{title}” about {company}",
    "held.item.about": "{subject} · by {author}",
    "held.item.anonymous": "a deleted account",
    "held.item.heldAgo": "held {age} ago",
    "held.item.edited": "edited by its author since",
    "held.item.open": "Open the case",
    "held.deadline.left": "{time} left before it is published automatically",
    "held.deadline.overdue": "Past the {hours}-hour delay: the deadline job publishes it at its next run",
    "held.why": "Held by",
    "held.alsoFound": "The text also contains",
    "held.alsoFound.item": "{check}: {found}",
    "held.evidence.found": "Found in the text:",
    "held.evidence.notFound": "The check no longer finds it in the text as it is now.",
    "held.evidence.duplicate":
      "{similarity} % similar to review no. {id}, “{title}”, by {author} ({date}, {status}). The check holds from {threshold} %.",
    "held.evidence.duplicateOwn":
      "{similarity} % similar to the author's own review no. {id}, “{title}” ({date}, {status}). The check holds from {threshold} %.",
    "held.evidence.duplicateNone": "No earlier review is similar enough any more (one may have been deleted).",
    "held.evidence.cluster.one": "{count} other account reviewed this company from the same network within {days} days before:",
    "held.evidence.cluster.other": "{count} other accounts reviewed this company from the same network within {days} days before:",
    "held.evidence.domain": "The author's address is at {domain}; the company's domain is {companyDomain}.",
    "held.evidence.burst":
      "{recent} negative reviews (1–2★) of this company in {hours} hours, this one included, when it usually gets {usual} per {hours} hours (over the {days} days before).",
    "held.evidence.burstOthers": "The others in those hours:",
    "held.evidence.other": "The check recorded no more than its name.",
    "held.evidence.related": "no. {id}, “{title}”, {stars}★, {author}, {date}",
    "held.evidence.status.published": "online",
    "held.evidence.status.held": "held",
    "held.evidence.status.removed": "removed",
    "held.evidence.status.pending": "waiting for its subject",
    "held.evidence.status.deleted": "deleted",

    "held.check.rate_account": "Many reviews from one account",
    "held.check.rate_ip": "Many reviews from one network",
    "held.check.network_cluster": "Other accounts on the same network",
    "held.check.links": "A link in the text",
    "held.check.email": "An email address in the text",
    "held.check.phone": "A phone number in the text",
    "held.check.banned_words": "Words our rules do not allow",
    "held.check.duplicate_own": "The same text as another review by the author",
    "held.check.near_duplicate": "Very close to another review",
    "held.check.conflict_member": "Written by a member of the company",
    "held.check.conflict_domain": "An address at the company's domain",
    "held.check.negative_burst": "A burst of negative reviews on the company",
    "held.check.unknown": "An automatic check",

    "held.dashboard.hint": "Reviews a check held before publication. Published automatically after {hours} hours if nobody decides.",
    "held.dashboard.open": "Open the held reviews",
    "held.dashboard.next": "the oldest is published automatically in {time}",
    "held.dashboard.overdue": "the oldest is past the delay: the deadline job publishes it within a minute",

    "held.case.title": "Held review no. {id}",
    "held.case.description":
      "A review held before publication by an automatic check: its text, the check's evidence, its author, and the decision.",
    "held.case.back": "Back to the held reviews",
    "held.case.jump": "Go to the decision",
    "held.case.review": "The review as it would be published",
    "held.case.text": "The text as written",
    "held.case.evidence": "Why it was held",
    "held.case.heldOn": "Held on {date} by: {check}.",
    "held.case.history": "Edit history",
    "held.case.history.version": "Version {n}, {date}",
    "held.case.decisions": "Decisions on this review",
    "held.case.decisions.none": "No decision yet.",
    "held.case.decided": "This review is not held: {status}. Nothing is left to decide here.",
    "held.case.otherCase": "Its case page (reports, removal, restoration)",

    "held.decide.title": "Decide",
    "held.decide.legend": "Decision",
    "held.decide.publish": "Publish",
    "held.decide.publishHint": "The review goes online now and counts in the score; the author is told.",
    "held.decide.refuse": "Refuse",
    "held.decide.refuseHint": "The review is never shown; the author gets the reason and how to contest.",
    "held.decide.reason": "Rule examined",
    "held.decide.reasonHint":
      "For a refusal, the rule it breaks; for a publication, the rule the check was about. From the published list:",
    "held.decide.rules": "the rules on /transparency",
    "held.decide.chooseReason": "Choose a rule",
    "held.decide.statement": "Statement to the author",
    "held.decide.statementHint":
      "The facts and why, in words the author will read ({min} to {max} characters). It is sent to them as it is.",
    "held.decide.neverEdit": "Moderators never change a review's text: publish it or refuse it as it is.",
    "held.decide.submit": "Record the decision",
    "held.refusal.own_content": "This is your own review: another moderator decides on it.",
    "held.refusal.company_member": "You are a member of this company: another moderator decides on its reviews.",
    "held.error.decision": "Choose to publish or to refuse.",
    "held.error.reason": "Choose the rule from the list.",
    "held.error.statementRequired": "Write the statement the author will read.",
    "held.error.statementShort": "Write at least {min} characters: the author must understand the decision.",
    "held.error.statementLong": "Keep the statement under {max} characters.",
    "held.error.stale": "This page is out of date: open the case again.",
    "held.error.already_decided":
      "This review was decided meanwhile (by another moderator or the deadline job): nothing of yours was recorded.",
    "held.error.edited": "The author edited this review meanwhile: read it again before deciding.",
    "held.error.fix": "Check the fields marked below.",
    "flash.heldDecided": "Decision recorded. Its statement of reasons was sent to the author.",

    "held.statement.title": "Statement of reasons",
    "held.statement.what": "your review “{title}” of {company}",
    "held.statement.subject.publish": "Statement of reasons: your review is published",
    "held.statement.subject.refuse": "Statement of reasons: your review was not published",
    "held.statement.subject.auto": "Statement of reasons: your review was published automatically",
    "held.statement.decided.publish":
      "On {date}, a moderator examined {what}, which an automatic check had held before publication, and published it.",
    "held.statement.decided.refuse":
      "On {date}, a moderator examined {what}, which an automatic check had held before publication, and refused to publish it. It is not shown on Réplique.",
    "held.statement.decided.auto":
      "On {date}, {what} was published automatically: nobody had decided on it within {hours} hours of an automatic check holding it.",
    "held.statement.facts.intro": "The facts and the reasons, in the moderator's words:",
    "held.statement.facts.held": "It was held on {date} by the check “{check}”.",
    "held.statement.facts.heldUndated": "It was held by the check “{check}”.",
    "held.statement.automated.human":
      "Automated means were used to hold your review before publication (the check above). A person then examined it and took this decision.",
    "held.statement.automated.auto":
      "This decision was taken by automated means: an automatic check held your review, and it was published automatically when the {hours}-hour delay ran out, without a person examining it.",
    "held.statement.ground.publish": "Rule examined: “{reason}”. {description} The moderator found that your review does not break it.",
    "held.statement.ground.refuse": "Ground: our rule “{reason}”. {description}",
    "held.statement.ground.auto":
      "Ground: our commitment to publish, after {hours} hours, any review held by a check that nobody has decided on. The check was about the rule “{reason}”.",
    "held.statement.ruleLink": "This rule and the others, on our transparency page:",
    "held.statement.contest.publish":
      "This decision publishes your review: there is nothing to contest. You can edit or delete it at any time from its page.",
    "held.statement.summary.ground": "Reason: {reason}.",
    "held.statement.heading.decided": "What was decided",
    "held.statement.heading.facts": "The facts",
    "held.statement.heading.automated": "Automated means",
    "held.statement.heading.ground": "Ground",
    "held.statement.heading.contest": "How to contest",
    "held.statement.mail.page": "Read this statement on Réplique",
    "held.statement.page.intro": "Decision no. {id} of {date}, about your review.",
    "held.statement.page.content": "See the review",
    "held.statement.page.rules": "This rule and the others, on our transparency page",
    "held.log.auto":
      "Published automatically: nobody decided within {hours} hours of the review being held on {date} by the check “{check}”.",

    "notice.held_published.title": "Your review is published",
    "notice.held_published.body":
      "A moderator examined your review “{title}” of {company} and published it. Open the statement of reasons.",
    "notice.held_refused.title": "Your review was not published",
    "notice.held_refused.body":
      "A moderator refused your review “{title}” of {company}. Reason: {reason}. Open the statement of reasons and how to contest it.",
    "notice.held_auto_published.title": "Your review is published",
    "notice.held_auto_published.body":
      "Your review “{title}” of {company} was published automatically: nobody decided on it within our published delay. Open the statement of reasons.",
  },
  fr: {
    "held.title": "Avis retenus par les contrôles automatiques",
    "held.intro":
      "Les avis qu’un contrôle a retenus avant publication, le plus ancien d’abord. Chacun est publié automatiquement {hours} heures après avoir été retenu si personne ne décide : publiez-le ou refusez-le avant.",
    "held.empty": "Aucun avis n’attend.",
    "held.next": "Avis suivants",
    "held.first": "Retour aux plus anciens",
    "held.item.title": "« {title} » sur {company}",
    "held.item.about": "{subject} · par {author}",
    "held.item.anonymous": "un compte supprimé",
    "held.item.heldAgo": "retenu il y a {age}",
    "held.item.edited": "modifié depuis par son auteur",
    "held.item.open": "Ouvrir le dossier",
    "held.deadline.left": "{time} avant sa publication automatique",
    "held.deadline.overdue": "Délai de {hours} heures dépassé : la tâche de publication le publie à son prochain passage",
    "held.why": "Retenu par",
    "held.alsoFound": "Le texte contient aussi",
    "held.alsoFound.item": "{check} : {found}",
    "held.evidence.found": "Trouvé dans le texte :",
    "held.evidence.notFound": "Le contrôle ne le trouve plus dans le texte tel qu’il est maintenant.",
    "held.evidence.duplicate":
      "Semblable à {similarity} % à l’avis n° {id}, « {title} », de {author} ({date}, {status}). Le contrôle retient à partir de {threshold} %.",
    "held.evidence.duplicateOwn":
      "Semblable à {similarity} % à l’avis n° {id} du même auteur, « {title} » ({date}, {status}). Le contrôle retient à partir de {threshold} %.",
    "held.evidence.duplicateNone": "Aucun avis antérieur n’est plus assez semblable (l’un d’eux a pu être supprimé).",
    "held.evidence.cluster.one":
      "{count} autre compte a donné son avis sur cette entreprise depuis le même réseau dans les {days} jours précédents :",
    "held.evidence.cluster.other":
      "{count} autres comptes ont donné leur avis sur cette entreprise depuis le même réseau dans les {days} jours précédents :",
    "held.evidence.domain": "L’adresse de l’auteur est chez {domain} ; le domaine de l’entreprise est {companyDomain}.",
    "held.evidence.burst":
      "{recent} avis négatifs (1–2★) sur cette entreprise en {hours} heures, celui-ci compris, alors qu’elle en reçoit d’habitude {usual} par période de {hours} heures (sur les {days} jours précédents).",
    "held.evidence.burstOthers": "Les autres de ces heures-là :",
    "held.evidence.other": "Le contrôle n’a enregistré que son nom.",
    "held.evidence.related": "n° {id}, « {title} », {stars}★, {author}, {date}",
    "held.evidence.status.published": "en ligne",
    "held.evidence.status.held": "retenu",
    "held.evidence.status.removed": "retiré",
    "held.evidence.status.pending": "en attente de son sujet",
    "held.evidence.status.deleted": "supprimé",

    "held.check.rate_account": "Beaucoup d’avis d’un même compte",
    "held.check.rate_ip": "Beaucoup d’avis d’un même réseau",
    "held.check.network_cluster": "D’autres comptes sur le même réseau",
    "held.check.links": "Un lien dans le texte",
    "held.check.email": "Une adresse e-mail dans le texte",
    "held.check.phone": "Un numéro de téléphone dans le texte",
    "held.check.banned_words": "Des mots que nos règles n’autorisent pas",
    "held.check.duplicate_own": "Le même texte qu’un autre avis de l’auteur",
    "held.check.near_duplicate": "Très proche d’un autre avis",
    "held.check.conflict_member": "Écrit par un membre de l’entreprise",
    "held.check.conflict_domain": "Une adresse au nom de domaine de l’entreprise",
    "held.check.negative_burst": "Un afflux d’avis négatifs sur l’entreprise",
    "held.check.unknown": "Un contrôle automatique",

    "held.dashboard.hint":
      "Les avis qu’un contrôle a retenus avant publication. Publiés automatiquement après {hours} heures si personne ne décide.",
    "held.dashboard.open": "Ouvrir les avis retenus",
    "held.dashboard.next": "le plus ancien est publié automatiquement dans {time}",
    "held.dashboard.overdue": "le plus ancien a dépassé le délai : la tâche de publication le publie dans la minute",

    "held.case.title": "Avis retenu n° {id}",
    "held.case.description":
      "Un avis retenu avant publication par un contrôle automatique : son texte, ce que le contrôle a trouvé, son auteur et la décision.",
    "held.case.back": "Retour aux avis retenus",
    "held.case.jump": "Aller à la décision",
    "held.case.review": "L’avis tel qu’il serait publié",
    "held.case.text": "Le texte tel qu’il a été écrit",
    "held.case.evidence": "Pourquoi il a été retenu",
    "held.case.heldOn": "Retenu le {date} par : {check}.",
    "held.case.history": "Historique des modifications",
    "held.case.history.version": "Version {n}, {date}",
    "held.case.decisions": "Décisions sur cet avis",
    "held.case.decisions.none": "Aucune décision pour l’instant.",
    "held.case.decided": "Cet avis n’est pas retenu : {status}. Il n’y a plus rien à décider ici.",
    "held.case.otherCase": "Son dossier (signalements, retrait, rétablissement)",

    "held.decide.title": "Décider",
    "held.decide.legend": "Décision",
    "held.decide.publish": "Publier",
    "held.decide.publishHint": "L’avis est mis en ligne maintenant et compte dans la note ; l’auteur est prévenu.",
    "held.decide.refuse": "Refuser",
    "held.decide.refuseHint": "L’avis n’est jamais affiché ; l’auteur reçoit le motif et les moyens de contester.",
    "held.decide.reason": "Règle examinée",
    "held.decide.reasonHint":
      "Pour un refus, la règle enfreinte ; pour une publication, la règle que visait le contrôle. Dans la liste publiée :",
    "held.decide.rules": "les règles sur /transparency",
    "held.decide.chooseReason": "Choisissez une règle",
    "held.decide.statement": "Exposé à l’auteur",
    "held.decide.statementHint":
      "Les faits et le pourquoi, avec des mots que l’auteur lira (de {min} à {max} caractères). Il lui est envoyé tel quel.",
    "held.decide.neverEdit": "Les modérateurs ne modifient jamais le texte d’un avis : publiez-le ou refusez-le tel qu’il est.",
    "held.decide.submit": "Enregistrer la décision",
    "held.refusal.own_content": "C’est votre propre avis : un autre modérateur en décide.",
    "held.refusal.company_member": "Vous êtes membre de cette entreprise : un autre modérateur décide de ses avis.",
    "held.error.decision": "Choisissez de publier ou de refuser.",
    "held.error.reason": "Choisissez la règle dans la liste.",
    "held.error.statementRequired": "Écrivez l’exposé que l’auteur lira.",
    "held.error.statementShort": "Écrivez au moins {min} caractères : l’auteur doit comprendre la décision.",
    "held.error.statementLong": "L’exposé doit faire moins de {max} caractères.",
    "held.error.stale": "Cette page n’est plus à jour : rouvrez le dossier.",
    "held.error.already_decided":
      "Cet avis a été décidé entre-temps (par un autre modérateur ou par la tâche de publication) : rien de votre décision n’a été enregistré.",
    "held.error.edited": "L’auteur a modifié cet avis entre-temps : relisez-le avant de décider.",
    "held.error.fix": "Vérifiez les champs signalés ci-dessous.",
    "flash.heldDecided": "Décision enregistrée. Son exposé des motifs a été envoyé à l’auteur.",

    "held.statement.title": "Exposé des motifs",
    "held.statement.what": "votre avis « {title} » sur {company}",
    "held.statement.subject.publish": "Exposé des motifs : votre avis est publié",
    "held.statement.subject.refuse": "Exposé des motifs : votre avis n’a pas été publié",
    "held.statement.subject.auto": "Exposé des motifs : votre avis a été publié automatiquement",
    "held.statement.decided.publish":
      "Le {date}, un modérateur a examiné {what}, qu’un contrôle automatique avait retenu avant publication, et l’a publié.",
    "held.statement.decided.refuse":
      "Le {date}, un modérateur a examiné {what}, qu’un contrôle automatique avait retenu avant publication, et a refusé de le publier. Il n’est pas affiché sur Réplique.",
    "held.statement.decided.auto":
      "Le {date}, {what} a été publié automatiquement : personne n’en avait décidé dans les {hours} heures après qu’un contrôle automatique l’a retenu.",
    "held.statement.facts.intro": "Les faits et les motifs, dans les mots du modérateur :",
    "held.statement.facts.held": "Il a été retenu le {date} par le contrôle « {check} ».",
    "held.statement.facts.heldUndated": "Il a été retenu par le contrôle « {check} ».",
    "held.statement.automated.human":
      "Des moyens automatisés ont servi à retenir votre avis avant publication (le contrôle ci-dessus). Une personne l’a ensuite examiné et a pris cette décision.",
    "held.statement.automated.auto":
      "Cette décision a été prise par des moyens automatisés : un contrôle automatique a retenu votre avis, et il a été publié automatiquement à l’expiration du délai de {hours} heures, sans qu’une personne l’examine.",
    "held.statement.ground.publish":
      "Règle examinée : « {reason} ». {description} Le modérateur a estimé que votre avis ne l’enfreint pas.",
    "held.statement.ground.refuse": "Motif : notre règle « {reason} ». {description}",
    "held.statement.ground.auto":
      "Fondement : notre engagement de publier, après {hours} heures, tout avis retenu par un contrôle dont personne n’a décidé. Le contrôle portait sur la règle « {reason} ».",
    "held.statement.ruleLink": "Cette règle et les autres, sur notre page transparence :",
    "held.statement.contest.publish":
      "Cette décision publie votre avis : il n’y a rien à contester. Vous pouvez le modifier ou le supprimer à tout moment depuis sa page.",
    "held.statement.summary.ground": "Motif : {reason}.",
    "held.statement.heading.decided": "Ce qui a été décidé",
    "held.statement.heading.facts": "Les faits",
    "held.statement.heading.automated": "Moyens automatisés",
    "held.statement.heading.ground": "Fondement",
    "held.statement.heading.contest": "Pour contester",
    "held.statement.mail.page": "Lire cet exposé sur Réplique",
    "held.statement.page.intro": "Décision n° {id} du {date}, sur votre avis.",
    "held.statement.page.content": "Voir l’avis",
    "held.statement.page.rules": "Cette règle et les autres, sur notre page transparence",
    "held.log.auto":
      "Publié automatiquement : personne n’a décidé dans les {hours} heures après que le contrôle « {check} » a retenu l’avis, le {date}.",

    "notice.held_published.title": "Votre avis est publié",
    "notice.held_published.body": "Un modérateur a examiné votre avis « {title} » sur {company} et l’a publié. Ouvrez l’exposé des motifs.",
    "notice.held_refused.title": "Votre avis n’a pas été publié",
    "notice.held_refused.body":
      "Un modérateur a refusé votre avis « {title} » sur {company}. Motif : {reason}. Ouvrez l’exposé des motifs et les moyens de le contester.",
    "notice.held_auto_published.title": "Votre avis est publié",
    "notice.held_auto_published.body":
      "Votre avis « {title} » sur {company} a été publié automatiquement : personne n’en a décidé dans le délai que nous publions. Ouvrez l’exposé des motifs.",
  },
});
