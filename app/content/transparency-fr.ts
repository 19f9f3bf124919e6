// /transparency in French (the shape and how the page loads it: ./transparency.ts).
import { formatNumber } from "~/i18n";
import * as flagPolicy from "~/lib/flag-policy";
import { MANIFESTLY_ILLEGAL_REASONS, reasonLabel } from "~/lib/moderation-reasons";
import * as policy from "~/lib/policy";
import * as invitation from "~/lib/invitation-policy";
import { INVITED_GAP } from "~/lib/invitation-gap";
import { HALF_LIFE_DAYS, PRIOR_COUNT, PRIOR_MEAN } from "~/lib/trustscore";
import type { TransparencyContent } from "./transparency";

const abusiveShare = `${formatNumber("fr", flagPolicy.FLAG_ABUSE_DISMISSED_SHARE * 100)} %`;

/** The manifestly illegal reasons, named. Read when the page renders, not on import: in the
 *  browser this module runs before entry.client.tsx registers the page's messages, where
 *  the reasons' labels are (hence the getters below). */
const illegal = () => MANIFESTLY_ILLEGAL_REASONS.map((r) => reasonLabel(r, "fr")).join(" ; ");

export const content: TransparencyContent = {
  title: "Comment fonctionnent les avis sur Réplique",
  description:
    "Comment les avis sont collectés, contrôlés, modérés et affichés ; comment le TrustScore est calculé ; statistiques de modération en direct.",
  lead: "Réplique applique la norme NF ISO 20488 sur les avis en ligne et le Code de la consommation (article L111-7-2). Cette page dit tout ce que nous faisons des avis, sans exception.",

  checks: {
    title: "Les avis sont-ils contrôlés ?",
    intro: "Oui, à trois moments :",
    moments: [
      {
        strong: "À la collecte",
        text: ` : compte avec adresse e-mail vérifiée, attestation « j’ai vécu cette expérience », date de l’expérience obligatoire (pas dans le futur, pas plus de ${policy.MAX_EXPERIENCE_AGE_YEARS} ans), un seul avis par magasin, site ou produit et par auteur sur ${policy.ONE_REVIEW_PER_MONTHS} mois.`,
      },
      {
        strong: "Avant publication",
        text: ", des contrôles automatiques : volume d’avis d’un même compte ou d’un même réseau, liens, e-mails et numéros de téléphone dans le texte, mots interdits, doublons, salariés de l’entreprise évaluée (conflit d’intérêts), afflux soudain d’avis négatifs. Un contrôle peut retenir l’avis pour un modérateur, ou le refuser avec un message clair. Aucun filtrage silencieux : l’auteur voit toujours où en est son avis.",
      },
      {
        strong: "Après publication",
        text: ", sur signalement : toute personne peut signaler un avis ou une réponse ; un modérateur humain décide, avec un motif de la liste ci-dessous.",
      },
    ],
  },

  delay: {
    title: "Délai de publication",
    paragraphs: [
      `La plupart des avis sont publiés immédiatement. Un avis retenu par un contrôle est examiné par un modérateur ; si personne n’a décidé dans les ${policy.MAX_PUBLICATION_DELAY_HOURS} heures, il est publié automatiquement et le journal de modération l’indique.`,
    ],
  },

  noReward: {
    title: "Aucune contrepartie",
    paragraphs: [
      "Personne n’est payé ni récompensé pour écrire un avis, et les entreprises ne paient ni pour répondre, ni pour inviter leurs clients, ni pour faire retirer un avis. Une entreprise ne peut jamais masquer, modifier ou réordonner un avis. Si une entreprise vous propose quelque chose pour modifier ou retirer votre avis, signalez-le : c’est un motif de retrait de ses propres avis sollicités.",
    ],
  },

  labels: {
    title: "Les labels des avis",
    terms: {
      organic: { term: "Spontané", definition: "Écrit à l’initiative de son auteur, sans invitation." },
      invited: {
        term: "Sur invitation",
        definition:
          "Écrit après une invitation envoyée par l’entreprise. L’entreprise doit inviter tous ses clients de la même façon, quelle que soit leur satisfaction (pas de sélection).",
      },
      verified: {
        term: "Expérience vérifiée",
        definition:
          "L’auteur a envoyé une preuve (ticket de caisse, confirmation de commande), visible seulement des modérateurs, et un modérateur l’a acceptée.",
      },
    },
    dates:
      "Chaque avis affiche aussi la date de l’expérience, la date de publication et, s’il a été modifié, la date de la dernière modification.",
  },

  invitations: {
    title: "Invitations",
    paragraphs: [
      `Une entreprise vérifiée peut inviter ses clients à donner un avis : par un lien qu’elle partage, ou par un mail que nous envoyons pour elle, un par un ou depuis un fichier d’adresses. Le mail est le nôtre et le même pour tous : il dit quelle entreprise demande, à quel sujet, que l’avis est publié tel qu’écrit, quelles que soient ses étoiles, avec le label « Sur invitation », que l’entreprise peut y répondre mais jamais le modifier ni le supprimer, et renvoie à ces règles. L’entreprise ne donne ni note ni score de satisfaction avec une adresse : rien ne lui permet de n’inviter que les clients qu’elle croit satisfaits.`,
      `Une adresse reçoit une relance au plus, ${invitation.REMINDER_AFTER_DAYS} jours après l’invitation, et n’est pas réinvitée par la même entreprise avant ${invitation.REINVITE_AFTER_DAYS} jours. Chaque invitation se termine par un lien pour ne plus en recevoir, de cette entreprise ou de toutes ; nous ne gardons alors qu’une empreinte de l’adresse (son SHA-256) et ne lui écrivons plus jamais. Nous effaçons l’adresse, le nom et la référence de commande d’une invitation ${invitation.INVITATION_ADDRESS_DAYS} jours après son envoi, et ne les donnons à personne.`,
      `Quand les avis sur invitation d’une entreprise sont nettement plus positifs que ses avis spontanés, sa page le dit, avec les deux moyennes. Nous affichons cet avertissement quand chaque sorte compte au moins ${INVITED_GAP.minReviews} avis publiés, que la moyenne sur invitation dépasse l’autre d’au moins ${formatNumber("fr", INVITED_GAP.minStars)} étoile et que le test de Welch juge l’écart net (z ≥ ${formatNumber("fr", INVITED_GAP.minZ)}, soit p < 0,001).`,
    ],
  },

  editing: {
    title: "Modifier, supprimer, être contacté",
    paragraphs: [
      "L’auteur peut modifier son avis à tout moment ; toutes les versions sont conservées et la date de modification est affichée. Il peut le supprimer. Les auteurs ne sont contactés que par Réplique, pour les besoins de la modération (par exemple pour demander une preuve), jamais par des tiers : leur adresse n’est jamais communiquée aux entreprises. Un avis signalé reste modifiable par son auteur pendant son examen, et il reste en ligne tant qu’aucune décision n’est prise.",
    ],
  },

  removals: {
    title: "Motifs de refus et de retrait",
    intro:
      "Un avis, une réponse ou une suite n’est refusé ou retiré que pour l’un de ces motifs. Chaque décision est notifiée à l’auteur et à la personne qui a signalé, avec les faits, le motif, l’usage éventuel de moyens automatiques et la façon de la contester. Un avis retiré laisse à sa place la date et le motif.",
    closing:
      "Chaque décision est prise par une personne et inscrite au journal de modération. Un avis signalé reste visible pendant son examen. Les modérateurs ne modifient jamais le texte d’un avis ou d’une réponse.",
  },

  flags: {
    title: "La vie d’un signalement",
    points: {
      delay: {
        strong: `Chaque signalement est tranché dans les ${flagPolicy.FLAG_DECISION_DAYS} jours`,
        text: `, et dans les ${flagPolicy.MANIFESTLY_ILLEGAL_DECISION_HOURS} heures s’il vise un contenu manifestement illicite. La file des modérateurs est classée par échéance, la plus proche d’abord.`,
      },
      visible: {
        text: "Un avis signalé reste en ligne avec la mention neutre « en cours d’examen depuis le … », tant qu’un signalement est ouvert et au plus jusqu’à son échéance : un signalement que personne n’a tranché à temps ne marque pas un avis indéfiniment (il reste en tête de la file).",
      },
      notice: {
        strong: "L’auteur d’un avis signalé en est averti",
        text: `, sur le site et par e-mail, au plus une fois par avis et par période de ${flagPolicy.FLAG_NOTICE_INTERVAL_HOURS} heures. Pendant ${flagPolicy.FLAG_RESPONSE_DAYS} jours, il peut modifier son avis ou envoyer sa version des faits et ses preuves aux modérateurs, qui la lisent avant de décider.`,
      },
      hold: {
        strong: "Contenu manifestement illicite",
        get text() {
          return ` (${illegal()}) : l’avis est masqué aussitôt s’il est signalé ainsi par un modérateur, ou par au moins ${flagPolicy.FLAG_HOLD_MIN_REPORTERS} comptes indépendants (adresse vérifiée, compte de plus de ${flagPolicy.FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS} jours, sans lien avec l’entreprise évaluée, sans avertissement pour signalements abusifs). Le signalement d’une entreprise ou un seul signalement anonyme ne masque jamais un avis : il reste en ligne jusqu’à la décision.`;
        },
      },
      limits: {
        text: `Un compte peut déposer au plus ${flagPolicy.FLAGS_PER_DAY_PER_ACCOUNT} signalements par jour, et une entreprise (tous ses membres ensemble) au plus ${flagPolicy.FLAGS_PER_DAY_PER_COMPANY}.`,
      },
      abuse: {
        strong: "Signalements abusifs",
        get text() {
          return ` (article 23 du règlement européen sur les services numériques) : quand, sur ${flagPolicy.FLAG_ABUSE_PERIOD_DAYS} jours, au moins ${flagPolicy.FLAG_ABUSE_MIN_DECIDED} signalements d’un compte ou d’une entreprise ont été tranchés et qu’au moins ${abusiveShare} ont été rejetés, il reçoit un avertissement ; si d’autres signalements déposés après l’avertissement sont rejetés, ses nouveaux signalements sont refusés pendant ${flagPolicy.FLAG_SUSPENSION_DAYS} jours. L’avertissement et la suspension sont inscrits au journal de modération sous le motif « ${reasonLabel("abusive_flagging", "fr")} ». Sur chaque page d’entreprise, le bilan du droit de réponse montre les signalements qu’elle a déposés et la part retenue.`;
        },
      },
    },
  },

  appeals: {
    title: "Faire appel d’une décision",
    paragraphs: [
      `Une décision peut faire l’objet d’un appel sur Réplique pendant ${policy.APPEAL_WINDOW_DAYS} jours (six mois) à compter de la décision, par la partie à qui elle donne tort : l’auteur d’un contenu retiré ; les personnes qui ont signalé un contenu maintenu ou remis en ligne ; l’auteur d’un avis retenu au dépôt puis refusé par un modérateur ; l’auteur d’un avis dont la preuve d’expérience a été refusée ; l’auteur qui a suggéré un magasin, un site, un produit ou une entreprise qui n’a pas été ajouté ; la personne qui a signalé la conduite d’une entreprise, quand son signalement est rejeté, et les propriétaires de l’entreprise, quand il est retenu (sans jamais apprendre qui l’a fait, ni de quel avis il s’agit) ; le titulaire d’un compte suspendu, qui peut le faire sans se connecter, depuis le lien de l’e-mail ; la personne dont la demande de gestion d’une entreprise a été refusée. Il suffit d’expliquer pourquoi en quelques mots, depuis la page de l’exposé des motifs (le lien figure dans l’e-mail et dans la notification) ou, pour un avis retiré, depuis la page de l’avis. Un appel par personne et par décision.`,
      "L’appel est tranché par un autre modérateur que celui qui a pris la décision (ou par un administrateur). Il maintient la décision ou l’infirme : un avis retiré à tort revient en ligne et dans le TrustScore ; un avis maintenu à tort est retiré ; un avis refusé au dépôt est publié et compte à partir de ce jour ; une preuve, un sujet ou une demande de gestion refusés sont acceptés, avec tout ce qu’une acceptation entraîne ; un compte suspendu est rétabli ; un signalement de conduite est retenu ou rejeté. L’issue est une nouvelle décision, inscrite au journal à côté de la première, qui n’est jamais modifiée ; son exposé des motifs est envoyé à l’auteur de l’appel et à l’autre partie, sur le site et par e-mail. Elle est définitive sur Réplique.",
      "Toute décision, y compris l’issue d’un appel, peut aussi être portée devant un organisme certifié de règlement extrajudiciaire des litiges (article 21 du règlement européen sur les services numériques) ou devant les tribunaux.",
    ],
  },

  retention: {
    title: "Durée de conservation",
    paragraphs: [
      `Les avis publiés restent en ligne tant que leur auteur ne les supprime pas. Les contenus retirés ou supprimés sont conservés hors ligne au moins ${policy.REMOVED_CONTENT_RETENTION_DAYS} jours, pour les recours et les demandes des autorités. Un compte supprimé : ses avis sont anonymisés ou supprimés, au choix de son titulaire.`,
    ],
  },

  trustscore: {
    title: "Le TrustScore",
    paragraphs: [
      `Le TrustScore est une moyenne bayésienne : on part comme si l’entreprise avait déjà ${PRIOR_COUNT} avis à ${formatNumber("fr", PRIOR_MEAN)} étoiles, pour qu’un ou deux avis ne suffisent pas à faire un score extrême. Les avis récents comptent davantage : le poids d’un avis est divisé par deux tous les ${HALF_LIFE_DAYS} jours. Le score est affiché sur 5 avec une décimale, jamais arrondi à la hausse, à côté de la moyenne simple des étoiles. Vous pouvez choisir sa base : tous les avis, les expériences vérifiées, les avis sur invitation ou les avis spontanés. Les avis retenus, retirés ou supprimés ne comptent jamais. Chaque avis indique, à côté de ses dates, ce qu’il compte aujourd’hui : 1× tout juste publié, 0,5× ${HALF_LIFE_DAYS} jours plus tard.`,
    ],
  },

  ranking: {
    title: "Ordre d’affichage",
    paragraphs: [
      "Par défaut, les avis sont classés du plus récent au plus ancien, par date de publication. Le lecteur peut les trier par utilité (nombre de votes « utile », puis date) et les filtrer. Ni l’entreprise ni aucun paiement ne change cet ordre. La réponse de l’entreprise est toujours affichée sous l’avis, dans un bloc de même taille.",
    ],
  },

  verifiedCompanies: {
    title: "Entreprises vérifiées",
    paragraphs: [
      "Une entreprise est « vérifiée » quand une personne a prouvé qu’elle la représente : par un code envoyé à une adresse de son nom de domaine, ou par des justificatifs examinés par un modérateur. Seuls ses membres vérifiés répondent en son nom. Répondre est gratuit.",
    ],
  },

  scorecard: {
    title: "Le bilan du droit de réponse",
    paragraphs: [
      "Sur chaque page d’entreprise, pour les 12 derniers mois : la part des avis à 1 ou 2 étoiles qui ont reçu une réponse, le délai médian de réponse, le nombre d’avis que l’entreprise a signalés et la part de ses signalements retenus par la modération.",
    ],
  },
};
