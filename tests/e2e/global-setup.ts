// Starts one built server per worker for the whole run, so that workers never share a
// database: `tsx server.ts` in production mode, PORT=0 (the OS picks a free port), a fresh
// temporary database and data folder each, demo data seeded. Worker i's base URL reaches it
// as E2E_BASE_URL_<i> through process.env (Playwright hands the environment produced by the
// global setup to every worker it starts afterwards; playwright.config.ts picks it by
// TEST_PARALLEL_INDEX). The returned function is the teardown: SIGTERM to each, wait for
// the exits, remove the temp files.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { FullConfig } from "@playwright/test";

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export default async function globalSetup(config: FullConfig) {
  const root = config.configFile ? path.dirname(config.configFile) : process.cwd();
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("build/server/index.js is missing: run `npm run build` first (`npm run test:e2e` does).");
  }
  const started = await Promise.allSettled(Array.from({ length: Math.max(1, config.workers) }, (_, i) => startServer(root, i)));
  const servers = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const teardown = async () => {
    const stops = await Promise.allSettled(servers.map((s) => s.cleanup()));
    const failed = stops.find((r) => r.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };
  const failure = started.find((r) => r.status === "rejected");
  if (failure) {
    await teardown().catch(() => {});
    throw (failure as PromiseRejectedResult).reason;
  }
  for (const [i, server] of servers.entries()) process.env[`E2E_BASE_URL_${i}`] = server.baseURL;
  return teardown;
}

async function startServer(root: string, index: number) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-e2e-"));
  const databaseUrl = path.join(tmp, "replique.db");
  const dataDir = path.join(tmp, "data");
  fs.mkdirSync(dataDir);
  const label = `[server ${index}] `;

  // `npm run serve`, the command `npm start` ends with: the teardown's SIGTERM to npm must
  // reach the server and stop it cleanly (see `stop`), as under a process manager.
  const child = spawn("npm", ["run", "--silent", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      SECRET_FILE: path.join(tmp, "secret"),
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: process.env.E2E_SEED_DEMO ?? "1",
      ENABLE_DEV_MAIL: "1",
      LOG_REQUESTS: process.env.E2E_LOG_REQUESTS ?? "0",
      // A spec may give a browser context a client address of its own (X-Forwarded-For),
      // as people on different networks have: the checks keyed on the network (several
      // accounts reviewing one company from one address) then see them apart. Requests
      // without the header keep the socket's address, as before.
      TRUST_PROXY: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  // Server stderr goes to the test output as it comes; stdout is scanned for the port
  // and kept for the error message if the server never gets ready.
  const stdoutLines: string[] = [];
  const state = { stoppedCleanly: false };
  child.stdout!.on("data", (chunk: Buffer) => {
    if (chunk.includes("Stopped cleanly.")) state.stoppedCleanly = true;
  });
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(prefix(label, chunk.toString())));

  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    try {
      await stop(child, state);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };

  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not print its port within ${READY_TIMEOUT_MS / 1000} s.`)),
        READY_TIMEOUT_MS,
      );
      const lines = readline.createInterface({ input: child.stdout! });
      lines.on("line", (line) => {
        stdoutLines.push(line);
        if (process.env.E2E_SERVER_STDOUT) process.stdout.write(prefix(label, line + "\n"));
        const match = line.match(/Réplique listening on http:\/\/localhost:(\d+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The server exited before listening (code ${code}, signal ${signal}).`));
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });

    const baseURL = `http://localhost:${port}`;
    await waitForHealthy(baseURL, child);
    console.log(`[e2e] server ${index} ready at ${baseURL} (database ${databaseUrl})`);
    return { baseURL, cleanup };
  } catch (error) {
    await cleanup().catch(() => {});
    const output = stdoutLines.slice(-30).join("\n");
    throw new Error(`${(error as Error).message}${output ? `\nServer stdout (last lines):\n${output}` : ""}`);
  }
}

function prefix(label: string, text: string) {
  return text.replace(/^(?=.)/gm, label);
}

async function waitForHealthy(baseURL: string, child: ChildProcess) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}) before /healthz answered.`);
    try {
      const response = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`/healthz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last}).`);
}

/** SIGTERM to npm, as a process manager sends it: the server must finish and exit 0. */
async function stop(child: ChildProcess, state: { stoppedCleanly: boolean }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS))]);
  if (timedOut) {
    console.error("[e2e] the server did not stop within 15 s after SIGTERM; killing it.");
    child.kill("SIGKILL");
    await exited;
  }
  if (timedOut || child.exitCode !== 0 || !state.stoppedCleanly) {
    throw new Error(`SIGTERM to \`npm run serve\` did not stop the server cleanly (exit ${child.exitCode ?? child.signalCode}).`);
  }
}
