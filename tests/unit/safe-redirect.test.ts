// X5: every redirectTo goes through safeRedirect(); only paths on this site pass.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect (X5)", () => {
  it.each([
    "//evil.com",
    "/\\evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "%2F%2Fevil.com",
    "/%2F%2Fevil.com".replace("/", ""),
    "\\\\evil.com",
    "/\t/evil.com",
    " //evil.com",
    "http:evil.com",
    "/%5Cevil.com",
    "/%2Fevil.com",
    "",
    // Dot segments that normalise to a protocol-relative URL.
    "/..//evil.com",
    "/.//evil.com",
    "/./..//evil.com",
    "/a/../..//evil.com",
    "/%2e%2e//evil.com",
    "/%2E//evil.com",
    "/.%2e//evil.com",
    "/..%2F%2Fevil.com",
    "/%252e%252e//evil.com",
    "/..%5Cevil.com",
  ])("sends %j to /", (value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  it("returns the normalised path, which a browser follows without leaving the site", () => {
    expect(safeRedirect("/a/./b/../c")).toBe("/a/c");
    expect(safeRedirect("/..")).toBe("/");
    for (const value of ["/..//evil.com", "/.//evil.com", "/%2e%2e//evil.com"]) {
      const target = new URL(safeRedirect(value), "https://replique.example");
      expect(target.host).toBe("replique.example");
    }
  });

  it("uses the fallback given", () => {
    expect(safeRedirect("//evil.com", "/account")).toBe("/account");
    expect(safeRedirect(null, "/account")).toBe("/account");
    expect(safeRedirect(undefined)).toBe("/");
  });

  it("keeps paths on the site, with their query and hash", () => {
    expect(safeRedirect("/account")).toBe("/account");
    expect(safeRedirect("/companies/cafe-lumiere?stars=1#reviews")).toBe("/companies/cafe-lumiere?stars=1#reviews");
    expect(safeRedirect("/search?q=caf%C3%A9")).toBe("/search?q=caf%C3%A9");
  });

  it("what URLSearchParams decodes from a login link is checked too", () => {
    for (const raw of ["%2F%2Fevil.com", "https%3A%2F%2Fevil.com", "%2F%5Cevil.com"]) {
      const value = new URLSearchParams(`redirectTo=${raw}`).get("redirectTo");
      expect(safeRedirect(value)).toBe("/");
    }
  });
});
