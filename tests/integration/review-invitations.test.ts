// Review invitations (app/models/review-invitations.server.ts, /brand/:slug/invitations,
// /invite/:token, /invite/:token/opt-out): an owner of a verified company mails invitations
// one by one or from a CSV file answered row by row (the good rows are kept), or shares one
// link; the mail says who asks, about what, how the review will be published, links the
// rules and the opt-out; one reminder at most; an address that opted out is never mailed
// again; a review written through an invitation is labelled "invited"; nobody else sends.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { INVITATION_ADDRESS_DAYS, REINVITE_AFTER_DAYS, REMINDER_AFTER_DAYS } from "~/lib/invitation-policy";
import { linksIn } from "~/models/mail.server";
import { createShareLink, eraseOldInvitationAddresses, sendDueReminders, sendInvitations } from "~/models/review-invitations.server";
import { createReview } from "~/models/review-submission.server";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/brand.$slug.invitations";
import { loader as inviteLoader } from "~/routes/invite.$token";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { transparencyContent } from "~/content/transparency";
import { INVITED_GAP } from "~/lib/invitation-gap";
import { action as optOutAction } from "~/routes/invite.$token_.opt-out";
import {
  account,
  addMember,
  clearRateLimits,
  getRequest,
  makeCompany,
  makeReview,
  makeSubject,
  makeUser,
  outboxFor,
  outcome,
  postRequest,
  reviewInput,
  type Account,
} from "../support/fixtures";

const DAY = 86_400_000;
const client = () => getDb().$client;
const mailCount = () => (client().prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number }).n;
const invitationRows = (companyId: number) =>
  client()
    .prepare(`SELECT email, status, kind, subject_id AS subjectId FROM invitations WHERE company_id = ? ORDER BY id`)
    .all(companyId) as {
    email: string | null;
    status: string;
    kind: string;
    subjectId: number | null;
  }[];

let n = 0;
interface World {
  company: { id: number; slug: string; subjectId: number };
  owner: Account;
}

async function world(state: "verified" | "claimed" = "verified"): Promise<World> {
  const slug = `maison-invite-${++n}`;
  const c = makeCompany({ name: `Maison Invite ${n}`, slug, state, domain: `maison-invite-${n}.fr` });
  const owner = await account({ name: `Propriétaire ${n}` });
  addMember(c.id, owner.id, "owner");
  return { company: { id: c.id, slug, subjectId: c.subjectId }, owner };
}

const onPage = (w: World, who: Account | null, form: Record<string, string>) =>
  outcome(() =>
    invitationsAction({
      request: postRequest(`/brand/${w.company.slug}/invitations`, form, { cookie: who?.cookie }),
      params: { slug: w.company.slug },
      context: {},
    } as ActionFunctionArgs),
  );

function upload(w: World, who: Account, csv: string | Uint8Array<ArrayBuffer>, locale = "fr") {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("locale", locale);
  form.set("file", new File([csv], "clients.csv", { type: "text/csv" }));
  const request = new Request(`http://localhost/brand/${w.company.slug}/invitations`, {
    method: "POST",
    body: form,
    headers: { Cookie: who.cookie },
  });
  return outcome(() => invitationsAction({ request, params: { slug: w.company.slug }, context: {} } as ActionFunctionArgs));
}

type Report = { rows: { line: number; email: string; sent: boolean; error?: string }[]; sent: number; ignoredColumns: string[] };

/** The token of the latest review invitation mailed to `email`. */
function tokenFor(email: string) {
  const mail = outboxFor(email)
    .filter((m) => m.template.startsWith("review_invitation"))
    .at(-1);
  if (!mail) throw new Error(`no invitation to ${email}`);
  const link = linksIn(mail.text).find((l) => /\/invite\/[^/]+$/.test(l))!;
  return new URL(link).pathname.split("/").at(-1)!;
}

describe("the invitation mail", () => {
  it("says who asks, about what, how the review is published, links the rules and the opt-out; only the token's hash is kept", async () => {
    const w = await world();
    const sent = await onPage(w, w.owner, {
      intent: "invite",
      email: " Alice@Example.TEST ",
      name: "Alice",
      locale: "en",
      subjectId: String(w.company.subjectId),
      reference: "CMD-2291",
    });
    expect(sent.status).toBe(302);
    const [mail] = outboxFor("alice@example.test");
    expect(mail!.template).toBe("review_invitation");
    expect(mail!.subject).toBe(`Maison Invite ${n} asks for your review of Maison Invite ${n} — Paris`);
    expect(mail!.text).toContain(`Maison Invite ${n} (maison-invite-${n}.fr) invites its customers`);
    expect(mail!.text).toContain("Every customer is invited the same way.");
    expect(mail!.text).toContain("Your order: CMD-2291.");
    expect(mail!.text).toContain("whatever its stars, with the label “Invited”");
    expect(mail!.text).toContain("it can neither change nor remove it");
    expect(mail!.text).toContain("We will send you one reminder at most.");
    const links = linksIn(mail!.text);
    expect(links.some((l) => l.endsWith("/transparency#invitations"))).toBe(true);
    const token = tokenFor("alice@example.test");
    expect(links.some((l) => l.endsWith(`/invite/${token}/opt-out`))).toBe(true);
    expect(JSON.stringify(client().prepare(`SELECT * FROM invitations WHERE company_id = ?`).all(w.company.id))).not.toContain(token);
  });

  it("is written in French when asked, with French typography", async () => {
    const w = await world();
    await onPage(w, w.owner, { intent: "invite", email: "bea@example.test", locale: "fr" });
    const [mail] = outboxFor("bea@example.test");
    expect(mail!.subject).toBe(`Maison Invite ${n} vous demande votre avis sur Maison Invite ${n}`);
    expect(mail!.text).toContain("avec le label «\u202FSur invitation\u202F»");
    expect(mail!.text).toContain(`parce que Maison Invite ${n} nous a donné votre adresse`);
  });

  it("refuses a bad address next to the field and keeps what was typed", async () => {
    const w = await world();
    const bad = await onPage(w, w.owner, { intent: "invite", email: "pas-une-adresse", name: "Chloé", locale: "fr" });
    expect(bad.status).toBe(400);
    const result = (bad.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.email).toEqual(["invitations.error.email"]);
    expect(result.initialValue.name).toBe("Chloé");
    expect(invitationRows(w.company.id)).toEqual([]);
  });
});

describe("the CSV file", () => {
  it("names each bad row with its reason and sends the good ones; other columns are ignored and said so", async () => {
    const w = await world();
    makeSubject(w.company.id, { name: "Boutique Lyon", city: "Lyon" });
    // An address that opted out of every company's invitations, and one this company invited last week.
    const elsewhere = await world();
    await onPage(elsewhere, elsewhere.owner, { intent: "invite", email: "optout@example.test", locale: "fr" });
    await optOut(tokenFor("optout@example.test"), "all");
    await onPage(w, w.owner, { intent: "invite", email: "recent@example.test", locale: "fr" });

    const csv = [
      "Email;Nom;Langue;Magasin;Référence de commande;Note",
      "un@example.test;Un;fr;Boutique Lyon;A-1;5",
      "pas-une-adresse;Deux;fr;;A-2;1",
      "trois@example.test;Trois;klingon;;A-3;4",
      "quatre@example.test;Quatre;en;Boutique Marseille;A-4;2",
      "UN@example.test;Un bis;fr;;A-5;5",
      "optout@example.test;Refus;fr;;A-6;3",
      "recent@example.test;Récent;fr;;A-7;3",
      '"cinq@example.test";"Cinq; dit ""Le Cinquième""";english;;A-8;1',
      "",
    ].join("\r\n");
    const answer = await upload(w, w.owner, csv);
    expect(answer.status).toBe(200);
    const report = (answer.data as { report: Report }).report;
    expect(report.ignoredColumns).toEqual(["Note"]);
    expect(report.rows.map((r) => [r.line, r.email, r.sent ? "sent" : r.error])).toEqual([
      [2, "un@example.test", "sent"],
      [3, "pas-une-adresse", "invitations.error.email"],
      [4, "trois@example.test", "invitations.error.locale"],
      [5, "quatre@example.test", "invitations.row.subject"],
      [6, "un@example.test", "invitations.row.duplicate"],
      [7, "optout@example.test", "invitations.row.optedOut"],
      [8, "recent@example.test", "invitations.row.recent"],
      [9, "cinq@example.test", "sent"],
    ]);
    expect(report.sent).toBe(2);
    expect(outboxFor("un@example.test").map((m) => m.subject)).toEqual([
      `Maison Invite ${n - 1} vous demande votre avis sur Boutique Lyon`,
    ]);
    const [cinq] = outboxFor("cinq@example.test");
    expect(cinq!.subject).toContain("asks for your review");
    expect(cinq!.text).toContain('Hello Cinq; dit "Le Cinquième"');
    for (const refused of ["pas-une-adresse", "trois@example.test", "quatre@example.test", "optout@example.test"]) {
      expect(outboxFor(refused).filter((m) => m.template === "review_invitation" && m.text.includes(`Maison Invite ${n - 1} `))).toEqual(
        [],
      );
    }
    expect(outboxFor("recent@example.test")).toHaveLength(1);
  });

  it("reads a file without a header line in the documented column order, and a Windows-1252 one", async () => {
    const w = await world();
    const latin1 = Uint8Array.from([...Buffer.from("email,name\nzoe@example.test,Zo", "latin1"), 0xeb, 0x0a]);
    const a = await upload(w, w.owner, "yann@example.test,Yann,en\n");
    expect((a.data as { report: Report }).report.rows).toEqual([{ line: 1, email: "yann@example.test", sent: true }]);
    const b = await upload(w, w.owner, latin1);
    expect((b.data as { report: Report }).report.sent).toBe(1);
    expect(outboxFor("zoe@example.test")[0]!.text).toContain("Zoë");
  });

  it("refuses a file without an address column, an empty one, a missing one, next to the file field", async () => {
    const w = await world();
    const noEmail = await upload(w, w.owner, "nom,langue\nAlice,fr\n");
    expect((noEmail.data as { result: { error: Record<string, string[]> } }).result.error.file).toEqual(["invitations.error.csvNoEmail"]);
    const empty = await upload(w, w.owner, "\n\n");
    expect((empty.data as { result: { error: Record<string, string[]> } }).result.error.file).toEqual(["invitations.error.csvEmpty"]);
    const none = await onPage(w, w.owner, { intent: "upload", locale: "fr" });
    expect((none.data as { result: { error: Record<string, string[]> } }).result.error.file).toEqual(["invitations.error.csvMissing"]);
    expect(invitationRows(w.company.id)).toEqual([]);
  });

  it("stops at the daily limit: the rows past it are named, the ones before are sent", async () => {
    const w = await world();
    const rows = Array.from({ length: 502 }, (_, i) => ({ line: i + 2, email: `client${i}@limit.test`, locale: "fr" as const }));
    const sent = sendInvitations({ companyId: w.company.id, actorId: w.owner.id, rows });
    expect(sent.ok && sent.sent).toBe(500);
    expect(sent.ok && sent.rows.slice(-2).map((r) => (r.sent ? "sent" : r.error))).toEqual([
      "invitations.row.limit",
      "invitations.row.limit",
    ]);
  });
});

async function optOut(token: string, scope: "company" | "all") {
  return outcome(() =>
    optOutAction({ request: postRequest(`/invite/${token}/opt-out`, { scope }), params: { token }, context: {} } as ActionFunctionArgs),
  );
}

describe("opting out", () => {
  it("an address that opted out of every company is never mailed again: not by a form, a file or a reminder", async () => {
    const a = await world();
    const b = await world();
    await onPage(a, a.owner, { intent: "invite", email: "nomore@example.test", locale: "fr" });
    const before = outboxFor("nomore@example.test").length;
    const done = await optOut(tokenFor("nomore@example.test"), "all");
    expect(done.status).toBe(200);
    // The address itself is not kept: only its hash.
    expect(JSON.stringify(client().prepare(`SELECT * FROM invitation_opt_outs`).all())).not.toContain("nomore@example.test");

    const again = await onPage(b, b.owner, { intent: "invite", email: "NoMore@example.test", locale: "fr" });
    expect(again.status).toBe(409);
    expect((again.data as { result: { error: Record<string, string[]> } }).result.error.email).toEqual(["invitations.row.optedOut"]);
    const file = await upload(b, b.owner, "email\nnomore@example.test\n");
    expect((file.data as { report: Report }).report.rows[0]!.error).toBe("invitations.row.optedOut");
    sendDueReminders({ now: Date.now() + (REMINDER_AFTER_DAYS + 1) * DAY });
    expect(outboxFor("nomore@example.test")).toHaveLength(before);
    // A later invitation by the first company, past the re-invitation delay, is refused too.
    const later = sendInvitations({
      companyId: a.company.id,
      actorId: a.owner.id,
      rows: [{ line: 1, email: "nomore@example.test", locale: "fr" }],
      now: Date.now() + (REINVITE_AFTER_DAYS + 1) * DAY,
    });
    expect(later.ok && later.rows[0]).toMatchObject({ sent: false, error: "invitations.row.optedOut" });
    expect(outboxFor("nomore@example.test")).toHaveLength(before);
  });

  it("an opt-out from one company leaves the others free to invite", async () => {
    const a = await world();
    const b = await world();
    await onPage(a, a.owner, { intent: "invite", email: "juste-a@example.test", locale: "fr" });
    await optOut(tokenFor("juste-a@example.test"), "company");
    const fromA = sendInvitations({
      companyId: a.company.id,
      actorId: a.owner.id,
      rows: [{ line: 1, email: "juste-a@example.test", locale: "fr" }],
      now: Date.now() + (REINVITE_AFTER_DAYS + 1) * DAY,
    });
    expect(fromA.ok && fromA.rows[0]!.sent).toBe(false);
    const fromB = await onPage(b, b.owner, { intent: "invite", email: "juste-a@example.test", locale: "fr" });
    expect(fromB.status).toBe(302);
  });
});

describe("the reminder", () => {
  it("is sent once, after the delay, to an invitation without a review; never again", async () => {
    const w = await world();
    const now = Date.now();
    sendInvitations({
      companyId: w.company.id,
      actorId: w.owner.id,
      rows: [{ line: 1, email: "relance@example.test", locale: "fr" }],
      now,
    });
    sendDueReminders({ now: now + (REMINDER_AFTER_DAYS - 1) * DAY });
    expect(outboxFor("relance@example.test")).toHaveLength(1);
    sendDueReminders({ now: now + REMINDER_AFTER_DAYS * DAY + 1 });
    sendDueReminders({ now: now + (REMINDER_AFTER_DAYS + 5) * DAY });
    const mails = outboxFor("relance@example.test");
    expect(mails.map((m) => m.template)).toEqual(["review_invitation", "review_invitation_reminder"]);
    expect(mails[1]!.subject).toMatch(/^Rappel/);
    expect(mails[1]!.text).toContain("C’est la seule relance");
    // The reminder carries the same link as the invitation.
    expect(tokenFor("relance@example.test")).toBe(
      new URL(linksIn(mails[0]!.text).find((l) => /\/invite\/[^/]+$/.test(l))!).pathname.split("/").at(-1),
    );
  });

  it("is not sent once the review is written", async () => {
    const w = await world();
    const now = Date.now();
    sendInvitations({ companyId: w.company.id, actorId: w.owner.id, rows: [{ line: 1, email: "ecrit@example.test", locale: "fr" }], now });
    const written = createReview({
      actor: { id: makeUser(), role: "member" },
      subjectId: w.company.subjectId,
      input: reviewInput({ stars: 4 }),
      locale: "fr",
      ipHash: null,
      invitationToken: tokenFor("ecrit@example.test"),
      now: now + DAY,
    });
    expect(written.ok).toBe(true);
    sendDueReminders({ now: now + (REMINDER_AFTER_DAYS + 1) * DAY });
    expect(outboxFor("ecrit@example.test")).toHaveLength(1);
  });
});

const originOf = (reviewId: number) =>
  client().prepare(`SELECT origin, invitation_id AS invitationId FROM reviews WHERE id = ?`).get(reviewId) as {
    origin: string;
    invitationId: number | null;
  };

function write(subjectId: number, token: string | undefined, stars = 2) {
  const result = createReview({
    actor: { id: makeUser(), role: "member" },
    subjectId,
    input: reviewInput({ stars }),
    locale: "fr",
    ipHash: null,
    invitationToken: token,
  });
  if (!result.ok) throw new Error(`not written: ${result.kind}`);
  return result.reviewId;
}

describe("a review written through an invitation", () => {
  it("is labelled invited, whatever its stars; a mailed invitation works once", async () => {
    const w = await world();
    await onPage(w, w.owner, { intent: "invite", email: "label@example.test", locale: "fr" });
    const token = tokenFor("label@example.test");
    const page = await outcome(() =>
      inviteLoader({ request: getRequest(`/invite/${token}`), params: { token }, context: {} } as LoaderFunctionArgs),
    );
    expect(page.status).toBe(200);
    expect((page.data as { invitation: { state: string; company: { slug: string } } }).invitation).toMatchObject({
      state: "open",
      company: { slug: w.company.slug },
    });
    const first = write(w.company.subjectId, token, 1);
    expect(originOf(first)).toMatchObject({ origin: "invited" });
    expect(invitationRows(w.company.id)[0]!.status).toBe("used");
    const second = write(w.company.subjectId, token, 5);
    expect(originOf(second)).toEqual({ origin: "organic", invitationId: null });
  });

  it("through the link to share: every review is invited until the link is replaced; another company's link invites nobody", async () => {
    const w = await world();
    const other = await world();
    const shared = createShareLink({ companyId: w.company.id, actorId: w.owner.id });
    if (!shared.ok) throw new Error("no link");
    expect(originOf(write(w.company.subjectId, shared.token)).origin).toBe("invited");
    expect(originOf(write(w.company.subjectId, shared.token, 5)).origin).toBe("invited");
    expect(originOf(write(other.company.subjectId, shared.token)).origin).toBe("organic");
    const replaced = await onPage(w, w.owner, { intent: "link" });
    expect(replaced.status).toBe(302);
    expect(originOf(write(w.company.subjectId, shared.token)).origin).toBe("organic");
    const page = await outcome(() =>
      invitationsLoader({
        request: getRequest(`/brand/${w.company.slug}/invitations`, { cookie: w.owner.cookie }),
        params: { slug: w.company.slug },
        context: {},
      } as LoaderFunctionArgs),
    );
    const link = (page.data as { link: { token: string; reviews: number }; linkUrl: string }).link;
    expect(link.token).not.toBe(shared.token);
    expect(link.reviews).toBe(0);
  });

  it("a refused review (here: written by the company's own owner) does not use the invitation up", async () => {
    const w = await world();
    await onPage(w, w.owner, { intent: "invite", email: "refus@example.test", locale: "fr" });
    const refused = createReview({
      actor: { id: w.owner.id, role: "member" },
      subjectId: w.company.subjectId,
      input: reviewInput({ stars: 5 }),
      locale: "fr",
      ipHash: null,
      invitationToken: tokenFor("refus@example.test"),
    });
    expect(refused).toMatchObject({ ok: false, kind: "refused", check: { code: "conflict_member" } });
    expect(invitationRows(w.company.id)[0]!.status).toBe("sent");
  });
});

describe("the addresses", () => {
  it("are erased INVITATION_ADDRESS_DAYS after the invitation, as its mail says; the counts stay", async () => {
    const w = await world();
    const now = Date.now();
    sendInvitations({
      companyId: w.company.id,
      actorId: w.owner.id,
      rows: [{ line: 1, email: "oubli@example.test", name: "Oubli", reference: "R-9", locale: "en" }],
      now,
    });
    expect(outboxFor("oubli@example.test")[0]!.text).toContain(`erases it ${INVITATION_ADDRESS_DAYS} days after this invitation`);
    const row = () => client().prepare(`SELECT email, name, reference, status FROM invitations WHERE company_id = ?`).get(w.company.id);
    eraseOldInvitationAddresses({ now: now + (INVITATION_ADDRESS_DAYS - 1) * DAY });
    expect(row()).toEqual({ email: "oubli@example.test", name: "Oubli", reference: "R-9", status: "sent" });
    eraseOldInvitationAddresses({ now: now + INVITATION_ADDRESS_DAYS * DAY });
    expect(row()).toEqual({ email: null, name: null, reference: null, status: "sent" });
    expect(JSON.stringify(client().prepare(`SELECT * FROM invitations`).all())).not.toContain("oubli@example.test");
  });
});

describe("the company page's notice", () => {
  const pageOf = (slug: string) =>
    outcome(() => companyLoader({ request: getRequest(`/companies/${slug}`), params: { slug }, context: {} } as LoaderFunctionArgs));

  it("appears when invited reviews are much more positive than organic ones, with enough of each; /transparency says when", async () => {
    const w = await world();
    const add = (count: number, stars: number, origin: "invited" | "organic") => {
      for (let i = 0; i < count; i++)
        makeReview({ companyId: w.company.id, subjectId: w.company.subjectId, authorId: makeUser(), stars, origin });
    };
    add(29, 5, "invited");
    add(10, 1, "organic");
    add(20, 3, "organic");
    expect((await pageOf(w.company.slug)).data).toMatchObject({ invitedGap: null });
    add(1, 4, "invited");
    const gap = ((await pageOf(w.company.slug)).data as { invitedGap: { invitedCount: number; organicCount: number } | null }).invitedGap;
    expect(gap).toMatchObject({ invitedCount: 30, organicCount: 30 });
    const en = transparencyContent("en").invitations.paragraphs.join(" ");
    expect(en).toContain(`at least ${INVITED_GAP.minReviews} published reviews`);
    expect(en).toContain("z ≥ 3.29");
    expect(en).toContain(`one reminder at most, ${REMINDER_AFTER_DAYS} days after the invitation`);
    expect(en).toContain(`${INVITATION_ADDRESS_DAYS} days after it was sent`);
  });
});

describe("who may invite", () => {
  it("only an owner of the verified company: an agent, another company's owner and an unverified company's owner send nothing", async () => {
    clearRateLimits();
    const w = await world();
    const agent = await account({ name: "Agent" });
    addMember(w.company.id, agent.id, "agent");
    const other = await world();
    const unverified = await world("claimed");
    const before = mailCount();
    const byAgent = await onPage(w, agent, { intent: "invite", email: "x@example.test", locale: "fr" });
    expect(byAgent.status).toBe(403);
    const byOther = await onPage(w, other.owner, { intent: "invite", email: "x@example.test", locale: "fr" });
    expect(byOther.status).toBe(403);
    const byNobody = await onPage(w, null, { intent: "invite", email: "x@example.test", locale: "fr" });
    expect(byNobody.location).toMatch(/^\/login/);
    const byUnverified = await onPage(unverified, unverified.owner, { intent: "invite", email: "x@example.test", locale: "fr" });
    expect(byUnverified.status).toBe(409);
    const linkByUnverified = await onPage(unverified, unverified.owner, { intent: "link" });
    expect(linkByUnverified.status).toBe(409);
    expect(mailCount()).toBe(before);
    expect(invitationRows(w.company.id)).toEqual([]);
    expect(invitationRows(unverified.company.id)).toEqual([]);
  });

  it("the agent reads the page, without the forms' data being theirs to change", async () => {
    const w = await world();
    const agent = await account({ name: "Agent lecteur" });
    addMember(w.company.id, agent.id, "agent");
    const page = await outcome(() =>
      invitationsLoader({
        request: getRequest(`/brand/${w.company.slug}/invitations`, { cookie: agent.cookie }),
        params: { slug: w.company.slug },
        context: {},
      } as LoaderFunctionArgs),
    );
    expect(page.status).toBe(200);
    expect((page.data as { memberRole: string }).memberRole).toBe("agent");
  });
});
