// Cases waiting for the moderators besides flags: appeals against two removals, and two
// reports of a company's or a reviewer's conduct (extortion, an incentive to delete).
import { DAY, HOUR, REFERENCE_NOW } from "../generate";
import type { Rng } from "../random";
import { verifiedOthers } from "./reviews";
import type { DemoWorld, Row } from "./types";

/**
 * Appeals against two removals, waiting in a live queue: like the held reviews (held.ts),
 * they are placed relative to the moment of seeding (`seedNow`), not REFERENCE_NOW — each
 * removal is moved to between 3 and 20 days before it (its flag just before), and its
 * author appealed a day or two after it: within the published appeal window, and waiting
 * a few days, whenever the demo is seeded.
 */
export function appealRemovals(w: DemoWorld, arng: Rng, decisions: Row[], flags: Row[]): Row[] {
  const appeals: Row[] = [];
  const removalDecisions = decisions.filter((d) => d.decision === "remove");
  for (const [i, d] of arng.sample(removalDecisions, 2).entries()) {
    const r = w.reviews.find((x) => x.id === d.target_id)!;
    // An appeal is decided by another moderator than the one who decided: the first of
    // these removals was the admin's, so that moderator@example.com can decide its appeal
    // (and sees, on the second, that they may not).
    if (i === 0) d.actor_id = w.accounts.admin.id;
    const decidedAt = Math.max(r.at + DAY, w.seedNow - arng.int(3, 20) * DAY - arng.int(0, 12) * HOUR);
    d.created_at = decidedAt;
    r.removedAt = decidedAt;
    for (const f of flags.filter((x) => x.decision_id === d.id)) {
      f.decided_at = decidedAt;
      f.created_at = Math.max(r.at + HOUR, decidedAt - arng.int(3, 48) * HOUR);
    }
    appeals.push({
      id: w.ids.appeals + appeals.length + 1,
      decision_id: d.id,
      appellant_user_id: r.author.id,
      appellant_email: null,
      body:
        r.language === "fr"
          ? "Je conteste ce retrait : mon avis décrit ce que j'ai vécu, j'ai seulement exprimé ma colère. Je peux retirer la phrase en cause."
          : "I contest this removal: my review describes what happened to me, I was just angry. I can remove the sentence in question.",
      status: "pending",
      outcome_decision_id: null,
      decided_by: null,
      decided_at: null,
      created_at: Math.min(w.seedNow - HOUR, decidedAt + arng.int(1, 2) * DAY + arng.int(0, 8) * HOUR),
    });
  }
  return appeals;
}

export function conductReports(w: DemoWorld): Row[] {
  const { brand, ids } = w;
  const brandNegative = w.reviews.find(
    (r) => r.company === brand && r.stars === 1 && r.status === "published" && r.at > REFERENCE_NOW - 120 * DAY,
  );
  return [
    {
      id: ids.conduct_reports + 1,
      kind: "extortion",
      company_id: brand.id,
      review_id: brandNegative?.id ?? null,
      reporter_user_id: w.accounts.brandOwner.id,
      body: "Un client nous a écrit qu'il publierait une série d'avis à une étoile si nous ne lui remboursions pas une lampe achetée il y a deux ans et utilisée depuis. Capture du message jointe.",
      evidence_key: null,
      status: "pending",
      decided_by: null,
      decided_at: null,
      created_at: REFERENCE_NOW - 4 * DAY,
    },
    {
      id: ids.conduct_reports + 2,
      kind: "incentive",
      company_id: verifiedOthers(w)[0]!.id,
      review_id: null,
      reporter_user_id: w.reviewers[7]!.id,
      body: "Après mon avis à deux étoiles, le magasin m'a proposé un bon d'achat de 30 € si je le supprimais.",
      evidence_key: null,
      status: "pending",
      decided_by: null,
      decided_at: null,
      created_at: REFERENCE_NOW - 9 * DAY,
    },
  ];
}
