import { FLAG_RESPONSE_DAYS, FLAG_RESPONSE_MAX_LENGTH, FLAG_RESPONSE_MIN_LENGTH, FLAG_RESPONSES_PER_WINDOW } from "../lib/flag-policy";
import { defineMessages } from "./define";

// The life of a flag (app/models/flags.server.ts): the "under review since" line, the
// author's notice and answer, the hold on a manifestly illegal flag, the queue's deadlines,
// the warnings and suspensions for abusive flagging.
export const flags = defineMessages({
  en: {
    "review.underReviewSince": "Under review since {date}",
    "check.flag_manifestly_illegal": "It was reported as manifestly illegal content, so it is hidden until a moderator decides.",

    "notice.flag_received.title": "Your review was reported",
    "notice.flag_received.body":
      "Your review “{title}” of {company} was reported ({reason}). It stays online, marked “under review”, while a moderator examines it. Until {until} you can edit it or send the moderators your side from your review's page.",
    "notice.flag_hold.title": "Your review is hidden while a moderator examines it",
    "notice.flag_hold.body":
      "Your review “{title}” of {company} was reported as manifestly illegal content ({reason}) by a trusted reporter, so it is hidden until a moderator decides. Until {until} you can edit it or send the moderators your side from your review's page.",
    "notice.flagging_warning.title": "A warning about your reports",
    "notice.flagging_warning.body":
      "{who}: of the {decided} reports decided in the last months, {dismissed} were dismissed ({share} %). If reports that break none of our rules go on, reporting will be suspended.",
    "notice.flagging_suspended.title": "Your reporting is suspended",
    "notice.flagging_suspended.body":
      "{who}: after a warning, more reports that broke none of our rules were dismissed ({dismissed} of {decided}, {share} %). New reports are refused until {until}.",
    "notice.flagging_warning_withdrawn.title": "The warning about your reports is withdrawn",
    "notice.flagging_warning_withdrawn.body":
      "{who}: an appeal changed the outcome of reports the warning counted. As finally decided, {dismissed} of {decided} reports were dismissed ({share} %), under the threshold: the warning is withdrawn.",
    "notice.flagging_suspension_lifted.title": "You can report again",
    "notice.flagging_suspension_lifted.body":
      "{who}: an appeal changed the outcome of reports the suspension counted. As finally decided, the suspension is no longer founded: it is lifted and new reports are accepted again.",
    "flags.abuse.whoYou": "Your account",
    "flags.abuse.whoCompany": "Your company",
    "flags.abuse.warnStatement":
      "Automatic warning: {dismissed} of the {decided} reports decided in the last {days} days were dismissed ({share} %), over the published threshold. A suspension of reporting follows if dismissed reports go on.",
    "flags.abuse.suspendStatement":
      "Automatic suspension of reporting until {until}: after a warning, reports that broke no rule went on ({dismissed} of {decided} dismissed in the last {days} days, {share} %).",
    "flags.abuse.withdrawStatement":
      "Warning withdrawn automatically: after an appeal reversed a decision, the reports it counted are taken as finally decided ({dismissed} of {decided} dismissed in the last {days} days, {share} %), under the published threshold.",
    "flags.abuse.liftStatement":
      "Suspension of reporting lifted automatically: after an appeal reversed a decision, the reports it counted are taken as finally decided, and the suspension is no longer founded ({dismissed} of {decided} dismissed in the last {days} days, {share} %).",
    "flags.hold.statement":
      "Held automatically: reported as manifestly illegal content ({reason}) by a trusted path. A moderator decides within {hours} hours.",

    "flag.suspended": "Your reports are suspended until {date}: too many of your earlier reports broke none of our rules.",
    "report.suspended": "Reports from this account are suspended until {date}: too many of its earlier reports broke none of our rules.",

    "flags.respond.title": "Your side of the story",
    "flags.respond.intro":
      "Your review was reported. Tell the moderators what happened, or point to your evidence (an order number, a date, a receipt). Only moderators read this. You can also edit your review.",
    "flags.respond.until": "You can send it until {date}.",
    "flags.respond.body": "Your message to the moderators",
    "flags.respond.hint": `Between ${FLAG_RESPONSE_MIN_LENGTH} and ${FLAG_RESPONSE_MAX_LENGTH} characters. Do not write anyone's personal data.`,
    "flags.respond.submit": "Send to the moderators",
    "flags.respond.closed": `No report on this review is waiting for a decision, or the ${FLAG_RESPONSE_DAYS}-day window to answer is over.`,
    "flags.respond.tooMany": `You already sent ${FLAG_RESPONSES_PER_WINDOW} messages about these reports. A moderator will read them.`,
    "flags.respond.error.short": `Write at least ${FLAG_RESPONSE_MIN_LENGTH} characters.`,
    "flags.respond.error.long": `Write at most ${FLAG_RESPONSE_MAX_LENGTH} characters.`,
    "flags.respond.sent": "Sent. The moderators will read it before they decide.",
    "flags.respond.notice": "Your review was reported. Until {date} you can edit it or send the moderators your side.",
    "flags.respond.link": "Send your side to the moderators",
    "flash.flagResponseSent": "Your message was sent to the moderators.",

    "moderation.case.responses": "The author's side",
    "moderation.case.responses.none": "The author has sent nothing.",
    "moderation.flags.deadline": "to decide by {date}",
    "moderation.flags.overdue": "past its deadline ({date})",
    "moderation.flags.answered": "the author answered",
    "moderation.status.heldByFlag": "Held on a manifestly illegal report",

    "scorecard.flagsFiled": "Reports filed by the company",
    "scorecard.flagsUpheldOf": "{upheld} of {decided}",
    "scorecard.flagsNote":
      "A review can be reported more than once (its follow-up too, or again after a decision): reports and reviews are counted apart.",
  },
  fr: {
    "review.underReviewSince": "En cours d’examen depuis le {date}",
    "check.flag_manifestly_illegal":
      "Il a été signalé comme contenu manifestement illicite : il est masqué jusqu’à la décision d’un modérateur.",

    "notice.flag_received.title": "Votre avis a été signalé",
    "notice.flag_received.body":
      "Votre avis « {title} » sur {company} a été signalé ({reason}). Il reste en ligne, marqué « en cours d’examen », pendant qu’un modérateur l’examine. Jusqu’au {until}, vous pouvez le modifier ou envoyer votre version aux modérateurs depuis la page de votre avis.",
    "notice.flag_hold.title": "Votre avis est masqué pendant son examen",
    "notice.flag_hold.body":
      "Votre avis « {title} » sur {company} a été signalé comme contenu manifestement illicite ({reason}) par un signaleur de confiance : il est masqué jusqu’à la décision d’un modérateur. Jusqu’au {until}, vous pouvez le modifier ou envoyer votre version aux modérateurs depuis la page de votre avis.",
    "notice.flagging_warning.title": "Un avertissement sur vos signalements",
    "notice.flagging_warning.body":
      "{who} : sur les {decided} signalements tranchés ces derniers mois, {dismissed} ont été rejetés ({share} %). Si les signalements qui n’enfreignent aucune règle continuent, les signalements seront suspendus.",
    "notice.flagging_suspended.title": "Vos signalements sont suspendus",
    "notice.flagging_suspended.body":
      "{who} : après un avertissement, d’autres signalements sans fondement ont été rejetés ({dismissed} sur {decided}, {share} %). Les nouveaux signalements sont refusés jusqu’au {until}.",
    "notice.flagging_warning_withdrawn.title": "L’avertissement sur vos signalements est retiré",
    "notice.flagging_warning_withdrawn.body":
      "{who} : un appel a changé l’issue de signalements que l’avertissement comptait. Selon les décisions finales, {dismissed} des {decided} signalements ont été rejetés ({share} %), sous le seuil : l’avertissement est retiré.",
    "notice.flagging_suspension_lifted.title": "Vous pouvez de nouveau signaler",
    "notice.flagging_suspension_lifted.body":
      "{who} : un appel a changé l’issue de signalements que la suspension comptait. Selon les décisions finales, elle n’est plus fondée : elle est levée et les nouveaux signalements sont de nouveau acceptés.",
    "flags.abuse.whoYou": "Votre compte",
    "flags.abuse.whoCompany": "Votre entreprise",
    "flags.abuse.warnStatement":
      "Avertissement automatique : {dismissed} des {decided} signalements tranchés ces {days} derniers jours ont été rejetés ({share} %), au-delà du seuil publié. Une suspension des signalements suivra si les signalements rejetés continuent.",
    "flags.abuse.suspendStatement":
      "Suspension automatique des signalements jusqu’au {until} : après un avertissement, les signalements sans fondement ont continué ({dismissed} rejetés sur {decided} ces {days} derniers jours, {share} %).",
    "flags.abuse.withdrawStatement":
      "Avertissement retiré automatiquement : un appel ayant renversé une décision, les signalements qu’il comptait sont pris selon leur issue finale ({dismissed} rejetés sur {decided} ces {days} derniers jours, {share} %), sous le seuil publié.",
    "flags.abuse.liftStatement":
      "Suspension des signalements levée automatiquement : un appel ayant renversé une décision, les signalements qu’elle comptait sont pris selon leur issue finale, et elle n’est plus fondée ({dismissed} rejetés sur {decided} ces {days} derniers jours, {share} %).",
    "flags.hold.statement":
      "Retenu automatiquement : signalé comme contenu manifestement illicite ({reason}) par une voie de confiance. Un modérateur décide dans les {hours} heures.",

    "flag.suspended":
      "Vos signalements sont suspendus jusqu’au {date} : trop de vos signalements précédents n’enfreignaient aucune de nos règles.",
    "report.suspended":
      "Les signalements de ce compte sont suspendus jusqu’au {date} : trop de ses signalements précédents n’enfreignaient aucune de nos règles.",

    "flags.respond.title": "Votre version des faits",
    "flags.respond.intro":
      "Votre avis a été signalé. Dites aux modérateurs ce qui s’est passé, ou indiquez vos preuves (numéro de commande, date, ticket de caisse). Seuls les modérateurs lisent ce message. Vous pouvez aussi modifier votre avis.",
    "flags.respond.until": "Vous pouvez l’envoyer jusqu’au {date}.",
    "flags.respond.body": "Votre message aux modérateurs",
    "flags.respond.hint": `Entre ${FLAG_RESPONSE_MIN_LENGTH} et ${FLAG_RESPONSE_MAX_LENGTH} caractères. N’écrivez les données personnelles de personne.`,
    "flags.respond.submit": "Envoyer aux modérateurs",
    "flags.respond.closed": `Aucun signalement de cet avis n’attend de décision, ou le délai de ${FLAG_RESPONSE_DAYS} jours pour répondre est passé.`,
    "flags.respond.tooMany": `Vous avez déjà envoyé ${FLAG_RESPONSES_PER_WINDOW} messages sur ces signalements. Un modérateur les lira.`,
    "flags.respond.error.short": `Écrivez au moins ${FLAG_RESPONSE_MIN_LENGTH} caractères.`,
    "flags.respond.error.long": `Écrivez au plus ${FLAG_RESPONSE_MAX_LENGTH} caractères.`,
    "flags.respond.sent": "Envoyé. Les modérateurs le liront avant de décider.",
    "flags.respond.notice": "Votre avis a été signalé. Jusqu’au {date}, vous pouvez le modifier ou envoyer votre version aux modérateurs.",
    "flags.respond.link": "Envoyer votre version aux modérateurs",
    "flash.flagResponseSent": "Votre message a été envoyé aux modérateurs.",

    "moderation.case.responses": "La version de l’auteur",
    "moderation.case.responses.none": "L’auteur n’a rien envoyé.",
    "moderation.flags.deadline": "à décider avant le {date}",
    "moderation.flags.overdue": "délai dépassé ({date})",
    "moderation.flags.answered": "l’auteur a répondu",
    "moderation.status.heldByFlag": "Retenu sur un signalement manifestement illicite",

    "scorecard.flagsFiled": "Signalements déposés par l’entreprise",
    "scorecard.flagsUpheldOf": "{upheld} sur {decided}",
    "scorecard.flagsNote":
      "Un avis peut être signalé plusieurs fois (son suivi aussi, ou de nouveau après une décision) : signalements et avis sont comptés à part.",
  },
});
