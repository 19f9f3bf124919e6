// The /transparency section on flags: their decision delay, the notice to the author and
// their answer, the hold of manifestly illegal content, and the sanctions for abusive
// flagging. Every number comes from app/lib/flag-policy.ts, the code's own constants.
import { useT } from "~/i18n/react";
import {
  FLAG_ABUSE_DISMISSED_SHARE,
  FLAG_ABUSE_MIN_DECIDED,
  FLAG_ABUSE_PERIOD_DAYS,
  FLAG_DECISION_DAYS,
  FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS,
  FLAG_HOLD_MIN_REPORTERS,
  FLAG_NOTICE_INTERVAL_HOURS,
  FLAG_RESPONSE_DAYS,
  FLAG_SUSPENSION_DAYS,
  FLAGS_PER_DAY_PER_ACCOUNT,
  FLAGS_PER_DAY_PER_COMPANY,
  MANIFESTLY_ILLEGAL_DECISION_HOURS,
} from "~/lib/flag-policy";
import { ACCOUNT_REASONS, MANIFESTLY_ILLEGAL_REASONS, reasonLabel } from "~/lib/moderation-reasons";

export function FlagPolicySection() {
  const { locale, n } = useT();
  const fr = locale === "fr";
  const illegal = MANIFESTLY_ILLEGAL_REASONS.map((r) => reasonLabel(r, locale)).join(fr ? " ; " : "; ");
  const share = `${n(FLAG_ABUSE_DISMISSED_SHARE * 100)} %`;
  const abusive = ACCOUNT_REASONS.find((r) => r.id === "abusive_flagging")!;
  return (
    <section id="flags" className="section prose" aria-labelledby="flags-title">
      <h2 id="flags-title">{fr ? "La vie d’un signalement" : "The life of a report"}</h2>
      {fr ? (
        <ul>
          <li id="flag-delay">
            <strong>Chaque signalement est tranché dans les {FLAG_DECISION_DAYS} jours</strong>, et dans les {MANIFESTLY_ILLEGAL_DECISION_HOURS} heures s’il vise un contenu manifestement illicite. La file des modérateurs est classée par échéance, la plus proche d’abord.
          </li>
          <li id="flag-visible">
            Un avis signalé reste en ligne avec la mention neutre « en cours d’examen depuis le … », tant qu’un signalement est ouvert et au plus jusqu’à son échéance : un signalement que personne n’a tranché à temps ne marque pas un avis indéfiniment (il reste en tête de la file).
          </li>
          <li id="flag-notice">
            <strong>L’auteur d’un avis signalé en est averti</strong>, sur le site et par e-mail, au plus une fois par avis et par période de {FLAG_NOTICE_INTERVAL_HOURS} heures. Pendant {FLAG_RESPONSE_DAYS} jours, il peut modifier son avis ou envoyer sa version des faits et ses preuves aux modérateurs, qui la lisent avant de décider.
          </li>
          <li id="flag-hold">
            <strong>Contenu manifestement illicite</strong> ({illegal}) : l’avis est masqué aussitôt s’il est signalé ainsi par un modérateur, ou par au moins {FLAG_HOLD_MIN_REPORTERS} comptes indépendants (adresse vérifiée, compte de plus de {FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS} jours, sans lien avec l’entreprise évaluée, sans avertissement pour signalements abusifs). Le signalement d’une entreprise ou un seul signalement anonyme ne masque jamais un avis : il reste en ligne jusqu’à la décision.
          </li>
          <li id="flag-limits">
            Un compte peut déposer au plus {FLAGS_PER_DAY_PER_ACCOUNT} signalements par jour, et une entreprise (tous ses membres ensemble) au plus {FLAGS_PER_DAY_PER_COMPANY}.
          </li>
          <li id="flag-abuse">
            <strong>Signalements abusifs</strong> (article 23 du règlement européen sur les services numériques) : quand, sur {FLAG_ABUSE_PERIOD_DAYS} jours, au moins {FLAG_ABUSE_MIN_DECIDED} signalements d’un compte ou d’une entreprise ont été tranchés et qu’au moins {share} ont été rejetés, il reçoit un avertissement ; si d’autres signalements déposés après l’avertissement sont rejetés, ses nouveaux signalements sont refusés pendant {FLAG_SUSPENSION_DAYS} jours. L’avertissement et la suspension sont inscrits au journal de modération sous le motif « {abusive.label.fr} ». Sur chaque page d’entreprise, le bilan du droit de réponse montre les signalements qu’elle a déposés et la part retenue.
          </li>
        </ul>
      ) : (
        <ul>
          <li id="flag-delay">
            <strong>Every report is decided within {FLAG_DECISION_DAYS} days</strong>, and within {MANIFESTLY_ILLEGAL_DECISION_HOURS} hours when it is about manifestly illegal content. The moderators' queue is ordered by deadline, the nearest first.
          </li>
          <li id="flag-visible">
            A reported review stays online with the neutral line "under review since …", while a report on it is open and at most until that report's deadline: a report nobody decided in time does not mark a review indefinitely (it stays first in the queue).
          </li>
          <li id="flag-notice">
            <strong>The author of a reported review is told</strong>, on the site and by email, at most once per review every {FLAG_NOTICE_INTERVAL_HOURS} hours. For {FLAG_RESPONSE_DAYS} days they can edit the review or send the moderators their side and their evidence, which the moderators read before deciding.
          </li>
          <li id="flag-hold">
            <strong>Manifestly illegal content</strong> ({illegal}): the review is hidden at once when a moderator reports it so, or at least {FLAG_HOLD_MIN_REPORTERS} independent accounts do (verified address, account older than {FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS} days, no tie to the reviewed company, no warning for abusive reporting). A company's report, or a single anonymous one, never hides a review: it stays online until the decision.
          </li>
          <li id="flag-limits">
            One account may file at most {FLAGS_PER_DAY_PER_ACCOUNT} reports a day, and one company (all its members together) at most {FLAGS_PER_DAY_PER_COMPANY}.
          </li>
          <li id="flag-abuse">
            <strong>Abusive reporting</strong> (article 23 of the EU Digital Services Act): when, over {FLAG_ABUSE_PERIOD_DAYS} days, at least {FLAG_ABUSE_MIN_DECIDED} reports of an account or a company were decided and at least {share} of them were dismissed, it is warned; if more reports filed after the warning are dismissed, its new reports are refused for {FLAG_SUSPENSION_DAYS} days. The warning and the suspension are written to the moderation log under the reason "{abusive.label.en}". On each company page, the right-of-reply scorecard shows the reports it filed and the share upheld.
          </li>
        </ul>
      )}
    </section>
  );
}
