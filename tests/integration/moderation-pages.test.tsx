// The pages of a decision, rendered in jsdom from real data: the tombstone a removed
// review leaves (publication date, reason, decision date) in both languages, and the
// case page's Conform form — labelled fields, hints and errors tied by aria attributes,
// errors in the visitor's language, what was typed kept after the action's answer.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Thread } from "~/components/Thread";
import { formatDate } from "~/i18n";
import { decide, getCase } from "~/models/moderation.server";
import { getPublicReview } from "~/models/reviews.server";
import CasePage, { action as caseAction } from "~/routes/moderation.reviews.$id";
import { account, caseState, flagAs, thread, type Account } from "../support/moderation-fixtures";

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
            loader: () => ({ case: getCase(reviewId, { id: moderator.id, role: "moderator" })! }),
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
