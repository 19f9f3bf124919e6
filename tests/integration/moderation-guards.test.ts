// Every /moderation loader and action refuses anonymous visitors (log-in page, back here
// afterwards), members and company staff (403), and lets moderators and admins in. The
// table is generated from the files app/routes/moderation*.tsx: a new route without a
// guard fails here without anyone editing this file.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { account, type Account, callAction, callLoader, getRequest, postRequest, thread } from "../support/fixtures";

type RouteFn = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
interface RouteModule {
  loader?: RouteFn;
  action?: RouteFn;
}

const ROUTES = path.resolve("app/routes");
const files = fs
  .readdirSync(ROUTES)
  .filter((f) => /^moderation(\.|$)/.test(f) && f.endsWith(".tsx"))
  .sort();

/** The URL of a flat route file, with its params filled in. */
function urlOf(file: string, params: Record<string, string>) {
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "1") : s.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

let people: Record<"member" | "staff" | "moderator" | "admin", Account>;
let reviewId: number;

beforeAll(async () => {
  people = {
    member: await account(),
    staff: await account(),
    moderator: await account({ role: "moderator" }),
    admin: await account({ role: "admin" }),
  };
  const author = await account();
  reviewId = thread(author.id, people.staff.id).reviewId;
});

describe("the /moderation routes", () => {
  it("are found on disk (the table below is not empty)", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "moderation.tsx",
        "moderation._index.tsx",
        "moderation.flags.tsx",
        "moderation.appeals.tsx",
        "moderation.reviews.$id.tsx",
      ]),
    );
    for (const file of files)
      expect(fs.readFileSync(path.join(ROUTES, file), "utf8")).toMatch(/(require(Moderator|Admin|Role)|loadQueue(Case|List))\(request/);
  });

  for (const file of files) {
    describe(file, () => {
      let mod: RouteModule;
      let params: Record<string, string>;
      let url: string;
      beforeAll(async () => {
        mod = (await import(/* @vite-ignore */ path.join(ROUTES, file))) as RouteModule;
        params = { id: String(reviewId) };
        url = urlOf(file, params);
      });

      const run = (kind: "loader" | "action", cookie?: string) => {
        const fn = mod[kind];
        if (!fn) return null;
        const headers = cookie ? { cookie } : {};
        const request =
          kind === "loader"
            ? getRequest(url, headers)
            : postRequest(
                url,
                {
                  target: "review",
                  decision: "remove",
                  reason: "offensive",
                  statement: "x".repeat(40),
                  version: "0",
                  seenFlag: "0",
                  editedAt: "0",
                },
                headers,
              );
        return kind === "loader" ? callLoader(fn, request, params) : callAction((args) => fn({ ...args, params }), request);
      };

      for (const kind of ["loader", "action"] as const) {
        it(`${kind}: anonymous visitors go to the log-in page, back here afterwards`, async () => {
          const res = await run(kind);
          if (!res) return;
          expect(res.status).toBe(302);
          expect(res.location).toBe(`/login?${new URLSearchParams({ redirectTo: url })}`);
        });

        it(`${kind}: members and company staff get 403`, async () => {
          for (const who of [people.member, people.staff]) {
            const res = await run(kind, who.cookie);
            if (!res) return;
            expect(res.status, `${who.email}`).toBe(403);
          }
        });

        if (kind === "loader") {
          // Pages about something else than a review (a proof, a suggestion, a claim, a company,
          // an appeal against a decision of the queues) get
          // the review's id here and answer 404: in, but nothing to show. route-matrix.test.ts
          // gives each its own params. /moderation/team and /moderation/categories are the administrators' only.
          const aboutAReview = !/^moderation\.(proofs_|suggestions_|conduct_|claims_|appeals_|users|companies)\./.test(file);
          it("loader: moderators and admins get the page", async () => {
            const staff = ["moderation.team.tsx", "moderation.categories.tsx"].includes(file)
              ? [people.admin]
              : [people.moderator, people.admin];
            for (const who of staff) {
              const res = await run(kind, who.cookie);
              expect(aboutAReview ? [200] : [200, 404]).toContain(res!.status);
            }
          });
        }
      }
    });
  }

  it("nothing was decided by the refused actions", () => {
    const n = getDb().$client.prepare(`SELECT count(*) AS n FROM moderation_decisions WHERE target_id = ?`).get(reviewId) as { n: number };
    expect(n.n).toBe(0);
  });
});
