// Claiming a company by a code mailed to its domain, and adding a company: the model
// (app/models/company-claims.server.ts) with an injected clock, and the routes' actions.
// A code is stored hashed, works once, expires, and is tried and sent a limited number of
// times; the right one makes the user the owner of a verified company, in one transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { CLAIM_CODE_TTL_MS } from "~/lib/company-claim-form";
import {
  CLAIM_LIMITS,
  createCompany,
  getClaimPage,
  listCompanyEvents,
  startDomainClaim,
  uniqueCompanySlug,
  verifyDomainClaim,
} from "~/models/company-claims.server";
import { getCompanyBySlug } from "~/models/companies.server";
import { requireCompanyMember } from "~/models/permissions.server";
import { listMemberCompanies, saveReply } from "~/models/replies.server";
import * as claimRoute from "~/routes/companies.$slug.claim";
import * as newRoute from "~/routes/companies.new";
import * as brandRoute from "~/routes/brand._index";
import { clearRateLimits, createTestUser, makeCompany, makeReview, ORIGIN, outboxFor, outcome, sessionCookie } from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const db = () => getDb().$client;
const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);

let sequence = 0;
function unclaimed(domain = `maison-${++sequence}.example.fr`) {
  const slug = `maison-${sequence}-${Date.now()}`;
  const { id, subjectId } = makeCompany({ slug, name: `Maison ${sequence}`, state: "unclaimed", domain });
  return { id, subjectId, slug, domain };
}

async function person(name = "Claire") {
  const user = await createTestUser({ displayName: name });
  return { ...user, name };
}

function codeIn(mailTo: string): string {
  const mail = outboxFor(mailTo).at(-1);
  expect(mail, `a mail to ${mailTo}`).toBeTruthy();
  const match = mail!.text.match(/(?:Your code|Votre code)\s*:\s*(\d{6})/);
  expect(match, mail!.text).toBeTruthy();
  return match![1]!;
}

function companyRow(id: number) {
  return db().prepare(`SELECT state, claimed_at AS claimedAt, verified_at AS verifiedAt FROM companies WHERE id = ?`).get(id) as {
    state: string;
    claimedAt: number | null;
    verifiedAt: number | null;
  };
}

function members(companyId: number) {
  return db().prepare(`SELECT user_id AS userId, role FROM company_members WHERE company_id = ? ORDER BY user_id`).all(companyId);
}

function send(user: { id: number; name: string }, slug: string, email: string, now = T0) {
  return startDomainClaim({ userId: user.id, userName: user.name, slug, email, locale: "en", origin: ORIGIN, now });
}

beforeEach(() => clearRateLimits());

describe("sending a code", () => {
  it("refuses an address outside the company's domain, and free mail, without mailing anything", async () => {
    const user = await person();
    const company = unclaimed("exemple-boulangerie.fr");
    for (const [email, problem] of [
      ["claire@evilexemple-boulangerie.fr", "other_domain"],
      ["claire@exemple-boulangerie.fr.evil.com", "other_domain"],
      ["claire@gmail.com", "free_mail"],
      ["claire@orange.fr", "free_mail"],
    ] as const) {
      expect(send(user, company.slug, email)).toEqual({ ok: false, kind: "address", problem });
      expect(outboxFor(email)).toEqual([]);
    }
    expect(db().prepare(`SELECT count(*) FROM company_claims WHERE company_id = ?`).pluck().get(company.id)).toBe(0);
  });

  it("mails a 6-digit code to the address and stores only its HMAC, with a log line", async () => {
    const user = await person();
    const company = unclaimed();
    const email = `Claire.Martin@Shop.${company.domain.toUpperCase()}`;
    const result = send(user, company.slug, email);
    expect(result).toMatchObject({ ok: true, email: email.toLowerCase(), expiresAt: T0 + CLAIM_CODE_TTL_MS });
    const code = codeIn(email.toLowerCase());
    const row = db()
      .prepare(`SELECT status, email, code_hash AS codeHash, expires_at AS expiresAt FROM company_claims WHERE company_id = ?`)
      .get(company.id) as {
      status: string;
      email: string;
      codeHash: Buffer;
      expiresAt: number;
    };
    expect(row).toMatchObject({ status: "pending", email: email.toLowerCase(), expiresAt: T0 + 30 * 60_000 });
    expect(row.codeHash).toHaveLength(32);
    expect(row.codeHash.toString("utf8")).not.toContain(code);
    expect(row.codeHash.toString("hex")).not.toContain(Buffer.from(code).toString("hex"));
    expect(listCompanyEvents(company.id).map((e) => [e.kind, e.actorId, JSON.parse(e.detail)])).toEqual([
      ["claim_code_sent", user.id, { domain: `shop.${company.domain}` }],
    ]);
    // The company is not claimed by asking.
    expect(companyRow(company.id)).toEqual({ state: "unclaimed", claimedAt: null, verifiedAt: null });
    const mail = outboxFor(email.toLowerCase())[0]!;
    expect(mail.template).toBe("company_claim_code");
    expect(mail.text).toContain(`${ORIGIN}/companies/${company.slug}/claim`);
    expect(mail.text).toContain("Claire");
  });

  it("limits the codes sent to one address, by one user and for one company", async () => {
    const user = await person();
    const company = unclaimed();
    const email = `contact@${company.domain}`;
    for (let i = 0; i < CLAIM_LIMITS.codesPerAddress.limit; i++) expect(send(user, company.slug, email, T0 + i).ok).toBe(true);
    expect(send(user, company.slug, email, T0 + 10)).toMatchObject({ ok: false, kind: "rate_limited" });
    expect(outboxFor(email)).toHaveLength(CLAIM_LIMITS.codesPerAddress.limit);

    clearRateLimits();
    const other = unclaimed();
    for (let i = 0; i < CLAIM_LIMITS.codesPerUser.limit; i++) expect(send(user, other.slug, `p${i}@${other.domain}`, T0 + i).ok).toBe(true);
    const refused = send(user, other.slug, `last@${other.domain}`, T0 + 100);
    expect(refused).toMatchObject({ ok: false, kind: "rate_limited" });
    expect(refused.ok === false && refused.kind === "rate_limited" && refused.retryAfter).toBeGreaterThan(3000);
    expect(outboxFor(`last@${other.domain}`)).toEqual([]);
    // An hour later, the window is over.
    expect(send(user, other.slug, `last@${other.domain}`, T0 + 60 * 60_000 + 1).ok).toBe(true);

    clearRateLimits();
    const busy = unclaimed();
    for (let i = 0; i < CLAIM_LIMITS.codesPerCompany.limit; i++) {
      const asker = await person(`Asker ${i}`);
      expect(send(asker, busy.slug, `a${i}@${busy.domain}`, T0 + i).ok).toBe(true);
    }
    expect(send(await person("One more"), busy.slug, `more@${busy.domain}`, T0 + 50)).toMatchObject({ ok: false, kind: "rate_limited" });
  });
});

describe("entering the code", () => {
  it("makes the user the owner of a verified company, with its dates, in one transaction, logged", async () => {
    const user = await person();
    const company = unclaimed();
    const email = `claire@${company.domain}`;
    const sent = send(user, company.slug, email);
    if (!sent.ok) throw new Error(sent.kind);
    const at = T0 + 5 * 60_000;
    expect(verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code: codeIn(email), now: at })).toEqual({
      ok: true,
      slug: company.slug,
      verifiedAt: at,
    });
    expect(companyRow(company.id)).toEqual({ state: "verified", claimedAt: at, verifiedAt: at });
    expect(members(company.id)).toEqual([{ userId: user.id, role: "owner" }]);
    expect(db().prepare(`SELECT status, decided_at AS decidedAt FROM company_claims WHERE id = ?`).get(sent.claimId)).toEqual({
      status: "approved",
      decidedAt: at,
    });
    expect(listCompanyEvents(company.id).map((e) => [e.kind, e.claimId])).toEqual([
      ["claim_verified", sent.claimId],
      ["member_added", sent.claimId],
      ["claim_code_sent", sent.claimId],
    ]);
    // The public page says so, and the brand guards now let the owner in.
    expect(getCompanyBySlug(company.slug)).toMatchObject({ state: "verified", verifiedAt: at, claimedAt: at });
    expect(listMemberCompanies(user.id).map((c) => [c.slug, c.state, c.role])).toEqual([[company.slug, "verified", "owner"]]);
    const reviewId = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: (await person("Reviewer")).id, stars: 2 });
    expect(
      saveReply({ actor: { id: user.id, role: "member" }, companyId: company.id, reviewId, body: "Merci, nous vous rappelons." }),
    ).toMatchObject({ ok: true });
  });

  it("works once", async () => {
    const user = await person();
    const company = unclaimed();
    const sent = send(user, company.slug, `a@${company.domain}`);
    if (!sent.ok) throw new Error(sent.kind);
    const code = codeIn(`a@${company.domain}`);
    expect(verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code, now: T0 + 1 }).ok).toBe(true);
    const events = listCompanyEvents(company.id).length;
    expect(verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code, now: T0 + 2 })).toEqual({ ok: false, kind: "used" });
    expect(listCompanyEvents(company.id)).toHaveLength(events);
  });

  it("expires after 30 minutes (injected clock)", async () => {
    const user = await person();
    const company = unclaimed();
    const sent = send(user, company.slug, `a@${company.domain}`);
    if (!sent.ok) throw new Error(sent.kind);
    const code = codeIn(`a@${company.domain}`);
    expect(getClaimPage(company.slug, user.id, T0 + CLAIM_CODE_TTL_MS - 1)?.pending?.id).toBe(sent.claimId);
    expect(getClaimPage(company.slug, user.id, T0 + CLAIM_CODE_TTL_MS)?.pending).toBeNull();
    expect(verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code, now: T0 + CLAIM_CODE_TTL_MS })).toEqual({
      ok: false,
      kind: "expired",
    });
    expect(companyRow(company.id).state).toBe("unclaimed");
    expect(members(company.id)).toEqual([]);
  });

  it("allows 5 wrong codes per code, then refuses even the right one", async () => {
    const user = await person();
    const company = unclaimed();
    const sent = send(user, company.slug, `a@${company.domain}`);
    if (!sent.ok) throw new Error(sent.kind);
    const code = codeIn(`a@${company.domain}`);
    const wrong = code === "000000" ? "111111" : "000000";
    const left = [];
    for (let i = 0; i < CLAIM_LIMITS.attemptsPerClaim.limit; i++) {
      const result = verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code: wrong, now: T0 + i });
      left.push(result.ok === false && result.kind === "wrong_code" ? result.attemptsLeft : result);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code, now: T0 + 10 })).toMatchObject({
      ok: false,
      kind: "too_many_attempts",
    });
    expect(companyRow(company.id).state).toBe("unclaimed");
    // A new code is a new count (the per-user limit still caps the total).
    clearRateLimits();
    const again = send(user, company.slug, `a@${company.domain}`, T0 + 20);
    if (!again.ok) throw new Error(again.kind);
    expect(verifyDomainClaim({ userId: user.id, claimId: again.claimId, code: codeIn(`a@${company.domain}`), now: T0 + 21 }).ok).toBe(true);
  });

  it("caps the codes one user tries across claims", async () => {
    const user = await person();
    const company = unclaimed();
    let tried = 0;
    let refused = false;
    for (let round = 0; round < 4 && !refused; round++) {
      const sent = send(user, company.slug, `r${round}@${company.domain}`, T0 + round);
      if (!sent.ok) throw new Error(sent.kind);
      for (let i = 0; i < CLAIM_LIMITS.attemptsPerClaim.limit; i++) {
        const result = verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code: "99999", now: T0 + round * 10 + i });
        if (!result.ok && result.kind === "too_many_attempts") {
          refused = true;
          break;
        }
        tried++;
      }
    }
    expect(refused).toBe(true);
    expect(tried).toBe(CLAIM_LIMITS.attemptsPerUser.limit);
  });

  it("a newer code replaces the older one; another user's claim is not theirs to enter", async () => {
    const user = await person();
    const company = unclaimed();
    const first = send(user, company.slug, `a@${company.domain}`);
    if (!first.ok) throw new Error(first.kind);
    const firstCode = codeIn(`a@${company.domain}`);
    const second = send(user, company.slug, `b@${company.domain}`, T0 + 1000);
    if (!second.ok) throw new Error(second.kind);
    expect(verifyDomainClaim({ userId: user.id, claimId: first.claimId, code: firstCode, now: T0 + 2000 })).toEqual({
      ok: false,
      kind: "replaced",
    });
    const intruder = await person("Intruder");
    expect(
      verifyDomainClaim({ userId: intruder.id, claimId: second.claimId, code: codeIn(`b@${company.domain}`), now: T0 + 2000 }),
    ).toEqual({ ok: false, kind: "not_found" });
    expect(companyRow(company.id).state).toBe("unclaimed");
  });

  it("a company with a verified owner cannot be claimed again by someone else", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const company = unclaimed();
    // Both ask; the owner verifies first.
    const late = send(other, company.slug, `other@${company.domain}`);
    const sent = send(owner, company.slug, `owner@${company.domain}`);
    if (!late.ok || !sent.ok) throw new Error("not sent");
    expect(verifyDomainClaim({ userId: owner.id, claimId: sent.claimId, code: codeIn(`owner@${company.domain}`), now: T0 + 1 }).ok).toBe(
      true,
    );
    expect(verifyDomainClaim({ userId: other.id, claimId: late.claimId, code: codeIn(`other@${company.domain}`), now: T0 + 2 })).toEqual({
      ok: false,
      kind: "already_verified",
    });
    expect(send(other, company.slug, `other2@${company.domain}`, T0 + 3)).toEqual({ ok: false, kind: "already_verified" });
    expect(outboxFor(`other2@${company.domain}`)).toEqual([]);
    expect(members(company.id)).toEqual([{ userId: owner.id, role: "owner" }]);
    expect(db().prepare(`SELECT status FROM company_claims WHERE id = ?`).pluck().get(late.claimId)).toBe("expired");
  });

  it("is all or nothing: a failure while writing leaves the company, the claim and the members as they were", async () => {
    const user = await person();
    const company = unclaimed();
    const sent = send(user, company.slug, `a@${company.domain}`);
    if (!sent.ok) throw new Error(sent.kind);
    db().exec(
      `CREATE TRIGGER test_fail_verify BEFORE INSERT ON company_events WHEN NEW.kind = 'claim_verified' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    try {
      expect(() => verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code: codeIn(`a@${company.domain}`), now: T0 + 1 })).toThrow(
        /disk on fire/,
      );
    } finally {
      db().exec(`DROP TRIGGER test_fail_verify`);
    }
    expect(companyRow(company.id)).toEqual({ state: "unclaimed", claimedAt: null, verifiedAt: null });
    expect(members(company.id)).toEqual([]);
    expect(db().prepare(`SELECT status FROM company_claims WHERE id = ?`).pluck().get(sent.claimId)).toBe("pending");
    expect(listCompanyEvents(company.id).map((e) => e.kind)).toEqual(["claim_code_sent"]);
  });

  it("the log is append-only", async () => {
    const company = unclaimed();
    send(await person(), company.slug, `a@${company.domain}`);
    expect(() => db().prepare(`UPDATE company_events SET kind = 'claim_verified' WHERE company_id = ?`).run(company.id)).toThrow(
      /append-only/,
    );
    expect(() => db().prepare(`DELETE FROM company_events WHERE company_id = ?`).run(company.id)).toThrow(/append-only/);
  });
});

describe("adding a company", () => {
  function category() {
    return db()
      .prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES (?, 'Boulangeries', 'Bakeries') RETURNING id`)
      .pluck()
      .get(`bakeries-${++sequence}`) as number;
  }

  it("creates it claimed and unverified, the user its owner, its website a subject, logged", async () => {
    const user = await person();
    const categoryId = category();
    const result = createCompany({
      userId: user.id,
      name: "Fournil des Lices",
      website: "https://www.Fournil-des-Lices.fr/boutique",
      categoryId,
      now: T0,
    });
    expect(result).toEqual({ ok: true, companyId: expect.any(Number), slug: "fournil-des-lices" });
    if (!result.ok) return;
    expect(
      db()
        .prepare(`SELECT name, domain, website, state, claimed_at AS claimedAt, verified_at AS verifiedAt FROM companies WHERE id = ?`)
        .get(result.companyId),
    ).toEqual({
      name: "Fournil des Lices",
      domain: "fournil-des-lices.fr",
      website: "https://www.fournil-des-lices.fr/boutique",
      state: "claimed",
      claimedAt: T0,
      verifiedAt: null,
    });
    expect(members(result.companyId)).toEqual([{ userId: user.id, role: "owner" }]);
    expect(db().prepare(`SELECT category_id FROM company_categories WHERE company_id = ?`).pluck().all(result.companyId)).toEqual([
      categoryId,
    ]);
    expect(db().prepare(`SELECT kind, name, url FROM subjects WHERE company_id = ?`).all(result.companyId)).toEqual([
      { kind: "website", name: "fournil-des-lices.fr", url: "https://www.fournil-des-lices.fr/boutique" },
    ]);
    expect(listCompanyEvents(result.companyId).map((e) => e.kind)).toEqual(["member_added", "company_created"]);
    // Claimed is not verified: the owner cannot reply yet.
    const reviewId = makeReview({
      companyId: result.companyId,
      subjectId: db().prepare(`SELECT id FROM subjects WHERE company_id = ?`).pluck().get(result.companyId) as number,
      authorId: (await person("R")).id,
      stars: 1,
    });
    expect(saveReply({ actor: { id: user.id, role: "member" }, companyId: result.companyId, reviewId, body: "Bonjour" })).toEqual({
      ok: false,
      kind: "not_verified",
    });
    // The same code verification then makes it verified, keeping its claimed date.
    const sent = send(user, result.slug, `hello@fournil-des-lices.fr`, T0 + 1000);
    if (!sent.ok) throw new Error(sent.kind);
    expect(
      verifyDomainClaim({ userId: user.id, claimId: sent.claimId, code: codeIn("hello@fournil-des-lices.fr"), now: T0 + 2000 }).ok,
    ).toBe(true);
    expect(companyRow(result.companyId)).toEqual({ state: "verified", claimedAt: T0, verifiedAt: T0 + 2000 });
    expect(members(result.companyId)).toEqual([{ userId: user.id, role: "owner" }]);
  });

  it("gives unique slugs, never a reserved one", async () => {
    const user = await person();
    const categoryId = category();
    const slugs = ["a.fr", "b.fr", "c.fr"].map((website, i) => {
      const r = createCompany({
        userId: user.id,
        name: "Maison Garance",
        website: `garance-${sequence}-${i}-${website}`,
        categoryId,
        now: T0 + i,
      });
      return r.ok ? r.slug : r.kind;
    });
    expect(slugs).toEqual(["maison-garance", "maison-garance-2", "maison-garance-3"]);
    clearRateLimits();
    const reserved = createCompany({ userId: user.id, name: "New", website: `new-${sequence}.fr`, categoryId });
    expect(reserved.ok && reserved.slug).toBe("new-2");
    expect(uniqueCompanySlug(getDb(), "Café & Thé d'Élise", "x.fr")).toBe("cafe-et-the-delise");
    expect(uniqueCompanySlug(getDb(), "!!!", "shop.example.fr")).toBe("shop-example-fr");
  });

  it("refuses a domain a company already has, naming that company; and free mail", async () => {
    const user = await person();
    const categoryId = category();
    const existing = unclaimed(`deja-la-${sequence}.fr`);
    const before = db().prepare(`SELECT count(*) FROM companies`).pluck().get();
    expect(createCompany({ userId: user.id, name: "Copie", website: `https://www.${existing.domain}`, categoryId })).toEqual({
      ok: false,
      kind: "domain_taken",
      company: { slug: existing.slug, name: expect.any(String) },
    });
    expect(createCompany({ userId: user.id, name: "Gmail", website: "gmail.com", categoryId })).toEqual({
      ok: false,
      kind: "website",
      problem: "free_mail",
    });
    expect(createCompany({ userId: user.id, name: "Sans catégorie", website: `libre-${sequence}.fr`, categoryId: 999_999 })).toEqual({
      ok: false,
      kind: "unknown_category",
    });
    expect(db().prepare(`SELECT count(*) FROM companies`).pluck().get()).toBe(before);
  });

  it("when someone else proves the domain, the unverified creator leaves the company", async () => {
    const creator = await person("Creator");
    const real = await person("Real owner");
    const categoryId = category();
    const created = createCompany({
      userId: creator.id,
      name: "Atelier Lune",
      website: `atelier-lune-${sequence}.fr`,
      categoryId,
      now: T0,
    });
    if (!created.ok) throw new Error(created.kind);
    const domain = `atelier-lune-${sequence}.fr`;
    const sent = send(real, created.slug, `direction@${domain}`, T0 + 1);
    if (!sent.ok) throw new Error(sent.kind);
    expect(verifyDomainClaim({ userId: real.id, claimId: sent.claimId, code: codeIn(`direction@${domain}`), now: T0 + 2 }).ok).toBe(true);
    expect(members(created.companyId)).toEqual([{ userId: real.id, role: "owner" }]);
    const removed = listCompanyEvents(created.companyId).find((e) => e.kind === "member_removed");
    expect(removed && JSON.parse(removed.detail)).toEqual({ userId: creator.id, role: "owner", why: "unverified_before_verification" });
  });
});

// ─── The routes ───────────────────────────────────────────────────────────────

type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;
const call = (fn: unknown, request: Request, params: Record<string, string> = {}) =>
  outcome(() => (fn as RouteFn)({ request, params, context: { clientIp: "198.51.100.7" } }));

async function signedIn(name = "Camille") {
  const user = await person(name);
  return { user, cookie: sessionCookie(user.id) };
}

const post = (path: string, fields: Record<string, string>, cookie: string) =>
  new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
  });
const get = (path: string, cookie = "") =>
  new Request(`${ORIGIN}${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Language": "en" } });

type Reply = {
  intent?: string;
  result: { initialValue?: Record<string, string>; error?: Record<string, string[] | null> };
  existing?: { slug: string };
};

describe("/companies/:slug/claim", () => {
  it("sends a signed-out visitor to log in, and back", async () => {
    const company = unclaimed();
    const answer = await call(claimRoute.loader, get(`/companies/${company.slug}/claim`), { slug: company.slug });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/login?redirectTo=${encodeURIComponent(`/companies/${company.slug}/claim`)}`);
  });

  it("a wrong address answers 400 with the error and the address kept, and writes nothing", async () => {
    const { cookie } = await signedIn();
    const company = unclaimed();
    const answer = await call(
      claimRoute.action,
      post(`/companies/${company.slug}/claim`, { intent: "send", email: "moi@gmail.com" }, cookie),
      { slug: company.slug },
    );
    expect(answer.status).toBe(400);
    const reply = answer.data as Reply;
    expect(reply.result.error?.email).toEqual(["companies.error.freeMail"]);
    expect(reply.result.initialValue?.email).toBe("moi@gmail.com");
    expect(db().prepare(`SELECT count(*) FROM company_claims WHERE company_id = ?`).pluck().get(company.id)).toBe(0);
  });

  it("send, then the code: the company is verified and /brand lists it", async () => {
    const { user, cookie } = await signedIn();
    const company = unclaimed();
    const email = `camille@${company.domain}`;
    const sent = await call(claimRoute.action, post(`/companies/${company.slug}/claim`, { intent: "send", email }, cookie), {
      slug: company.slug,
    });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/companies/${company.slug}/claim`);
    expect(await flashKeyOf(sent)).toBe("flash.claimCodeSent");

    const page = (await call(claimRoute.loader, get(`/companies/${company.slug}/claim`, cookie), { slug: company.slug }))
      .data as ReturnType<typeof getClaimPage>;
    expect(page?.pending).toMatchObject({ email });
    const claim = String(page!.pending!.id);

    const wrong = await call(
      claimRoute.action,
      post(`/companies/${company.slug}/claim`, { intent: "verify", claim, code: "12345" }, cookie),
      { slug: company.slug },
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as Reply).result.error?.code).toEqual(["companies.error.codeFormat"]);

    const verified = await call(
      claimRoute.action,
      post(`/companies/${company.slug}/claim`, { intent: "verify", claim, code: codeIn(email) }, cookie),
      { slug: company.slug },
    );
    expect(verified.status).toBe(302);
    expect(verified.location).toBe(`/companies/${company.slug}`);
    expect(companyRow(company.id).state).toBe("verified");
    expect(requireCompanyMember(get("/brand", cookie), company.id)).toMatchObject({ memberRole: "owner" });
    const brand = (await call(brandRoute.loader, get("/brand", cookie))).data as { companies: { slug: string; state: string }[] };
    expect(brand.companies).toEqual([expect.objectContaining({ slug: company.slug, state: "verified" })]);
    // The page now says it is theirs; another user is told it is taken.
    const again = (await call(claimRoute.loader, get(`/companies/${company.slug}/claim`, cookie), { slug: company.slug }))
      .data as ReturnType<typeof getClaimPage>;
    expect(again?.memberRole).toBe("owner");
    const other = await signedIn("Other");
    const refused = await call(
      claimRoute.action,
      post(`/companies/${company.slug}/claim`, { intent: "send", email: `x@${company.domain}` }, other.cookie),
      { slug: company.slug },
    );
    expect(refused.status).toBe(409);
    expect(user.id).toBeGreaterThan(0);
  });

  it("a claim id that is not the user's is a 404, and a form without intent a 400", async () => {
    const { cookie } = await signedIn();
    const company = unclaimed();
    const forged = await call(
      claimRoute.action,
      post(`/companies/${company.slug}/claim`, { intent: "verify", claim: "999999", code: "123456" }, cookie),
      { slug: company.slug },
    );
    expect(forged.status).toBe(404);
    const none = await call(claimRoute.action, post(`/companies/${company.slug}/claim`, { email: "a@b.fr" }, cookie), {
      slug: company.slug,
    });
    expect(none.status).toBe(400);
  });
});

describe("/companies/new", () => {
  it("creates the company and goes on to its code verification", async () => {
    const { user, cookie } = await signedIn();
    const categoryId = db()
      .prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES (?, 'Vélos', 'Bikes') RETURNING id`)
      .pluck()
      .get(`bikes-${++sequence}`) as number;
    const domain = `velos-${sequence}.fr`;
    const answer = await call(
      newRoute.action,
      post("/companies/new", { name: "Vélos Rapides", website: domain, category: String(categoryId) }, cookie),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/companies\/velos-rapides(-\d+)?\/claim$/);
    const slug = answer.location!.split("/")[2]!;
    expect(getCompanyBySlug(slug)).toMatchObject({ state: "claimed", domain });
    expect(members(getCompanyBySlug(slug)!.id)).toEqual([{ userId: user.id, role: "owner" }]);

    const taken = await call(
      newRoute.action,
      post("/companies/new", { name: "Autre nom", website: `https://${domain}`, category: String(categoryId) }, cookie),
    );
    expect(taken.status).toBe(409);
    const reply = taken.data as Reply;
    expect(reply.result.error?.website).toEqual(["companies.error.domainTaken"]);
    expect(reply.existing?.slug).toBe(slug);
    expect(reply.result.initialValue).toMatchObject({ name: "Autre nom", website: `https://${domain}` });
  });

  it("answers 400 with every field's error and what was typed", async () => {
    const { cookie } = await signedIn();
    const answer = await call(newRoute.action, post("/companies/new", { name: "A", website: "hotmail.fr", category: "" }, cookie));
    expect(answer.status).toBe(400);
    const reply = answer.data as Reply;
    expect(reply.result.error).toMatchObject({
      name: ["companies.error.nameShort"],
      website: ["companies.error.websiteFreeMail"],
      category: ["companies.error.category"],
    });
    expect(reply.result.initialValue).toMatchObject({ name: "A", website: "hotmail.fr" });
  });
});
