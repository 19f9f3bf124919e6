// The guards, for every role: anonymous, member, suspended, moderator, admin, company agent and owner.
import { describe, expect, it } from "vitest";
import {
  getUser,
  requireAnonymous,
  requireCompanyMember,
  requireRole,
  requireUser,
  sessionCookieUpdate,
} from "~/models/permissions.server";
import { account, addMember, getRequest, makeCompany, outcome } from "../support/fixtures";

const as = (role: "member" | "moderator" | "admin", options: { suspended?: boolean } = {}) => account({ role, ...options });
const req = (path: string, cookie?: string) => getRequest(path, cookie ? { cookie } : {});

describe("requireUser", () => {
  it("redirects anonymous visitors to the log-in page, back here afterwards", async () => {
    const res = await outcome(() => requireUser(req("/write-a-review?subject=12")));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fwrite-a-review%3Fsubject%3D12");
  });

  it("returns the signed-in user and refuses suspended ones with 403", async () => {
    const member = await as("member");
    expect(requireUser(req("/", member.cookie)).id).toBe(member.id);
    const suspended = await as("member", { suspended: true });
    expect((await outcome(() => requireUser(req("/", suspended.cookie)))).status).toBe(403);
    expect(requireUser(req("/", suspended.cookie), { allowSuspended: true }).id).toBe(suspended.id);
  });

  it("a forged or unknown cookie is anonymous, and the root clears it", async () => {
    const member = await as("member");
    const forged = member.cookie.slice(0, -2) + "aa";
    expect(getUser(req("/", forged))).toBeNull();
    expect(sessionCookieUpdate(req("/", forged))).toMatch(/^replique_session=; .*Max-Age=0/);
    expect(sessionCookieUpdate(req("/", member.cookie))).toBeNull();
  });
});

describe("requireAnonymous", () => {
  it("lets anonymous visitors through and sends signed-in ones on", async () => {
    expect(requireAnonymous(req("/login"))).toBeUndefined();
    const member = await as("member");
    const res = await outcome(() => requireAnonymous(req("/login?redirectTo=/account", member.cookie)));
    expect(res.location).toBe("/account");
  });
});

describe("requireRole", () => {
  it("moderator: moderators and admins only", async () => {
    expect((await outcome(() => requireRole(req("/moderation"), "moderator"))).status).toBe(302);
    expect((await outcome(async () => requireRole(req("/moderation", (await as("member")).cookie), "moderator"))).status).toBe(403);
    expect(requireRole(req("/moderation", (await as("moderator")).cookie), "moderator").role).toBe("moderator");
    expect(requireRole(req("/moderation", (await as("admin")).cookie), "moderator").role).toBe("admin");
    expect(
      (await outcome(async () => requireRole(req("/moderation", (await as("moderator", { suspended: true })).cookie), "moderator"))).status,
    ).toBe(403);
  });

  it("admin: admins only", async () => {
    expect((await outcome(async () => requireRole(req("/admin", (await as("moderator")).cookie), "admin"))).status).toBe(403);
    expect(requireRole(req("/admin", (await as("admin")).cookie), "admin").role).toBe("admin");
  });
});

describe("requireCompanyMember", () => {
  it("members of the company only; owners when asked; no pass for moderators or admins", async () => {
    const companyId = makeCompany().id;
    const other = makeCompany().id;
    const agent = await as("member");
    const owner = await as("member");
    addMember(companyId, agent.id, "agent");
    addMember(companyId, owner.id, "owner");

    expect((await outcome(() => requireCompanyMember(req("/brand"), companyId))).status).toBe(302);
    expect(requireCompanyMember(req("/brand", agent.cookie), companyId)).toMatchObject({ memberRole: "agent" });
    expect((await outcome(() => requireCompanyMember(req("/brand", agent.cookie), companyId, "owner"))).status).toBe(403);
    expect(requireCompanyMember(req("/brand", owner.cookie), companyId, "owner").user.id).toBe(owner.id);
    expect((await outcome(() => requireCompanyMember(req("/brand", owner.cookie), other))).status).toBe(403);
    expect((await outcome(async () => requireCompanyMember(req("/brand", (await as("admin")).cookie), companyId))).status).toBe(403);
    expect((await outcome(async () => requireCompanyMember(req("/brand", (await as("moderator")).cookie), companyId))).status).toBe(403);
  });
});
