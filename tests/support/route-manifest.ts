// The route manifest, built from the files in app/routes the way Remix's flat routes read
// them, with each module's loader and action. The generated route tests (fuzz-routes,
// route-matrix) walk it, so a new route file is covered without editing them.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { minimatch } from "minimatch"; // what Remix itself matches ignoredRouteFiles with
import remixConfig from "../../remix.config.js";

export const ROUTES_DIR = path.resolve(process.cwd(), "app/routes");
const ROUTE_EXTENSIONS = /\.(tsx|ts|jsx|js)$/;

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

export interface RouteEntry {
  /** The name in app/routes ("reviews.$id_.edit.tsx"; a folder route is "name/route.tsx"). */
  file: string;
  /** The URL pattern ("/reviews/:id/edit", "/*" for the splat). */
  path: string;
  /** The dynamic segments' names, in order ("*" for the splat). */
  params: string[];
  loader?: RouteFunction;
  action?: RouteFunction;
}

/** Every entry of app/routes, as `ls` shows it (the count the manifest must match). */
export function listRoutesDir(): string[] {
  return fs.readdirSync(ROUTES_DIR).sort();
}

/** The route files Remix picks up: files directly in app/routes and folders with a
 *  route.* file, minus remix.config.js's `ignoredRouteFiles` (dot files, *.test.*). */
export function routeFiles(): string[] {
  const patterns = [...new Set(["**/.*", ...(remixConfig.ignoredRouteFiles ?? [])])]
    .map((p) => minimatch.makeRe(p))
    .filter((re) => re !== false);
  // Remix tests them against the path from app/ ("routes/x.tsx").
  const ignored = (name: string) => patterns.some((re) => re.test(`routes/${name}`));
  return listRoutesDir().flatMap((name) => {
    const full = path.join(ROUTES_DIR, name);
    if (fs.statSync(full).isDirectory()) {
      const index = fs.readdirSync(full).find((f) => /^route\.(tsx|ts|jsx|js)$/.test(f));
      return index && !ignored(`${name}/${index}`) ? [`${name}/${index}`] : [];
    }
    return ROUTE_EXTENSIONS.test(name) && !ignored(name) ? [name] : [];
  });
}

/** Remix flat-route naming: "." separates segments (not inside "[...]", which escapes),
 *  "$name" is a param, a lone "$" the splat, "_index" the index, a leading "_" a pathless
 *  layout, a trailing "_" opts out of layout nesting but keeps the segment, "(x)" optional. */
export function urlPathOf(file: string): { path: string; params: string[] } {
  const base = file.includes("/") ? file.slice(0, file.indexOf("/")) : file.replace(ROUTE_EXTENSIONS, "");
  // Segments as characters, each marked escaped (inside "[...]") or not.
  type Char = { c: string; escaped: boolean };
  const segments: Char[][] = [[]];
  let inBrackets = false;
  for (const c of base) {
    if (c === "[") inBrackets = true;
    else if (c === "]") inBrackets = false;
    else if (c === "." && !inBrackets) segments.push([]);
    else segments.at(-1)!.push({ c, escaped: inBrackets });
  }

  const params: string[] = [];
  const parts: string[] = [];
  for (let seg of segments) {
    const special = (i: number, c: string) => seg[i]?.c === c && !seg[i].escaped;
    const text = () => seg.map((x) => x.c).join("");
    const optional = special(0, "(") && special(seg.length - 1, ")");
    if (optional) seg = seg.slice(1, -1);
    if (special(0, "_")) continue; // "_index" (the index route) or a pathless layout
    if (seg.length > 1 && special(seg.length - 1, "_")) seg = seg.slice(0, -1); // "reviews.$id_": not nested, same URL
    if (special(0, "$")) {
      const name = seg.length === 1 ? "*" : text().slice(1);
      params.push(name);
      parts.push(name === "*" ? "*" : `:${name}${optional ? "?" : ""}`);
    } else {
      parts.push(optional ? `${text()}?` : text());
    }
  }
  return { path: `/${parts.join("/")}`, params };
}

let cached: Promise<RouteEntry[]> | undefined;

/** The manifest, each module imported once (vitest resolves ~/ and #db/ in them). */
export function loadRouteManifest(): Promise<RouteEntry[]> {
  cached ??= Promise.all(
    routeFiles().map(async (file) => {
      const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as { loader?: unknown; action?: unknown };
      const fn = (value: unknown) => (typeof value === "function" ? (value as RouteFunction) : undefined);
      return { file, ...urlPathOf(file), loader: fn(mod.loader), action: fn(mod.action) };
    }),
  );
  return cached;
}

/** A concrete URL path for a pattern: each ":param" replaced (URL-encoded), "*" too. */
export function fillPath(pattern: string, params: Record<string, string>): string {
  return pattern
    .split("/")
    .map((part) => {
      if (part === "*") return params["*"] ?? "";
      if (part.startsWith(":")) return encodeURIComponent(params[part.slice(1).replace(/\?$/, "")] ?? "");
      return part;
    })
    .join("/");
}
