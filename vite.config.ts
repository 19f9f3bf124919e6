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

export default defineConfig({
  plugins: [!process.env.VITEST && clientMessagesPlugin(), !process.env.VITEST && remix(remixConfig), tsconfigPaths()],
  build: { target: "es2022" },
  server: { port: 3000 },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  // Native server-only packages: the dev dependency scan must not try to bundle them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "nodemailer"] },
});
