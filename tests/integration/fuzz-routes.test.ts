// Every loader and action of app/routes (and the root loader), called with random and
// hostile input: params ("-1", "1e99", "0x10", "../", 100 KB, unicode, NUL…), query
// strings, cookies and headers; form bodies with the app's own field names (read from
// the source) and random ones, repeated keys, multipart with junk files, bodies that are
// not forms and wrong content types; anonymous and signed in. Generated from the route
// manifest: a new route file is fuzzed without editing this file.
//
// What must hold, whatever the input:
//   - never a 5xx (a thrown error that is not a Response, a console.error, or returning
//     undefined is a 500 in Remix);
//   - never a stack trace or an internal path in a body;
//   - an error answer (status >= 400) leaves the database as it was (the exemptions, rate
//     limits, sliding session expiry and a form error's kept photos, are explained in
//     tests/support/route-harness.ts), and a loader never changes it ("no GET changes
//     anything");
//   - each run starts from the same seeded data (it runs in a savepoint, rolled back).
// FUZZ_RUNS=500 npx vitest run tests/integration/fuzz-routes.test.ts for a longer run.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { CHANNELS, LANGUAGES, SUBJECT_KINDS } from "#db/enums";
import { APPEAL_OUTCOMES } from "~/lib/appeal-form";
import { DECISIONS } from "~/lib/moderation-form";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import { isoDate } from "~/lib/review-schema";
import type * as Timing from "~/lib/timing.server";
import {
  changedTables,
  forbiddenChanges,
  invoke,
  isDenied,
  rolledBack,
  snapshot,
  stackTraceIn,
  type RouteAnswer,
  type Snapshot,
} from "../support/route-harness";
import { fillPath, loadRouteManifest, type RouteEntry } from "../support/route-manifest";
import { ROLES, seedWorld, type Identity, type World } from "../support/route-world";

// The log-in, sign-up and reset forms answer no sooner than 250 ms, so that the time tells
// nothing about an address; the fuzz measures no time, and skips the wait.
vi.mock("~/lib/timing.server", async (importOriginal) => ({
  ...(await importOriginal<typeof Timing>()),
  withMinimumDuration: <T>(_ms: number, work: () => Promise<T>) => work(),
}));

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const LOADER_RUNS = RUNS ?? 25;
const ACTION_RUNS = RUNS ?? 40;

// ─── Pools ────────────────────────────────────────────────────────────────────

/** Every .ts/.tsx file under app/, to read the field and value names the app uses. */
function appSources(dir = path.resolve("app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return appSources(full);
    return /\.(ts|tsx)$/.test(e.name) ? [fs.readFileSync(full, "utf8")] : [];
  });
}
const matchesOf = (re: RegExp, sources = appSources()) => [...new Set(sources.flatMap((src) => [...src.matchAll(re)].map((m) => m[1]!)))];

/** form.get("x"), searchParams.get("x"), params.getAll("x"), name="x" across app/, and the
 *  keys of the zod schemas (Conform forms name their fields after them). */
const FIELD_NAMES = [
  ...new Set([
    ...matchesOf(/(?:\.(?:get|getAll|has)\(|\bname=)"([A-Za-z_][\w-]{0,40})"/g),
    ...matchesOf(
      /^\s+([a-zA-Z]\w{0,40}):\s*(?:z\b|[a-zA-Z]+\()/gm,
      appSources().filter((src) => /from "zod"/.test(src)),
    ),
  ]),
].sort();
/** value="x", === "x", !== "x": the intents, enums and flags the code compares with. */
const VALUE_WORDS = matchesOf(/(?:\bvalue=|[!=]==\s*)"([^"\n\\]{1,40})"/g).sort();

const HOSTILE = [
  "",
  " ",
  "-1",
  "0",
  "-0",
  "1e99",
  "0x10",
  "1.5",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999",
  "../",
  "../../etc/passwd",
  "..%2F..%2Fetc",
  "%00",
  "\u0000",
  "a\u0000b",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "\\",
  "%",
  "%zz",
  "%E0%A4%A",
  "//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "😀",
  "\u202e",
  "\ud800",
  "\ufeff",
  "ǅ",
  "ß",
  "İ",
  "\r\n",
  "\t",
  " 1",
  "1 ",
  "01",
  "+1",
  "1/2",
  "1;2",
  "2024-02-30",
  "9999-12-31",
  "a".repeat(300),
  // Full-text and LIKE syntax (search, the review form's company finder).
  "NEAR(a b, 2)",
  "a OR",
  "AND",
  '"unterminated',
  "(",
  "*",
  "a*",
  "-a",
  "^a",
  "title:a",
  "%_%",
  "a'b",
];

/** Lone surrogates replaced, as decoding a URL path would. */
const wellFormed = (v: string) => v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) }, // lone surrogates too
  { weight: 1, arbitrary: controlChars },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => "x".repeat(n)) }, // up to 100 KB
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => "é😀\u0301".repeat(n)) },
);

/** Values that mean something here: the seeded ids, slugs and addresses, the enums. */
function validValues(w: World): string[] {
  return [...new Set([...Object.values(plausibleFields(w)).flat(), ...Object.values(paramPools(w)).flat(), ...VALUE_WORDS])];
}

/** A plausible value for each field the app's forms read, so that a form with a few
 *  fields spoiled gets past validation often enough to reach the models. Field names with
 *  no entry here still get sent, with any valid or hostile value. */
function plausibleFields(w: World): Record<string, string[]> {
  const emails = Object.values(w.users).map((u) => u.email);
  const password = w.users.member.password; // every seeded user has this one
  const text = ["Le vendeur a pris le temps de me conseiller, sans insister du tout.", "**Très** bien, merci.\n\n- rapide\n- poli"];
  return {
    email: [...emails, "nouvelle.adresse@example.test"],
    newEmail: ["nouvelle.adresse@example.test", emails[0]!],
    password: [password, "une autre phrase de passe assez longue"],
    currentPassword: [password],
    newPassword: ["une autre phrase de passe assez longue"],
    displayName: ["Jeanne D."],
    name: ["Jeanne D.", "Maison A — Lyon"],
    website: [""], // the honeypot: empty for people
    stars: ["1", "2", "3", "4", "5"],
    title: ["Accueil attentif"],
    body: text,
    explanation: text,
    experienceDate: [isoDate(Date.now() - 5 * 86_400_000)],
    channel: [...CHANNELS],
    recommend: ["yes", "no", ""],
    language: [...LANGUAGES],
    attestation: ["on"],
    goodFaith: ["on"],
    reason: [...MODERATION_REASON_IDS],
    target: ["review", "reply", "follow_up"],
    url: [`http://localhost/reviews/${w.reviewId}`, `http://localhost/reviews/${w.memberReviewId}`],
    companyId: [String(w.companyA.id), String(w.companyB.id)],
    reviewId: [String(w.reviewId), String(w.memberReviewId), String(w.heldReviewId)],
    id: [String(w.notificationId)],
    intent: ["save", "preview", "undo", "open", "revoke", "revoke-all", "password", "email", "resend", "appeal"],
    to: ["/notifications", `/reviews/${w.reviewId}`, "//evil.example"],
    redirectTo: ["/account", "//evil.example", "/\\evil.example"],
    resolved: ["1", "0"],
    reviews: ["anonymise", "remove"],
    confirmScripted: ["yes"],
    kind: [...SUBJECT_KINDS],
    city: ["Lyon"],
    address: ["3 rue de la République"],
    token: Object.values(w.tokens),
    // The moderators' decision form (the case page).
    decision: [...DECISIONS],
    statement: ["Cet avis ne décrit aucune expérience réelle avec l’entreprise."],
    version: [String(w.statementId), "0"],
    seenFlag: ["0", "999999"],
    editedAt: ["0"],
    // The appeal forms: the appellant's (statements) and the moderators' (the case page, intent=appeal).
    appealed: [String(w.statementId), "0"],
    seenAppeal: ["999999", "0"],
    outcome: [...APPEAL_OUTCOMES],
  };
}

/** The seeded things a route param may name, by param name; the first is the one that
 *  opens the most (the review under test, company A…). */
function paramPools(w: World): Record<string, string[]> {
  const userIds = Object.values(w.users).map((u) => String(u.id));
  return {
    id: [
      String(w.reviewId),
      String(w.memberReviewId),
      String(w.heldReviewId),
      String(w.removedReviewId),
      String(w.mailId),
      String(w.statementId),
      ...userIds,
    ],
    slug: [w.companyA.slug, w.companyB.slug, w.categorySlug],
    subject: [w.companyA.subjectSlug, w.companyB.subjectSlug],
    subjectId: [String(w.companyA.subjectId), String(w.companyB.subjectId)],
    key: [w.proofKey, `${w.proofKey}.thumb`],
    page: ["1"],
  };
}

/** Bodies that are not (well-formed) forms, and the types they come with. */
const RAW_CONTENT_TYPES = [
  "application/json",
  "text/plain",
  "multipart/form-data",
  "multipart/form-data; boundary=zzz",
  "multipart/form-data; boundary=",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "text/html; x=multipart/form-data",
  "application/x-www-form-urlencoded; charset=utf-16",
  "multipart/mixed; boundary=zzz",
  "Multipart/Form-Data; boundary=zzz",
];
const RAW_PAYLOADS = [
  '{"email":"a@b.c","password":"x"}',
  "[1,2,3]",
  '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
  "--zzz--",
  '--zzz\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
  "%zz=%",
  "a=%E0%A4%A&b=%FF",
  "\u0000\u0001",
  "",
];

type Body = { contentType?: string; body?: BodyInit; label: string };
const rawBody = (contentType: string | undefined, payload: string | Uint8Array): Body => ({
  contentType,
  body: typeof payload === "string" ? payload : new Uint8Array(payload),
  label: `raw ${contentType ?? "(no type)"} ${String(payload).slice(0, 100)}`,
});

// Header values must be ByteStrings without CR, LF or NUL (fetch refuses the rest).
const latin1 = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const huge = fc.integer({ min: 1_000, max: 64_000 }).map((n) => "h".repeat(n));
const cookieJunk = fc.oneof(
  latin1,
  huge.map((h) => `junk=${h}`),
  fc.constantFrom(
    "replique_session=",
    "replique_session=a.b",
    `replique_session=${"a".repeat(26)}.${"b".repeat(26)}`,
    "replique_session=%00",
    `replique_session=${"z".repeat(250)}`,
    "lang=zz",
    "lang=en; lang=fr",
    ";;;;",
    "=",
    "flash=%E0%A4%A",
    "flash=flash.nope",
    "flash=ImZsYXNoLm5vcGUi.forged",
  ),
);
const acceptLanguage = fc.oneof(
  latin1,
  huge,
  fc.constantFrom("*", "fr;q=abc", "en;q=-1", "zz-ZZ,xx;q=0.5", ";q=1", ",,,", "en;q=1e999", "EN", "fr-CA;q=0.9, en;q=0.8"),
);

interface Extras {
  role: Identity;
  cookieJunk?: string;
  junkFirst: boolean;
  acceptLanguage?: string;
  userAgent?: string;
  other?: [string, string];
}
const extras: fc.Arbitrary<Extras> = fc.record(
  {
    // The roles that get past the guards of the author's, the company's and the moderators' pages, more often.
    role: fc.constantFrom<Identity>(...ROLES, "suspended", "author", "author", "staffA", "staffA", "moderator"),
    cookieJunk,
    junkFirst: fc.boolean(),
    acceptLanguage,
    userAgent: fc.oneof(latin1, huge),
    other: fc.tuple(
      fc.constantFrom("If-None-Match", "X-Forwarded-Host", "X-Forwarded-For", "Content-Type", "Referer", "Sec-Fetch-Site"),
      latin1,
    ),
  },
  { requiredKeys: ["role", "junkFirst"] },
);

function headersOf(x: Extras, cookie: string): Headers {
  const headers = new Headers({ Origin: "http://localhost" });
  const cookies = [cookie, x.cookieJunk].filter(Boolean) as string[];
  if (x.junkFirst) cookies.reverse();
  if (cookies.length > 0) headers.set("Cookie", cookies.join("; "));
  if (x.acceptLanguage !== undefined) headers.set("Accept-Language", x.acceptLanguage);
  if (x.userAgent !== undefined) headers.set("User-Agent", x.userAgent);
  if (x.other) headers.set(x.other[0], x.other[1]);
  return headers;
}

// ─── Requests ─────────────────────────────────────────────────────────────────

type Arbs = ReturnType<typeof arbitraries>;

function arbitraries(w: World) {
  const valid = fc.constantFrom(...validValues(w));
  const value = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: hostile });
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "", "a[]", "a[0]", "email[]") },
  );
  const entries = fc.array(fc.tuple(name, value), { maxLength: 10 });

  // A plausible form (most known fields, each with a plausible value), then spoiled: a
  // few fields replaced by hostile values or repeated, a few random ones added.
  const fields = plausibleFields(w);
  const plausibleForm = fc.tuple(
    ...Object.entries(fields).map(([field, values]) =>
      fc
        .oneof(
          { weight: 4, arbitrary: fc.constant(values[0]!) }, // the first: the review under test, company A…
          { weight: 2, arbitrary: fc.constantFrom(...values) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
        .map((v) => (v === null ? null : ([field, v] as [string, string]))),
    ),
  );
  const spoiled = fc
    .tuple(plausibleForm, fc.array(fc.tuple(fc.constantFrom("replace", "repeat", "add"), name, value), { maxLength: 4 }))
    .map(([base, spoils]) => {
      const form = base.filter((e): e is [string, string] => e !== null);
      for (const [how, field, v] of spoils) {
        const at = form.findIndex(([k]) => k === field);
        if (how === "replace" && at >= 0) form[at] = [field, v];
        else form.push([field, v]);
      }
      return form;
    });
  const formEntries = fc.oneof({ weight: 3, arbitrary: spoiled }, { weight: 1, arbitrary: entries });

  const query = fc.oneof(
    { weight: 4, arbitrary: entries.map((e) => new URLSearchParams(e).toString()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "%",
        "%zz=1",
        "a=%E0%A4%A",
        "&&&",
        "=",
        "stars=1&stars=9&stars=x&stars=-1",
        "redirectTo=%2F%2Fevil.example",
        `before=${"9".repeat(50)}`,
        "before=1e99",
        "before=MTIzfDQ1Ng",
        "lang=zz",
        `q=${"%F0%9F".repeat(10)}`,
        "size=thumb&size=full",
        `to=${"a".repeat(5000)}`,
        "subject=1e3",
        "subject=-5",
        "subject=0x10",
        "company=%00",
        "token=../../",
        "before=9999999999999999_999999999999",
        `before=${Date.now()}_1`,
        `before=a${Date.now()}_1`,
        "before=r0_0",
        "before=0_0",
        `token=${w.tokens.reset}`,
        `token=${w.tokens.verify}`,
        `company=${w.companyA.slug}`,
        `subject=${w.companyA.subjectId}`,
      ),
    },
  );

  // Params as Remix passes them: decoded from the URL path, so never a lone surrogate.
  // Mostly something seeded (to get past the 404), else anything.
  const pools = paramPools(w);
  const param = (p: string) =>
    fc
      .oneof(
        { weight: 2, arbitrary: pools[p] ? fc.constant(pools[p][0]!) : valid },
        { weight: 2, arbitrary: pools[p] ? fc.constantFrom(...pools[p]) : valid },
        { weight: 2, arbitrary: value },
      )
      .map(wellFormed);
  const anyParams = (route: RouteEntry) =>
    fc.record(Object.fromEntries(route.params.map((p) => [p, param(p)])) as Record<string, fc.Arbitrary<string>>);
  // A third of the runs name the main seeded things in every param, to reach past the 404s.
  const mainParams = (route: RouteEntry) => fc.constant(Object.fromEntries(route.params.map((p) => [p, pools[p]?.[0] ?? "1"])));
  const params = (route: RouteEntry) => fc.oneof({ weight: 1, arbitrary: mainParams(route) }, { weight: 2, arbitrary: anyParams(route) });

  const file = fc.record({
    field: fc.constantFrom("photos", "proof", "body", "other"),
    name: fc.constantFrom("photo.jpg", "", "../../x.png", `${"x".repeat(300)}.webp`, "a\u0000.jpg"),
    type: fc.constantFrom("image/jpeg", "image/png", "text/plain", "", "application/octet-stream"),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom(...w.images.map((i) => i.bytes)),
      // Magic numbers with junk behind them: the decoder has to refuse these cleanly.
      fc
        .tuple(
          fc.constantFrom(
            [0xff, 0xd8, 0xff, 0xe0],
            [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
            [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
          ),
          fc.uint8Array({ maxLength: 200 }),
        )
        .map(([magic, rest]) => new Uint8Array([...magic, ...rest])),
    ),
  });
  const body: fc.Arbitrary<Body> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          formEntries,
          fc.constantFrom(
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8",
            "APPLICATION/X-WWW-FORM-URLENCODED",
          ),
        )
        .map(([e, contentType]) => ({
          contentType,
          body: new URLSearchParams(e).toString(),
          label: `urlencoded ${JSON.stringify(e).slice(0, 300)}`,
        })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(formEntries, fc.array(file, { maxLength: 3 })).map(([e, files]) => {
        const form = new FormData();
        for (const [k, v] of e) form.append(k, v);
        for (const f of files) form.append(f.field, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
        return { body: form, label: `multipart ${JSON.stringify(e).slice(0, 300)} + ${files.length} file(s)` };
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          contentType: fc.option(fc.oneof(latin1, fc.constantFrom(...RAW_CONTENT_TYPES)), { nil: undefined }),
          payload: fc.oneof(fc.constantFrom(...RAW_PAYLOADS), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })),
        })
        .map(({ contentType, payload }) => rawBody(contentType, payload)),
    },
  );
  // Run first, before the random ones: every hostile constant in every param, and every
  // kind of body that is not a form, with the main params.
  const roles = ["anonymous", "author", "staffA", "member", "moderator"] as const;
  const asRole = (i: number): Extras => ({ role: roles[i % roles.length]!, junkFirst: false });
  const main = (route: RouteEntry) => Object.fromEntries(route.params.map((p) => [p, pools[p]?.[0] ?? "1"]));
  const hostileParams = (route: RouteEntry) =>
    route.params.length === 0 ? [] : HOSTILE.map((h) => Object.fromEntries(route.params.map((p) => [p, wellFormed(h)])));
  const examples = {
    loader: (route: RouteEntry): [Record<string, string>, string, Extras, boolean][] =>
      hostileParams(route).map((params, i) => [params, "", asRole(i), false]),
    action: (route: RouteEntry): [Record<string, string>, Body, Extras, string][] => [
      ...hostileParams(route).map((params, i): [Record<string, string>, Body, Extras, string] => [
        params,
        rawBody("application/x-www-form-urlencoded", ""),
        asRole(i),
        "POST",
      ]),
      ...[undefined, ...RAW_CONTENT_TYPES].flatMap((type, i) =>
        RAW_PAYLOADS.filter((_, j) => (i + j) % 3 === 0).map((payload, j): [Record<string, string>, Body, Extras, string] => [
          main(route),
          rawBody(type, payload),
          asRole(i + j),
          "POST",
        ]),
      ),
    ],
  };

  return { query, params, extras, body, examples, method: fc.constantFrom("POST", "POST", "POST", "PUT", "PATCH", "DELETE") };
}

// ─── The checks ───────────────────────────────────────────────────────────────

/** FUZZ_STATS=1: the statuses each route answered, to see how deep the input went. */
const stats = new Map<string, Map<string, number>>();
afterAll(() => {
  if (!process.env.FUZZ_STATS) return;
  for (const [key, counts] of stats)
    process.stdout.write(
      `${key}: ${[...counts]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}\n`,
    );
});

function check(what: string, answer: RouteAnswer, before: Snapshot, after: Snapshot, options: { loader: boolean; key: string }) {
  const counts = stats.get(options.key) ?? new Map<string, number>();
  const status = isDenied(answer) && answer.status < 400 ? "login" : String(answer.status);
  counts.set(status, (counts.get(status) ?? 0) + 1);
  stats.set(options.key, counts);
  const fail = (why: string) => {
    const error = answer.error instanceof Error ? `\n${answer.error.stack}` : answer.error ? `\n${String(answer.error)}` : "";
    throw new Error(`${what}\n→ ${answer.status}: ${why}${error}\nbody: ${answer.body.slice(0, 300)}`);
  };
  if (answer.status >= 500) fail("a server error");
  const trace = stackTraceIn(answer.body);
  if (trace) fail(`a stack trace or internal detail in the body: …${trace}…`);
  if (answer.leakedErrors.length > 0) fail(`an Error object in the data: ${answer.leakedErrors.join(", ")}`);
  const changed = changedTables(before, after);
  if (options.loader && changed.length > 0) fail(`a loader changed the database (${changed.join(", ")})`);
  const wrong = forbiddenChanges(changed, answer.status);
  if (answer.status >= 400 && wrong.length > 0) fail(`an error answer, yet the database changed (${wrong.join(", ")})`);
}

/** Lets timers and messages in between runs (vitest's worker RPC times out otherwise on
 *  long FUZZ_RUNS, when every await of a run resolves without leaving the microtask queue). */
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

const describeRequest = (request: Request, params: Record<string, string>, role: string, label = "") =>
  `${request.method} ${request.url.slice(0, 300)} params=${JSON.stringify(params).slice(0, 300)} as ${role} ${label}`;

// ─── Generation ───────────────────────────────────────────────────────────────

const manifest = await loadRouteManifest();
const root = (await import("~/root")) as { loader?: RouteEntry["loader"] };
const targets: RouteEntry[] = [...manifest, { file: "../root.tsx", path: "/", params: [], loader: root.loader }];

let world: World;
let arbs: Arbs;
beforeAll(async () => {
  world = await seedWorld();
  arbs = arbitraries(world);
});

describe.each(targets.map((r) => [r.file, r] as const))("%s", (_file, route) => {
  if (route.loader)
    it("loader: hostile params, query strings and headers", { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(arbs.params(route), arbs.query, arbs.extras, fc.boolean(), async (params, query, x, head) => {
          await yieldToEventLoop();
          await rolledBack(async () => {
            const url = `http://localhost${fillPath(route.path, params)}${query ? `?${query}` : ""}`;
            const request = new Request(url, { method: head ? "HEAD" : "GET", headers: headersOf(x, world.cookie(x.role)) });
            const before = snapshot();
            const answer = await invoke(route.loader!, request, params);
            check(describeRequest(request, params, x.role), answer, before, snapshot(), { loader: true, key: `${route.file} loader` });
          });
        }),
        { numRuns: LOADER_RUNS, examples: arbs.examples.loader(route) },
      );
    });

  if (route.action)
    it("action: hostile forms, bodies and content types", { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(arbs.params(route), arbs.body, arbs.extras, arbs.method, async (params, body, x, method) => {
          await yieldToEventLoop();
          await rolledBack(async () => {
            const headers = headersOf(x, world.cookie(x.role));
            if (body.contentType !== undefined) headers.set("Content-Type", body.contentType);
            else if (!(body.body instanceof FormData)) headers.delete("Content-Type");
            const request = new Request(`http://localhost${fillPath(route.path, params)}`, { method, headers, body: body.body });
            const before = snapshot();
            const answer = await invoke(route.action!, request, params);
            check(describeRequest(request, params, x.role, body.label), answer, before, snapshot(), {
              loader: false,
              key: `${route.file} action`,
            });
          });
        }),
        { numRuns: ACTION_RUNS, examples: arbs.examples.action(route) },
      );
    });
});
