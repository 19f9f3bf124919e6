// The claim page and "Add your company" rendered (jsdom): labelled fields with their hints
// and errors tied by aria-describedby, what was typed kept after the action's answer, the
// right step for each state of the company, in both languages; the status line of the
// company header.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompanyHeader } from "~/components/CompanyHeader";
import type { ClaimPageData } from "~/models/company-claims.server";
import type { CompanyView } from "~/models/companies.server";
import ClaimPage from "~/routes/companies.$slug.claim";
import NewCompanyPage from "~/routes/companies.new";

afterEach(cleanup);

const company: ClaimPageData["company"] = {
  id: 4,
  slug: "rayure-marine",
  name: "Rayure Marine",
  domain: "rayuremarine.fr",
  state: "unclaimed",
  claimedAt: null,
  verifiedAt: null,
};

type Data = Record<string, unknown> | null;

function stub(locale: "fr" | "en", path: string, page: { Component: () => JSX.Element; loader: () => Data; action?: () => Data }) {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [{ path: path.slice(1), loader: page.loader, action: page.action ?? (() => null), Component: page.Component }],
    },
  ]);
  return render(<Stub initialEntries={[path]} />);
}

function claimPage(locale: "fr" | "en", data: Partial<ClaimPageData>, actionData: Data = null) {
  const page: ClaimPageData = { company, verifiable: true, memberRole: null, pending: null, evidenceClaim: null, ...data };
  return stub(locale, "/companies/rayure-marine/claim", { Component: ClaimPage, loader: () => ({ ...page }), action: () => actionData });
}

describe("the claim page", () => {
  it("asks for an address at the company's domain, the hint tied to the field", async () => {
    claimPage("en", {});
    const field = await screen.findByLabelText("Your work address");
    expect(field.getAttribute("type")).toBe("email");
    expect(field.hasAttribute("required")).toBe(true);
    const hint = document.getElementById(field.getAttribute("aria-describedby")!.split(" ")[0]!);
    expect(hint?.textContent).toContain("@rayuremarine.fr");
    expect(screen.getByRole("heading", { level: 2, name: "Get a code at an address of rayuremarine.fr" })).toBeTruthy();
    expect(screen.queryByLabelText("The 6-digit code")).toBeNull();
  });

  it("shows the code form once a code was sent, then the other address form", async () => {
    claimPage("fr", { pending: { id: 9, email: "direction@rayuremarine.fr", expiresAt: Date.UTC(2026, 2, 10, 10, 30) } });
    const code = await screen.findByLabelText("Le code à 6 chiffres");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.hasAttribute("pattern")).toBe(false);
    expect((document.querySelector('input[name="claim"]') as HTMLInputElement).value).toBe("9");
    expect(screen.getByText(/Nous avons envoyé un code à direction@rayuremarine\.fr/).textContent).toContain("11:30");
    expect(screen.getByRole("heading", { level: 2, name: "Recevoir un nouveau code, ou utiliser une autre adresse" })).toBeTruthy();
  });

  it("says who manages a verified company, and offers no form", async () => {
    claimPage("en", { company: { ...company, state: "verified", verifiedAt: 1 } });
    expect(await screen.findByText(/already verified by its team/)).toBeTruthy();
    expect(screen.queryByLabelText("Your work address")).toBeNull();
  });

  it("says so when the company has no domain to send a code to", async () => {
    claimPage("en", { verifiable: false, company: { ...company, domain: null } });
    expect(await screen.findByText(/has no domain we can send a code to/)).toBeTruthy();
    expect(screen.queryByLabelText("Your work address")).toBeNull();
  });
});

describe("“Add your company”", () => {
  it("labels its fields, in both languages", async () => {
    const loader = () => ({ categories: [{ id: 3, slug: "food", nameFr: "Alimentation", nameEn: "Food" }] });
    stub("en", "/companies/new", { Component: NewCompanyPage, loader });
    expect(await screen.findByLabelText("Company name")).toBeTruthy();
    const website = screen.getByLabelText("Website or domain");
    expect(website.getAttribute("aria-describedby")).toBe(`${website.id}-hint`);
    expect(screen.getByRole("option", { name: "Food" })).toBeTruthy();
    cleanup();
    stub("fr", "/companies/new", { Component: NewCompanyPage, loader });
    expect(await screen.findByLabelText("Nom de l’entreprise")).toBeTruthy();
    expect(screen.getByRole("option", { name: "Alimentation" })).toBeTruthy();
  });
});

describe("the company header", () => {
  const view: CompanyView = {
    id: 1,
    slug: "rayure-marine",
    name: "Rayure Marine",
    domain: "rayuremarine.fr",
    website: "https://www.rayuremarine.fr",
    descriptionFr: null,
    descriptionEn: null,
    country: "FR",
    color: null,
    state: "verified",
    claimedAt: Date.UTC(2025, 4, 1, 10),
    verifiedAt: Date.UTC(2025, 4, 3, 10),
    categories: [],
  };
  const header = (locale: "fr" | "en", c: CompanyView) =>
    stub(locale, "/companies/rayure-marine", { Component: () => <CompanyHeader company={c} />, loader: () => null });

  it("says since when it is verified, and offers no claim", async () => {
    header("en", view);
    expect(await screen.findByText("Verified since 3 May 2025")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Is this your company?" })).toBeNull();
  });

  it("says since when it is claimed, and that it can still be claimed (fr)", async () => {
    header("fr", { ...view, state: "claimed", verifiedAt: null });
    expect(await screen.findByText("Revendiquée depuis le 1 mai 2025, pas encore vérifiée")).toBeTruthy();
    expect(screen.getByRole("link", { name: "C’est votre entreprise\u202F?" }).getAttribute("href")).toBe("/companies/rayure-marine/claim");
  });
});
