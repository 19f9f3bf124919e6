// The demo accounts seeded by scripts/seed.ts log in with their documented password.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import * as accountRoute from "~/routes/account._index";
import * as loginRoute from "~/routes/login";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../../scripts/seed";
import { callAction, callLoader, getRequest, postRequest, sessionCookieFrom } from "../support/fixtures";

beforeAll(async () => {
  await seedDemo(getDb());
}, 120_000);

describe("demo accounts", () => {
  it("the documented password is replique-demo", () => {
    expect(DEMO_PASSWORD).toBe("replique-demo");
    expect(DEMO_ACCOUNTS.map((a) => a.email).sort()).toEqual(
      ["admin@example.com", "brand@example.com", "moderator@example.com", "reader@example.com"].sort(),
    );
  });

  it.each(["reader@example.com", "brand@example.com", "moderator@example.com", "admin@example.com"])(
    "%s logs in and reaches the account page",
    async (email) => {
      const res = await callAction(
        loginRoute.action,
        postRequest("/login", { email, password: "replique-demo" }),
        `192.0.2.${email.length}`,
      );
      expect(res.status).toBe(302);
      const cookie = sessionCookieFrom(res.headers)!;
      expect(cookie).toBeTruthy();
      const account = await callLoader(accountRoute.loader, getRequest("/account", { cookie }));
      expect(account.status).toBe(200);
      expect((account.data as { account: { email: string } }).account.email).toBe(email);
      const wrong = await callAction(loginRoute.action, postRequest("/login", { email, password: "replique-demo!" }), "192.0.2.250");
      expect(wrong.status).toBe(400);
    },
  );
});
