// /brand/:slug/metrics as a company member sees it, in French and in English, from the real
// loader: the figures at a glance in the page's language, the charts drawn as inline SVG
// (one image each, named, pointing to the table) beside the table of the same figures, the
// breakdowns, and the period selector — a plain GET form with a label.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import BrandMetrics, { loader } from "~/routes/brand.$slug.metrics";
import { account, addMember, makeCompany, makeReply, makeReview, makeUser } from "../support/fixtures";

afterEach(cleanup);

const HOUR = 3_600_000;
const SLUG = "maison-chiffree";
let cookie: string;

beforeAll(async () => {
  const member = await account({ locale: "fr" });
  cookie = member.cookie;
  const company = makeCompany({ slug: SLUG, name: "Maison Chiffrée" });
  addMember(company.id, member.id, "agent");
  const authorId = makeUser();
  const now = Date.now();
  for (const [stars, ago, reply] of [
    [4, 2 * HOUR, true],
    [2, 3 * HOUR, true],
    [4, 4 * HOUR, false],
  ] as const) {
    const id = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId, stars, publishedAt: now - ago });
    if (reply) makeReply(id, "Merci pour votre retour.", now - ago + HOUR);
  }
});

function page(locale: "fr" | "en", query = "") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        {
          path: "brand/:slug/metrics",
          loader: (args) => loader({ ...args, request: new Request(args.request.url, { headers: { Cookie: cookie } }) }),
          Component: BrandMetrics,
        },
      ],
    },
  ]);
  return render(<Stub initialEntries={[`/brand/${SLUG}/metrics${query}`]} />);
}

const TEXT = {
  fr: {
    heading: "Statistiques — Maison Chiffrée",
    period: "Afficher les",
    submit: "Afficher",
    chart: /^TrustScore et note moyenne par mois/,
    table: "Mois par mois",
    average: "3,3",
    responseRate: /66,6\s%/,
    option: "12 derniers mois",
  },
  en: {
    heading: "Metrics — Maison Chiffrée",
    period: "Show the last",
    submit: "Show",
    chart: /^TrustScore and average rating by month/,
    table: "Month by month",
    average: "3.3",
    responseRate: /66\.6%/,
    option: "12 months",
  },
};

describe("/brand/:slug/metrics", () => {
  it.each(["fr", "en"] as const)("shows the figures, the charts and the same figures in a table (%s)", async (locale) => {
    const text = TEXT[locale];
    const { container } = page(locale);
    expect(await screen.findByRole("heading", { level: 1, name: text.heading })).toBeTruthy();
    const figure = (id: string) => container.querySelector(`[data-figure="${id}"]`)?.textContent;
    expect(figure("reviews")).toBe("3");
    expect(figure("average-stars")).toBe(text.average); // 10 / 3, never rounded up
    expect(figure("response-rate")).toMatch(text.responseRate);
    // The charts: inline SVG, one named image each, its description pointing to the table.
    const chart = screen.getByRole("img", { name: text.chart });
    expect(chart.tagName.toLowerCase()).toBe("svg");
    expect(chart.querySelector("desc")?.textContent).toContain(text.table);
    expect(container.querySelectorAll("svg[role=img]")).toHaveLength(2);
    expect(container.querySelectorAll('[data-chart="chart-volume"] .chart__bar').length).toBeGreaterThanOrEqual(1);
    const table = screen.getByRole("table", { name: text.table });
    expect(within(table).getAllByRole("row")).toHaveLength(13); // the heading row and 12 months
    expect(table.querySelectorAll("tbody th[scope=row]")).toHaveLength(12);
    expect(container.querySelector("[data-subject]")).toBeTruthy();
    expect(container.querySelector('[data-channel="store"]')).toBeTruthy();
  });

  it.each(["fr", "en"] as const)("chooses the period with a labelled GET form that needs no script (%s)", async (locale) => {
    const text = TEXT[locale];
    const { container } = page(locale, "?months=3");
    const select = (await screen.findByLabelText(text.period)) as HTMLSelectElement;
    expect(select.name).toBe("months");
    expect(select.value).toBe("3");
    expect([...select.options].map((o) => o.value)).toEqual(["3", "6", "12", "24"]);
    expect(within(select).getByRole("option", { name: text.option })).toBeTruthy();
    const form = select.closest("form")!;
    expect(form.getAttribute("method")).toBe("get");
    expect(within(form).getByRole("button", { name: text.submit }).getAttribute("type")).toBe("submit");
    await waitFor(() => expect(container.querySelectorAll("tbody tr[data-month]")).toHaveLength(3));
  });
});
