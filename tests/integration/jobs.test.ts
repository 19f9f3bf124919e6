// The job runner (app/models/jobs.server.ts): a job runs once per interval whoever ticks,
// because each run first takes the job's lease row in SQLite; of two server processes on
// one database file trying at the same moment, exactly one runs it; a failing job is
// logged with its name and retried at the next tick; stop() waits for a run in progress.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseFile, getDb } from "#db/client.server";
import { createJobRunner, retryDelay, SITE_JOBS, takeLease, type Job } from "~/models/jobs.server";

const client = () => getDb().$client;
const lease = (name: string) =>
  client()
    .prepare(`SELECT holder, lease_until AS leaseUntil, failures, last_error AS lastError FROM job_leases WHERE name = ?`)
    .get(name) as { holder: string; leaseUntil: number; failures: number; lastError: string | null } | undefined;

let sequence = 0;
const jobName = (what: string) => `test-${what}-${++sequence}`;

/** A clock the test moves by hand. */
function fakeClock(start = 1_800_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

function countingJob(name: string, intervalMs = 60_000) {
  const runs: number[] = [];
  const job: Job = { name, intervalMs, run: ({ now }) => void runs.push(now) };
  return { job, runs };
}

describe("the lease", () => {
  it("is taken by one holder until it runs out, then by whoever asks first", () => {
    const name = jobName("lease");
    expect(takeLease(getDb(), name, "a", 1_000, 61_000)).toBe(true);
    expect(takeLease(getDb(), name, "b", 1_001, 61_001)).toBe(false);
    expect(takeLease(getDb(), name, "a", 60_999, 120_999)).toBe(false); // its own lease too: once per period
    expect(lease(name)).toMatchObject({ holder: "a", leaseUntil: 61_000 });
    expect(takeLease(getDb(), name, "b", 61_000, 121_000)).toBe(true);
    expect(lease(name)).toMatchObject({ holder: "b", leaseUntil: 121_000 });
  });
});

describe("a runner", () => {
  it("runs a job once per interval, however often it ticks", async () => {
    const clock = fakeClock();
    const { job, runs } = countingJob(jobName("interval"), 60_000);
    const runner = createJobRunner({ jobs: [job], now: clock.now, holder: "one" });
    expect(await runner.tick()).toEqual([job.name]);
    for (let i = 0; i < 11; i++) {
      clock.advance(5_000);
      await runner.tick();
    }
    expect(runs).toHaveLength(1); // 55 s later: still the first period
    clock.advance(5_000);
    expect(await runner.tick()).toEqual([job.name]);
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBe(60_000);
  });

  it("two runners (two holders) on one database and one clock: each period, one of them runs the job", async () => {
    const clock = fakeClock();
    const { job, runs } = countingJob(jobName("two-runners"), 30_000);
    const a = createJobRunner({ jobs: [job], now: clock.now, holder: "a" });
    const b = createJobRunner({ jobs: [job], now: clock.now, holder: "b" });
    const ranBy: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      if (ranA.length) ranBy.push("a");
      if (ranB.length) ranBy.push("b");
      clock.advance(10_000);
    }
    // 12 ticks of 10 s: 120 s, four periods of 30 s, four runs in all.
    expect(runs).toHaveLength(4);
    expect(ranBy).toHaveLength(4);
  });

  describe("a job that fails", () => {
    let errors: ReturnType<typeof vi.spyOn>;
    afterEach(() => errors?.mockRestore());

    it("is logged with its name (not its stack), retried at the next tick, then backs off up to its interval", async () => {
      errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const clock = fakeClock();
      const name = jobName("failing");
      let calls = 0;
      let failing = true;
      const job: Job = {
        name,
        intervalMs: 60_000,
        run: () => {
          calls++;
          if (failing) throw new Error("the disk is full");
        },
      };
      const runner = createJobRunner({ jobs: [job], now: clock.now, tickMs: 5_000, holder: "one" });
      await runner.tick();
      expect(calls).toBe(1);
      expect(errors).toHaveBeenCalledTimes(1);
      const logged = String(errors.mock.calls[0]!.join(" "));
      expect(logged).toContain(name);
      expect(logged).toContain("the disk is full");
      expect(logged).not.toMatch(/\n\s+at /); // no stack trace
      expect(lease(name)).toMatchObject({ failures: 1, lastError: "the disk is full" });

      clock.advance(5_000); // the next tick
      await runner.tick();
      expect(calls).toBe(2);
      expect(lease(name)!.failures).toBe(2);

      // Now it backs off: one tick (5 s) after the second failure, then 15 s, …
      clock.advance(5_000);
      await runner.tick();
      expect(calls).toBe(3);
      clock.advance(5_000);
      await runner.tick();
      expect(calls).toBe(3);
      expect([1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, 5_000, 60_000))).toEqual([0, 5_000, 15_000, 35_000, 60_000, 60_000]);

      failing = false;
      clock.advance(15_000);
      await runner.tick();
      expect(calls).toBe(4);
      expect(lease(name)).toMatchObject({ failures: 0, lastError: null });
      // A success keeps the lease for the whole period.
      clock.advance(5_000);
      await runner.tick();
      expect(calls).toBe(4);
    });
  });

  it("stop() waits for the run in progress and no tick starts after it", async () => {
    const clock = fakeClock();
    let release!: () => void;
    let finished = false;
    const name = jobName("slow");
    const job: Job = {
      name,
      intervalMs: 1_000,
      run: () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    };
    const runner = createJobRunner({ jobs: [job], now: clock.now, holder: "one" });
    const tick = runner.tick();
    const stopped = runner.stop();
    let stopDone = false;
    void stopped.then(() => (stopDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopDone).toBe(false);
    release();
    await stopped;
    await tick;
    expect(finished).toBe(true);
    clock.advance(10_000);
    expect(await runner.tick()).toEqual([]);
  });

  it("the site's jobs include the publication deadline", () => {
    expect(SITE_JOBS.map((j) => j.name)).toContain("publication-deadline");
  });
});

describe("two server processes on one SQLite file", () => {
  const script = path.resolve("tests/support/lease-contender.ts");

  beforeAll(() => {
    client().exec(`CREATE TABLE IF NOT EXISTS lease_test_runs (job TEXT NOT NULL, holder TEXT NOT NULL)`);
  });

  function contender(name: string, startAt: number): Promise<{ holder: string; ran: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", script, databaseFile(), name, String(startAt)], {
        env: process.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (err += chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0) return reject(new Error(`contender exited with ${code}: ${err}`));
        try {
          resolve(JSON.parse(out.trim().split("\n").at(-1)!));
        } catch {
          reject(new Error(`contender said: ${out} ${err}`));
        }
      });
    });
  }

  it("only one of them runs a job when both try to take its lease at the same moment", async () => {
    for (let round = 0; round < 2; round++) {
      const name = jobName("processes");
      // Far enough ahead for both processes to start and load their modules.
      const startAt = Date.now() + 4_000;
      const results = await Promise.all([contender(name, startAt), contender(name, startAt)]);
      expect(
        results.filter((r) => r.ran),
        JSON.stringify(results),
      ).toHaveLength(1);
      const runs = client().prepare(`SELECT holder FROM lease_test_runs WHERE job = ?`).all(name) as { holder: string }[];
      expect(runs).toHaveLength(1);
      const winner = results.find((r) => r.ran)!;
      expect(runs[0]!.holder).toBe(winner.holder);
      expect(lease(name)!.holder).toBe(winner.holder);
    }
  }, 60_000);
});
