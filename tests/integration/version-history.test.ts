// The public version history (/reviews/:id/history, app/models/version-history.server.ts):
// every published version of a review and of its company's reply, newest first, with its
// date; nothing for a removed review; a removed reply's versions are not shown.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { saveReply } from "~/models/replies.server";
import { createReview, editReview } from "~/models/review-submission.server";
import { getVersionHistory } from "~/models/version-history.server";
import { loader } from "~/routes/reviews.$id_.history";
import { addMember, getRequest, makeCompany, makeUser, outcome, reviewInput } from "../support/fixtures";

const DAY = 86_400_000;

function thread() {
  const c = makeCompany();
  const author = { id: makeUser(), role: "member" as const };
  const agent = { id: makeUser(), role: "member" as const };
  addMember(c.id, agent.id, "agent");
  const now = Date.now() - 10 * DAY;
  const written = createReview({
    actor: author,
    subjectId: c.subjectId,
    input: reviewInput({ stars: 1, title: "Colis jamais arrivé", body: "Rien reçu après trois semaines." }),
    locale: "fr",
    ipHash: null,
    now,
  });
  if (!written.ok) throw new Error(written.kind);
  return { c, author, agent, reviewId: written.reviewId, now };
}

describe("the version history", () => {
  it("keeps every version of the review and of the reply, newest first, for everyone", async () => {
    const { c, author, agent, reviewId, now } = thread();
    expect(saveReply({ actor: agent, companyId: c.id, reviewId, body: "Nous relançons le transporteur.", now: now + DAY }).ok).toBe(true);
    expect(
      saveReply({
        actor: agent,
        companyId: c.id,
        reviewId,
        body: "Le colis a été livré, nous vous offrons la livraison.",
        now: now + 3 * DAY,
      }).ok,
    ).toBe(true);
    const edited = editReview({
      actor: author,
      reviewId,
      input: reviewInput({ stars: 3, title: "Colis arrivé en retard", body: "Livré finalement, avec deux semaines de retard." }),
      locale: "fr",
      now: now + 4 * DAY,
    });
    expect(edited.ok).toBe(true);

    const answer = await outcome(() =>
      loader({ request: getRequest(`/reviews/${reviewId}/history`), params: { id: String(reviewId) }, context: {} } as LoaderFunctionArgs),
    );
    expect(answer.status).toBe(200);
    const history = getVersionHistory(reviewId)!;
    expect(history.reviewVersions.map((v) => [v.stars, v.title, v.at])).toEqual([
      [3, "Colis arrivé en retard", now + 4 * DAY],
      [1, "Colis jamais arrivé", now],
    ]);
    expect(history.reviewVersions[1]!.bodyHtml).toContain("Rien reçu après trois semaines.");
    expect(history.replyVersions.map((v) => v.at)).toEqual([now + 3 * DAY, now + DAY]);
    expect(history.replyVersions[1]!.bodyHtml).toContain("Nous relançons le transporteur.");
  });

  it("is a 404 for a removed review, and hides the versions of a removed reply", async () => {
    const { c, agent, reviewId, now } = thread();
    saveReply({ actor: agent, companyId: c.id, reviewId, body: "Une réponse retirée ensuite.", now: now + DAY });
    getDb().$client.prepare(`UPDATE replies SET status = 'removed' WHERE review_id = ?`).run(reviewId);
    expect(getVersionHistory(reviewId)!.replyVersions).toEqual([]);
    getDb().$client.prepare(`UPDATE reviews SET status = 'removed' WHERE id = ?`).run(reviewId);
    const answer = await outcome(() =>
      loader({ request: getRequest(`/reviews/${reviewId}/history`), params: { id: String(reviewId) }, context: {} } as LoaderFunctionArgs),
    );
    expect(answer.status).toBe(404);
  });
});
