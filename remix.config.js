// Remix options for the Vite plugin. Remix's docs describe remix.config.js for the
// classic compiler; with Vite, vite.config.ts imports this file and passes it to
// vitePlugin(...), so every Remix option lives here in one place.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
