// The flag form (/reviews/:id/flag) on Conform: rendered in jsdom with its real loader and
// action (the errors next to each field, what was typed kept, a valid report recorded; both
// languages), and the action answering a post without JavaScript with the same errors.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import FlagPage, { action as flagAction, loader as flagLoader } from "~/routes/reviews.$id_.flag";
import { account, type Account, postRequest, thread } from "../support/fixtures";
import { formAnswer } from "../support/form-answer";

afterEach(cleanup);

let reporter: Account;
let reviewId: number;

beforeAll(async () => {
  reporter = await account({ name: "Careful Reporter" });
  const author = await account();
  const staff = await account();
  reviewId = thread(author.id, staff.id).reviewId;
});

function asReporter<A extends { request: Request }>(locale: "fr" | "en", fn: (args: A) => unknown) {
  return async (args: A) => {
    const { request } = args;
    const signed = new Request(request.url, {
      method: request.method,
      body: request.method === "GET" ? undefined : await request.formData(),
      headers: { Cookie: `${reporter.cookie}; lang=${locale}` },
    });
    return fn({ ...args, request: signed, context: { clientIp: "198.51.100.31" } });
  };
}

const flagsOf = (userId: number) =>
  getDb().$client.prepare(`SELECT count(*) AS n FROM flags WHERE reporter_user_id = ?`).pluck().get(userId);

const TEXT = {
  fr: { reason: "Motif", explanation: "Qu’est-ce qui ne va pas ?", submit: "Envoyer le signalement" },
  en: { reason: "Reason", explanation: "What is wrong?", submit: "Send the report" },
};

function renderForm(locale: "fr" | "en") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        { path: "reviews/:id/flag", loader: asReporter(locale, flagLoader), action: asReporter(locale, flagAction), Component: FlagPage },
        { path: "reviews/:id", Component: () => <p>the review</p> },
      ],
    },
  ]);
  render(<Stub initialEntries={[`/reviews/${reviewId}/flag`]} />);
}

describe("the flag form", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`shows each error next to its field and keeps what was typed (${locale})`, async () => {
      renderForm(locale);
      const explanation = (await screen.findByLabelText(TEXT[locale].explanation)) as HTMLTextAreaElement;
      fireEvent.change(explanation, { target: { value: "Court." } });
      // Submitted as typed: the browser's own checks are off once hydrated (Conform's noValidate).
      fireEvent.click(screen.getByRole("button", { name: TEXT[locale].submit }));
      const reason = (await screen.findByLabelText(TEXT[locale].reason)) as HTMLSelectElement;
      await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
      expect(explanation.getAttribute("aria-invalid")).toBe("true");
      const reasonError = document.getElementById(
        reason
          .getAttribute("aria-describedby")!
          .split(" ")
          .find((id) => id.endsWith("-error"))!,
      );
      expect(reasonError?.textContent).toBeTruthy();
      expect(explanation.value).toBe("Court.");
      expect(screen.getByRole("alert").textContent).toBeTruthy();
      expect(flagsOf(reporter.id)).toBe(0);
    });
  }

  it("answers a post without JavaScript with each field's error and what was typed", async () => {
    const answer = (await flagAction({
      request: postRequest(
        `/reviews/${reviewId}/flag`,
        { target: "review", reason: "no-such-reason", explanation: "Court." },
        { cookie: reporter.cookie },
      ),
      params: { id: String(reviewId) },
      context: { clientIp: "198.51.100.32" },
    })) as { init: { status: number } | null; data: unknown };
    expect(answer.init?.status).toBe(400);
    const shown = formAnswer(answer.data, "en");
    expect(Object.keys(shown.errors).sort()).toEqual(["explanation", "reason"]);
    expect(shown.values.explanation).toBe("Court.");
    expect(flagsOf(reporter.id)).toBe(0);
  });

  it("records a valid report and goes back to the review", async () => {
    renderForm("fr");
    fireEvent.change(await screen.findByLabelText(TEXT.fr.reason), { target: { value: "not_an_experience" } });
    fireEvent.change(screen.getByLabelText(TEXT.fr.explanation), {
      target: { value: "Ce texte ne décrit aucune expérience réelle dans ce magasin." },
    });
    fireEvent.click(screen.getByRole("button", { name: TEXT.fr.submit }));
    await screen.findByText("the review");
    expect(flagsOf(reporter.id)).toBe(1);
  });
});
