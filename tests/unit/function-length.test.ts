// Small functions (issue 8, ARCHITECTURE.md "Small, clear code"): no function, method or
// component in app/ spans more than MAX_LINES lines. A long one is split where its parts
// have names (a query, a mapping, a section of a page), not cut at an arbitrary line.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const APP_DIR = path.join(process.cwd(), "app");
const MAX_LINES = 120;

// Functions over the limit when this rule came in; each leaves the list once it is split
// (the second test says when), and nothing joins it.
const ALLOWED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  for (let outer = node.parent; outer; outer = outer.parent) if (ts.isFunctionLike(outer)) return `${nameOf(outer)} › callback`;
  return "(anonymous)";
}

/** `file:name (lines)` of every function longer than MAX_LINES in `file`. */
function longFunctions(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) found.push(`${path.relative(APP_DIR, file)}:${nameOf(node)} (${lines})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const found = sourceFiles(APP_DIR).flatMap(longFunctions);
const key = (entry: string) => entry.replace(/ \(\d+\)$/, "");

describe(`no function in app/ is longer than ${MAX_LINES} lines`, () => {
  it("finds none outside the list of those still to split", () => {
    expect(found.filter((entry) => !ALLOWED.has(key(entry)))).toEqual([]);
  });

  it("lists only functions that are still too long", () => {
    const still = new Set(found.map(key));
    expect([...ALLOWED].filter((entry) => !still.has(entry))).toEqual([]);
  });

  it("measures: a function of MAX_LINES + 1 lines is found", () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), "tmp-fn-"));
    try {
      const file = path.join(dir, "long.ts");
      fs.writeFileSync(file, `export function long() {\n${"  void 0;\n".repeat(MAX_LINES - 1)}}\nexport const short = () => 1;\n`);
      expect(longFunctions(file).map((entry) => entry.replace(/^.*:/, ""))).toEqual([`long (${MAX_LINES + 1})`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
