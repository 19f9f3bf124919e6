// WORKERS (app/lib/cluster.server.ts) through the real server: `WORKERS=2` makes the
// process a primary with two worker processes on one port and one database; every request
// is answered; each job's lease is held by one worker (so a job runs once per interval: the
// lease itself is tested in jobs.test.ts, with two processes); a worker that dies is
// replaced; SIGTERM to the primary stops both workers cleanly (exit code 0).
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

/** The primary's worker processes. */
function workerPids(): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(server.child.pid)])
      .toString()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const listening = () => server.output.filter((line) => /listening on http/.test(line)).length;

beforeAll(async () => {
  server = await startServer({ WORKERS: "2", DATABASE_URL: process.env.DATABASE_URL! });
  await until("two workers listening", () => listening() >= 2);
}, 180_000);

afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop();
});

describe("WORKERS=2", () => {
  it("forks two workers that share the port and answer every request", async () => {
    expect(server.output.join("")).toContain("2 workers (WORKERS)");
    const pids = await until("two worker processes", () => (workerPids().length === 2 ? workerPids() : null));
    expect(pids).not.toContain(server.child.pid);
    // The first answers of each worker compile the app (Vite, one dev server per worker).
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${server.base}/healthz`)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
  }, 120_000);

  it("starts each worker with MALLOC_ARENA_MAX (2 unless told), which glibc reads when a process starts", async () => {
    const pids = await until("two worker processes", () => (workerPids().length === 2 ? workerPids() : null));
    for (const pid of pids) {
      const environment = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      expect(environment, `worker ${pid}`).toContain("MALLOC_ARENA_MAX=2");
    }
  });

  it("starts each worker with V8's semi-space of WORKER_SEMI_SPACE_MB (8 unless told)", async () => {
    const pids = await until("two worker processes", () => (workerPids().length === 2 ? workerPids() : null));
    for (const pid of pids) {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      expect(commandLine, `worker ${pid}`).toContain("--max-semi-space-size=8");
    }
  });

  it("each job's lease is held by one of the workers, never by the primary", async () => {
    const pids = workerPids();
    const leases = await until("the job leases", () => {
      const rows = getDb().$client.prepare<[], { name: string; holder: string }>(`SELECT name, holder FROM job_leases`).all();
      return rows.length > 0 ? rows : null;
    });
    for (const { name, holder } of leases) {
      const pid = Number(holder.split(":").at(-2));
      expect(pids, `${name} held by ${holder}`).toContain(pid);
    }
  });

  it("replaces a worker that dies", async () => {
    const [victim] = workerPids();
    process.kill(victim!, "SIGKILL");
    const pids = await until("a new worker", () => {
      const now = workerPids();
      return now.length === 2 && !now.includes(victim!) ? now : null;
    });
    expect(pids).toHaveLength(2);
    await until("the new worker listening", () => listening() >= 3);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  }, 120_000);

  it("SIGTERM to the primary stops the workers cleanly", async () => {
    const pids = workerPids();
    expect(await server.stop()).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
