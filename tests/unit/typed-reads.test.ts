// Typed reads (ARCHITECTURE.md, "Reads are typed"): no model casts what a query returns.
// A read is typed by drizzle's builder, or by better-sqlite3's Statement generic
// (`client.prepare<[id: number], Row>(sql)`), never by `.get(...) as Row`. This test finds
// an `as` right after a `.get(`, `.all(`, `.run(` or `.prepare(` call in app/models/*.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MODELS_DIR = path.join(process.cwd(), "app/models");

// Files that still cast query results, only because other work was changing them when
// this rule came in. Each left the list once its casts were gone (the third test says when);
// it is empty now, and nothing joins it.
const ALLOWED = new Set<string>([]);

const CALL = /\.(?:get|all|run|prepare)\b/g;

/** The index just past the quote, template or bracket group that starts at `start`. */
function skipGroup(src: string, start: number): number {
  const open = src[start];
  if (open === '"' || open === "'") {
    let i = start + 1;
    while (i < src.length && src[i] !== open) i += src[i] === "\\" ? 2 : 1;
    return i + 1;
  }
  if (open === "`") {
    let i = start + 1;
    while (i < src.length && src[i] !== "`") {
      if (src[i] === "\\") i += 2;
      else if (src[i] === "$" && src[i + 1] === "{") i = skipGroup(src, i + 1);
      else i++;
    }
    return i + 1;
  }
  const close = { "(": ")", "[": "]", "{": "}", "<": ">" }[open];
  if (!close) return start + 1;
  let i = start + 1;
  while (i < src.length && src[i] !== close) {
    const c = src[i];
    if (c === "=" && src[i + 1] === ">")
      i += 2; // an arrow inside a type argument
    else if (c === '"' || c === "'" || c === "`" || c === "(" || c === "[" || c === "{" || (open === "<" && c === "<"))
      i = skipGroup(src, i);
    else i++;
  }
  return i + 1;
}

/** `file:line` of each cast right after a query call in `source`. */
function castsOnQueryResults(name: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(CALL)) {
    let i = match.index + match[0].length;
    if (source[i] === "<") i = skipGroup(source, i); // prepare<Params, Row>(…)
    if (source[i] !== "(") continue;
    i = skipGroup(source, i);
    const after = /^!?\s*as\s+(?!const\b)/.exec(source.slice(i));
    if (after) found.push(`${name}:${source.slice(0, i + after[0].length).split("\n").length}`);
  }
  return found;
}

function modelFiles() {
  return fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

describe("model reads are typed, not cast", () => {
  const files = modelFiles();
  const castsIn = (file: string) => castsOnQueryResults(`app/models/${file}`, fs.readFileSync(path.join(MODELS_DIR, file), "utf8"));

  it("finds the model files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("no model casts the result of .get/.all/.run/.prepare", () => {
    expect(files.filter((f) => !ALLOWED.has(f)).flatMap(castsIn)).toEqual([]);
  });

  it("the allowlist only holds files that still have such a cast (remove the others)", () => {
    const stale = [...ALLOWED].filter((f) => !files.includes(f) || castsIn(f).length === 0);
    expect(stale).toEqual([]);
  });

  it("catches each form of the cast, and nothing else", () => {
    const check = (source: string) => castsOnQueryResults("x.ts", source);
    expect(check(`const r = db.$client.prepare(sql).get(id) as Row | undefined;`)).toEqual(["x.ts:1"]);
    expect(
      check(
        `const rows = client\n  .prepare(\n    \`SELECT a FROM t WHERE b IN (\${ids.map(() => "?").join(",")})\`,\n  )\n  .all(...ids) as { a: number }[];`,
      ),
    ).toEqual(["x.ts:5"]);
    expect(check(`const n = (db.$client.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;`)).toEqual(["x.ts:1"]);
    expect(check(`const s = db.$client.prepare(sql) as Statement;`)).toEqual(["x.ts:1"]);
    expect(check(`const r = stmt.run(")", 'it\\'s') as unknown as RunResult;`)).toEqual(["x.ts:1"]);
    expect(check(`const r = db.select().from(t).get()! as Row;`)).toEqual(["x.ts:1"]);
    expect(check(`const r = client.prepare<[id: number], Row>(sql).get(id) as Other;`)).toEqual(["x.ts:1"]);
    // Typed reads, and casts that are not on a query result.
    expect(check(`const r = client.prepare<[id: number], { n: number }>(sql).get(id)!;`)).toEqual([]);
    expect(check(`const r = client.prepare<(string | number)[], Parameters<typeof f>[0]>(sql).all(...p);`)).toEqual([]);
    expect(check(`const r = db.select({ n: count() }).from(t).where(eq(t.id, id)).get();`)).toEqual([]);
    expect(check(`const m = new Map<string, string>(); const v = m.get(k) ?? "";`)).toEqual([]);
    expect(check(`const keys = Object.keys(CHECKS) as CheckCode[];`)).toEqual([]);
    expect(check(`const row = stmt.get(id); const t = row.kind as Kind;`)).toEqual([]);
  });
});
