// The pages of a claim with evidence, rendered in jsdom: on /companies/:slug/claim the
// form's fields are labelled, their hints and the action's errors tied by aria attributes,
// what was typed kept, and once a request waits the page says since when instead of the
// form; the case page (/moderation/claims/:id, from real data) shows the explanation as
// text and the link with rel="nofollow noopener noreferrer", and offers the claims' reasons.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "~/i18n";
import { CLAIM_REASONS } from "~/lib/moderation-reasons";
import { getClaimCase } from "~/models/claim-queue.server";
import { requestEvidenceClaim, type ClaimPageData } from "~/models/company-claims.server";
import ClaimPage from "~/routes/companies.$slug.claim";
import ClaimCasePage from "~/routes/moderation.claims_.$id";
import { account, type Account, makeCompany } from "../support/fixtures";

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

function claimPage(locale: "fr" | "en", data: Partial<ClaimPageData>, actionData: Data = null) {
  const page: ClaimPageData = { company, verifiable: true, memberRole: null, pending: null, evidenceClaim: null, ...data };
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [{ path: "companies/rayure-marine/claim", loader: () => ({ ...page }), action: () => actionData, Component: ClaimPage }],
    },
  ]);
  return render(<Stub initialEntries={["/companies/rayure-marine/claim"]} />);
}

describe("the claim page's request with evidence", () => {
  it("labels the fields and ties their hints (English), beside the code form", async () => {
    claimPage("en", {});
    const region = await screen.findByRole("region", { name: "No address at the domain? Ask with evidence" });
    const explanation = within(region).getByLabelText("Your role at Rayure Marine, and how we can check it");
    expect(explanation.tagName).toBe("TEXTAREA");
    expect(explanation.hasAttribute("required")).toBe(true);
    expect(explanation.getAttribute("maxlength")).toBe("2000");
    expect(document.getElementById(explanation.getAttribute("aria-describedby")!.split(" ")[0]!)?.textContent).toContain(
      "at least 150 without a link",
    );
    const url = within(region).getByLabelText("A link to your evidence (optional)");
    expect(url.hasAttribute("required")).toBe(false);
    expect(url.getAttribute("inputmode")).toBe("url");
    expect((region.querySelector('input[name="intent"]') as HTMLInputElement).value).toBe("evidence");
    // The code form is still there for someone with an address at the domain.
    expect(screen.getByLabelText("Your work address")).toBeTruthy();
  });

  it("shows the errors next to their fields, in French, with what was typed; then the action's refusal above the form", async () => {
    const long = "Je suis la gérante depuis 2019 ; les mentions légales du site me nomment comme directrice de la publication.";
    claimPage(
      "fr",
      {},
      {
        intent: "evidence",
        result: {
          status: "error",
          initialValue: { intent: "evidence", explanation: long, evidenceUrl: "https://rayuremarine.fr/mentions" },
          error: { "": ["rateLimit.tooMany"] },
        },
        vars: { minutes: 12 },
      },
    );
    const region = await screen.findByRole("region", {
      name: "Pas d’adresse au nom de domaine\u202F? Faites une demande avec justificatifs",
    });
    const explanation = within(region).getByLabelText("Votre fonction chez Rayure Marine, et comment la vérifier") as HTMLTextAreaElement;
    const url = within(region).getByLabelText("Un lien vers votre justificatif (facultatif)") as HTMLInputElement;
    const submit = within(region).getByRole("button", { name: "Envoyer ma demande aux modérateurs" });

    // The same schema as the action's, in the browser: each error next to its field.
    fireEvent.change(explanation, { target: { value: "Je suis gérante." } });
    fireEvent.change(url, { target: { value: "ftp://exemple" } });
    fireEvent.click(submit);
    // (Testing Library compares text with its spaces collapsed: French typography's narrow ones too.)
    await within(region).findByText("Précisez un peu : au moins 30 caractères.");
    expect(explanation.value).toBe("Je suis gérante.");
    expect(explanation.getAttribute("aria-invalid")).toBe("true");
    const errorId = explanation
      .getAttribute("aria-describedby")!
      .split(" ")
      .find((id) => id.endsWith("-error"))!;
    expect(document.getElementById(errorId)?.textContent).toBe("Précisez un peu\u202F: au moins 30 caractères.");
    expect(url.value).toBe("ftp://exemple");
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(within(region).getByText(/Indiquez une adresse web/)).toBeTruthy();

    // Valid: sent, and the action's refusal (here the rate limit) is said above the form, the text kept.
    fireEvent.change(explanation, { target: { value: long } });
    fireEvent.change(url, { target: { value: "https://rayuremarine.fr/mentions" } });
    fireEvent.click(submit);
    await within(region).findByText("Trop de tentatives. Réessayez dans 12 min.");
    expect(explanation.value).toBe(long);
    expect(url.value).toBe("https://rayuremarine.fr/mentions");
  });

  it("says since when the request waits, instead of the form; a company without a domain offers the request only", async () => {
    const at = Date.UTC(2026, 2, 10, 10, 30);
    claimPage("fr", { evidenceClaim: { id: 7, createdAt: at } });
    expect(
      await screen.findByText(
        `Votre demande attend un modérateur depuis le ${formatDate("fr", at)}. La décision vous sera indiquée ici, dans vos notifications et par e-mail.`,
      ),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/Votre fonction chez/)).toBeNull();
    cleanup();

    claimPage("en", { verifiable: false, company: { ...company, domain: null } });
    expect(await screen.findByText(/has no domain we can send a code to: ask with evidence below/)).toBeTruthy();
    expect(screen.queryByLabelText("Your work address")).toBeNull();
    expect(screen.getByLabelText("Your role at Rayure Marine, and how we can check it")).toBeTruthy();
  });
});

describe("the case page", () => {
  let moderator: Account;
  let claimant: Account;
  beforeAll(async () => {
    moderator = await account({ role: "moderator" });
    claimant = await account({ name: "Léa Demandeuse" });
  });

  it("shows the explanation as text, the link without passing anything on, and the claims' reasons", async () => {
    const slug = `maison-dossier-${Date.now()}`;
    makeCompany({ slug, name: "Maison Dossier", state: "claimed", domain: "maison-dossier.fr" });
    const explanation = "Je suis la gérante <script>alert('x')</script> de Maison Dossier.\nLes mentions légales du site me nomment.";
    const filed = requestEvidenceClaim({
      userId: claimant.id,
      slug,
      explanation,
      evidenceUrl: "https://maison-dossier.fr/mentions-legales",
    });
    if (!filed.ok) throw new Error(filed.kind);
    const view = getClaimCase(filed.claimId, { id: moderator.id, role: "moderator" })!;
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [{ path: "moderation/claims/:id", loader: () => ({ case: view }), Component: ClaimCasePage }],
      },
    ]);
    const { container } = render(<Stub initialEntries={[`/moderation/claims/${filed.claimId}`]} />);
    await screen.findByRole("heading", { level: 1, name: `Claim no. ${filed.claimId}` });
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByText("Je suis la gérante <script>alert('x')</script> de Maison Dossier.")).toBeTruthy();
    expect(screen.getByText("Les mentions légales du site me nomment.")).toBeTruthy();
    const link = screen.getByRole("link", { name: /https:\/\/maison-dossier\.fr\/mentions-legales/ });
    expect(link.getAttribute("href")).toBe("https://maison-dossier.fr/mentions-legales");
    expect(link.getAttribute("rel")).toBe("nofollow noopener noreferrer");
    expect(screen.getByText("This link is on the company's domain (maison-dossier.fr).")).toBeTruthy();
    expect(screen.getByText("Their account's address is at example.test, not at the company's domain.")).toBeTruthy();

    const form = screen.getByRole("region", { name: "Decide on this claim" });
    expect(
      within(form)
        .getAllByRole("radio")
        .map((r) => r.getAttribute("value")),
    ).toEqual(["accept", "refuse"]);
    const options = [...within(form).getByLabelText("Reason").querySelectorAll("option")]
      .map((o) => o.getAttribute("value"))
      .filter(Boolean);
    expect(options).toEqual(CLAIM_REASONS.map((r) => r.id));
  });
});
