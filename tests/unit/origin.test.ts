// The origin check of server.ts: which origin is the site's, and which mutations pass.
import { describe, expect, it } from "vitest";
import { isSameOriginMutation, requestSiteOrigin, siteOrigin } from "~/lib/origin.server";

const headers = (h: Record<string, string>) => new Headers(h);

describe("siteOrigin", () => {
  it("believes X-Forwarded-Host/-Proto only with TRUST_PROXY", () => {
    const h = headers({ host: "internal:3000", "x-forwarded-host": "replique.example", "x-forwarded-proto": "https" });
    expect(siteOrigin(h, "http", { trustProxy: false })).toBe("http://internal:3000");
    expect(siteOrigin(h, "http", { trustProxy: true })).toBe("https://replique.example");
  });

  it("SITE_URL wins when set", () => {
    const h = headers({ host: "evil.example" });
    expect(siteOrigin(h, "http", { siteUrl: "https://replique.example/x" })).toBe("https://replique.example");
    expect(requestSiteOrigin(new Request("http://evil.example/login"), "https://replique.example")).toBe("https://replique.example");
  });
});

describe("isSameOriginMutation", () => {
  const site = "https://replique.example";
  it("GET, HEAD and OPTIONS (a CORS preflight, answered by loaders) always pass; every other method needs the site's Origin or Sec-Fetch-Site: same-origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(isSameOriginMutation(method, headers({ origin: "https://evil.example" }), site)).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isSameOriginMutation(method, headers({ origin: site }), site)).toBe(true);
      expect(isSameOriginMutation(method, headers({ "sec-fetch-site": "same-origin" }), site)).toBe(true);
      expect(isSameOriginMutation(method, headers({ origin: "https://evil.example" }), site)).toBe(false);
      expect(isSameOriginMutation(method, headers({ origin: "null" }), site)).toBe(false);
      expect(isSameOriginMutation(method, headers({}), site)).toBe(false);
      expect(isSameOriginMutation(method, headers({ "sec-fetch-site": "same-site" }), site)).toBe(false);
      // An Origin that is present but wrong is refused even with Sec-Fetch-Site: same-origin.
      expect(isSameOriginMutation(method, headers({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }), site)).toBe(false);
    }
  });
});
