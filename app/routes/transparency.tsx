import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { MODERATION_REASONS, WARNING_REASONS } from "~/lib/moderation-reasons";
import { WARNING_DEFAULT_DAYS } from "~/lib/warning-form";
import {
  APPEAL_WINDOW_DAYS,
  MAX_EXPERIENCE_AGE_YEARS,
  MAX_PUBLICATION_DELAY_HOURS,
  ONE_REVIEW_PER_MONTHS,
  REMOVED_CONTENT_RETENTION_DAYS,
} from "~/lib/policy";
import { seoMeta } from "~/lib/seo";
import { HALF_LIFE_DAYS, PRIOR_COUNT, PRIOR_MEAN } from "~/lib/trustscore";
import { getTransparencyReport } from "~/models/transparency.server";
import { TransparencyFigures } from "~/components/TransparencyFigures";
import { FlagPolicySection } from "~/components/FlagPolicySection";
import { requestSiteOrigin } from "~/lib/origin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { report: getTransparencyReport(), locale: getLocale(request), canonical: `${requestSiteOrigin(request)}/transparency` };
}

export const headers = () => ({ "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" });

const TITLE: Record<Locale, string> = {
  en: "How reviews work on Réplique",
  fr: "Comment fonctionnent les avis sur Réplique",
};
const DESCRIPTION: Record<Locale, string> = {
  en: "How reviews are collected, checked, moderated and displayed; how the TrustScore is computed; live moderation statistics.",
  fr: "Comment les avis sont collectés, contrôlés, modérés et affichés ; comment le TrustScore est calculé ; statistiques de modération en direct.",
};

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? seoMeta({ title: `${TITLE[data.locale]} — Réplique`, description: DESCRIPTION[data.locale], url: data.canonical, locale: data.locale })
    : [];

/** Long prose is written once per language rather than cut into keys. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="section prose" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export default function Transparency() {
  const { report } = useLoaderData<typeof loader>();
  const tt = useT();
  const { locale, n } = tt;
  const fr = locale === "fr";

  return (
    <div className="page page--narrow">
      <h1>{TITLE[locale]}</h1>
      <p className="lead">
        {fr
          ? "Réplique applique la norme NF ISO 20488 sur les avis en ligne et le Code de la consommation (article L111-7-2). Cette page dit tout ce que nous faisons des avis, sans exception."
          : "Réplique follows the NF ISO 20488 standard on online reviews and French consumer law (article L111-7-2 of the Code de la consommation). This page says everything we do with reviews, without exception."}
      </p>

      <Section id="checks" title={fr ? "Les avis sont-ils contrôlés ?" : "Are reviews checked?"}>
        {fr ? (
          <>
            <p>Oui, à trois moments :</p>
            <ul>
              <li><strong>À la collecte</strong> : compte avec adresse e-mail vérifiée, attestation « j’ai vécu cette expérience », date de l’expérience obligatoire (pas dans le futur, pas plus de {MAX_EXPERIENCE_AGE_YEARS} ans), un seul avis par magasin, site ou produit et par auteur sur {ONE_REVIEW_PER_MONTHS} mois.</li>
              <li><strong>Avant publication</strong>, des contrôles automatiques : volume d’avis d’un même compte ou d’un même réseau, liens, e-mails et numéros de téléphone dans le texte, mots interdits, doublons, salariés de l’entreprise évaluée (conflit d’intérêts), afflux soudain d’avis négatifs. Un contrôle peut retenir l’avis pour un modérateur, ou le refuser avec un message clair. Aucun filtrage silencieux : l’auteur voit toujours où en est son avis.</li>
              <li><strong>Après publication</strong>, sur signalement : toute personne peut signaler un avis ou une réponse ; un modérateur humain décide, avec un motif de la liste ci-dessous.</li>
            </ul>
          </>
        ) : (
          <>
            <p>Yes, at three moments:</p>
            <ul>
              <li><strong>At collection</strong>: an account with a verified email address, the statement "I had this experience myself", a required date of experience (not in the future, not older than {MAX_EXPERIENCE_AGE_YEARS} years), one review per store, site or product and per author every {ONE_REVIEW_PER_MONTHS} months.</li>
              <li><strong>Before publication</strong>, automatic checks: how many reviews one account or one network posts, links, email addresses and phone numbers in the text, banned words, duplicates, staff of the reviewed company (conflict of interest), a sudden burst of negative reviews. A check may hold the review for a moderator, or refuse it with a clear message. No silent filtering: the author always sees where their review stands.</li>
              <li><strong>After publication</strong>, when reported: anyone can report a review or a reply; a human moderator decides, giving a reason from the list below.</li>
            </ul>
          </>
        )}
      </Section>

      <Section id="delay" title={fr ? "Délai de publication" : "Publication delay"}>
        <p>
          {fr
            ? `La plupart des avis sont publiés immédiatement. Un avis retenu par un contrôle est examiné par un modérateur ; si personne n’a décidé dans les ${MAX_PUBLICATION_DELAY_HOURS} heures, il est publié automatiquement et le journal de modération l’indique.`
            : `Most reviews are published at once. A review held by a check is examined by a moderator; if nobody has decided within ${MAX_PUBLICATION_DELAY_HOURS} hours, it is published automatically and the moderation log says so.`}
        </p>
      </Section>

      <Section id="no-payment" title={fr ? "Aucune contrepartie" : "No reward"}>
        <p>
          {fr
            ? "Personne n’est payé ni récompensé pour écrire un avis, et les entreprises ne paient ni pour répondre, ni pour inviter leurs clients, ni pour faire retirer un avis. Une entreprise ne peut jamais masquer, modifier ou réordonner un avis. Si une entreprise vous propose quelque chose pour modifier ou retirer votre avis, signalez-le : c’est un motif de retrait de ses propres avis sollicités."
            : "Nobody is paid or rewarded for writing a review, and companies pay neither to reply, nor to invite their customers, nor to have a review removed. A company can never hide, edit or reorder a review. If a company offers you something to change or withdraw your review, report it: it is a ground for removing the reviews it solicited."}
        </p>
      </Section>

      <Section id="labels" title={fr ? "Les labels des avis" : "Review labels"}>
        <dl className="definitions">
          <dt id="label-organic">{fr ? "Spontané" : "Organic"}</dt>
          <dd>{fr ? "Écrit à l’initiative de son auteur, sans invitation." : "Written on the author's own initiative, without an invitation."}</dd>
          <dt id="label-invited">{fr ? "Sur invitation" : "Invited"}</dt>
          <dd>
            {fr
              ? "Écrit après une invitation envoyée par l’entreprise. L’entreprise doit inviter tous ses clients de la même façon, quelle que soit leur satisfaction (pas de sélection)."
              : "Written after an invitation sent by the company. The company must invite all its customers the same way, whatever their satisfaction (no gating)."}
          </dd>
          <dt id="label-verified">{fr ? "Expérience vérifiée" : "Verified experience"}</dt>
          <dd>
            {fr
              ? "L’auteur a envoyé une preuve (ticket de caisse, confirmation de commande), visible seulement des modérateurs, et un modérateur l’a acceptée."
              : "The author sent a proof (receipt, order confirmation), seen only by moderators, and a moderator accepted it."}
          </dd>
        </dl>
        <p>
          {fr
            ? "Chaque avis affiche aussi la date de l’expérience, la date de publication et, s’il a été modifié, la date de la dernière modification."
            : "Each review also shows the date of the experience, the publication date and, when it was edited, the date of the last edit."}
        </p>
      </Section>

      <Section id="editing" title={fr ? "Modifier, supprimer, être contacté" : "Editing, deleting, being contacted"}>
        <p>
          {fr
            ? `L’auteur peut modifier son avis à tout moment ; toutes les versions sont conservées et la date de modification est affichée. Il peut le supprimer. Les auteurs ne sont contactés que par Réplique, pour les besoins de la modération (par exemple pour demander une preuve), jamais par des tiers : leur adresse n’est jamais communiquée aux entreprises. Un avis signalé reste modifiable par son auteur pendant son examen, et il reste en ligne tant qu’aucune décision n’est prise.`
            : `Authors can edit their review at any time; every version is kept and the date of the last edit is shown. They can delete it. Authors are only contacted by Réplique, for moderation (for example to ask for a proof), never by third parties: their address is never given to companies. A reported review stays editable by its author while it is assessed, and stays online until a decision is made.`}
        </p>
      </Section>

      <Section id="removals" title={fr ? "Motifs de refus et de retrait" : "Reasons for refusal and removal"}>
        <p>
          {fr
            ? "Un avis, une réponse ou une suite n’est refusé ou retiré que pour l’un de ces motifs. Chaque décision est notifiée à l’auteur et à la personne qui a signalé, avec les faits, le motif, l’usage éventuel de moyens automatiques et la façon de la contester. Un avis retiré laisse à sa place la date et le motif."
            : "A review, a reply or a follow-up is refused or removed only for one of these reasons. Each decision is notified to the author and to whoever reported it, with the facts, the reason, whether automatic means were used, and how to contest it. A removed review leaves in its place the date and the reason."}
        </p>
        <dl className="definitions">
          {MODERATION_REASONS.map((r) => (
            <div key={r.id} id={`reason-${r.id}`}>
              <dt>{r.label[locale]}</dt>
              <dd>{r.description[locale]}</dd>
            </div>
          ))}
        </dl>
        <p>
          {fr
            ? "Chaque décision est prise par une personne et inscrite au journal de modération. Un avis signalé reste visible pendant son examen. Les modérateurs ne modifient jamais le texte d’un avis ou d’une réponse."
            : "Each decision is taken by a person and written to the moderation log. A reported review stays visible while it is assessed. Moderators never edit the text of a review or a reply."}
        </p>
      </Section>

      <FlagPolicySection />

      <Section id="warnings" title={tt.t("transparency.warnings.title")}>
        <p>{tt.t("transparency.warnings.body", { days: WARNING_DEFAULT_DAYS })}</p>
        <dl className="definitions">
          {WARNING_REASONS.map((r) => (
            <div key={r.id} id={`warning-${r.id}`}>
              <dt>{r.label[locale]}</dt>
              <dd>{r.description[locale]}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="appeals" title={fr ? "Faire appel d’une décision" : "Appealing a decision"}>
        <p>
          {fr
            ? `Une décision peut faire l’objet d’un appel sur Réplique pendant ${APPEAL_WINDOW_DAYS} jours (six mois) à compter de la décision, par la partie à qui elle donne tort : l’auteur d’un contenu retiré ; les personnes qui ont signalé un contenu maintenu ou remis en ligne. Il suffit d’expliquer pourquoi en quelques mots, depuis la page de l’exposé des motifs (le lien figure dans l’e-mail et dans la notification) ou, pour un avis retiré, depuis la page de l’avis. Un appel par personne et par décision.`
            : `A decision can be appealed within Réplique for ${APPEAL_WINDOW_DAYS} days (six months) after it, by the side it went against: the author of removed content; the people who reported content that was kept or put back online. A few words saying why are enough, from the page of the statement of reasons (linked from the email and the notification) or, for a removed review, from the review's page. One appeal per person and per decision.`}
        </p>
        <p>
          {fr
            ? "L’appel est tranché par un autre modérateur que celui qui a pris la décision (ou par un administrateur). Il maintient la décision ou l’infirme : un avis retiré à tort revient en ligne et dans le TrustScore ; un avis maintenu à tort est retiré. L’issue est une nouvelle décision, inscrite au journal à côté de la première, qui n’est jamais modifiée ; son exposé des motifs est envoyé à l’auteur de l’appel et à l’autre partie, sur le site et par e-mail. Elle est définitive sur Réplique."
            : "The appeal is decided by a moderator other than the one who took the decision (or by an administrator). It upholds the decision or overturns it: a review removed wrongly comes back online and into the TrustScore; a review kept wrongly is removed. The outcome is a new decision, written to the log beside the first one, which is never changed; its statement of reasons goes to the appellant and to the other side, on the site and by email. It is final within Réplique."}
        </p>
        <p>
          {fr
            ? "Toute décision, y compris l’issue d’un appel, peut aussi être portée devant un organisme certifié de règlement extrajudiciaire des litiges (article 21 du règlement européen sur les services numériques) ou devant les tribunaux."
            : "Any decision, the outcome of an appeal included, can also be brought before a certified out-of-court dispute settlement body (article 21 of the EU Digital Services Act) or before the courts."}
        </p>
      </Section>

      <Section id="retention" title={fr ? "Durée de conservation" : "Retention"}>
        <p>
          {fr
            ? `Les avis publiés restent en ligne tant que leur auteur ne les supprime pas. Les contenus retirés ou supprimés sont conservés hors ligne au moins ${REMOVED_CONTENT_RETENTION_DAYS} jours, pour les recours et les demandes des autorités. Un compte supprimé : ses avis sont anonymisés ou supprimés, au choix de son titulaire.`
            : `Published reviews stay online until their author deletes them. Removed or deleted content is kept offline for at least ${REMOVED_CONTENT_RETENTION_DAYS} days, for appeals and requests from the authorities. When an account is deleted, its reviews are anonymised or deleted, as its holder chooses.`}
        </p>
        <p>{tt.t("transparency.retention.erasure")}</p>
      </Section>

      <Section id="trustscore" title={fr ? "Le TrustScore" : "The TrustScore"}>
        <p>
          {fr
            ? `Le TrustScore est une moyenne bayésienne : on part comme si l’entreprise avait déjà ${PRIOR_COUNT} avis à ${n(PRIOR_MEAN)} étoiles, pour qu’un ou deux avis ne suffisent pas à faire un score extrême. Les avis récents comptent davantage : le poids d’un avis est divisé par deux tous les ${HALF_LIFE_DAYS} jours. Le score est affiché sur 5 avec une décimale, jamais arrondi à la hausse, à côté de la moyenne simple des étoiles. Vous pouvez choisir sa base : tous les avis, les expériences vérifiées, les avis sur invitation ou les avis spontanés. Les avis retenus, retirés ou supprimés ne comptent jamais.`
            : `The TrustScore is a Bayesian average: we start as if the company already had ${PRIOR_COUNT} reviews of ${n(PRIOR_MEAN)} stars, so that one or two reviews cannot make an extreme score. Recent reviews count more: a review's weight halves every ${HALF_LIFE_DAYS} days. The score is shown out of 5 with one decimal, never rounded up, beside the plain mean of the stars. You can choose its basis: all reviews, verified experiences, invited reviews or organic reviews. Held, removed and deleted reviews never count.`}
        </p>
      </Section>

      <Section id="ranking" title={fr ? "Ordre d’affichage" : "Order of display"}>
        <p>
          {fr
            ? "Par défaut, les avis sont classés du plus récent au plus ancien, par date de publication. Le lecteur peut les trier par utilité (nombre de votes « utile », puis date) et les filtrer. Ni l’entreprise ni aucun paiement ne change cet ordre. La réponse de l’entreprise est toujours affichée sous l’avis, dans un bloc de même taille."
            : "By default, reviews are ordered newest first, by publication date. Readers may sort them by helpfulness (number of \"helpful\" votes, then date) and filter them. Neither the company nor any payment changes this order. The company's reply is always shown under the review, in a block of the same size."}
        </p>
      </Section>

      <Section id="verified-companies" title={fr ? "Entreprises vérifiées" : "Verified companies"}>
        <p>
          {fr
            ? "Une entreprise est « vérifiée » quand une personne a prouvé qu’elle la représente : par un code envoyé à une adresse de son nom de domaine, ou par des justificatifs examinés par un modérateur. Seuls ses membres vérifiés répondent en son nom. Répondre est gratuit."
            : "A company is \"verified\" when someone proved they represent it: by a code sent to an address at its domain, or with documents examined by a moderator. Only its verified members reply in its name. Replying is free."}
        </p>
      </Section>

      <Section id="scorecard" title={fr ? "Le bilan du droit de réponse" : "The right-of-reply scorecard"}>
        <p>
          {fr
            ? "Sur chaque page d’entreprise, pour les 12 derniers mois : la part des avis à 1 ou 2 étoiles qui ont reçu une réponse, le délai médian de réponse, le nombre d’avis que l’entreprise a signalés et la part de ses signalements retenus par la modération."
            : "On each company page, for the last 12 months: the share of 1–2 star reviews that were answered, the median time to reply, how many reviews the company reported and the share of its reports upheld by moderation."}
        </p>
      </Section>

      <TransparencyFigures report={report} />
    </div>
  );
}
