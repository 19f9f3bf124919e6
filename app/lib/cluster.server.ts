// WORKERS server processes on one machine (issue 11, "both cores"), with node:cluster.
//
// server.ts runs as the primary first: it migrates the database, seeds an empty one and
// starts Litestream (once, here), then, when more than one worker is wanted, only forks the
// workers and watches them (runPrimary): each worker runs server.ts again, as a whole
// server (its own page cache, job runner and mail worker) listening on the same port,
// which the primary shares out. What the workers share lives in SQLite (WAL mode, one
// writer at a time, busy_timeout): the data versions that invalidate every process's page
// cache, the job leases (app/models/jobs.server.ts: a job runs once per interval whatever
// the number of processes), the mail outbox's claims, the rate limits.
//
// SIGTERM or SIGINT to the primary is passed to every worker, which finishes its requests
// in flight (server.ts's shutdown); the primary exits when the last one has, with the
// worst exit code. A worker that dies otherwise is replaced, after a delay that doubles
// while they keep dying quickly (a crash loop does not spin).
import cluster, { type Worker } from "node:cluster";
import os from "node:os";

/** WORKERS, or the number of cores in production and 1 otherwise (an edited file is reloaded
 *  by one Vite dev server, not several). */
export function workerCount(settings: { WORKERS?: number; NODE_ENV: string }): number {
  if (settings.WORKERS != null && settings.WORKERS > 0) return settings.WORKERS;
  return settings.NODE_ENV === "production" ? Math.max(1, os.availableParallelism()) : 1;
}

/** Whether this process serves requests itself (a worker, or the only process). */
export function servesRequests(count: number): boolean {
  return cluster.isWorker || count <= 1;
}

const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 30_000;
/** A worker that lived this long was not crash-looping: the delay starts again. */
const STABLE_MS = 10_000;

/** Forks `count` workers and watches them; never resolves (the process exits when they have).
 *  `workerEnv`: variables the workers get on top of this process's (read at their start);
 *  `workerFlags`: Node options they start with, after this process's own. */
export function runPrimary(
  count: number,
  options: { onExit?: () => void; workerEnv?: Record<string, string>; workerFlags?: string[] } = {},
): Promise<never> {
  if (options.workerFlags?.length) cluster.setupPrimary({ execArgv: [...process.execArgv, ...options.workerFlags] });
  let stopping = false;
  let delay = RESTART_MIN_MS;
  let exitCode = 0;
  const startedAt = new Map<Worker, number>();

  const fork = () => startedAt.set(cluster.fork(options.workerEnv), Date.now());
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) exitCode = code ?? 1;
      if (startedAt.size === 0) {
        options.onExit?.();
        process.exit(exitCode);
      }
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another in ${delay} ms.`);
    delay = lived >= STABLE_MS ? RESTART_MIN_MS : Math.min(RESTART_MAX_MS, delay * 2);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${startedAt.size} workers…`);
    if (startedAt.size === 0) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  console.log(`Réplique: ${count} workers (WORKERS).`);
  for (let i = 0; i < count; i++) fork();
  return new Promise<never>(() => {});
}
