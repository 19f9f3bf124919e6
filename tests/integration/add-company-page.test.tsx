// /write-a-review/new rendered (jsdom): the company's fields before the review's, labelled,
// in both languages, starting with the name typed in the search; after a "company already
// there" answer, the errors next to their fields, what was typed still there, the kept photo
// and the link to the existing company (the action's answer itself: add-company.test.ts). The company header's "not yet checked" line.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompanyHeader } from "~/components/CompanyHeader";
import type { CompanyView } from "~/models/companies.server";
import AddCompanyPage from "~/routes/write-a-review.new";

afterEach(cleanup);

const loaderData = {
  categories: [{ id: 3, slug: "food", nameFr: "Alimentation", nameEn: "Food" }],
  q: "Fournil du Parc",
  minDate: "2020-01-01",
  maxDate: "2030-01-01",
};

function page(locale: "fr" | "en", action: () => Record<string, unknown> | null = () => null) {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [{ path: "write-a-review/new", loader: () => loaderData, action, Component: AddCompanyPage }],
    },
  ]);
  return render(<Stub initialEntries={["/write-a-review/new?q=Fournil%20du%20Parc"]} />);
}

describe("the add-a-company page", () => {
  it("shows the company's fields, then the review's, starting with the name searched", async () => {
    page("en");
    const name = (await screen.findByLabelText("Company name")) as HTMLInputElement;
    expect(name.value).toBe("Fournil du Parc");
    expect(name.hasAttribute("required")).toBe(true);
    expect(screen.getByRole("option", { name: "Food" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "A store" })).toBeTruthy();
    const website = screen.getByLabelText("Website or domain");
    expect(document.getElementById(website.getAttribute("aria-describedby")!)?.textContent).toMatch(/Required for a website/);
    // The company comes first in the one form, and the review's fields follow in it.
    const form = name.closest("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("enctype")).toBe("multipart/form-data");
    expect(form.contains(screen.getByLabelText("Title"))).toBe(true);
    expect(name.compareDocumentPosition(screen.getByLabelText("Title")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("in French", async () => {
    page("fr");
    expect(await screen.findByLabelText("Nom de l’entreprise")).toBeTruthy();
    expect(screen.getByRole("option", { name: "Alimentation" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Ajouter une entreprise et donner votre avis");
  });

  it("after a duplicate: the error next to the field, what was typed, and the link to the existing company", async () => {
    const answer = {
      result: {
        status: "error",
        initialValue: {
          companyName: "La Cordonnerie",
          website: "cordonnerie-listee.fr",
          kind: "store",
          city: "Lyon",
          title: "Ressemelage parfait",
        },
        error: { "": ["addCompany.error.duplicate"], website: ["addCompany.error.sameDomain"] },
      },
      keptPhotos: [{ token: "k".repeat(26), width: 300, height: 200 }],
      keptProof: null,
      previewHtml: null,
      existing: {
        slug: "cordonnerie-listee",
        name: "Cordonnerie Listée",
        listing: "listed",
        createdAt: Date.UTC(2025, 0, 2),
        match: "domain",
        ownReviewId: null,
      },
    };
    page("en", () => answer);
    const name = (await screen.findByLabelText("Company name")) as HTMLInputElement;
    fireEvent.change(name, { target: { value: "La Cordonnerie" } });
    fireEvent.change(screen.getByLabelText("Website or domain"), { target: { value: "cordonnerie-listee.fr" } });
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Ressemelage parfait" } });
    fireEvent.submit(name.closest("form")!);
    expect(await screen.findByText("A company with this domain is already on Réplique.")).toBeTruthy();
    const website = screen.getByLabelText("Website or domain") as HTMLInputElement;
    expect(website.getAttribute("aria-invalid")).toBe("true");
    expect(website.value).toBe("cordonnerie-listee.fr");
    expect((screen.getByLabelText("Company name") as HTMLInputElement).value).toBe("La Cordonnerie");
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Ressemelage parfait");
    expect(screen.getByText(/already on Réplique: nothing was added/)).toBeTruthy();
    const link = screen.getByRole("link", { name: "Review Cordonnerie Listée on its page" });
    expect(link.getAttribute("href")).toBe("/write-a-review?company=cordonnerie-listee");
    expect((document.querySelector('input[name="keptPhoto"]') as HTMLInputElement).value).toBe("k".repeat(26));
  });
});

describe("the company header of a company not yet checked", () => {
  const view: CompanyView = {
    id: 1,
    slug: "fournil-du-parc",
    name: "Fournil du Parc",
    domain: "fournil-du-parc.fr",
    website: "https://fournil-du-parc.fr",
    descriptionFr: null,
    descriptionEn: null,
    country: "FR",
    color: null,
    state: "unclaimed",
    claimedAt: null,
    verifiedAt: null,
    listing: "pending",
    createdAt: Date.UTC(2025, 4, 1, 10),
    categories: [],
  };

  function header(company: CompanyView) {
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [{ index: true, Component: () => <CompanyHeader company={company} /> }],
      },
    ]);
    return render(<Stub initialEntries={["/"]} />);
  }

  it("says it is not yet checked, and offers no way to review it through another subject", async () => {
    header(view);
    expect((await screen.findByRole("note")).textContent).toMatch(/^Added by a reviewer on .*2025, not yet checked by a moderator/);
    expect(screen.queryByRole("link", { name: "Write a review" })).toBeNull();
  });

  it("says nothing of the kind once listed", async () => {
    header({ ...view, listing: "listed" });
    expect(await screen.findByRole("heading", { level: 1, name: "Fournil du Parc" })).toBeTruthy();
    expect(screen.queryByRole("note")).toBeNull();
  });
});
