// End-to-end tests: the built server (started by tests/e2e/global-setup.ts on a random
// port with a fresh database) driven by Debian's Chromium. Never `playwright install`:
// @playwright/test 1.64 expects Chromium 156, which is what Debian ships at /usr/bin/chromium.
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM_PATH);
const isCI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
// The config is evaluated in the runner and again in every worker: speak only once.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

if (!hasChromium) {
  const message =
    `Chromium was not found at ${CHROMIUM_PATH}. ` +
    "Install it with `apt-get install -y chromium` (as root), or point CHROMIUM_PATH at a Chromium 156 binary.";
  if (isCI) throw new Error(`End-to-end tests cannot run in CI: ${message}`);
  if (isRunner) console.warn(`\n⚠ Skipping the end-to-end tests. ${message}\n`);
}

export default defineConfig({
  testDir: "tests/e2e",
  // Without Chromium (and outside CI), run only a guard that marks the suite skipped.
  testMatch: hasChromium ? "**/*.spec.ts" : "**/no-chromium.guard.ts",
  globalSetup: hasChromium ? "./tests/e2e/global-setup.ts" : undefined,
  outputDir: "test-results/artifacts",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // A server and a database per worker (tests/e2e/global-setup.ts): two keep the machine comfortable.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "test-results/html" }]],
  use: {
    browserName: "chromium",
    // Set by the global setup once each server prints its port; workers start after it
    // and inherit the environment it produced (Playwright passes it on to them). The
    // config is evaluated again in each worker, where TEST_PARALLEL_INDEX says which
    // server is its own.
    baseURL: process.env[`E2E_BASE_URL_${process.env.TEST_PARALLEL_INDEX ?? "0"}`],
    viewport: { width: 1280, height: 800 },
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
