// The job runner: scheduled work inside the server process (ARCHITECTURE.md, "Scheduled
// work"). Jobs are registered by name with an interval. On every tick (a few seconds) the
// runner tries, for each job whose period has come, to take the job's lease: one row of
// `job_leases` per job, taken by a single conditional statement
//
//   INSERT … ON CONFLICT (name) DO UPDATE SET holder = …, lease_until = now + interval
//   WHERE job_leases.lease_until <= now
//
// which SQLite runs atomically (one writer at a time), so of several server processes on
// one database exactly one takes it (`changes` is 1 for it, 0 for the others) and runs the
// job; the others skip it until the lease runs out, one interval later. That is the whole
// schedule: no process keeps its own "next run" time.
//
// A job that throws is logged (console.error with its name and message: the server's log,
// never a page) and retried at the next tick: its lease is handed back at once, then, if
// it keeps failing, after a delay that doubles up to its interval. The lease row keeps
// the failures in a row and the last message for operators.
//
// A job's work must still be safe if it ever ran twice (a clock jump, a run longer than
// its interval): the publication deadline job publishes with a conditional UPDATE.
//
// The clock is injectable (`now`) for tests; `tick()` runs one round by hand.
import crypto from "node:crypto";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { jobLeases } from "#db/schema";
import { publishOverdueHeldReviews, PUBLICATION_DEADLINE_JOB_INTERVAL_MS } from "./held-reviews.server";
import { eraseExpiredContent, RETENTION_JOB_INTERVAL_MS } from "./retention.server";
import { eraseOldInvitationAddresses, REMINDER_JOB_INTERVAL_MS, sendDueReminders } from "./review-invitations.server";
import { deliverDueWebhooks, pruneWebhookDeliveries, WEBHOOK_JOB_INTERVAL_MS } from "./webhooks.server";

export interface JobContext {
  /** The runner's clock when the lease was taken. */
  now: number;
  db: Db;
}

export interface Job {
  /** Unique: the lease row's key. */
  name: string;
  /** The period: the job runs once per interval, across every process. */
  intervalMs: number;
  run(context: JobContext): unknown;
}

export interface JobRunnerOptions {
  jobs: readonly Job[];
  /** The database (default: the process's handle, looked up at each tick). */
  db?: () => Db;
  /** Who this process is in the lease rows (default: host, pid and a random part). */
  holder?: string;
  /** The clock (default Date.now). */
  now?: () => number;
  /** How often the runner looks for due jobs (default 5 s). */
  tickMs?: number;
}

export interface JobRunner {
  readonly holder: string;
  /** One round: every due job whose lease this process takes is run, one after another.
   *  Resolves with the names of the jobs it ran. */
  tick(): Promise<string[]>;
  /** Ticks now and then every `tickMs`. */
  start(): void;
  /** No new tick; resolves once the round in progress (if any) is over. */
  stop(): Promise<void>;
}

export const DEFAULT_TICK_MS = 5_000;

export function newHolderId() {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
}

/** Takes the lease of job `name` until `until` if nobody holds it at `now` (never taken,
 *  or its lease ran out). True for the one caller that got it. */
export function takeLease(db: Db, name: string, holder: string, now: number, until: number): boolean {
  return (
    db
      .insert(jobLeases)
      .values({ name, holder, leaseUntil: until, lastStartedAt: now })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: { holder, leaseUntil: until, lastStartedAt: now },
        setWhere: sql`${jobLeases.leaseUntil} <= ${now}`,
      })
      .run().changes === 1
  );
}

/** The delay before a failing job is tried again: the next tick after a first failure,
 *  then doubling, never more than its interval. */
export function retryDelay(failures: number, tickMs: number, intervalMs: number) {
  return Math.min(intervalMs, tickMs * (2 ** Math.max(0, failures - 1) - 1));
}

function recordSuccess(db: Db, name: string, holder: string, at: number) {
  db.update(jobLeases)
    .set({ lastFinishedAt: at, failures: 0, lastError: null })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
    .run();
}

function recordFailure(db: Db, job: Job, holder: string, startedAt: number, at: number, message: string, tickMs: number) {
  db.$client
    .transaction(() => {
      const row = db
        .select({ failures: jobLeases.failures })
        .from(jobLeases)
        .where(and(eq(jobLeases.name, job.name), eq(jobLeases.holder, holder)))
        .get();
      if (!row) return;
      const failures = row.failures + 1;
      db.update(jobLeases)
        .set({
          lastFinishedAt: at,
          failures,
          lastError: message.slice(0, 500),
          // Handed back: the next tick (of any process) may take it again.
          leaseUntil: startedAt + retryDelay(failures, tickMs, job.intervalMs),
        })
        .where(and(eq(jobLeases.name, job.name), eq(jobLeases.holder, holder)))
        .run();
    })
    .immediate();
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const names = new Set<string>();
  for (const job of options.jobs) {
    if (names.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
    if (!(job.intervalMs > 0)) throw new Error(`Job ${job.name} needs a positive interval`);
    names.add(job.name);
  }
  const holder = options.holder ?? newHolderId();
  const clock = options.now ?? Date.now;
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const database = options.db ?? getDb;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  let round: Promise<string[]> | null = null;

  async function runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of options.jobs) {
      if (stopped) break;
      const db = database();
      // A LiteFS replica's read-only copy: no lease can be taken there; the primary runs them.
      if (db.$client.readonly) break;
      const startedAt = clock();
      let taken = false;
      try {
        taken = takeLease(db, job.name, holder, startedAt, startedAt + job.intervalMs);
      } catch (error) {
        // The database is busy or failing: nobody runs the job this tick; try again next.
        console.error(`Job ${job.name}: could not take its lease: ${messageOf(error)}`);
        continue;
      }
      if (!taken) continue;
      ran.push(job.name);
      try {
        await job.run({ now: startedAt, db });
        recordSuccess(db, job.name, holder, clock());
      } catch (error) {
        console.error(`Job ${job.name} failed: ${messageOf(error)}`);
        try {
          recordFailure(db, job, holder, startedAt, clock(), messageOf(error), tickMs);
        } catch (recordError) {
          console.error(`Job ${job.name}: could not record its failure: ${messageOf(recordError)}`);
        }
      }
    }
    return ran;
  }

  function tick(): Promise<string[]> {
    // One round at a time: a round still running when the timer fires is not doubled.
    if (round) return round.then(() => []);
    round = runDue().finally(() => {
      round = null;
    });
    return round;
  }

  return {
    holder,
    tick,
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => void tick(), tickMs);
      timer.unref();
      void tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (round) await round.catch(() => undefined);
    },
  };
}

function messageOf(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

// ─── The site's jobs ──────────────────────────────────────────────────────────

/** Every scheduled job of the site, by name. Add a job here. (The mail worker in
 *  mail.server.ts still runs its own timer: see its startMailWorker.) */
export const SITE_JOBS: readonly Job[] = [
  {
    // The publication deadline promised on /transparency (app/lib/policy.ts).
    name: "publication-deadline",
    intervalMs: PUBLICATION_DEADLINE_JOB_INTERVAL_MS,
    run: ({ now, db }) => publishOverdueHeldReviews({ now, db }),
  },
  {
    // The retention period promised on /transparency (app/lib/policy.ts): removed and
    // deleted content is erased once it is over (app/models/retention.server.ts).
    name: "retention-purge",
    intervalMs: RETENTION_JOB_INTERVAL_MS,
    run: ({ now, db }) => eraseExpiredContent({ now, db }),
  },
  {
    // The webhook outbox (app/models/webhooks.server.ts): what is due is sent, failures are
    // retried on their schedule; each delivery is claimed, so a run that overlaps another
    // (a slow receiver) never sends one twice.
    name: "webhook-delivery",
    intervalMs: WEBHOOK_JOB_INTERVAL_MS,
    run: ({ now, db }) => deliverDueWebhooks({ now, db }),
  },
  {
    // The webhook delivery log is kept WEBHOOK_LOG_DAYS days.
    name: "webhook-log-purge",
    intervalMs: 6 * 60 * 60_000,
    run: ({ now, db }) => pruneWebhookDeliveries({ now, db }),
  },
  {
    // One reminder at most per review invitation, REMINDER_AFTER_DAYS after it was mailed
    // (app/models/review-invitations.server.ts); never to an address that opted out. Then
    // the addresses of invitations older than INVITATION_ADDRESS_DAYS are erased.
    name: "invitation-reminders",
    intervalMs: REMINDER_JOB_INTERVAL_MS,
    run: ({ now, db }) => ({ ...sendDueReminders({ now, db }), erased: eraseOldInvitationAddresses({ now, db }) }),
  },
];

/** Starts the site's jobs in this process (server.ts); returns the function that stops them. */
export function startJobRunner(options: Omit<JobRunnerOptions, "jobs"> = {}) {
  const runner = createJobRunner({ ...options, jobs: SITE_JOBS });
  runner.start();
  return () => runner.stop();
}
