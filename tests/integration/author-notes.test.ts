// The author's two notes on their review, one form on Conform: the follow-up after the
// company's reply, and the report of an offer. Bad input answers 400 with the field's
// error and the text kept; success redirects to the review with its flash.
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import * as followUpRoute from "~/routes/reviews.$id_.follow-up";
import * as incentiveRoute from "~/routes/reviews.$id_.incentive";
import { account, makeCompany, makeReply, makeReview, ORIGIN, outcome } from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

async function authorWithAnsweredReview() {
  const user = await account();
  const { id: companyId, subjectId } = makeCompany();
  const reviewId = makeReview({ subjectId, companyId, authorId: user.id });
  makeReply(reviewId);
  return { cookie: user.cookie, reviewId };
}

type Action = (args: { request: Request; params: Record<string, string>; context: { clientIp: string } }) => unknown;
const callAction = (action: Action, request: Request) =>
  outcome(() => action({ request, params: { id: new URL(request.url).pathname.split("/")[2]! }, context: { clientIp: "198.51.100.7" } }));

const post = (path: string, body: Record<string, string>, cookie: string) =>
  new Request(`${ORIGIN}${path}`, { method: "POST", body: new URLSearchParams(body), headers: { Cookie: cookie, Origin: ORIGIN } });

type Reply = { result: { status: string; initialValue: Record<string, string>; error: Record<string, string[] | null> } };

describe.each([
  ["follow-up", followUpRoute.action, "followUp.error.body", "flash.followUpAdded", "follow_ups"],
  ["incentive report", incentiveRoute.action, "incentive.error.body", "flash.incentiveReported", "conduct_reports"],
] as const)("the %s", (name, action, tooShortKey, flash, table) => {
  const path = (id: number) => `/reviews/${id}/${name === "follow-up" ? "follow-up" : "incentive"}`;
  const rows = () => (getDb().$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it("answers 400 with the error next to the field and the text kept, and writes nothing", async () => {
    const { cookie, reviewId } = await authorWithAnsweredReview();
    const before = rows();
    const answer = await callAction(action as never, post(path(reviewId), { body: "short" }, cookie));
    expect(answer.status).toBe(400);
    const { result } = answer.data as Reply;
    expect(result.error.body).toEqual([tooShortKey]);
    expect(result.initialValue.body).toBe("short");
    expect(rows()).toBe(before);
  });

  it("saves a good text and goes back to the review with its message", async () => {
    const { cookie, reviewId } = await authorWithAnsweredReview();
    const before = rows();
    const text = "The company called me back the next day and offered a full refund, thank you.";
    const answer = await callAction(action as never, post(path(reviewId), { body: text }, cookie));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/reviews/${reviewId}`);
    expect(await flashKeyOf(answer)).toBe(flash);
    expect(rows()).toBe(before + 1);
  });
});

it("a second follow-up is refused with a message for the whole form (409)", async () => {
  const { cookie, reviewId } = await authorWithAnsweredReview();
  const text = "A first follow-up, long enough to be accepted by the form.";
  expect((await callAction(followUpRoute.action as never, post(`/reviews/${reviewId}/follow-up`, { body: text }, cookie))).status).toBe(
    302,
  );
  const again = await callAction(followUpRoute.action as never, post(`/reviews/${reviewId}/follow-up`, { body: text }, cookie));
  expect(again.status).toBe(409);
  expect((again.data as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["followUp.notAllowed"]);
});
