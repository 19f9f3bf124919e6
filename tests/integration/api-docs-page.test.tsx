// /api as a reader sees it, in both languages: a table per object of the API with every
// field and its description, each in a labelled region reachable by keyboard, the terms of
// reuse, and the live example with its request.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { API_GROUPS, apiFields } from "~/lib/open-data";
import { translate } from "~/i18n";
import ApiDocumentation, { loader } from "~/routes/api._index";
import { makeCompany, makeReply, makeReview } from "../support/fixtures";

afterEach(cleanup);

function page(locale: "fr" | "en") {
  const Stub = createRemixStub([
    { id: "root", path: "/", loader: () => ({ locale }), children: [{ path: "api", loader, Component: ApiDocumentation }] },
  ]);
  return render(<Stub initialEntries={["/api"]} />);
}

describe("/api", () => {
  it.each(["fr", "en"] as const)("documents every field of every object, in a keyboard-reachable table (%s)", async (locale) => {
    const c = makeCompany({ name: `Maison Doc ${locale}` });
    makeReply(makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: null }), "Merci !");
    const { container } = page(locale);
    await waitFor(() => screen.getByRole("heading", { level: 1, name: translate(locale, "openData.title") }));
    for (const group of API_GROUPS) {
      const region = container.querySelector(`[role=region][aria-labelledby="api-fields-${group}"]`);
      expect(region?.getAttribute("tabindex"), group).toBe("0");
      const rows = [...region!.querySelectorAll("tbody tr")];
      expect(rows.map((r) => r.querySelector("th")?.textContent)).toEqual(apiFields(group).map((f) => f.name));
      for (const row of rows) expect(row.querySelectorAll("td")[1]?.textContent?.length, row.textContent ?? "").toBeGreaterThan(5);
    }
    expect(container.querySelector("#licence")?.textContent).toContain(translate(locale, "openData.licence.reply"));
    const example = container.querySelector("#example")!;
    expect(example.textContent).toContain("?limit=1");
    expect(example.querySelectorAll("pre")).toHaveLength(2);
  });
});
