// Calling a route's loader or action as Remix does, and telling what the database did
// meanwhile. For the generated route tests (fuzz-routes, route-matrix).
import crypto from "node:crypto";
import { getDb } from "#db/client.server";
import type { RouteEntry } from "./route-manifest";

export const CLIENT_IP = "198.51.100.7";

export interface RouteAnswer {
  /** The answer's status; 500 when the function threw something that is not a Response
   *  (Remix would render the 500 page) or returned undefined (Remix refuses that too). */
  status: number;
  location: string | null;
  /** The body as text (a Response's, or the returned data as JSON). */
  body: string;
  /** The error behind a 500, for the failure message. */
  error?: unknown;
  /** Error objects found in returned data (they would be serialized to the client). */
  leakedErrors: string[];
}

/** Runs `fn` like Remix: `{ request, params, context }`, thrown Responses are answers. */
export async function invoke(
  fn: NonNullable<RouteEntry["loader"]>,
  request: Request,
  params: Record<string, string>,
): Promise<RouteAnswer> {
  let value: unknown;
  try {
    value = await fn({ request, params, context: { clientIp: CLIENT_IP } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) return { status: 500, location: null, body: "", error: thrown, leakedErrors: [] };
    value = thrown;
  }
  if (value === undefined) {
    return { status: 500, location: null, body: "", error: new Error("returned undefined (Remix answers 500)"), leakedErrors: [] };
  }
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), body: await value.text(), leakedErrors: [] };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return {
      status: value.init?.status ?? 200,
      location: headers.get("Location"),
      body: safeJson(value.data),
      leakedErrors: errorsIn(value.data),
    };
  }
  return { status: 200, location: null, body: safeJson(value), leakedErrors: errorsIn(value) };
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function safeJson(value: unknown) {
  try {
    return JSON.stringify(value) ?? "";
  } catch (error) {
    return `[unserializable: ${String(error)}]`;
  }
}

/** Error instances anywhere in the data (a loader that returns a caught error leaks it). */
function errorsIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (value instanceof Error) return [String(value)];
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((v) => errorsIn(v, seen));
}

/** What a stack trace or an internal error looks like in a body. */
const STACK_TRACE = new RegExp(
  [
    String.raw`\n\s*at\s+\S.*:\d+:\d+`, // "    at fn (file.ts:12:3)"
    String.raw`\bat\s+(async\s+)?\S+\s+\((file:\/\/|node:|\/)`, // "at fn (/path" on one line
    String.raw`\b(SqliteError|TypeError|ReferenceError|RangeError|SyntaxError)\b`,
    String.raw`node_modules[\\/]`,
    process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
  ].join("|"),
);

export function stackTraceIn(body: string): string | null {
  const match = STACK_TRACE.exec(body);
  return match ? body.slice(Math.max(0, match.index - 80), match.index + 120) : null;
}

/** An answer that refuses the caller: 401, 403, 404 (a private thing does not exist for
 *  whoever may not see it), 405, or a redirect to the log-in page. */
export function isDenied(answer: RouteAnswer) {
  if ([401, 403, 404, 405].includes(answer.status)) return true;
  return answer.status >= 300 && answer.status < 400 && /^\/login(?:[?#]|$)/.test(answer.location ?? "");
}

// ─── The database ─────────────────────────────────────────────────────────────

/** Writes that a refused request may legitimately make, so a snapshot leaves them out:
 *  - rate_limits: counting refused attempts is their job (a wrong password, a 429 past the
 *    limit, a preview over quota): the answer is an error *because* the counter moved.
 *  - sessions.last_seen_at / expires_at: the sliding expiry of any signed-in request,
 *    whatever it answers (members hourly, moderators every minute). Creating, deleting or
 *    re-owning a session is still a change.
 *  Nothing else: no outbox mail or notification survives a refused request. */
const EXEMPT_TABLES = new Set(["rate_limits"]);
const EXEMPT_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at", "expires_at"] };

/** What a form error ("fix this and send it again": 400, 409, 422, 429) may also change:
 *  the review form keeps the photos it stored as the author's pending uploads (swept after
 *  24 h), so that the corrected form does not lose them. Never on 401, 403 or 404. */
const FORM_ERROR_STATUSES = [400, 409, 422, 429];
const FORM_ERROR_TABLES = ["pending_uploads"];

/** The changed tables that an answer with this status may not have changed. */
export function forbiddenChanges(changed: string[], status: number): string[] {
  return FORM_ERROR_STATUSES.includes(status) ? changed.filter((t) => !FORM_ERROR_TABLES.includes(t)) : changed;
}

let tableList: { name: string; columns: string[] }[] | undefined;

function tables() {
  if (!tableList) {
    const client = getDb().$client;
    const names = client
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    tableList = names
      .filter((name) => !EXEMPT_TABLES.has(name))
      .map((name) => {
        const all = (client.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter(
          (c) => !(EXEMPT_COLUMNS[name] ?? []).includes(c),
        );
        return { name, columns: all };
      });
  }
  return tableList;
}

export type Snapshot = Map<string, string>;

/** A hash of every table's rows (small test data: cheap), minus the exemptions above. */
export function snapshot(): Snapshot {
  const client = getDb().$client;
  const result: Snapshot = new Map();
  for (const { name, columns } of tables()) {
    const select = columns.length > 0 ? columns.map((c) => `"${c}"`).join(", ") : "*";
    const rows = client.prepare(`SELECT ${select} FROM "${name}"`).raw().all();
    const hash = crypto
      .createHash("sha1")
      .update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v)))
      .digest("hex");
    result.set(name, `${rows.length}:${hash}`);
  }
  return result;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}

/** Runs `fn` inside a savepoint and rolls everything back afterwards, so that each call
 *  starts from the same seeded data (a successful delete does not starve the next run).
 *  Model transactions nest as savepoints in better-sqlite3. Calls must not overlap. */
export async function rolledBack<T>(fn: () => Promise<T>): Promise<T> {
  const client = getDb().$client;
  client.exec("SAVEPOINT route_test");
  try {
    return await fn();
  } finally {
    client.exec("ROLLBACK TO route_test");
    client.exec("RELEASE route_test");
  }
}
