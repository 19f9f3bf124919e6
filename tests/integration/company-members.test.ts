// A company's members (app/models/company-members.server.ts, /brand/:slug/members,
// /brand/invitations/:token): the owner of a verified company invites an agent by mail; the
// link works once, until it expires, for the invited address only; the agent answers reviews;
// the owner removes them — their next reply is refused — or hands the ownership over. Every
// change is logged in company_events; agents and other companies' staff change nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { linksIn } from "~/models/mail.server";
import { acceptInvitation, inviteMember, MEMBER_INVITATION_DAYS, maskEmail } from "~/models/company-members.server";
import { action as membersAction, loader as membersLoader } from "~/routes/brand.$slug.members";
import { action as invitationAction, loader as invitationLoader } from "~/routes/brand.invitations.$token";
import { action as replyAction } from "~/routes/brand.$slug.reviews.$id";
import { action as deleteReviewAction } from "~/routes/reviews.$id_.delete";
import { action as editReviewAction } from "~/routes/reviews.$id_.edit";
import {
  account,
  addMember,
  clearRateLimits,
  getRequest,
  makeCompany,
  makeReview,
  makeUser,
  outboxFor,
  outcome,
  postRequest,
  type Account,
} from "../support/fixtures";

const DAY = 86_400_000;
const client = () => getDb().$client;
const membersOf = (companyId: number) =>
  client().prepare(`SELECT user_id AS userId, role FROM company_members WHERE company_id = ? ORDER BY user_id`).all(companyId) as {
    userId: number;
    role: string;
  }[];
const eventsOf = (companyId: number) =>
  client().prepare(`SELECT kind, actor_id AS actorId, detail FROM company_events WHERE company_id = ? ORDER BY id`).all(companyId) as {
    kind: string;
    actorId: number | null;
    detail: string;
  }[];
const writes = () => ({
  members: client().prepare(`SELECT * FROM company_members ORDER BY company_id, user_id`).all(),
  invitations: client().prepare(`SELECT id, status FROM member_invitations ORDER BY id`).all(),
  events: client().prepare(`SELECT count(*) AS n FROM company_events`).get(),
  mails: client().prepare(`SELECT count(*) AS n FROM outbox`).get(),
  replies: client().prepare(`SELECT count(*) AS n FROM replies`).get(),
});

// ─── The routes, called as a browser would ───────────────────────────────────

let slugs = 0;
interface World {
  company: { id: number; slug: string };
  reviewId: number;
  owner: Account;
}

async function world(state: "verified" | "claimed" = "verified"): Promise<World> {
  const slug = `maison-membres-${++slugs}`;
  const c = makeCompany({ name: `Maison Membres ${slugs}`, slug, state });
  const owner = await account({ name: `Propriétaire ${slugs}` });
  addMember(c.id, owner.id, "owner");
  const author = makeUser();

  const reviewId = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, stars: 2 });
  return { company: { id: c.id, slug }, reviewId, owner };
}

const post = (
  who: Account | null,
  path: string,
  form: Record<string, string>,
  call: (args: ActionFunctionArgs) => unknown,
  params: Record<string, string>,
) => outcome(() => call({ request: postRequest(path, form, { cookie: who?.cookie }), params, context: {} } as ActionFunctionArgs));

const get = (who: Account | null, path: string, call: (args: LoaderFunctionArgs) => unknown, params: Record<string, string>) =>
  outcome(() => call({ request: getRequest(path, { cookie: who?.cookie }), params, context: {} } as LoaderFunctionArgs));

const onMembers = (w: World, who: Account | null, form: Record<string, string>) =>
  post(who, `/brand/${w.company.slug}/members`, form, membersAction, { slug: w.company.slug });

const openInvitation = (who: Account | null, token: string) => get(who, `/brand/invitations/${token}`, invitationLoader, { token });
const accept = (who: Account | null, token: string) => post(who, `/brand/invitations/${token}`, {}, invitationAction, { token });

const reply = (w: World, who: Account, body = "Merci pour votre retour : nous vous rappelons aujourd’hui pour arranger cela.") =>
  post(
    who,
    `/brand/${w.company.slug}/reviews/${w.reviewId}`,
    { companyId: String(w.company.id), reviewId: String(w.reviewId), body },
    replyAction,
    { slug: w.company.slug, id: String(w.reviewId) },
  );

/** The token of the latest invitation mailed to `email`. */
function invitationToken(email: string) {
  const mail = outboxFor(email)
    .filter((m) => m.template === "member_invitation")
    .at(-1);
  if (!mail) throw new Error(`no invitation to ${email}`);
  const link = linksIn(mail.text).find((l) => l.includes("/brand/invitations/"))!;
  return new URL(link).pathname.split("/").at(-1)!;
}

let outsider: Account;
beforeAll(async () => {
  outsider = await account({ name: "Quelqu’un d’autre" });
});

describe("inviting an agent", () => {
  it("the owner invites an address: one mail in the chosen language, with a link; the invitation waits on the page; logged", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Invité" });
    const sent = await onMembers(w, w.owner, { intent: "invite", email: ` ${agent.email.toUpperCase()} `, locale: "en" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/brand/${w.company.slug}/members`);
    const [mail] = outboxFor(agent.email).filter((m) => m.template === "member_invitation");
    expect(mail!.subject).toBe(`Propriétaire ${slugs} invites you to answer for Maison Membres ${slugs} on Réplique`);
    expect(mail!.text).toContain("You will not be able to hide, edit or delete a review");
    expect(mail!.text).toContain(`${MEMBER_INVITATION_DAYS} days`);
    const token = invitationToken(agent.email);
    // Only the hash is kept.
    expect(JSON.stringify(client().prepare(`SELECT * FROM member_invitations`).all())).not.toContain(token);
    const page = await get(w.owner, `/brand/${w.company.slug}/members`, membersLoader, { slug: w.company.slug });
    expect(page.status).toBe(200);
    expect((page.data as { invitations: { email: string }[] }).invitations.map((i) => i.email)).toEqual([agent.email]);
    expect(eventsOf(w.company.id).map((e) => e.kind)).toEqual(["member_invited"]);
  });

  it("refuses a bad address next to the field, keeping what was typed; an existing member; an unverified company", async () => {
    const w = await world();
    const bad = await onMembers(w, w.owner, { intent: "invite", email: "pas-une-adresse", locale: "fr" });
    expect(bad.status).toBe(400);
    const result = (bad.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.email).toEqual(["members.error.email"]);
    expect(result.initialValue.email).toBe("pas-une-adresse");
    const member = await onMembers(w, w.owner, { intent: "invite", email: w.owner.email, locale: "fr" });
    expect(member.status).toBe(409);
    const claimed = await world("claimed");
    const before = writes();
    const unverified = await onMembers(claimed, claimed.owner, { intent: "invite", email: "agent@example.test", locale: "fr" });
    expect(unverified.status).toBe(409);
    expect(writes()).toEqual(before);
  });

  it("only an owner may invite, remove or hand over: agents, other companies' staff and anonymous visitors change nothing", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Simple" });
    addMember(w.company.id, agent.id, "agent");
    const other = await world();
    const before = writes();
    for (const who of [agent, other.owner, outsider]) {
      expect((await onMembers(w, who, { intent: "invite", email: "x@example.test", locale: "fr" })).status).toBe(403);
      expect((await onMembers(w, who, { intent: "remove", userId: String(w.owner.id) })).status).toBe(403);
      expect((await onMembers(w, who, { intent: "transfer", userId: String(who.id) })).status).toBe(403);
    }
    const anonymous = await onMembers(w, null, { intent: "invite", email: "x@example.test", locale: "fr" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(writes()).toEqual(before);
    // The agent reads the list; other companies' staff do not.
    expect((await get(agent, `/brand/${w.company.slug}/members`, membersLoader, { slug: w.company.slug })).status).toBe(200);
    expect((await get(other.owner, `/brand/${w.company.slug}/members`, membersLoader, { slug: w.company.slug })).status).toBe(403);
  });

  it("a company invites at most so many addresses a day", async () => {
    clearRateLimits();
    const w = await world();
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (await onMembers(w, w.owner, { intent: "invite", email: `agent-${i}@example.test`, locale: "fr" })).status;
    expect(last).toBe(429);
    expect(outboxFor("agent-20@example.test")).toEqual([]);
    clearRateLimits();
  });
});

describe("accepting an invitation", () => {
  it("the invited address accepts once and answers reviews; the link then says it was used", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Accepté" });
    await onMembers(w, w.owner, { intent: "invite", email: agent.email, locale: "fr" });
    const token = invitationToken(agent.email);

    // Signed out: the page says whom it was sent to (masked) and how to sign in.
    const anonymous = await openInvitation(null, token);
    expect(anonymous.status).toBe(200);
    expect((anonymous.data as { invitation: { email: string; state: string } }).invitation).toMatchObject({
      email: maskEmail(agent.email),
      state: "open",
    });
    expect((await accept(null, token)).location).toMatch(/^\/login\?redirectTo=%2Fbrand%2Finvitations%2F/);
    // Another account cannot take it.
    const before = writes();
    expect((await accept(outsider, token)).status).toBe(403);
    expect(writes()).toEqual(before);
    expect((await reply(w, agent)).status).toBe(403);

    const joined = await accept(agent, token);
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(`/brand/${w.company.slug}`);
    expect(membersOf(w.company.id)).toContainEqual({ userId: agent.id, role: "agent" });
    expect(eventsOf(w.company.id).at(-1)).toMatchObject({ kind: "member_added", actorId: agent.id });
    expect((await reply(w, agent)).status).toBe(302);
    expect((await accept(agent, token)).status).toBe(409);
    expect(((await openInvitation(agent, token)).data as { invitation: { state: string } }).invitation.state).toBe("used");
  });

  it("an expired, replaced or withdrawn link does nothing; an unknown one is a 404", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Tardif" });
    const invited = inviteMember({ companyId: w.company.id, actorId: w.owner.id, email: agent.email, locale: "fr" });
    if (!invited.ok) throw new Error(invited.kind);
    const first = invitationToken(agent.email);
    expect(acceptInvitation({ token: first, userId: agent.id, now: Date.now() + (MEMBER_INVITATION_DAYS + 1) * DAY })).toEqual({
      ok: false,
      kind: "expired",
    });
    // A new invitation replaces it.
    await onMembers(w, w.owner, { intent: "invite", email: agent.email, locale: "fr" });
    const second = invitationToken(agent.email);
    expect((await accept(agent, first)).status).toBe(410);
    // Withdrawn by the owner.
    const pending = client().prepare(`SELECT id FROM member_invitations WHERE company_id = ? AND status = 'pending'`).get(w.company.id) as {
      id: number;
    };
    expect((await onMembers(w, w.owner, { intent: "revoke", invitationId: String(pending.id) })).status).toBe(302);
    expect((await accept(agent, second)).status).toBe(410);
    expect(membersOf(w.company.id).map((m) => m.userId)).toEqual([w.owner.id]);
    expect((await openInvitation(agent, "nope")).status).toBe(404);
    expect((await accept(agent, "nope")).status).toBe(404);
    expect(eventsOf(w.company.id).map((e) => e.kind)).toEqual(["member_invited", "member_invited", "invitation_revoked"]);
  });
});

describe("removing a member and handing the ownership over", () => {
  it("a removed agent's next reply is refused, and nothing is written", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Retiré" });
    addMember(w.company.id, agent.id, "agent");
    expect((await reply(w, agent)).status).toBe(302);
    const removed = await onMembers(w, w.owner, { intent: "remove", userId: String(agent.id) });
    expect(removed.status).toBe(302);
    expect(eventsOf(w.company.id).at(-1)).toMatchObject({ kind: "member_removed", actorId: w.owner.id });
    const before = writes();
    expect((await reply(w, agent, "Une seconde réponse qui ne doit jamais paraître sous l’avis.")).status).toBe(403);
    expect(writes()).toEqual(before);
    // The owner cannot remove themself.
    expect((await onMembers(w, w.owner, { intent: "remove", userId: String(w.owner.id) })).status).toBe(409);
  });

  it("hands the ownership over to an agent, who becomes the owner; the former owner is an agent", async () => {
    const w = await world();
    const agent = await account({ name: "Future Propriétaire" });
    addMember(w.company.id, agent.id, "agent");
    expect((await onMembers(w, w.owner, { intent: "transfer", userId: String(agent.id) })).status).toBe(302);
    expect(membersOf(w.company.id)).toEqual(
      [
        { userId: w.owner.id, role: "agent" },
        { userId: agent.id, role: "owner" },
      ].sort((a, b) => a.userId - b.userId),
    );
    expect(eventsOf(w.company.id).at(-1)).toMatchObject({ kind: "ownership_transferred" });
    // Now the former owner is refused, and the new one may remove them.
    expect((await onMembers(w, w.owner, { intent: "remove", userId: String(agent.id) })).status).toBe(403);
    expect((await onMembers(w, agent, { intent: "remove", userId: String(w.owner.id) })).status).toBe(302);
    expect(membersOf(w.company.id)).toEqual([{ userId: agent.id, role: "owner" }]);
  });
});

describe("the invitation mail's promise: “You will not be able to hide, edit or delete a review: nobody can”", () => {
  it("an agent (and the owner) who edits or deletes the company's review is refused, and nothing is written", async () => {
    const w = await world();
    const agent = await account({ name: "Agent Curieux" });
    addMember(w.company.id, agent.id, "agent");
    const before = writes();
    const review = () => client().prepare(`SELECT status, title, body, stars FROM reviews WHERE id = ?`).get(w.reviewId);
    const was = review();
    for (const who of [agent, w.owner]) {
      const path = `/reviews/${w.reviewId}`;
      const params = { id: String(w.reviewId) };
      const edit = await post(
        who,
        `${path}/edit`,
        { stars: "5", title: "Parfait", body: "Tout était parfait, vraiment." },
        editReviewAction,
        params,
      );
      expect(edit.status).toBe(403);
      expect((await post(who, `${path}/delete`, { confirm: "on" }, deleteReviewAction, params)).status).toBe(403);
    }
    expect(review()).toEqual(was);
    expect(writes()).toEqual(before);
  });
});
