// Changing one's display name on /account: readers see the new name on every review of the
// account, earlier ones included; a bad name is refused next to the field with what was
// typed; a few changes a day at most.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { LIMITS } from "~/models/rate-limit.server";
import { getPublicReview } from "~/models/reviews.server";
import { action } from "~/routes/account._index";
import { account, makeCompany, makeReview, outcome, postRequest, type Account } from "../support/fixtures";

const rename = (who: Account, displayName: string) =>
  outcome(() =>
    action({
      request: postRequest("/account", { intent: "name", displayName }, { cookie: who.cookie }),
      params: {},
      context: {},
    } as ActionFunctionArgs),
  );
const nameOf = (id: number) => getDb().$client.prepare(`SELECT display_name FROM users WHERE id = ?`).pluck().get(id);

describe("the display name", () => {
  it("changes on every review of the account, earlier ones too", async () => {
    const who = await account({ name: "Camille D." });
    const c = makeCompany();
    const reviewId = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: who.id });
    const answer = await rename(who, "  Camille   Dupré ");
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ intent: "name", done: "account.name.done", vars: { name: "Camille Dupré" } });
    expect(nameOf(who.id)).toBe("Camille Dupré");
    expect(getPublicReview(reviewId)!.author?.displayName).toBe("Camille Dupré");
  });

  it("refuses a name too short or too long next to the field, keeping what was typed", async () => {
    const who = await account({ name: "Léo M." });
    const answer = await rename(who, "L");
    expect(answer.status).toBe(400);
    const result = (answer.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.displayName).toEqual(["validation.displayName"]);
    expect(result.initialValue.displayName).toBe("L");
    expect((await rename(who, "x".repeat(51))).status).toBe(400);
    expect(nameOf(who.id)).toBe("Léo M.");
  });

  it("allows a few changes a day, then says when to try again", async () => {
    const who = await account({ name: "Inès B." });
    for (let i = 0; i < LIMITS.displayNamePerUser.limit; i++) expect((await rename(who, `Inès B${i}`)).status).toBe(200);
    const refused = await rename(who, "Inès Bernard");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(nameOf(who.id)).toBe(`Inès B${LIMITS.displayNamePerUser.limit - 1}`);
  });
});
