// Starts the real HTTP server as `npm start` does (`node --import tsx server.ts`), in
// development mode (Vite middleware, no build needed), on a free port and a fresh database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

export interface RunningServer {
  base: string;
  port: string;
  child: ChildProcess;
  databaseUrl: string;
  tmp: string;
  output: string[];
  /** SIGTERM, then the exit code (or the signal) once the process is gone. */
  stop(): Promise<number | string | null>;
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-server-"));
  const env: Record<string, string | undefined> = {};
  // Not the test runner's variables: VITEST would turn the Remix plugin off in vite.config.ts.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && k !== "TEST") env[k] = v;
  delete env.SITE_URL;
  delete env.TRUST_PROXY;
  const databaseUrl = path.join(tmp, "db.sqlite");
  Object.assign(env, {
    NODE_ENV: "development",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(tmp, "data"),
    SEED_DEMO: "0",
    LOG_REQUESTS: "0",
    ...extraEnv,
  });
  const child = spawn(
    process.execPath,
    [...(process.env.TRACE_EXIT ? ["--import", "/tmp/trace-exit.mjs"] : []), "--import", "tsx", "server.ts"],
    { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output.join("")}`)), 60_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      const m = line.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}:\n${output.join("")}`)));
  });
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return {
    base: `http://localhost:${port}`,
    port,
    child,
    databaseUrl,
    tmp,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const result = await exited;
      fs.rmSync(tmp, { recursive: true, force: true });
      return result;
    },
  };
}
