// What /search shows when the query is too short or the search ran out of time (issue 7),
// in French and English; the model and the loader: search.test.ts.
import { Outlet } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import SearchPage, { type loader } from "~/routes/search";

type Data = Awaited<ReturnType<typeof loader>>;

const page = (q: string, results: Partial<NonNullable<Data["results"]>>): Data => ({
  query: { q },
  results: { companies: [], reviews: [], tooShort: false, timedOut: false, ...results },
  minWordLength: 2,
  categories: [],
  locale: "en",
  canonical: "http://localhost/search",
});

async function pageText(data: Data, locale: "fr" | "en") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      Component: Outlet,
      loader: () => ({ locale }),
      children: [{ path: "search", Component: SearchPage, loader: () => data }],
    },
  ]);
  render(<Stub initialEntries={[`/search?q=${encodeURIComponent(data.query.q)}`]} />);
  await screen.findByRole("search");
  // French typography puts narrow no-break spaces before : ; ! ?
  return document.body.textContent!.replace(/[\u202F\u00A0]/g, " ");
}

afterEach(cleanup);

describe("/search", () => {
  it("asks for a longer query, not 'nothing found'", async () => {
    const en = await pageText(page("a b", { tooShort: true }), "en");
    expect(en).toContain("Type at least 2 characters");
    expect(en).not.toContain("Nothing found");
    cleanup();
    expect(await pageText(page("a b", { tooShort: true }), "fr")).toContain("Tapez au moins 2 caractères");
  });

  it("says the search took too long, as a notice", async () => {
    const en = await pageText(page("service", { timedOut: true }), "en");
    expect(screen.getByRole("status").textContent).toContain("The search took too long");
    expect(en).not.toContain("Nothing found");
    cleanup();
    expect(await pageText(page("service", { timedOut: true }), "fr")).toContain("La recherche a pris trop de temps");
  });

  it("still says 'nothing found' for a search that found nothing", async () => {
    expect(await pageText(page("zorglub", {}), "en")).toContain("Nothing found for “zorglub”");
  });
});
