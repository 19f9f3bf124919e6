import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
// The Remix options live in remix.config.js (see the comment there); this file only
// hands them to the Vite plugin. Vitest runs without the Remix plugin.
import remixConfig from "./remix.config.js";
import { clientMessagesPlugin } from "./scripts/vite-client-messages";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// What every page loads goes in one chunk: the framework and the app's shell (messages
// lookup, meta tags, error page, toast). One file compresses better than ten small ones.
const FRAMEWORK = /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run\/[a-z-]+|turbo-stream)\//;
const SHELL = [
  "/app/i18n/index.ts",
  "/app/i18n/define.ts",
  "/app/i18n/react.ts",
  "/app/lib/seo.ts",
  "/app/components/ErrorBoundary.tsx",
  "/app/components/Toast.tsx",
];
// The forms' library with the field every form of it renders: one chunk, not four.
const FORMS = ["/node_modules/@conform-to/react/", "/node_modules/@conform-to/dom/", "/app/components/Field.tsx", "/app/lib/conform.ts"];
function shellChunk(id: string): string | undefined {
  if (FRAMEWORK.test(id) || id.includes("vite/preload-helper") || SHELL.some((path) => id.endsWith(path))) return "shell";
  if (FORMS.some((path) => id.includes(path))) return "forms";
  return undefined;
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [!process.env.VITEST && clientMessagesPlugin(), !process.env.VITEST && remix(remixConfig), tsconfigPaths()],
  build: {
    target: "es2022",
    ...(isSsrBuild
      ? {}
      : {
          minify: "terser" as const,
          terserOptions: { compress: { passes: 2 }, format: { comments: false } },
          rollupOptions: { output: { manualChunks: shellChunk } },
        }),
  },
  server: { port: 3000 },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  // Native server-only packages: the dev dependency scan must not try to bundle them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "nodemailer"] },
}));
