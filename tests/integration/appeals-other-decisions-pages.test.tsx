// The pages of an appeal against a decision of the queues, rendered in jsdom from real data:
// the suspension's statement opened from its mail's link without a session (the key), its
// appeal form — a plain <form method="post"> back to the keyed page, a labelled field, its
// error tied by aria, what was typed kept — then the appeal on the page; and the moderators'
// case page (/moderation/appeals/:id) with the appealed decision, the appellant's words and
// the two outcomes.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fileDecisionAppeal, getDecisionAppealCase } from "~/models/decision-appeals.server";
import { linksIn } from "~/models/mail.server";
import { decideUser } from "~/models/moderation-queues.server";
import CasePage from "~/routes/moderation.appeals_.$id";
import StatementPage, { action as statementAction, loader as statementLoader } from "~/routes/statements.decision.$id";
import { account, type Account, outboxFor } from "../support/fixtures";

afterEach(cleanup);

let moderator: Account;
let second: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Une" });
  second = await account({ role: "moderator", name: "Modérateur Deux" });
});

async function suspended(locale: "fr" | "en") {
  const member = await account({ locale, name: `Suspended ${locale}` });
  const decided = decideUser({
    actor: { id: moderator.id, role: "moderator" },
    userId: member.id,
    decision: "suspend",
    reason: "spam",
    statement: "Publicités répétées dans plusieurs avis, malgré un premier retrait.",
    version: 0,
  });
  if (!decided.ok) throw new Error(decided.kind);
  const mail = outboxFor(member.email).find((m) => m.template === "statement_suspend")!;
  const link = new URL(linksIn(mail.text).find((l) => l.includes("/statements/decision/"))!);
  return { member, decisionId: decided.decisionId, path: `${link.pathname}${link.search}` };
}

/** The stub's requests carry no cookie: the key in the address is all the reader has. */
const noContext =
  <A extends object, R>(fn: (args: A) => R) =>
  (args: A) =>
    fn({ ...args, context: {} });

describe("the suspension's statement, opened from the mail without a session", () => {
  it("(French) shows the appeal form: a real form back to the keyed page, its error tied by aria, what was typed kept; then the appeal", async () => {
    const s = await suspended("fr");
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "fr" }),
        children: [
          {
            path: "statements/decision/:id",
            loader: noContext(statementLoader),
            action: noContext(statementAction),
            Component: StatementPage,
          },
        ],
      },
    ]);
    const { container } = render(<Stub initialEntries={[s.path]} />);
    const section = await screen.findByRole("region", { name: "Faire appel de cette décision" });
    expect(container.textContent).toMatch(/sans vous connecter/);
    const form = section.querySelector("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe(s.path);
    const field = within(section).getByLabelText("Pourquoi cette décision devrait-elle changer ?");
    fireEvent.change(field, { target: { value: "Non." } });
    fireEvent.click(within(section).getByRole("button", { name: "Envoyer mon appel" }));
    await within(section).findByText("Écrivez au moins 10 caractères.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toMatch(/-error/);
    expect((field as HTMLTextAreaElement).value).toBe("Non.");
    fireEvent.change(field, { target: { value: "Je n’ai publié aucune publicité : ces avis décrivent de vrais achats." } });
    fireEvent.click(within(section).getByRole("button", { name: "Envoyer mon appel" }));
    const mine = await screen.findByRole("region", { name: "Votre appel" });
    expect(mine.textContent).toContain("Vous avez fait appel de cette décision le");
  });
});

describe("the appeal's case page", () => {
  it("(English) shows the appealed decision, the appellant's words, and uphold or overturn (reinstate)", async () => {
    const s = await suspended("en");
    const filed = fileDecisionAppeal({
      viewer: { id: s.member.id, role: "member" },
      decisionId: s.decisionId,
      explanation: "These reviews describe real purchases, not advertising.",
    });
    expect(filed.ok).toBe(true);
    const Stub = createRemixStub([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale: "en" }),
        children: [
          {
            path: "moderation/appeals/:id",
            loader: () => ({ case: getDecisionAppealCase(s.decisionId, { id: second.id, role: "moderator" })! }),
            Component: CasePage,
          },
        ],
      },
    ]);
    render(<Stub initialEntries={[`/moderation/appeals/${s.decisionId}`]} />);
    const panel = await screen.findByRole("region", { name: "Decide the appeal" });
    expect(panel.textContent).toContain("These reviews describe real purchases, not advertising.");
    expect(panel.textContent).toMatch(/Decision no\. \d+ appealed against: Account suspended/);
    expect(
      within(panel)
        .getAllByRole("radio")
        .map((r) => r.getAttribute("value")),
    ).toEqual(["uphold", "overturn"]);
    expect(within(panel).getByLabelText("Overturn it: reinstate the account")).toBeTruthy();
    expect((within(panel).getByLabelText("Reason") as HTMLSelectElement).value).toBe("spam");
    expect((panel.querySelector('input[name="seenAppeal"]') as HTMLInputElement).value).toBe(String(filed.ok ? filed.appealId : 0));
  });
});
