// What /search shows when the query is too short or the search ran out of time (issue 7),
// in French and English, and its pages; the model and the loader: search.test.ts.
import { Outlet } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import SearchPage, { type loader } from "~/routes/search";

type Data = Awaited<ReturnType<typeof loader>>;

const page = (q: string, results: Partial<NonNullable<Data["results"]>>): Data => ({
  query: { q, page: results.page ?? 1 },
  results: { companies: [], reviews: [], page: 1, hasMore: false, tooShort: false, timedOut: false, ...results },
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
  const pageParam = data.query.page > 1 ? `&page=${data.query.page}` : "";
  render(<Stub initialEntries={[`/search?q=${encodeURIComponent(data.query.q)}${pageParam}`]} />);
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

  it("links to the next page of results while there is one, and back to the first", async () => {
    await pageText(page("service", { hasMore: true }), "en");
    const next = screen.getByRole("link", { name: /More results/ });
    expect(next.getAttribute("href")).toBe("/search?q=service&page=2");
    expect(screen.queryByRole("link", { name: /Back to the first results/ })).toBeNull();
    cleanup();
    await pageText(page("service", { page: 3, hasMore: false }), "en");
    expect(screen.queryByRole("link", { name: /More results/ })).toBeNull();
    expect(screen.getByRole("link", { name: /Back to the first results/ }).getAttribute("href")).toBe("/search?q=service");
    cleanup();
    await pageText(page("service", { hasMore: true }), "fr");
    expect(screen.getByRole("link", { name: /Plus de résultats/ })).toBeTruthy();
  });
});
