// The demo data on a fresh start: the claims with evidence that scripts/seed.ts writes wait
// in the moderators' claims queue (/moderation/claims), counted on the dashboard, each with a
// readable explanation (the demo's is plain text, without a link), and moderator@example.com
// can decide them: an accepted one makes its claimant the owner of the verified company.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { decideClaim, getClaimCase, listClaimQueue } from "~/models/claim-queue.server";
import { getQueuesSummary } from "~/models/moderation-queues.server";
import { seedDemo } from "../../scripts/seed";

const client = () => getDb().$client;

beforeAll(async () => {
  await seedDemo(getDb());
}, 120_000);

describe("the demo's claims with evidence", () => {
  it("all wait in the claims queue, oldest first, and the dashboard counts them", () => {
    const seeded = client()
      .prepare(`SELECT id FROM company_claims WHERE method = 'evidence' AND status = 'pending' ORDER BY created_at, id`)
      .pluck()
      .all() as number[];
    expect(seeded.length).toBeGreaterThan(0);
    const items = listClaimQueue({ limit: 500 }).items;
    expect(items.map((i) => i.id)).toEqual(seeded);
    expect(getQueuesSummary().claims.count).toBe(seeded.length);
    for (const item of items) {
      expect(item.explanation.length, `claim ${item.id}`).toBeGreaterThan(20);
      expect(item.company.state).toBe("claimed");
      expect(item.urlHost).toBeNull();
    }
  });

  it("moderator@example.com opens each case and may decide it; accepting one verifies its company with the claimant as owner", () => {
    const moderator = client().prepare(`SELECT id FROM users WHERE email = 'moderator@example.com'`).get() as { id: number };
    const actor = { id: moderator.id, role: "moderator" as const };
    const items = listClaimQueue({ limit: 500 }).items;
    for (const item of items) {
      const view = getClaimCase(item.id, actor)!;
      expect(view.refusal, `claim ${item.id}`).toBeNull();
      expect(view.evidence.explanation).toBe(item.explanation);
      expect(view.claimant?.id).toBe(item.claimant.id);
      // The demo's claimants have an address at their company's domain.
      expect(view.emailMatch).toBe("ok");
    }
    const first = items[0]!;
    const result = decideClaim({
      actor,
      claimId: first.id,
      decision: "accept",
      reason: "claim_role_shown",
      statement: "Le registre du commerce nomme la demandeuse comme gérante de l’entreprise.",
      version: 0,
    });
    expect(result.ok).toBe(true);
    expect(client().prepare(`SELECT state FROM companies WHERE id = ?`).pluck().get(first.company.id)).toBe("verified");
    expect(client().prepare(`SELECT user_id AS userId, role FROM company_members WHERE company_id = ?`).all(first.company.id)).toEqual([
      { userId: first.claimant.id, role: "owner" },
    ]);
    expect(listClaimQueue({ limit: 500 }).items.map((i) => i.id)).not.toContain(first.id);
  });
});
