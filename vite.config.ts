import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { clientMessages, LOCALES, type Locale } from "./app/i18n/index";
// The Remix options live in remix.config.js (see the comment there); this file only
// hands them to the Vite plugin. Vitest runs without the Remix plugin.
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** The browser gets one language, without the mails: in the client build, app/i18n/index.ts
 *  imports empty areas, and `virtual:i18n/<locale>` is that language's messages, which
 *  entry.client.tsx loads (one small chunk per language) before hydrating. */
function clientMessagesPlugin(): Plugin {
  const EMPTY_AREA = "\0i18n-empty-area";
  const PREFIX = "virtual:i18n/";
  return {
    name: "replique-client-messages",
    enforce: "pre",
    resolveId(id, importer, options) {
      if (id.startsWith(PREFIX)) return `\0${id}`;
      const isClient = this.environment ? this.environment.config.consumer === "client" : !options?.ssr;
      // Each area module exports its messages under its own name (./auth → `auth`).
      if (isClient && importer?.replace(/\\/g, "/").endsWith("/app/i18n/index.ts") && /^\.\/(?!define$)\w+$/.test(id))
        return `${EMPTY_AREA}:${id.slice(2)}`;
      return null;
    },
    load(id) {
      if (id.startsWith(`${EMPTY_AREA}:`)) return `export const ${id.slice(EMPTY_AREA.length + 1)} = { en: {}, fr: {} };`;
      if (id.startsWith(`\0${PREFIX}`)) {
        const locale = id.slice(PREFIX.length + 1) as Locale;
        if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`No messages for ${locale}`);
        return `export default ${JSON.stringify(clientMessages(locale))};`;
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [!process.env.VITEST && clientMessagesPlugin(), !process.env.VITEST && remix(remixConfig), tsconfigPaths()],
  build: { target: "es2022" },
  server: { port: 3000 },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  // Native server-only packages: the dev dependency scan must not try to bundle them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "nodemailer"] },
});
