// Appeals against the decisions of the other queues in the demo data, written through the
// site's own code (app/models/held-reviews.server.ts, moderation-queues.server.ts,
// decision-appeals.server.ts) and dated relative to the moment of seeding: admin@example.com
// refused a review held for its links and one proof of experience, and each review's author
// appealed — so /moderation/appeals shows moderator@example.com, who did not take these
// decisions, appeals of more than one kind to decide, within the published window. Runs after
// seedProofs; the choices follow the ids, so two runs pick the same rows.
import type { Db } from "../db/client.server";
import { FLAG_HOLD_CHECK } from "../app/lib/flag-policy";
import { fileDecisionAppeal } from "../app/models/decision-appeals.server";
import { decideHeld, reasonForCheck } from "../app/models/held-reviews.server";
import { decideProof } from "../app/models/moderation-queues.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const HELD_REFUSAL =
  "Le texte renvoie vers un site extérieur et reprend une formule publicitaire : il ne décrit pas une expérience, et n’est pas publié.";
const HELD_APPEAL = {
  fr: "Le lien mène à la page du produit que j’ai acheté, pas à une publicité : je voulais seulement montrer de quel modèle il s’agit. Je peux le retirer.",
  en: "The link goes to the page of the product I bought, not to an advertisement: I only wanted to show which model it was. I can take it out.",
};
const PROOF_REFUSAL = "Le document envoyé ne montre ni la date ni le nom du magasin : il ne relie pas l’achat à l’expérience décrite.";
const PROOF_APPEAL = {
  fr: "Le récapitulatif de commande porte bien son numéro et son total ; je peux envoyer aussi la facture du magasin.",
  en: "The order summary does show its number and its total; I can also send the shop's invoice.",
};

export function seedQueueAppeals(db: Db, now: number) {
  const client = db.$client;
  const admin = client.prepare<[], { id: number }>(`SELECT id FROM users WHERE email = 'admin@example.com'`).get();
  if (!admin) return;
  const actor = { id: admin.id, role: "admin" as const };

  // A review held for its links, neither the first nor the last of the queue to fall due.
  const held = client
    .prepare<[string], { id: number; authorId: number; check: string | null; heldAt: number; language: "fr" | "en" }>(
      `WITH queue AS (
         SELECT r.id, r.author_id AS authorId, r.held_check AS "check", coalesce(r.held_at, r.created_at) AS heldAt, r.language
         FROM reviews r JOIN users u ON u.id = r.author_id
         WHERE r.status = 'held' AND coalesce(r.held_check, '') <> ? AND u.email NOT LIKE '%@example.com')
       SELECT * FROM queue WHERE "check" = 'links'
         AND id NOT IN (SELECT id FROM queue ORDER BY heldAt, id LIMIT 1)
         AND id NOT IN (SELECT id FROM queue ORDER BY heldAt DESC, id DESC LIMIT 1)
       ORDER BY heldAt, id LIMIT 1`,
    )
    .get(FLAG_HOLD_CHECK);
  if (held) {
    const refusedAt = Math.min(now - 6 * HOUR, held.heldAt + 4 * HOUR);
    const refused = decideHeld(
      {
        actor,
        reviewId: held.id,
        decision: "refuse",
        reason: reasonForCheck(held.check),
        statement: HELD_REFUSAL,
        version: 0,
        editedAt: 0,
        now: refusedAt,
      },
      db,
    );
    if (refused.ok) appeal(db, held.authorId, refused.decisionId, HELD_APPEAL[held.language], Math.min(now - HOUR, refusedAt + 3 * HOUR));
  }

  const proof = client
    .prepare<[], { id: number; authorId: number; language: "fr" | "en" }>(
      `SELECT m.id, r.author_id AS authorId, r.language FROM review_media m JOIN reviews r ON r.id = m.review_id
       WHERE m.kind = 'proof' AND m.proof_status = 'pending' ORDER BY m.id LIMIT 1`,
    )
    .get();
  if (proof) {
    const refusedAt = now - 2 * DAY;
    const refused = decideProof(
      { actor, mediaId: proof.id, decision: "refuse", reason: "not_an_experience", statement: PROOF_REFUSAL, version: 0, now: refusedAt },
      db,
    );
    if (refused.ok) appeal(db, proof.authorId, refused.decisionId, PROOF_APPEAL[proof.language], now - DAY);
  }
}

function appeal(db: Db, authorId: number, decisionId: number, explanation: string, at: number) {
  const filed = fileDecisionAppeal({ viewer: { id: authorId, role: "member" }, decisionId, explanation, now: at }, db);
  if (!filed.ok) throw new Error(`seed: the appeal of decision ${decisionId} was refused (${filed.kind})`);
}
