// The production server, compiled: server.ts and what it imports from app/, db/ and
// scripts/ bundled by esbuild into build/start/server.js (npm packages stay imports of
// node_modules; dynamic imports become chunks of their own). `npm start` and `npm run serve`
// run it with plain node: no TypeScript loader in the production processes, which saves
// each server process (the primary and every worker) the loader's thread and its memory —
// about 190 MB of resident memory each, measured here with tsx 4.
//
//   tsx scripts/build-server.ts   (the second step of `npm run build`)
import fs from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const outdir = "build/start";

/** Vite's `?raw` imports (a file's text as a string), as the Remix build reads them. */
const rawText: Plugin = {
  name: "raw-text",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.slice(0, -"?raw".length)),
      namespace: "raw-text",
    }));
    b.onLoad({ filter: /.*/, namespace: "raw-text" }, (args) => ({ contents: fs.readFileSync(args.path, "utf8"), loader: "text" }));
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["server.ts"],
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  tsconfig: "tsconfig.json",
  plugins: [rawText],
  logLevel: "warning",
});
console.log(`built ${outdir}/server.js`);
