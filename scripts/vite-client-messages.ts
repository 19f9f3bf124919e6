// The browser gets, for each route, only the messages that route can show, in the page's
// language, without the mails. vite.config.ts uses this plugin for the client build:
//   - app/i18n/index.ts imports empty areas there (the server keeps every message);
//   - each route module (app/root.tsx, app/routes/*) first imports
//     `virtual:i18n/route:<file>`, which loads that route's messages in the page's
//     language (one small chunk per route and language) and registers them: a route
//     module is evaluated before Remix renders it, on the first page as after a navigation.
// A route's messages are the keys written in the files it reaches through its imports —
// its component's and its loader's and action's alike, since a loader may hand a key to
// the page — found as string literals (a key, or with a dot a key's prefix: `reason.${id}`,
// "review.count" for its plural forms), minus the root's, which every page has loaded.
// The walk does not enter the modules that write text on the server (mails, notifications,
// statements of reasons sent by mail): they translate what they write and hand back text,
// never a key, so what they name never reaches a page through them.
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { clientMessages, LOCALES, type Locale } from "../app/i18n/index";

const ROUTE_IMPORT = "virtual:i18n/route:";
const ROUTE_MESSAGES = "virtual:i18n/messages-";
const EMPTY_AREA = "\0i18n-empty-area:";
const TEXT_ON_SERVER = ["models/mail.server.ts", "models/notifications.server.ts", "models/moderation-notices.server.ts"];

const importPattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;
const literalPattern = /["'`]([a-zA-Z][\w.-]*)(["'`]|\$\{)/g;

interface ScannedFile {
  mtimeMs: number;
  imports: string[];
  literals: string[];
}

export function clientMessagesPlugin(): Plugin {
  let appDir = "";
  const scanned = new Map<string, ScannedFile>();
  const keys = Object.keys(clientMessages("en"));

  function resolveImport(from: string, spec: string): string | null {
    let base: string;
    if (spec.startsWith("~/")) base = path.join(appDir, spec.slice(2));
    else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
    else return null;
    for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
      const file = base + ext;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    }
    return null;
  }

  function scan(file: string): ScannedFile {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const known = scanned.get(file);
    if (known && known.mtimeMs === mtimeMs) return known;
    const source = fs.readFileSync(file, "utf8");
    const imports = [...source.matchAll(importPattern)]
      .map((m) => resolveImport(file, m[1] ?? m[2]!))
      .filter((f): f is string => f != null && f.startsWith(appDir));
    // The message catalogues name every key: only the code that uses them counts.
    const catalogue = file.startsWith(path.join(appDir, "i18n") + path.sep);
    const literals = catalogue ? [] : [...source.matchAll(literalPattern)].map((m) => m[1]!);
    const result = { mtimeMs, imports, literals };
    scanned.set(file, result);
    return result;
  }

  // Each route's keys are asked for once per language, the root's once per route: walked
  // once, until a file changes (dev).
  const reached = new Map<string, Set<string>>();

  /** The message keys the code reachable from `entry` names. */
  function keysReachedFrom(entry: string): Set<string> {
    let named = reached.get(entry);
    if (!named) {
      named = walkKeys(entry);
      reached.set(entry, named);
    }
    return named;
  }

  function walkKeys(entry: string): Set<string> {
    const seen = new Set<string>();
    const found = new Set<string>();
    const exact = new Set(keys);
    for (const file of TEXT_ON_SERVER) seen.add(path.join(appDir, file));
    const stack = [entry];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { imports, literals } = scan(file);
      for (const literal of literals) {
        if (exact.has(literal)) found.add(literal);
        // A prefix (`reason.${id}`, "flags." + kind), or a plural's base ("review.count" → .one,
        // .other); a key has a dot, a prefix without one (`u${id}`) is something else.
        if (literal.includes(".")) for (const key of keys) if (key.startsWith(literal) && key !== literal) found.add(key);
      }
      stack.push(...imports);
    }
    return found;
  }

  function routeMessages(routeFile: string, locale: Locale) {
    const file = path.join(appDir, routeFile);
    const wanted = new Set(keysReachedFrom(file));
    if (routeFile !== "root.tsx") for (const key of keysReachedFrom(path.join(appDir, "root.tsx"))) wanted.delete(key);
    const all = clientMessages(locale);
    return Object.fromEntries([...wanted].sort().map((key) => [key, all[key]!]));
  }

  const isRouteModule = (id: string) => id === path.join(appDir, "root.tsx") || path.dirname(id) === path.join(appDir, "routes");
  const chunkName = (routeFile: string) =>
    routeFile
      .replace(/^routes\//, "")
      .replace(/\.tsx?$/, "")
      .replace(/[^\w.-]/g, "_");

  return {
    name: "replique-client-messages",
    enforce: "pre",
    configResolved(config) {
      appDir = path.join(config.root, "app");
    },
    watchChange() {
      reached.clear();
    },
    resolveId(id, importer, options) {
      if (id.startsWith(ROUTE_IMPORT) || id.startsWith(ROUTE_MESSAGES)) return `\0${id}`;
      const isClient = this.environment ? this.environment.config.consumer === "client" : !options?.ssr;
      // Each area module exports its messages under its own name (./auth → `auth`).
      if (isClient && importer?.replace(/\\/g, "/").endsWith("/app/i18n/index.ts") && /^\.\/(?!define$)\w+$/.test(id))
        return `${EMPTY_AREA}${id.slice(2)}`;
      return null;
    },
    load(id) {
      if (id.startsWith(EMPTY_AREA)) return `export const ${id.slice(EMPTY_AREA.length)} = { en: {}, fr: {} };`;
      if (id.startsWith(`\0${ROUTE_IMPORT}`)) {
        const routeFile = id.slice(ROUTE_IMPORT.length + 1);
        const loaders = LOCALES.map((l) => `${l}: () => import(${JSON.stringify(`${ROUTE_MESSAGES}${l}/${routeFile}`)})`);
        return [
          `import { registerMessages } from ${JSON.stringify(path.join(appDir, "i18n/index.ts"))};`,
          `const locale = document.documentElement.lang === "en" ? "en" : "fr";`,
          `const load = { ${loaders.join(", ")} };`,
          `registerMessages(locale, (await load[locale]()).default);`,
        ].join("\n");
      }
      if (id.startsWith(`\0${ROUTE_MESSAGES}`)) {
        const [locale, ...rest] = id.slice(ROUTE_MESSAGES.length + 1).split("/");
        if (!(LOCALES as readonly string[]).includes(locale!)) throw new Error(`No messages for ${locale}`);
        return `export default ${JSON.stringify(routeMessages(rest.join("/"), locale as Locale))};`;
      }
      return null;
    },
    transform(code, id, options) {
      if (options?.ssr || id.includes("?") || !isRouteModule(id)) return null;
      const routeFile = path.relative(appDir, id).split(path.sep).join("/");
      // On the first line, so that the lines keep their numbers.
      return { code: `import ${JSON.stringify(ROUTE_IMPORT + routeFile)};${code}`, map: null };
    },
    // Name the message chunks after their route and language (messages-fr-companies._slug._index-….js).
    outputOptions(output) {
      const named = output.chunkFileNames;
      return {
        ...output,
        chunkFileNames: (chunk) => {
          const messages = chunk.facadeModuleId?.startsWith(`\0${ROUTE_MESSAGES}`);
          if (messages) {
            const [locale, ...rest] = chunk.facadeModuleId!.slice(ROUTE_MESSAGES.length + 1).split("/");
            return `assets/messages-${locale}-${chunkName(rest.join("/"))}-[hash].js`;
          }
          return typeof named === "function" ? named(chunk) : (named ?? "assets/[name]-[hash].js");
        },
      };
    },
  };
}
