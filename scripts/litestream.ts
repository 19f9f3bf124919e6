// Continuous replication of DATABASE_URL with Litestream, and restore from its replica.
//
// The binary comes from npm: the optional dependency `@flydotio/litestream-linux-x64`
// (Fly's packaging), whose package holds one file, `litestream` (v0.3.13). We depend on
// the platform package itself, not on the `@flydotio/litestream` wrapper: the wrapper's
// other platform packages cannot be resolved from this registry, which leaves a lock file
// that `npm ci` refuses. On another platform, install the matching package by hand.
//
// Replication: when LITESTREAM_REPLICA is set, server.ts calls startReplication(), which
// writes a litestream.yml into a temporary folder and runs `litestream replicate` as a
// child of the server. It stops with the server (SIGTERM on exit; Litestream then ships
// what is left of the WAL before it exits). If the server dies without running its exit
// handlers (SIGKILL, OOM), the config's `exec` watchdog, a shell loop that ends when the
// server's pid is gone, makes Litestream shut down too within a second: an orphaned
// Litestream would otherwise keep running and a restarted server would start a second one
// on the same replica. Litestream writes its own log lines to the server's stdout/stderr.
//
// Litestream creates two tables in the database (`_litestream_seq`, `_litestream_lock`)
// and its state folder `.<db name>-litestream` beside it; it needs WAL mode, which every
// connection of the app sets. It takes over checkpointing while it runs.
//
//   npm run restore:replica [REPLICA] [-- --output FILE]
//     restores the latest state of REPLICA (default LITESTREAM_REPLICA) into a new file
//     (default beside DATABASE_URL, `<name>-from-replica-<UTC timestamp>.db`), checks it,
//     and prints the `npm run restore` command that puts it in place.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { loadEnv } from "../app/env.server";
import { checkIntegrity, displayPath, fileStamp, formatBytes, formatCounts } from "./backup";

/** Path of the Litestream binary shipped by @flydotio/litestream-<platform>-<arch>. */
export function litestreamBinary(): string {
  const pkg = `@flydotio/litestream-${process.platform}-${process.arch}`;
  try {
    return createRequire(import.meta.url).resolve(`${pkg}/litestream`);
  } catch {
    throw new Error(
      `Litestream is not available for ${process.platform}-${process.arch}: ${pkg} is not installed ` +
        `(npm install @flydotio/litestream-${process.platform}-${process.arch}). Unset LITESTREAM_REPLICA or install it.`,
    );
  }
}

/** `litestream version`, e.g. "v0.3.13". */
export function litestreamVersion(): string {
  const result = spawnSync(litestreamBinary(), ["version"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`litestream version failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout.trim();
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A directory or file:// URL becomes a file replica; other URLs (s3://…) go to Litestream as they are. */
export function replicaConfig(replica: string): { type: "file"; path: string } | { url: string } {
  if (replica.startsWith("file:")) return { type: "file", path: fileURLToPath(replica) };
  if (URL_SCHEME.test(replica)) return { url: replica };
  return { type: "file", path: path.resolve(replica) };
}

/** The replica as a URL for `litestream restore`. */
export function replicaUrl(replica: string): string {
  const config = replicaConfig(replica);
  return "url" in config ? config.url : pathToFileURL(config.path).href;
}

export interface ReplicationOptions {
  database: string;
  replica: string;
  /** How often Litestream ships new WAL frames to the replica (Litestream's default: 1s). */
  syncInterval?: string;
  /** How often Litestream looks at the WAL for changes (default: 1s). */
  monitorInterval?: string;
  /** Where Litestream's log goes: the server's own stdout/stderr by default. */
  stdio?: "inherit" | "ignore";
}

export interface Replication {
  pid: number;
  configFile: string;
  /** Stops Litestream after a last sync; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Writes the config (JSON, which is YAML) and starts `litestream replicate` as a child process. */
export function startReplication(options: ReplicationOptions): Replication {
  const binary = litestreamBinary();
  const database = path.resolve(options.database);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-litestream-"));
  const configFile = path.join(dir, "litestream.yml");
  const config = {
    // Ends when this process is gone, and Litestream with it (see the top of this file).
    exec: `sh -c "while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done"`,
    dbs: [
      {
        path: database,
        "monitor-interval": options.monitorInterval ?? "1s",
        replicas: [{ ...replicaConfig(options.replica), "sync-interval": options.syncInterval ?? "1s" }],
      },
    ],
  };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  // Its own process group: a Ctrl-C meant for the server does not stop Litestream before
  // the server has finished its last requests; the server stops it on exit.
  const child: ChildProcess = spawn(binary, ["replicate", "-config", configFile, "-no-expand-env"], {
    stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
    detached: true,
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.off("exit", onExit);
      if (!stopping) console.error(`Litestream exited (${signal ?? `code ${code}`}): ${database} is no longer replicated.`);
      resolve();
    });
  });
  child.once("error", (error) => console.error(`Litestream could not start: ${error.message}`));
  // Runs on process.exit() too, after the server has closed its connection.
  const onExit = () => {
    stopping = true;
    child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", onExit);
  console.log(`Litestream: replicating ${database} to ${options.replica} (pid ${child.pid}).`);

  return {
    pid: child.pid ?? -1,
    configFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `litestream restore` of the replica's latest state into `output`, which must not exist yet. */
export async function restoreFromReplica(options: { replica: string; output: string; stdio?: "inherit" | "ignore" }) {
  const output = path.resolve(options.output);
  if (fs.existsSync(output)) throw new Error(`${output} already exists: choose a new file.`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const url = replicaUrl(options.replica);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(litestreamBinary(), ["restore", "-o", output, url], {
      stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (c) => resolve(c));
  });
  // Litestream restores into `<output>.tmp` and renames it, leaving that file's -wal and -shm.
  for (const suffix of [".tmp-wal", ".tmp-shm"]) fs.rmSync(output + suffix, { force: true });
  if (code !== 0 || !fs.existsSync(output)) throw new Error(`litestream restore from ${url} failed (exit code ${code}).`);
  // One self-contained file, like the backups: no -wal or -shm beside it.
  const db = new Database(output, { fileMustExist: true });
  db.pragma("journal_mode = DELETE");
  db.close();
  return { file: output, ...checkIntegrity(output) };
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "restore") {
    console.error("Usage: tsx scripts/litestream.ts restore [REPLICA] [--output FILE]   (npm run restore:replica)");
    process.exit(2);
  }
  const env = loadEnv();
  const at = rest.indexOf("--output");
  const output = at >= 0 ? rest[at + 1] : undefined;
  const replica = rest.filter((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1))[0] ?? env.LITESTREAM_REPLICA;
  if (!replica) {
    console.error("No replica: give one (npm run restore:replica DIR) or set LITESTREAM_REPLICA.");
    process.exit(2);
  }
  const database = path.resolve(env.DATABASE_URL);
  const base = path.basename(database, path.extname(database));
  const target = output ?? path.join(path.dirname(database), `${base}-from-replica-${fileStamp()}.db`);
  console.log(`litestream ${litestreamVersion()}: restoring ${replicaUrl(replica)}`);
  const result = await restoreFromReplica({ replica, output: target });
  const rel = displayPath(result.file);
  console.log(`Restored into ${rel} (${formatBytes(fs.statSync(result.file).size)}, integrity_check: ok).`);
  console.log(`  rows: ${formatCounts(result.counts)}`);
  console.log(`Stop the server, then put it in place with: npm run restore ${rel}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
