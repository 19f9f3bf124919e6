// A reporter whose flagging is suspended for abusive flagging (app/lib/flag-policy.ts:
// warned, then refused for FLAG_SUSPENSION_DAYS) is told until when, in their language,
// on the flag form (/reviews/:id/flag) and on the public notice form (/report): the pages
// rendered in jsdom with their real loaders and actions, the suspension from the log.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { formatDate } from "~/i18n";
import { FLAG_SUSPENSION_DAYS } from "~/lib/flag-policy";
import { FLAGGING_SUSPENDED, reporterStanding } from "~/models/flags.server";
import FlagPage, { action as flagAction, loader as flagLoader } from "~/routes/reviews.$id_.flag";
import ReportPage, { action as reportAction, loader as reportLoader } from "~/routes/report";
import { account, type Account, thread } from "../support/fixtures";

afterEach(cleanup);

const DAY = 86_400_000;
const EXPLANATION = "Ce texte ne décrit pas une expérience réelle avec ce magasin.";

let reporter: Account;
let reviewId: number;
let until: number;

beforeAll(async () => {
  reporter = await account({ name: "Serial Reporter" });
  const author = await account();
  const staff = await account();
  reviewId = thread(author.id, staff.id).reviewId;
  // Suspended ten days ago by the abuse rule (an automatic row of the moderation log).
  const at = Date.now() - 10 * DAY;
  getDb()
    .$client.prepare(
      `INSERT INTO moderation_decisions (actor_id, automated, target_type, target_id, decision, reason, statement, created_at)
       VALUES (NULL, 1, 'user', ?, ?, 'abusive_flagging', 'Suspension automatique des signalements.', ?)`,
    )
    .run(reporter.id, FLAGGING_SUSPENDED, at);
  until = at + FLAG_SUSPENSION_DAYS * DAY;
  expect(reporterStanding(getDb(), { kind: "user", id: reporter.id }).suspendedUntil).toBe(until);
});

/** A route's real loader or action as the reporter, in `locale` (the stub's requests carry no cookie). */
function asReporter<A extends { request: Request }>(locale: "fr" | "en", fn: (args: A) => unknown) {
  return async (args: A) => {
    const { request } = args;
    const signed = new Request(request.url, {
      method: request.method,
      body: request.method === "GET" ? undefined : await request.formData(),
      headers: { Cookie: `${reporter.cookie}; lang=${locale}` },
    });
    return fn({ ...args, request: signed, context: { clientIp: "198.51.100.21" } });
  };
}

function flagsOf(userId: number) {
  return (getDb().$client.prepare(`SELECT count(*) AS n FROM flags WHERE reporter_user_id = ?`).get(userId) as { n: number }).n;
}

describe(`a suspended reporter is told until when their reports are refused`, () => {
  for (const locale of ["fr", "en"] as const) {
    it(`on the flag form (${locale})`, async () => {
      const Stub = createRemixStub([
        {
          id: "root",
          path: "/",
          loader: () => ({ locale }),
          children: [
            {
              path: "reviews/:id/flag",
              loader: asReporter(locale, flagLoader),
              action: asReporter(locale, flagAction),
              Component: FlagPage,
            },
          ],
        },
      ]);
      render(<Stub initialEntries={[`/reviews/${reviewId}/flag`]} />);
      const reason = await screen.findByLabelText(locale === "fr" ? "Motif" : "Reason");
      fireEvent.change(reason, { target: { value: "not_an_experience" } });
      fireEvent.change(screen.getByLabelText(locale === "fr" ? "Qu’est-ce qui ne va pas ?" : "What is wrong?"), {
        target: { value: EXPLANATION },
      });
      fireEvent.click(screen.getByRole("button", { name: locale === "fr" ? "Envoyer le signalement" : "Send the report" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain(formatDate(locale, until));
      expect(alert.textContent).toMatch(locale === "fr" ? /suspendus jusqu’au/ : /suspended until/);
      expect(flagsOf(reporter.id)).toBe(0);
    });

    it(`on /report (${locale})`, async () => {
      const Stub = createRemixStub([
        {
          id: "root",
          path: "/",
          loader: () => ({ locale }),
          children: [
            { path: "report", loader: asReporter(locale, reportLoader), action: asReporter(locale, reportAction), Component: ReportPage },
          ],
        },
      ]);
      render(<Stub initialEntries={[`/report?review=${reviewId}`]} />);
      const form = (await screen.findByRole("button", { name: locale === "fr" ? "Envoyer le signalement" : "Send the report" })).closest(
        "form",
      )!;
      fireEvent.change(within(form).getByLabelText(locale === "fr" ? "Motif" : "Reason"), { target: { value: "not_an_experience" } });
      fireEvent.change(within(form).getByLabelText(locale === "fr" ? "Explication" : "Explanation"), { target: { value: EXPLANATION } });
      fireEvent.click(within(form).getByRole("checkbox"));
      fireEvent.click(within(form).getByRole("button", { name: locale === "fr" ? "Envoyer le signalement" : "Send the report" }));
      const alert = await within(form).findByRole("alert");
      expect(alert.textContent).toContain(formatDate(locale, until));
      expect(alert.textContent).toMatch(locale === "fr" ? /suspendus jusqu’au/ : /suspended until/);
      // What was typed is kept.
      expect((within(form).getByLabelText(locale === "fr" ? "Explication" : "Explanation") as HTMLTextAreaElement).value).toBe(EXPLANATION);
      expect(flagsOf(reporter.id)).toBe(0);
    });
  }
});
