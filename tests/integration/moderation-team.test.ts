// /moderation/team: admins grant or revoke the moderator role by email address; each change
// is a row of the append-only moderation log and the person is told; nobody else may.
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { getTransparencyReport } from "~/models/transparency.server";
import { action, loader } from "~/routes/moderation.team";
import { account, callAction, callLoader, getRequest, outboxFor, postRequest } from "../support/fixtures";

const client = () => getDb().$client;
const NOTE = "Rejoint l’équipe pour les avis en anglais.";
const role = (id: number) => (client().prepare(`SELECT role FROM users WHERE id = ?`).get(id) as { role: string }).role;
const log = () =>
  client()
    .prepare(
      `SELECT actor_id AS actorId, target_type AS targetType, target_id AS targetId, decision, statement FROM moderation_decisions WHERE target_type = 'user' ORDER BY id`,
    )
    .all();

describe("/moderation/team", () => {
  it("is for admins only: moderators, members and visitors are refused and nothing changes", async () => {
    const person = await account();
    for (const who of [await account({ role: "moderator" }), await account()]) {
      expect((await callLoader(loader, getRequest("/moderation/team", { cookie: who.cookie }))).status).toBe(403);
      const answer = await callAction(
        action,
        postRequest("/moderation/team", { intent: "grant", email: person.email, statement: NOTE }, { cookie: who.cookie }),
      );
      expect(answer.status).toBe(403);
    }
    const anonymous = await callAction(action, postRequest("/moderation/team", { intent: "grant", email: person.email, statement: NOTE }));
    expect(anonymous.location).toMatch(/^\/login/);
    expect(role(person.id)).toBe("member");
    expect(log()).toEqual([]);
  });

  it("grants and revokes the moderator role, each a logged decision, the person told", async () => {
    const admin = await account({ role: "admin" });
    const person = await account();
    const granted = await callAction(
      action,
      postRequest("/moderation/team", { intent: "grant", email: person.email.toUpperCase(), statement: NOTE }, { cookie: admin.cookie }),
    );
    expect(granted.status).toBe(302);
    expect(role(person.id)).toBe("moderator");
    const page = await callLoader(loader, getRequest("/moderation/team", { cookie: admin.cookie }));
    expect((page.data as { team: { id: number; role: string }[] }).team).toContainEqual(
      expect.objectContaining({ id: person.id, role: "moderator" }),
    );
    expect(outboxFor(person.email).at(-1)!.subject).toBe("You are now a moderator on Réplique");

    const why = "Ne modère plus depuis trois mois.";
    const revoked = await callAction(
      action,
      postRequest("/moderation/team", { intent: "revoke", email: person.email, statement: why }, { cookie: admin.cookie }),
    );
    expect(revoked.status).toBe(302);
    expect(role(person.id)).toBe("member");
    expect(log()).toEqual([
      { actorId: admin.id, targetType: "user", targetId: person.id, decision: "grant_moderator", statement: NOTE },
      { actorId: admin.id, targetType: "user", targetId: person.id, decision: "revoke_moderator", statement: why },
    ]);
    expect(outboxFor(person.email).at(-1)!.text).toContain(why);
    // Staff changes are not moderation decisions: /transparency leaves them out.
    const report = getTransparencyReport();
    expect(report.total.decisions.byReasonOutcome.some((d) => d.outcome.endsWith("_moderator"))).toBe(false);
  });

  it("answers with the reason, next to the field, and changes nothing", async () => {
    const admin = await account({ role: "admin" });
    const other = await account({ role: "admin" });
    const before = log().length;
    const post = (fields: Record<string, string>) => callAction(action, postRequest("/moderation/team", fields, { cookie: admin.cookie }));
    const unknown = await post({ intent: "grant", email: "nobody@example.test", statement: NOTE });
    expect(unknown.status).toBe(400);
    const result = (unknown.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.email).toEqual(["team.error.no_such_user"]);
    expect(result.initialValue.statement).toBe(NOTE);
    expect((await post({ intent: "revoke", email: other.email, statement: NOTE })).status).toBe(409); // an admin
    const member = await account();
    expect((await post({ intent: "revoke", email: member.email, statement: NOTE })).status).toBe(409); // not a moderator
    const short = await post({ intent: "grant", email: member.email, statement: "ok" });
    expect((short.data as { result: { error: Record<string, string[]> } }).result.error.statement).toEqual(["team.error.statement"]);
    expect(role(member.id)).toBe("member");
    expect(log()).toHaveLength(before);
  });
});
