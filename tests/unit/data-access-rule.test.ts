// The data-access rule (db/client.server.ts, ARCHITECTURE.md): routes reach the database
// only through app/models. No route calls getDb() or imports the database handle, the
// schema, drizzle-orm or better-sqlite3.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES_DIR = path.join(process.cwd(), "app/routes");

const FORBIDDEN_MODULES = [
  /^~\/db(\/|$)/,
  /^#db\/(client\.server|schema)$/,
  /(^|\/)db\/(client\.server|schema)(\.ts)?$/,
  /^drizzle-orm(\/|$)/,
  /^better-sqlite3$/,
];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) ? [full] : [];
  });
}

function importedModules(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...source.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return specifiers.map((m) => m[1]);
}

function dataAccessViolations(file: string, source: string): string[] {
  const name = path.relative(process.cwd(), file);
  const found: string[] = [];
  if (/\bgetDb\b/.test(source)) found.push(`${name}: uses getDb`);
  for (const module of importedModules(source)) {
    if (FORBIDDEN_MODULES.some((pattern) => pattern.test(module))) found.push(`${name}: imports ${module}`);
  }
  return found;
}

describe("routes never touch the database handle", () => {
  const files = routeFiles(ROUTES_DIR);

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("no route calls getDb() or imports the database, the schema or drizzle", () => {
    const violations = files.flatMap((file) => dataAccessViolations(file, fs.readFileSync(file, "utf8")));
    expect(violations).toEqual([]);
  });

  it("catches each forbidden form", () => {
    const file = path.join(ROUTES_DIR, "example.tsx");
    expect(dataAccessViolations(file, `const x = getDb();`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import { getDb } from "#db/client.server";`)).toHaveLength(2);
    expect(dataAccessViolations(file, `import type { Db } from "#db/client.server";`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import { reviews } from "#db/schema";`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import { reviews } from "../../db/schema";`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import { eq } from "drizzle-orm";`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import { alias } from "drizzle-orm/sqlite-core";`)).toHaveLength(1);
    expect(dataAccessViolations(file, `import x from "~/db/anything";`)).toHaveLength(1);
    expect(
      dataAccessViolations(file, `import { SUBJECT_KINDS } from "#db/enums";\nimport { getPublicReview } from "~/models/reviews.server";`),
    ).toEqual([]);
  });
});
