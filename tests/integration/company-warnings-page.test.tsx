// The forms of /moderation/companies/:slug rendered in jsdom with the real loader and
// action: a warning (or a lifting) sent with errors is answered like the other forms —
// the form-level alert "correct the fields marked below" above the form, each error next
// to its field, what was typed kept — without JavaScript (the server's answer) and with it.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setWarning } from "~/models/company-warnings.server";
import ModerationCompany, { action, loader } from "~/routes/moderation.companies.$slug";
import { account, type Account, callLoader, getRequest, makeCompany, outcome, postRequest } from "../support/fixtures";

afterEach(cleanup);

const DAY = 86_400_000;
let moderator: Account;
let company: { id: number; slug: string };

beforeAll(async () => {
  moderator = await account({ role: "moderator", locale: "fr" });
  const slug = `maison-alerte-${Math.random().toString(36).slice(2, 8)}`;
  company = { ...makeCompany({ slug, name: "Maison Alerte" }), slug };
});

const FIX = { fr: "Veuillez corriger les champs signalés ci-dessous.", en: "Please correct the fields marked below." };

async function loaderData() {
  const res = await callLoader(
    (args) => loader({ ...args, params: { slug: company.slug } }),
    getRequest(`/moderation/companies/${company.slug}`, { cookie: moderator.cookie }),
  );
  expect(res.status).toBe(200);
  return res.data as Json;
}

async function answer(fields: Record<string, string>) {
  const res = await outcome(() =>
    action({
      request: postRequest(`/moderation/companies/${company.slug}`, fields, { cookie: moderator.cookie }),
      params: { slug: company.slug },
      context: {},
    }),
  );
  expect(res.status).toBe(400);
  return res.data as Json;
}

/** The page as the browser shows the server's answer to a form sent without JavaScript. */
type Json = Record<string, unknown>;

function renderAnswered(locale: "fr" | "en", data: Json, actionData: Json) {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        { id: "company", path: "moderation/companies/:slug", loader: () => data, action: () => actionData, Component: ModerationCompany },
      ],
    },
  ]);
  render(
    <Stub
      initialEntries={[`/moderation/companies/${company.slug}`]}
      hydrationData={{ loaderData: { root: { locale }, company: data }, actionData: { company: actionData } }}
    />,
  );
}

describe("the public-warning form answers errors with the form-level alert", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`without JavaScript: the server's answer shows the alert, the errors next to the fields, what was typed (${locale})`, async () => {
      const data = await loaderData();
      const sent = await answer({
        intent: "warn",
        reason: "",
        statement: "Trop court",
        language: locale,
        expiresOn: new Date(Date.now() - DAY).toISOString().slice(0, 10),
      });
      renderAnswered(locale, data, sent);
      const form = (
        await screen.findByRole("heading", { name: locale === "fr" ? "Placer un avertissement public" : "Set a public warning" })
      ).closest("section")!;
      const alert = within(form).getByRole("alert");
      expect(alert.textContent).toBe(FIX[locale]);
      const statement = within(form).getByRole("textbox") as HTMLTextAreaElement;
      expect(statement.value).toBe("Trop court");
      expect(statement.getAttribute("aria-invalid")).toBe("true");
      expect(form.querySelectorAll(".field__error").length).toBeGreaterThanOrEqual(3);
    });
  }

  it("with JavaScript: the browser's check of the same schema shows the alert too", async () => {
    const data = await loaderData();
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [{ id: "company", path: "moderation/companies/:slug", loader: () => data, Component: ModerationCompany }],
      },
    ]);
    render(<Stub initialEntries={[`/moderation/companies/${company.slug}`]} />);
    const button = await screen.findByRole("button", { name: "Set the warning" });
    const form = button.closest("form")!;
    expect(within(form).queryByRole("alert")).toBeNull();
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "Short" } });
    fireEvent.click(button);
    expect((await within(form).findByRole("alert")).textContent).toBe(FIX.en);
  });

  it("the lifting form too", async () => {
    const set = setWarning({
      actor: { id: moderator.id, role: "moderator" },
      companyId: company.id,
      reason: "rewards_offered",
      statement: "L’entreprise a offert des bons d’achat en échange d’avis cinq étoiles.",
      language: "fr",
      expiresAt: Date.now() + 30 * DAY,
    });
    if (!set.ok) throw new Error(set.kind);
    const data = await loaderData();
    const sent = await answer({ intent: "lift", warningId: String(set.warningId), statement: "Court" });
    renderAnswered("fr", data, sent);
    const lift = (await screen.findByRole("button", { name: "Lever l’avertissement" })).closest("form")!;
    expect(within(lift).getByRole("alert").textContent).toBe(FIX.fr);
    expect((within(lift).getByRole("textbox") as HTMLTextAreaElement).value).toBe("Court");
  });
});
