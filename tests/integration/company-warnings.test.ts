// Public warnings on a company page (app/models/company-warnings.server.ts) through the
// route /moderation/companies/:slug: a moderator sets one (reason from the published list,
// statement, expiry 90 days by default); it is shown on the company page and in the JSON
// API until it expires; lifting it early is a decision too; both are rows of the moderation
// log and the company's members are told, with the statement. Only moderators may do it,
// and not on their own company. Also: the company page's count of removed reviews.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { WARNING_DEFAULT_DAYS } from "~/lib/warning-form";
import { reasonLabel, WARNING_REASONS } from "~/lib/moderation-reasons";
import { getActiveWarnings, getRemovedCounts, liftWarning, setWarning } from "~/models/company-warnings.server";
import { decide } from "~/models/moderation.server";
import { loader as apiLoader } from "~/routes/api.companies.$slug";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { action, loader } from "~/routes/moderation.companies.$slug";
import {
  account,
  type Account,
  addMember,
  callLoader,
  caseState,
  getRequest,
  makeCompany,
  makeReview,
  outboxFor,
  outcome,
  postRequest,
} from "../support/fixtures";

const DAY = 86_400_000;
const client = () => getDb().$client;
const STATEMENT = "L’entreprise a offert des bons d’achat en échange d’avis cinq étoiles.";

let moderator: Account;
let admin: Account;
let owner: Account;
let agent: Account;
let reader: Account;
let company: { id: number; subjectId: number; slug: string };

function freshCompany() {
  const slug = `maison-averti-${Math.random().toString(36).slice(2, 8)}`;
  const c = makeCompany({ slug, name: `Maison ${slug}` });
  addMember(c.id, owner.id, "owner");
  addMember(c.id, agent.id, "agent");
  return { ...c, slug };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function post(slug: string, fields: Record<string, string>, cookie: string) {
  return outcome(() =>
    action({ request: postRequest(`/moderation/companies/${slug}`, fields, { cookie }), params: { slug }, context: {} }),
  );
}

const warnForm = (over: Record<string, string> = {}) => ({
  intent: "warn",
  reason: "rewards_offered",
  statement: STATEMENT,
  language: "fr",
  expiresOn: day(Date.now() + WARNING_DEFAULT_DAYS * DAY),
  ...over,
});

const logRows = (companyId: number) =>
  client()
    .prepare(
      `SELECT actor_id AS actorId, automated, decision, reason, statement FROM moderation_decisions WHERE target_type = 'company' AND target_id = ? ORDER BY id`,
    )
    .all(companyId) as { actorId: number; automated: number; decision: string; reason: string; statement: string }[];

beforeAll(async () => {
  moderator = await account({ role: "moderator", locale: "fr" });
  admin = await account({ role: "admin" });
  owner = await account({ locale: "fr" });
  agent = await account({ locale: "en" });
  reader = await account();
  company = freshCompany();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("setting a public warning", () => {
  it("is refused to anyone but moderators and admins, and writes nothing", async () => {
    const before = logRows(company.id).length;
    for (const who of [reader, owner]) {
      const answer = await post(company.slug, warnForm(), who.cookie);
      expect(answer.status).toBe(403);
      const page = await callLoader(loader, getRequest(`/moderation/companies/${company.slug}`, { cookie: who.cookie }), {
        slug: company.slug,
      });
      expect(page.status).toBe(403);
    }
    const anonymous = await post(company.slug, warnForm(), "");
    expect(anonymous.location).toMatch(/^\/login/);
    expect(logRows(company.id)).toHaveLength(before);
    expect(
      setWarning({
        actor: { id: reader.id, role: "member" },
        companyId: company.id,
        reason: "rewards_offered",
        statement: STATEMENT,
        language: "fr",
        expiresAt: Date.now() + DAY,
      }),
    ).toEqual({
      ok: false,
      kind: "not_moderator",
    });
  });

  it("is refused to a moderator who is a member of the company", async () => {
    const c = freshCompany();
    addMember(c.id, moderator.id);
    const answer = await post(c.slug, warnForm(), moderator.cookie);
    expect(answer.status).toBe(403);
    expect(logRows(c.id)).toEqual([]);
  });

  it("keeps what was typed and says what is wrong, next to the field", async () => {
    const answer = await post(
      company.slug,
      warnForm({ reason: "offensive", statement: "Trop court", expiresOn: day(Date.now() - DAY) }),
      moderator.cookie,
    );
    expect(answer.status).toBe(400);
    const result = (answer.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.reason).toEqual(["warning.error.reason"]);
    expect(result.error.statement).toEqual(["moderation.error.statementShort"]);
    expect(result.error.expiresOn).toEqual(["warning.error.expiryPast"]);
    expect(result.initialValue.statement).toBe("Trop court");
    const far = await post(company.slug, warnForm({ expiresOn: day(Date.now() + 400 * DAY) }), moderator.cookie);
    expect((far.data as { result: { error: Record<string, string[]> } }).result.error.expiresOn).toEqual(["warning.error.expiryFar"]);
    expect(logRows(company.id)).toEqual([]);
  });

  it("is logged, shown on the company page and in the API, and its members are told with the statement", async () => {
    const page = await callLoader(loader, getRequest(`/moderation/companies/${company.slug}`, { cookie: moderator.cookie }), {
      slug: company.slug,
    });
    // The form proposes 90 days from today.
    expect((page.data as { defaultExpiry: string }).defaultExpiry).toBe(day(Date.now() + WARNING_DEFAULT_DAYS * DAY));

    const answer = await post(company.slug, warnForm(), moderator.cookie);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/moderation/companies/${company.slug}`);

    expect(logRows(company.id)).toEqual([
      { actorId: moderator.id, automated: 0, decision: "warn", reason: "rewards_offered", statement: STATEMENT },
    ]);
    const warning = client().prepare(`SELECT * FROM company_warnings WHERE company_id = ?`).get(company.id) as Record<
      string,
      number | string
    >;
    const decisionId = (
      client()
        .prepare(`SELECT max(id) AS id FROM moderation_decisions WHERE target_type = 'company' AND target_id = ?`)
        .get(company.id) as { id: number }
    ).id;
    expect(warning.decision_id).toBe(decisionId);
    expect(day(warning.expires_at as number)).toBe(day(Date.now() + WARNING_DEFAULT_DAYS * DAY));

    const shown = await callLoader(companyLoader, getRequest(`/companies/${company.slug}`), { slug: company.slug });
    expect((shown.data as { warnings: unknown[] }).warnings).toMatchObject([
      { reason: "rewards_offered", statement: STATEMENT, language: "fr" },
    ]);

    const api = await callLoader(apiLoader, getRequest(`/api/companies/${company.slug}`), { slug: company.slug });
    expect((api.data as { warnings: unknown[] }).warnings).toEqual([
      {
        reason: "rewards_offered",
        reason_label: { fr: reasonLabel(WARNING_REASONS[0].id, "fr"), en: reasonLabel(WARNING_REASONS[0].id, "en") },
        statement: STATEMENT,
        language: "fr",
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        until: expect.stringMatching(new RegExp(`^${day(Date.now() + WARNING_DEFAULT_DAYS * DAY)}T23:59:59`)),
      },
    ]);

    // Both members, on the site and by mail, in their language, with the statement.
    for (const member of [owner, agent]) {
      const notes = client()
        .prepare(`SELECT kind, data, link FROM notifications WHERE user_id = ? AND kind = 'company_warning'`)
        .all(member.id) as { data: string; link: string }[];
      expect(notes).toHaveLength(1);
      expect(notes[0]!.link).toBe(`/companies/${company.slug}`);
      const mail = outboxFor(member.email).filter((m) => m.template === "notice_company_warning");
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text).toContain(STATEMENT);
    }
    expect(outboxFor(agent.email).at(-1)!.subject).toContain("A public warning is shown");
    expect(outboxFor(owner.email).at(-1)!.subject).toContain("Un avertissement public");

    // A second warning for the same reason while the first is shown: refused.
    const again = await post(company.slug, warnForm(), admin.cookie);
    expect(again.status).toBe(409);
    expect(logRows(company.id)).toHaveLength(1);
  });

  it("is no longer shown once it expires", () => {
    const c = freshCompany();
    const now = Date.now();
    const set = setWarning({
      actor: moderator,
      companyId: c.id,
      reason: "fake_reviews_removed",
      statement: STATEMENT,
      language: "en",
      expiresAt: now + 10 * DAY,
      now,
    });
    expect(set.ok).toBe(true);
    expect(getActiveWarnings(c.id, now + 10 * DAY - 1)).toHaveLength(1);
    expect(getActiveWarnings(c.id, now + 10 * DAY)).toEqual([]);
    // Expired: it cannot be lifted any more.
    if (!set.ok) return;
    expect(liftWarning({ actor: moderator, companyId: c.id, warningId: set.warningId, statement: STATEMENT, now: now + 11 * DAY })).toEqual(
      { ok: false, kind: "not_active" },
    );
  });
});

describe("lifting a warning early", () => {
  it("is a logged decision, takes the warning off the page and the API, and tells the members", async () => {
    const c = freshCompany();
    expect((await post(c.slug, warnForm({ reason: "review_manipulation" }), moderator.cookie)).status).toBe(302);
    const warningId = (client().prepare(`SELECT id FROM company_warnings WHERE company_id = ?`).get(c.id) as { id: number }).id;
    const why = "Les avis signalés ont été rétablis, la manipulation n’est pas établie.";

    // Only moderators.
    expect((await post(c.slug, { intent: "lift", warningId: String(warningId), statement: why }, owner.cookie)).status).toBe(403);
    expect(getActiveWarnings(c.id)).toHaveLength(1);

    const answer = await post(c.slug, { intent: "lift", warningId: String(warningId), statement: why }, admin.cookie);
    expect(answer.status).toBe(302);
    expect(getActiveWarnings(c.id)).toEqual([]);
    expect(logRows(c.id).map((r) => [r.decision, r.actorId, r.statement])).toEqual([
      ["warn", moderator.id, STATEMENT],
      ["lift_warning", admin.id, why],
    ]);
    const api = await callLoader(apiLoader, getRequest(`/api/companies/${c.slug}`), { slug: c.slug });
    expect((api.data as { warnings: unknown[] }).warnings).toEqual([]);
    const lifted = outboxFor(owner.email).filter((m) => m.template === "notice_company_warning_lifted");
    expect(lifted.at(-1)!.text).toContain(why);

    // Lifting it twice: the second is told, nothing is written.
    const twice = await post(c.slug, { intent: "lift", warningId: String(warningId), statement: why }, moderator.cookie);
    expect(twice.status).toBe(409);
    expect(logRows(c.id)).toHaveLength(2);
  });

  it("answers a warning of another company with a 404", async () => {
    const c = freshCompany();
    const set = setWarning({
      actor: moderator,
      companyId: c.id,
      reason: "rewards_offered",
      statement: STATEMENT,
      language: "fr",
      expiresAt: Date.now() + DAY,
    });
    if (!set.ok) throw new Error("not set");
    const other = freshCompany();
    const answer = await post(other.slug, { intent: "lift", warningId: String(set.warningId), statement: STATEMENT }, moderator.cookie);
    expect(answer.status).toBe(404);
    expect(getActiveWarnings(c.id)).toHaveLength(1);
  });
});

describe("the removed reviews of a company page", () => {
  it("count the reviews removed in the last 12 months by reason, from the log, as SQL does", async () => {
    const author = await account();
    const c = freshCompany();
    const review = (stars = 2) => makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author.id, stars });
    const remove = (id: number, reason: "offensive" | "spam", now = Date.now()) => {
      const r = decide({
        actor: moderator,
        reviewId: id,
        target: "review",
        decision: "remove",
        reason,
        statement: STATEMENT,
        ...caseState(id),
        now,
      });
      if (!r.ok) throw new Error(r.kind);
    };
    const [a, b, d, e] = [review(), review(), review(), review()];
    remove(a, "offensive");
    remove(b, "offensive");
    remove(d, "spam");
    // Removed 13 months ago: not in the last 12 months.
    remove(e, "spam", Date.now() - 395 * DAY);
    // Removed, then restored: not removed any more.
    const f = review();
    remove(f, "spam");
    const restored = decide({
      actor: moderator,
      reviewId: f,
      target: "review",
      decision: "restore",
      reason: "spam",
      statement: STATEMENT,
      ...caseState(f),
    });
    expect(restored.ok).toBe(true);

    const counts = getRemovedCounts(c.id);
    expect(counts).toEqual([
      { reason: "offensive", count: 2 },
      { reason: "spam", count: 1 },
    ]);
    const sql = client()
      .prepare(
        `SELECT d.reason, count(*) AS count FROM reviews r
         JOIN moderation_decisions d ON d.id = (SELECT max(id) FROM moderation_decisions x WHERE x.target_type = 'review' AND x.target_id = r.id AND x.decision = 'remove')
         WHERE r.company_id = ? AND r.status = 'removed' AND d.created_at >= ? GROUP BY d.reason ORDER BY count DESC, d.reason`,
      )
      .all(c.id, Date.now() - 365 * DAY);
    expect(counts).toEqual(sql);
    const page = await callLoader(companyLoader, getRequest(`/companies/${c.slug}`), { slug: c.slug });
    expect((page.data as { removed: unknown }).removed).toEqual(counts);
    const api = await callLoader(apiLoader, getRequest(`/api/companies/${c.slug}`), { slug: c.slug });
    expect((api.data as { removed_last_12_months: unknown }).removed_last_12_months).toEqual(counts);
  });
});
