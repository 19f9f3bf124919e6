// The pages of a decision, rendered in jsdom from real data: the tombstone a removed
// review leaves (publication date, reason, decision date) in both languages, and the
// case page's Conform form — labelled fields, hints and errors tied by aria attributes,
// errors in the visitor's language, what was typed kept after the action's answer — and
// the appeal's: the appellant's form on the statement, the appeal's panel on the case.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Thread } from "~/components/Thread";
import { formatDate } from "~/i18n";
import { fileAppeal, getCaseAppeals } from "~/models/appeals.server";
import { decide, getCase } from "~/models/moderation.server";
import { getPublicReview } from "~/models/reviews.server";
import CasePage, { action as caseAction } from "~/routes/moderation.reviews.$id";
import StatementPage, { action as statementAction, loader as statementLoader } from "~/routes/statements.$id";
import { account, type Account, caseState, flagAs, thread } from "../support/fixtures";

afterEach(cleanup);

let moderator: Account;
let author: Account;
let reader: Account;
let staff: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator" });
  author = await account({ locale: "fr" });
  reader = await account();
  staff = await account();
});

describe("the tombstone of a removed review", () => {
  it("shows the publication date, the reason and the decision date, in French and in English, without the text", async () => {
    const world = thread(author.id, staff.id, { title: "Titre qui disparaît" });
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const decided = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "review",
      decision: "remove",
      reason: "personal_data",
      statement: "Le texte donne le nom et l'adresse d'une salariée.",
      ...caseState(world.reviewId),
    });
    expect(decided.ok).toBe(true);
    const review = getPublicReview(world.reviewId)!;
    for (const locale of ["fr", "en"] as const) {
      const Stub = createRemixStub([{ id: "root", path: "/", loader: () => ({ locale }), Component: () => <Thread review={review} /> }]);
      const { container } = render(<Stub initialEntries={["/"]} />);
      const tombstone = await waitFor(() => {
        const el = container.querySelector(".tombstone");
        if (!el) throw new Error("no tombstone yet");
        return el as HTMLElement;
      });
      const text = tombstone.textContent ?? "";
      expect(text).toContain(formatDate(locale, review.publishedAt!));
      expect(text).toContain(formatDate(locale, review.removedAt!));
      expect(text).toContain(locale === "fr" ? "Données personnelles" : "Personal data");
      expect(within(tombstone).getByRole("link").getAttribute("href")).toBe("/transparency#removals");
      expect(container.textContent).not.toContain("Titre qui disparaît");
      expect(container.querySelector(".post--reply")).toBeNull();
      cleanup();
    }
  });
});

describe("the case page", () => {
  function renderCase(reviewId: number, locale: "fr" | "en") {
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale }),
        children: [
          {
            path: "moderation/reviews/:id",
            loader: () => ({
              case: getCase(reviewId, { id: moderator.id, role: "moderator" })!,
              appeals: getCaseAppeals(reviewId, { id: moderator.id, role: "moderator" }),
            }),
            // The real action, as the moderator (the stub's request carries no cookie).
            action: async ({ request, params }) => {
              const signed = new Request(request.url, {
                method: "POST",
                body: await request.formData(),
                headers: { Cookie: moderator.cookie },
              });
              return caseAction({ request: signed, params, context: {} });
            },
            Component: CasePage,
          },
        ],
      },
    ]);
    return render(<Stub initialEntries={[`/moderation/reviews/${reviewId}`]} />);
  }

  it("labels every field, ties hints and errors with aria attributes, and keeps what was typed (English)", async () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    renderCase(world.reviewId, "en");
    const form = await screen.findByRole("region", { name: "Decide on the review" });
    const radios = within(form).getAllByRole("radio");
    expect(radios.map((r) => r.getAttribute("value"))).toEqual(["keep", "remove"]);
    expect(radios.every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    const reason = within(form).getByLabelText("Reason");
    const statement = within(form).getByLabelText("Statement");
    expect(reason.getAttribute("aria-describedby")).toContain("-hint");
    expect(statement.getAttribute("aria-describedby")).toContain("-hint");
    // The company's reply and the follow-up have forms of their own, with nothing reported: remove only.
    // Nobody reported them: their forms are folded, and offer a removal only.
    const reply = screen.getByRole("region", { name: "Decide on the company's reply" });
    expect(reply.querySelector("details:not([open])")).not.toBeNull();
    expect([...reply.querySelectorAll('input[type="radio"]')].map((r) => r.getAttribute("value"))).toEqual(["remove"]);

    // Submitted empty: the browser-side validation (the same schema) answers next to each field.
    fireEvent.change(statement, { target: { value: "Too short" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record the decision" }));
    await within(form).findByText("Choose a decision.");
    expect(within(form).getByText("Choose a reason from the list.")).toBeTruthy();
    expect(within(form).getByText("Write at least 20 characters: the facts and why.")).toBeTruthy();
    expect(statement.getAttribute("aria-invalid")).toBe("true");
    expect(statement.getAttribute("aria-describedby")).toMatch(/-error/);
    expect((statement as HTMLTextAreaElement).value).toBe("Too short");
  });

  it("records a decision through the real action, in French, and the page then offers only a restore", async () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    renderCase(world.reviewId, "fr");
    const form = await screen.findByRole("region", { name: "Décider sur l’avis" });
    fireEvent.click(within(form).getByLabelText("Le retirer"));
    fireEvent.change(within(form).getByLabelText("Motif"), { target: { value: "offensive" } });
    fireEvent.change(within(form).getByLabelText("Exposé des motifs"), {
      target: { value: "Le texte traite un vendeur d'incapable et de menteur, nommément." },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer la décision" }));
    await waitFor(() => expect(getCase(world.reviewId, { id: moderator.id, role: "moderator" })!.review.status).toBe("removed"));
    // Redirected to the case again: the tombstone, the decision in the log, and only "restore" left.
    await waitFor(() => {
      const panel = screen.getByRole("region", { name: "Décider sur l’avis" });
      expect(
        within(panel)
          .getAllByRole("radio")
          .map((r) => r.getAttribute("value")),
      ).toEqual(["restore"]);
    });
    expect(document.querySelector(".tombstone")).not.toBeNull();
    expect(screen.getByRole("region", { name: "Décisions sur cette conversation" }).textContent).toContain("Le texte traite un vendeur");
  });
});

describe("appeals: the appellant's form and the appeal's panel", () => {
  async function removed() {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const result = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "review",
      decision: "remove",
      reason: "offensive",
      statement: "Le texte traite un vendeur d'incapable et de menteur, nommément.",
      ...caseState(world.reviewId),
    });
    if (!result.ok) throw new Error(result.kind);
    return { ...world, decisionId: result.decisionId };
  }

  /** A route with its real loader and action, as `who` (the stub's requests carry no cookie). */
  function asUser<A extends { request: Request }>(who: Account, fn: (args: A) => unknown) {
    return async (args: A) => {
      const { request } = args;
      const signed = new Request(request.url, {
        method: request.method,
        body: request.method === "GET" ? undefined : await request.formData(),
        headers: { Cookie: who.cookie },
      });
      return fn({ ...args, request: signed, context: {} });
    };
  }

  it("the statement's appeal form (French): a labelled field, its error tied by aria, what was typed kept; then the appeal shows", async () => {
    const d = await removed();
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "fr" }),
        children: [
          {
            path: "statements/:id",
            loader: asUser(author, statementLoader),
            action: asUser(author, statementAction),
            Component: StatementPage,
          },
        ],
      },
    ]);
    render(<Stub initialEntries={[`/statements/${d.decisionId}`]} />);
    const section = await screen.findByRole("region", { name: "Faire appel de cette décision" });
    const field = within(section).getByLabelText("Pourquoi cette décision devrait-elle changer ?"); // the narrow no-break space, normalized;
    expect(field.getAttribute("aria-describedby")).toContain("-hint");
    fireEvent.change(field, { target: { value: "Non." } });
    fireEvent.click(within(section).getByRole("button", { name: "Envoyer mon appel" }));
    await within(section).findByText("Écrivez au moins 10 caractères.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toMatch(/-error/);
    expect((field as HTMLTextAreaElement).value).toBe("Non.");
    fireEvent.change(field, { target: { value: "Je décris ce qui s'est passé, sans insulter personne." } });
    fireEvent.click(within(section).getByRole("button", { name: "Envoyer mon appel" }));
    await screen.findByRole("region", { name: "Votre appel" });
    expect(screen.getByRole("region", { name: "Votre appel" }).textContent).toContain("Vous avez fait appel de cette décision le");
  });

  it("the case page shows the open appeal with its explanation, in place of the decision form, with the two outcomes", async () => {
    const d = await removed();
    fileAppeal({
      viewer: { id: author.id, role: "member" },
      decisionId: d.decisionId,
      explanation: "Je n'insulte personne, je décris le service.",
    });
    const other = await account({ role: "moderator" });
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [
          {
            path: "moderation/reviews/:id",
            loader: () => ({
              case: getCase(d.reviewId, { id: other.id, role: "moderator" })!,
              appeals: getCaseAppeals(d.reviewId, { id: other.id, role: "moderator" }),
            }),
            Component: CasePage,
          },
        ],
      },
    ]);
    render(<Stub initialEntries={[`/moderation/reviews/${d.reviewId}`]} />);
    const panel = await screen.findByRole("region", { name: "Appeal on the review" });
    expect(panel.textContent).toContain("Je n'insulte personne, je décris le service.");
    expect(panel.textContent).toMatch(/Decision no\. \d+ appealed against: Removed \(Insults, hate or threats\)/);
    expect(
      within(panel)
        .getAllByRole("radio")
        .map((r) => r.getAttribute("value")),
    ).toEqual(["uphold", "overturn"]);
    expect(within(panel).getByLabelText("Overturn it: put the content back online")).toBeTruthy();
    // The reason examined again starts as the decision's own.
    expect((within(panel).getByLabelText("Reason") as HTMLSelectElement).value).toBe("offensive");
    expect(screen.queryByRole("region", { name: "Decide on the review" })).toBeNull();
  });
});
