// The rule of automatic verification: an address proves it speaks for a company when the
// part after "@" is the company's domain or a subdomain of it, and never at a free-mail
// domain. Look-alikes, case, trailing dots, IDN and free mail under any country ending.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimCodeSchema, claimEmailSchema, newCompanySchema } from "~/lib/company-claim-form";
import {
  canVerifyByMail,
  companyDomainFrom,
  emailDomain,
  emailMatchesCompanyDomain,
  FREE_MAIL_DOMAINS,
  isFreeMailDomain,
  normalizeHost,
} from "~/lib/company-domain";

describe("emailMatchesCompanyDomain", () => {
  it.each([
    ["anne@example.com", "example.com"],
    ["anne@shop.example.com", "example.com"],
    ["anne@a.b.example.com", "example.com"],
    ["Anne@EXAMPLE.COM", "example.com"],
    ["anne@example.com", "EXAMPLE.com"],
    ["anne@example.com.", "example.com"],
    ["anne@example.com", "example.com."],
    ["  anne@example.com  ", "example.com"],
    ["anne@maison-lumiere.fr", "maison-lumiere.fr"],
    ["anne@exämple.fr", "xn--exmple-cua.fr"],
    ["anne@xn--exmple-cua.fr", "exämple.fr"],
    ["anne@example.co.uk", "example.co.uk"],
  ])("%s speaks for %s", (email, domain) => {
    expect(emailMatchesCompanyDomain(email, domain)).toBe("ok");
  });

  it.each([
    ["anne@evilexample.com", "example.com"],
    ["anne@example.com.evil.com", "example.com"],
    ["anne@example.co", "example.com"],
    ["anne@example.com-evil.com", "example.com"],
    ["anne@exаmple.com", "example.com"], // a Cyrillic "а"
    ["anne@com", "example.com"],
    ["anne@other.fr", "example.com"],
    ["anne@shop.example.com", "other.example.com"], // a sibling subdomain
    ["anne@example.com", "shop.example.com"], // the parent of the company's domain
  ])("%s does not speak for %s", (email, domain) => {
    expect(emailMatchesCompanyDomain(email, domain)).not.toBe("ok");
  });

  it("says which rule failed", () => {
    expect(emailMatchesCompanyDomain("anne@evilexample.com", "example.com")).toBe("other_domain");
    expect(emailMatchesCompanyDomain("not an address", "example.com")).toBe("invalid");
    expect(emailMatchesCompanyDomain("anne@", "example.com")).toBe("invalid");
    expect(emailMatchesCompanyDomain("@example.com", "example.com")).toBe("invalid");
    expect(emailMatchesCompanyDomain("anne@127.0.0.1", "example.com")).toBe("invalid");
    expect(emailMatchesCompanyDomain("anne@example.com", null)).toBe("no_domain");
    expect(emailMatchesCompanyDomain("anne@example.com", "")).toBe("no_domain");
  });

  it("never lets free mail qualify, even when it is the company's own domain", () => {
    for (const [email, domain] of [
      ["anne@gmail.com", "gmail.com"],
      ["anne@orange.fr", "orange.fr"],
      ["anne@free.fr", "free.fr"],
      ["anne@laposte.net", "laposte.net"],
      ["anne@sfr.fr", "sfr.fr"],
      ["anne@icloud.com", "icloud.com"],
      ["anne@protonmail.com", "protonmail.com"],
      ["anne@hotmail.fr", "hotmail.fr"],
      ["anne@yahoo.co.uk", "yahoo.co.uk"],
      ["anne@GMAIL.COM.", "gmail.com"],
    ]) {
      expect(emailMatchesCompanyDomain(email!, domain), email).toBe("free_mail");
    }
    expect(emailMatchesCompanyDomain("anne@gmail.com", "example.com")).toBe("free_mail");
  });

  it("a company whose domain is free mail cannot be verified by mail at all", () => {
    expect(canVerifyByMail("orange.fr")).toBe(false);
    expect(canVerifyByMail("hotmail.com")).toBe(false);
    expect(canVerifyByMail("co.uk")).toBe(false);
    expect(canVerifyByMail(null)).toBe(false);
    expect(canVerifyByMail("maison-lumiere.fr")).toBe(true);
    // Even an address at a subdomain of a free-mail company domain.
    expect(emailMatchesCompanyDomain("anne@pro.orange.fr", "orange.fr")).toBe("free_mail");
  });

  it("holds for any subdomain and refuses any glued prefix (property)", () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 3 }), label, (subs, glued) => {
        const domain = "maison-exemple.fr";
        const email = `x@${[...subs, domain].join(".")}`;
        expect(emailMatchesCompanyDomain(email, domain)).toBe("ok");
        expect(emailMatchesCompanyDomain(`x@${glued}${domain}`, domain)).toBe("other_domain");
      }),
    );
  });
});

describe("isFreeMailDomain", () => {
  it("knows the listed providers and their subdomains", () => {
    for (const domain of FREE_MAIL_DOMAINS) expect(isFreeMailDomain(domain), domain).toBe(true);
    expect(isFreeMailDomain("mail.gmail.com")).toBe(true);
    expect(isFreeMailDomain("Orange.FR.")).toBe(true);
  });

  it("knows hotmail.*, yahoo.*, gmx.* under any ending", () => {
    for (const domain of [
      "hotmail.com",
      "hotmail.fr",
      "hotmail.co.uk",
      "yahoo.fr",
      "yahoo.com",
      "yahoo.co.jp",
      "fr.yahoo.com",
      "gmx.de",
      "gmx.fr",
      "gmx.net",
    ]) {
      expect(isFreeMailDomain(domain), domain).toBe(true);
    }
  });

  it("does not see free mail in a company that merely contains a provider's name", () => {
    for (const domain of [
      "gmailcleaning.fr",
      "orange-bleue.fr",
      "free-lance.com",
      "myhotmail-tools.com",
      "yahoo.example-agency.com",
      "example.com",
    ]) {
      expect(isFreeMailDomain(domain), domain).toBe(false);
    }
  });
});

describe("normalizeHost, emailDomain and companyDomainFrom", () => {
  it("normalises case, trailing dots and IDN", () => {
    expect(normalizeHost("Example.COM.")).toBe("example.com");
    expect(normalizeHost("exämple.fr")).toBe("xn--exmple-cua.fr");
    expect(emailDomain("a@b@Example.com")).toBe("example.com");
  });

  it("refuses what is not a host name", () => {
    for (const input of [
      "",
      "localhost",
      "com",
      "1.2.3.4",
      "[::1]",
      "exa mple.com",
      "-bad.com",
      "a..b.com",
      "example.com/x",
      "a@b.com",
      "example.123",
    ]) {
      expect(normalizeHost(input), input).toBeNull();
    }
  });

  it("reads a domain from a URL or a bare domain, without www", () => {
    expect(companyDomainFrom("https://www.Example.com/shop?x=1")).toEqual({ domain: "example.com" });
    expect(companyDomainFrom("http://example.com")).toEqual({ domain: "example.com" });
    expect(companyDomainFrom("www.example.com")).toEqual({ domain: "example.com" });
    expect(companyDomainFrom("example.com/contact")).toEqual({ domain: "example.com" });
    expect(companyDomainFrom("shop.example.com")).toEqual({ domain: "shop.example.com" });
    expect(companyDomainFrom("example.co.uk")).toEqual({ domain: "example.co.uk" });
  });

  it("refuses free mail, bare endings and odd URLs", () => {
    expect(companyDomainFrom("gmail.com")).toEqual({ problem: "free_mail" });
    expect(companyDomainFrom("https://www.orange.fr")).toEqual({ problem: "free_mail" });
    expect(companyDomainFrom("co.uk")).toEqual({ problem: "invalid" });
    expect(companyDomainFrom("ftp://example.com")).toEqual({ problem: "invalid" });
    expect(companyDomainFrom("https://user:pw@example.com")).toEqual({ problem: "invalid" });
    expect(companyDomainFrom("https://example.com:8080")).toEqual({ problem: "invalid" });
    expect(companyDomainFrom("not a site")).toEqual({ problem: "invalid" });
  });
});

describe("the form schemas", () => {
  it("the claim address must be at the company's domain", () => {
    const schema = claimEmailSchema("example.com");
    expect(schema.safeParse({ email: " Anne@Shop.Example.com " })).toMatchObject({
      success: true,
      data: { email: "anne@shop.example.com" },
    });
    const message = (email: string | undefined) => schema.safeParse({ email }).error?.issues[0]?.message;
    expect(message("anne@gmail.com")).toBe("companies.error.freeMail");
    expect(message("anne@evilexample.com")).toBe("companies.error.otherDomain");
    expect(message("nope")).toBe("companies.error.email");
    expect(message(undefined)).toBe("companies.error.emailRequired");
  });

  it("the code: six digits, spaces forgiven", () => {
    expect(claimCodeSchema.safeParse({ claim: "3", code: "123 456" })).toMatchObject({ success: true, data: { claim: 3, code: "123456" } });
    expect(claimCodeSchema.safeParse({ claim: "3", code: "12345" }).error?.issues[0]?.message).toBe("companies.error.codeFormat");
    expect(claimCodeSchema.safeParse({ claim: "x", code: "123456" }).error?.issues[0]?.message).toBe("companies.error.stale");
  });

  it("a new company: name, a website that is not free mail, a category", () => {
    expect(newCompanySchema.safeParse({ name: "  Maison   Garance ", website: "maisongarance.fr", category: "2" })).toMatchObject({
      success: true,
      data: { name: "Maison Garance", website: "maisongarance.fr", category: 2 },
    });
    const issues = newCompanySchema.safeParse({ name: "!", website: "gmail.com" }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["name", "companies.error.nameShort"],
      ["website", "companies.error.websiteFreeMail"],
      ["category", "companies.error.category"],
    ]);
  });
});
