// /moderation/categories rendered in jsdom from the real loader and action: the list with
// each category's company count, and the add form answered without JavaScript — the alert
// above the form, the error next to its field (tied by aria), what was typed kept.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import CategoriesPage, { action, loader } from "~/routes/moderation.categories";
import { account, type Account, callAction, callLoader, getRequest, makeCompany, postRequest } from "../support/fixtures";

afterEach(cleanup);

type Json = Record<string, unknown>;
let admin: Account;

beforeAll(async () => {
  admin = await account({ role: "admin" });
  const id = getDb()
    .$client.prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('jardinerie', 'Jardinerie', 'Garden centre') RETURNING id`)
    .pluck()
    .get();
  getDb().$client.prepare(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`).run(makeCompany().id, id);
  getDb().$client.prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('librairie', 'Librairie', 'Bookshop')`).run();
});

function renderPage(locale: "fr" | "en", data: Json, actionData?: Json) {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        {
          id: "categories",
          path: "moderation/categories",
          loader: () => data,
          action: () => actionData ?? null,
          Component: CategoriesPage,
        },
      ],
    },
  ]);
  render(
    <Stub
      initialEntries={["/moderation/categories"]}
      hydrationData={{
        loaderData: { root: { locale }, categories: data },
        actionData: actionData ? { categories: actionData } : undefined,
      }}
    />,
  );
}

const loaded = async () => (await callLoader(loader, getRequest("/moderation/categories", { cookie: admin.cookie }))).data as Json;

describe("the categories page", () => {
  it("lists each category with its company count; only an empty one offers deletion (English)", async () => {
    renderPage("en", await loaded());
    const table = await screen.findByRole("table", { name: "The categories and how many companies each has" });
    const garden = within(table).getByRole("rowheader", { name: "Jardinerie / Garden centre" }).closest("tr")!;
    expect(within(garden).getAllByRole("cell")[1]!.textContent).toBe("1");
    expect(within(garden).queryByRole("button", { name: "Delete this category" })).toBeNull();
    const books = within(table).getByRole("rowheader", { name: "Librairie / Bookshop" }).closest("tr")!;
    expect(within(books).getAllByRole("cell")[1]!.textContent).toBe("0");
    expect(within(books).getByRole("button", { name: "Delete this category" })).toBeTruthy();
    // Each rename form starts from the current names.
    expect((within(books).getByLabelText("Name in English") as HTMLInputElement).value).toBe("Bookshop");
  });

  it("without JavaScript, a refused addition keeps what was typed, with the alert and the error next to the field (French)", async () => {
    const res = await callAction(
      action,
      postRequest("/moderation/categories", { intent: "add", nameFr: "Jardinerie", nameEn: "Plants" }, { cookie: admin.cookie }),
    );
    expect(res.status).toBe(400);
    renderPage("fr", await loaded(), res.data as Json);
    const section = (await screen.findByRole("heading", { name: "Ajouter une catégorie" })).closest("section")!;
    expect(within(section).getByRole("alert").textContent).toBe("Veuillez corriger les champs signalés ci-dessous.");
    const fr = within(section).getByLabelText("Nom en français") as HTMLInputElement;
    expect(fr.value).toBe("Jardinerie");
    expect(fr.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById(
      fr
        .getAttribute("aria-describedby")!
        .split(" ")
        .find((id) => id.endsWith("-error"))!,
    )!;
    expect(error.textContent).toMatch(/existe déjà/);
    expect((within(section).getByLabelText("Nom en anglais") as HTMLInputElement).value).toBe("Plants");
  });
});
