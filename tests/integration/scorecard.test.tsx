// The right-of-reply scorecard on the company page (app/components/Scorecard.tsx): the
// company's reports and the reviews they were about are two figures (a review can be
// reported more than once), each labelled for what it counts, and the share upheld comes
// with the decided reports it is a share of — in French and in English.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Scorecard } from "~/components/Scorecard";
import type { Scorecard as ScorecardData } from "~/models/companies.server";

afterEach(cleanup);

const card: ScorecardData = {
  negativeCount: 10,
  negativeAnswered: 7,
  medianReplyDelay: 5 * 3_600_000,
  flaggedCount: 9,
  flagsFiled: 12,
  flagsDecided: 5,
  flagsUpheld: 2,
};

async function shown(locale: "fr" | "en", data: ScorecardData) {
  const Stub = createRemixStub([{ id: "root", path: "/", loader: () => ({ locale }), Component: () => <Scorecard data={data} /> }]);
  render(<Stub initialEntries={["/"]} />);
  await screen.findByRole("heading", { name: locale === "fr" ? "Bilan du droit de réponse" : "Right-of-reply scorecard" });
  return Object.fromEntries(
    [...document.querySelectorAll("dl.scorecard > div")].map((d) => [
      d.querySelector("dt")!.textContent,
      d.querySelector("dd")!.textContent,
    ]),
  );
}

describe("the scorecard's reports", () => {
  it("shows the reports filed and the distinct reviews they were about under labels that tell them apart (French)", async () => {
    const figures = await shown("fr", card);
    expect(figures["Signalements déposés par l’entreprise"]).toBe("12");
    expect(figures["Avis distincts visés par ces signalements"]).toBe("9");
    expect(figures["Part de ses signalements tranchés qui ont été retenus"]).toBe("40 % (2 sur 5)");
    expect(Object.keys(figures)).not.toContain("Avis signalés par l’entreprise");
    expect(document.body.textContent).toContain("Un avis peut être signalé plusieurs fois");
  });

  it("the same in English, in that order: reports, reviews, share upheld", async () => {
    const figures = await shown("en", card);
    const labels = Object.keys(figures);
    expect(labels.slice(-3)).toEqual([
      "Reports filed by the company",
      "Distinct reviews those reports were about",
      "Share of its decided reports upheld",
    ]);
    expect(figures["Share of its decided reports upheld"]).toBe("40 % (2 of 5)");
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("says nothing more when each report was about a review of its own, and shows a dash when none was decided", async () => {
    const figures = await shown("en", { ...card, flaggedCount: 3, flagsFiled: 3, flagsDecided: 0, flagsUpheld: 0 });
    expect(figures["Reports filed by the company"]).toBe("3");
    expect(figures["Distinct reviews those reports were about"]).toBe("3");
    expect(figures["Share of its decided reports upheld"]).toBe("—");
    expect(document.body.textContent).not.toContain("more than once");
  });
});
