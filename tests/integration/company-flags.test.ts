// The company's flags and extortion reports (/brand/:slug/flags, app/models/company-flags.server.ts):
// the flags filed in its name are listed with their state and, once decided, the moderator's
// reason and statement; a member reports an extortion attempt with the message and a link
// to the evidence, which lands in the moderators' conduct queue; a review of another company,
// a bad link, a stranger and the daily limit are refused, nothing written.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { EXTORTION_LIMITS } from "~/lib/extortion-form";
import { decide } from "~/models/moderation.server";
import { listConductQueue } from "~/models/moderation-queues.server";
import { action, loader } from "~/routes/brand.$slug.flags";
import {
  account,
  addMember,
  caseState,
  flagAs,
  getRequest,
  makeCompany,
  makeReview,
  makeUser,
  outcome,
  postRequest,
  type Account,
} from "../support/fixtures";

const client = () => getDb().$client;
let n = 0;

async function world() {
  const slug = `maison-signale-${++n}`;
  const c = makeCompany({ name: `Maison Signale ${n}`, slug });
  const owner = await account({ name: `Propriétaire ${n}` });
  const agent = await account({ name: `Agent ${n}` });
  addMember(c.id, owner.id, "owner");
  addMember(c.id, agent.id, "agent");
  const reviewId = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: makeUser(), stars: 1 });
  return { company: { id: c.id, slug }, owner, agent, reviewId };
}

type W = Awaited<ReturnType<typeof world>>;
const page = (w: W, who: Account) =>
  outcome(() =>
    loader({
      request: getRequest(`/brand/${w.company.slug}/flags`, { cookie: who.cookie }),
      params: { slug: w.company.slug },
      context: {},
    } as LoaderFunctionArgs),
  );
const report = (w: W, who: Account, form: Record<string, string>) =>
  outcome(() =>
    action({
      request: postRequest(`/brand/${w.company.slug}/flags`, { intent: "extortion", ...form }, { cookie: who.cookie }),
      params: { slug: w.company.slug },
      context: {},
    } as ActionFunctionArgs),
  );
const extortionRows = (companyId: number) =>
  client().prepare(`SELECT kind, review_id AS reviewId, body, status FROM conduct_reports WHERE company_id = ?`).all(companyId) as {
    kind: string;
    reviewId: number | null;
    body: string;
    status: string;
  }[];

describe("the company's flags", () => {
  it("lists the flags filed in its name, pending then decided with the moderator's reason and statement", async () => {
    const w = await world();
    flagAs({ id: w.agent.id, role: "member" }, w.reviewId, { reason: "spam" });
    let data = (await page(w, w.owner)).data as { flags: { status: string; decision: unknown }[]; counts: Record<string, number> };
    expect(data.flags).toMatchObject([{ status: "pending", decision: null }]);
    expect(data.counts).toEqual({ pending: 1, upheld: 0, dismissed: 0 });

    const moderator = await account({ role: "moderator" });
    const decided = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: w.reviewId,
      target: "review",
      decision: "keep",
      reason: "spam",
      statement: "L’avis décrit une expérience réelle ; le signalement n’est pas fondé.",
      ...caseState(w.reviewId),
    });
    expect(decided.ok).toBe(true);
    data = (await page(w, w.agent)).data as typeof data;
    expect(data.flags).toMatchObject([
      {
        status: "dismissed",
        decision: { reason: "spam", statement: "L’avis décrit une expérience réelle ; le signalement n’est pas fondé." },
      },
    ]);
    expect(data.counts).toEqual({ pending: 0, upheld: 0, dismissed: 1 });
  });

  it("shows nothing of another company's flags, and refuses a stranger", async () => {
    const a = await world();
    const b = await world();
    flagAs({ id: b.owner.id, role: "member" }, b.reviewId);
    expect(((await page(a, a.owner)).data as { flags: unknown[] }).flags).toEqual([]);
    expect((await page(a, b.owner)).status).toBe(403);
  });
});

describe("reporting an extortion attempt", () => {
  it("lands in the moderators' conduct queue with the message and the evidence's link", async () => {
    const w = await world();
    const sent = await report(w, w.agent, {
      what: "Le client nous a écrit qu’il publierait un avis à une étoile si nous ne lui remboursions pas 200 €.",
      message: "Remboursez-moi 200 € ou je mets 1 étoile partout.",
      evidenceUrl: "https://maison-signale.example/capture.png",
      review: `https://replique.example/reviews/${w.reviewId}`,
    });
    expect(sent.status).toBe(302);
    const [row] = extortionRows(w.company.id);
    expect(row).toMatchObject({ kind: "extortion", reviewId: w.reviewId, status: "pending" });
    expect(row!.body).toContain("Message reçu\u202F:\nRemboursez-moi 200 €");
    expect(row!.body).toContain("https://maison-signale.example/capture.png");
    const queue = listConductQueue({ limit: 200 });
    expect(queue.items.some((i) => i.kind === "extortion" && i.company.id === w.company.id && i.review?.id === w.reviewId)).toBe(true);
    const listed = ((await page(w, w.owner)).data as { reports: { status: string }[] }).reports;
    expect(listed).toMatchObject([{ status: "pending" }]);
  });

  it("refuses a too short account, a bad link, another company's review and a stranger, writing nothing; keeps what was typed", async () => {
    const w = await world();
    const other = await world();
    const short = await report(w, w.owner, { what: "Chantage." });
    expect(short.status).toBe(400);
    const result = (short.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.what).toEqual(["companyFlags.error.what"]);
    expect(result.initialValue.what).toBe("Chantage.");
    const what = "Un client exige un bon d’achat pour retirer son avis négatif publié la semaine dernière.";
    expect((await report(w, w.owner, { what, evidenceUrl: "javascript:alert(1)" })).status).toBe(400);
    const elsewhere = await report(w, w.owner, { what, review: String(other.reviewId) });
    expect((elsewhere.data as { result: { error: Record<string, string[]> } }).result.error.review).toEqual(["companyFlags.error.review"]);
    expect((await report(w, w.owner, { what, review: "pas un lien" })).status).toBe(400);
    expect((await report(w, other.owner, { what })).status).toBe(403);
    expect(extortionRows(w.company.id)).toEqual([]);
  });

  it("stops at the daily limit", async () => {
    const w = await world();
    const what = "Un client menace de publier de faux avis négatifs si nous ne lui offrons pas sa commande.";
    for (let i = 0; i < EXTORTION_LIMITS.perCompanyPerDay; i++) expect((await report(w, w.agent, { what })).status).toBe(302);
    expect((await report(w, w.agent, { what })).status).toBe(429);
    expect(extortionRows(w.company.id)).toHaveLength(EXTORTION_LIMITS.perCompanyPerDay);
  });
});
