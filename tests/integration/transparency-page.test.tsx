// /transparency as a reader sees it, in both languages: the live figures as accessible
// tables (the wide month-by-month table scrolls in a labelled region reachable by keyboard),
// the links to the downloads, the published list of warning reasons, and the promise of the
// retention purge.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { reasonLabel, WARNING_REASONS } from "~/lib/moderation-reasons";
import Transparency, { loader } from "~/routes/transparency";

afterEach(cleanup);

function page(locale: "fr" | "en") {
  const Stub = createRemixStub([
    { id: "root", path: "/", loader: () => ({ locale }), children: [{ path: "transparency", loader, Component: Transparency }] },
  ]);
  return render(<Stub initialEntries={["/transparency"]} />);
}

describe("/transparency", () => {
  it.each(["fr", "en"] as const)("shows the figures as tables, the month table in a keyboard-reachable region (%s)", async (locale) => {
    const { container } = page(locale);
    const caption = locale === "fr" ? "Mois par mois" : "Month by month";
    const region = await waitFor(() => screen.getByRole("region", { name: caption }));
    expect(region.getAttribute("tabindex")).toBe("0");
    const table = region.querySelector("table")!;
    expect(table.querySelectorAll("tbody tr")).toHaveLength(12);
    expect(table.querySelectorAll("thead th[scope=col]").length).toBeGreaterThan(10);
    expect(
      screen.getByRole("table", { name: locale === "fr" ? "Signalements par type d’auteur" : "Reports by type of reporter" }),
    ).toBeTruthy();
    expect(container.querySelector('a[href="/transparency.json"]')).toBeTruthy();
    expect(container.querySelector('a[href="/transparency.csv"]')).toBeTruthy();
    for (const r of WARNING_REASONS) expect(container.querySelector(`#warning-${r.id}`)?.textContent).toContain(reasonLabel(r.id, locale));
  });

  it("promises that removed content is erased after the retention period (kept by app/models/retention.server.ts, tests/integration/retention.test.ts)", async () => {
    const { container } = page("en");
    const text = await waitFor(() => {
      const section = container.querySelector("#retention");
      if (!section) throw new Error("no #retention yet");
      return section.textContent ?? "";
    });
    expect(text).toContain("kept offline for at least 365 days");
    expect(text).toContain("a scheduled job erases removed and deleted content for good");
  });
});
