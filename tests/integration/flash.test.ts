// The one-shot message cookie: signed, Secure over HTTPS only, and ignored when tampered with.
// The root loader sends its message as text in the page's language (the page that set it
// is another route, whose messages the browser has not loaded: README "Messages in the browser").
import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "~/env.server";
import { translate } from "~/i18n";
import { flashCookie, readFlash } from "~/lib/flash.server";
import { loader as rootLoader } from "~/root";

const request = (url: string, cookie?: string) => new Request(url, cookie ? { headers: { Cookie: cookie } } : {});

afterEach(() => {
  delete process.env.SITE_URL;
  resetEnv();
});

describe("flash cookie", () => {
  it("carries a message key to the next page, and the next page clears it", async () => {
    const set = await flashCookie(request("http://localhost/login"), "logout.done");
    expect(set).toMatch(/^flash=[^;]+; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax$/);
    const read = await readFlash(request("http://localhost/", set.split(";")[0]));
    expect(read.key).toBe("logout.done");
    expect(read.clear).toMatch(/^flash=; Max-Age=0;/);
  });

  it("is signed: a cookie written by someone else is ignored", async () => {
    const set = await flashCookie(request("http://localhost/login"), "logout.done");
    const forged = `flash=${encodeURIComponent(`${Buffer.from(JSON.stringify("reset.done")).toString("base64")}.${"A".repeat(43)}`)}`;
    expect((await readFlash(request("http://localhost/", set.split(";")[0]))).key).toBe("logout.done");
    expect((await readFlash(request("http://localhost/", forged))).key).toBeNull();
    expect((await readFlash(request("http://localhost/", `flash=${encodeURIComponent(JSON.stringify("reset.done"))}`))).key).toBeNull();
  });

  it("is Secure when the site is served over HTTPS, and not over plain HTTP", async () => {
    expect(await flashCookie(request("http://localhost/"), "logout.done")).not.toMatch(/Secure/);
    process.env.SITE_URL = "https://replique.example";
    resetEnv();
    expect(await flashCookie(request("http://localhost/"), "logout.done")).toMatch(/; Secure(;|$)/);
  });

  it("reaches the page as text in its language, translated by the root loader, not as a key", async () => {
    const set = await flashCookie(request("http://localhost/login"), "logout.done");
    const cookie = set.split(";")[0];
    for (const locale of ["fr", "en"] as const) {
      const answer = await rootLoader({ request: request(`http://localhost/?lang=${locale}`, cookie), params: {}, context: {} });
      expect(answer.data.flash).toBe(translate(locale, "logout.done"));
      expect(answer.data.flash).not.toBe("logout.done");
    }
  });
});
