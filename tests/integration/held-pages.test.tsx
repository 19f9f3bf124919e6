// The held-reviews pages rendered in jsdom from real data: the queue (the check, its
// evidence, the time left), the case page's Conform form (labelled fields, hints and
// errors tied by aria attributes, errors in the visitor's language, a decision through the
// real action), the statement of reasons — and the promise /transparency makes about the
// publication delay, kept by the job runner's deadline job.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { getHeldCase, getPublicationStatement, listHeldQueue } from "~/models/held-reviews.server";
import { createJobRunner, SITE_JOBS } from "~/models/jobs.server";
import HeldQueue from "~/routes/moderation.held";
import HeldCasePage, { action as caseAction } from "~/routes/moderation.held_.$id";
import PublicationStatementPage from "~/routes/statements.publication.$id";
import Transparency, { loader as transparencyLoader } from "~/routes/transparency";
import { account, type Account, holdReview, makeCompany } from "../support/fixtures";

afterEach(cleanup);

const HOUR = 3_600_000;
let moderator: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator" });
});

const status = (id: number) => (getDb().$client.prepare(`SELECT status FROM reviews WHERE id = ?`).get(id) as { status: string }).status;

/** A review held by the phone check, by a new French-speaking author. */
async function held(options: { now?: number } = {}) {
  const author = await account({ locale: "fr", name: "Autrice Retenue" });
  const company = makeCompany({ name: `Maison Retenue ${Math.random().toString(36).slice(2, 6)}` });
  const reviewId = holdReview({ authorId: author.id, subjectId: company.subjectId, now: options.now });
  return { ...company, reviewId, author };
}

describe("the queue page", () => {
  it("shows each review with the check that held it, what it found, and the time left (English and French)", async () => {
    const world = await held({ now: Date.now() - 70 * HOUR });
    for (const [locale, heading, left] of [
      ["en", "Reviews held by the automatic checks", /2 hours left before it is published automatically/],
      ["fr", "Avis retenus par les contrôles automatiques", /2 heures avant sa publication automatique/],
    ] as const) {
      const Stub = createRemixStub([
        {
          id: "root",
          path: "/",
          loader: () => ({ locale }),
          children: [
            { path: "moderation/held", loader: () => ({ page: listHeldQueue({ limit: 500 }), now: Date.now() }), Component: HeldQueue },
          ],
        },
      ]);
      render(<Stub initialEntries={["/moderation/held"]} />);
      expect(await screen.findByRole("heading", { level: 1, name: heading })).toBeTruthy();
      const item = screen.getByRole("article", { name: new RegExp(`Maison Retenue`) });
      expect(item.textContent).toMatch(left);
      expect(within(item).getByText("06 12 34 56 78").tagName).toBe("CODE");
      expect(
        within(item)
          .getAllByRole("link", { name: new RegExp(`Maison Retenue`) })[0]!
          .getAttribute("href"),
      ).toBe(`/moderation/held/${world.reviewId}`);
      cleanup();
    }
    // That review: leave it to the deadline test below.
    getDb().$client.prepare(`UPDATE reviews SET status = 'deleted' WHERE id = ?`).run(world.reviewId);
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
            path: "moderation/held/:id",
            loader: () => ({ case: getHeldCase(reviewId, { id: moderator.id, role: "moderator" })!, now: Date.now() }),
            // The real action, as the moderator (the stub's request carries no cookie).
            action: async ({ request, params }) => {
              const signed = new Request(request.url, {
                method: "POST",
                body: await request.formData(),
                headers: { Cookie: moderator.cookie },
              });
              return caseAction({ request: signed, params, context: {} });
            },
            Component: HeldCasePage,
          },
          { path: "moderation/held", Component: () => <h1>Queue</h1> },
        ],
      },
    ]);
    return render(<Stub initialEntries={[`/moderation/held/${reviewId}`]} />);
  }

  it("labels every field, preselects the rule the check was about, and answers errors next to the fields (English)", async () => {
    const world = await held();
    renderCase(world.reviewId, "en");
    const form = await screen.findByRole("region", { name: "Decide" });
    const radios = within(form).getAllByRole("radio");
    expect(radios.map((r) => r.getAttribute("value"))).toEqual(["publish", "refuse"]);
    expect(radios.every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    const reason = within(form).getByLabelText("Rule examined") as HTMLSelectElement;
    expect(reason.value).toBe("personal_data");
    const statement = within(form).getByLabelText("Statement to the author");
    expect(reason.getAttribute("aria-describedby")).toContain("-hint");
    expect(statement.getAttribute("aria-describedby")).toContain("-hint");
    expect(screen.getByRole("heading", { name: "Why it was held" })).toBeTruthy();
    expect(screen.getAllByText("06 12 34 56 78").length).toBeGreaterThan(0);

    fireEvent.change(statement, { target: { value: "Too short" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record the decision" }));
    await within(form).findByText("Choose to publish or to refuse.");
    expect(within(form).getByText("Write at least 20 characters: the author must understand the decision.")).toBeTruthy();
    expect(statement.getAttribute("aria-invalid")).toBe("true");
    expect(statement.getAttribute("aria-describedby")).toMatch(/-error/);
    expect((statement as HTMLTextAreaElement).value).toBe("Too short");
    expect(status(world.reviewId)).toBe("held");
  });

  it("publishes through the real action, in French", async () => {
    const world = await held();
    renderCase(world.reviewId, "fr");
    const form = await screen.findByRole("region", { name: "Décider" });
    fireEvent.click(within(form).getByLabelText("Publier"));
    fireEvent.change(within(form).getByLabelText("Exposé à l’auteur"), {
      target: { value: "Le numéro est celui du standard du magasin, affiché sur sa vitrine : rien à retirer." },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer la décision" }));
    await waitFor(() => expect(status(world.reviewId)).toBe("published"));
    expect(await screen.findByRole("heading", { name: "Queue" })).toBeTruthy();
  });
});

describe("the statement of an automatic publication", () => {
  it("says what was decided, the facts, that automated means were used, the ground and how to contest (French)", async () => {
    const world = await held({ now: Date.now() - (MAX_PUBLICATION_DELAY_HOURS + 1) * HOUR });
    const runner = createJobRunner({ jobs: SITE_JOBS, holder: "statement-test", now: () => Date.now() });
    await runner.tick();
    await runner.stop();
    const decision = getDb()
      .$client.prepare(`SELECT id FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`)
      .get(world.reviewId) as { id: number };
    const statement = getPublicationStatement(decision.id, { id: world.author.id, role: "member" })!;
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "fr" }),
        children: [{ path: "statements/publication/:id", loader: () => ({ statement }), Component: PublicationStatementPage }],
      },
    ]);
    render(<Stub initialEntries={[`/statements/publication/${decision.id}`]} />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Exposé des motifs\u202F: votre avis a été publié automatiquement" }),
    ).toBeTruthy();
    for (const name of ["Ce qui a été décidé", "Les faits", "Moyens automatisés", "Fondement", "Pour contester"]) {
      expect(screen.getByRole("heading", { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByRole("region", { name: "Moyens automatisés" }).textContent).toContain(
      "Cette décision a été prise par des moyens automatisés",
    );
    expect(screen.getByRole("link", { name: "Cette règle et les autres, sur notre page transparence" }).getAttribute("href")).toBe(
      "/transparency#delay",
    );
  });
});

describe("the promises of /transparency", () => {
  it("the 72-hour publication limit on /transparency is kept by the deadline job", async () => {
    // What the page promises, read from the page itself.
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [{ path: "transparency", loader: transparencyLoader, Component: Transparency }],
      },
    ]);
    const { container } = render(<Stub initialEntries={["/transparency"]} />);
    const delay = await waitFor(() => {
      const section = container.querySelector("#delay");
      if (!section) throw new Error("no #delay section yet");
      return section.textContent ?? "";
    });
    const promised = Number(/nobody has decided within (\d+) hours, it is published automatically/.exec(delay)?.[1]);
    expect(promised).toBe(72);
    expect(promised).toBe(MAX_PUBLICATION_DELAY_HOURS);

    // The site's job runner, on a fake clock, with the site's jobs (the lease row of an
    // earlier run, on the real clock, is cleared first: this clock is in the past).
    getDb().$client.prepare(`DELETE FROM job_leases WHERE name = 'publication-deadline'`).run();
    const heldAt = Date.now() - 500 * HOUR; // older than any other review of this file
    const world = await held({ now: heldAt });
    let now = heldAt + promised * HOUR - 60_000;
    const runner = createJobRunner({ jobs: SITE_JOBS, holder: "promise-test", now: () => now, tickMs: 5_000 });
    expect(await runner.tick()).toContain("publication-deadline");
    expect(status(world.reviewId)).toBe("held"); // a minute before the limit: still held
    now += 60_000; // the lease of the last run has run out: the next run, at the limit
    expect(await runner.tick()).toContain("publication-deadline");
    expect(status(world.reviewId)).toBe("published");
    const logged = getDb()
      .$client.prepare(
        `SELECT actor_id AS actorId, automated, decision FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`,
      )
      .all(world.reviewId);
    expect(logged).toEqual([{ actorId: null, automated: 1, decision: "publish" }]);
    await runner.stop();
  });
});
