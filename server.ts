// The HTTP server: Express 4 in front of the Remix request handler.
import cluster from "node:cluster";
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { loadEnv } from "./app/env.server";
import { runPrimary, servesRequests, workerCount } from "./app/lib/cluster.server";
import { createRemixHandler, PageCache, pageCacheOptions } from "./app/lib/page-cache.server";
import { isEmbedPath } from "./app/lib/embeds";
import { createLiteFs, liteFsSettings } from "./app/lib/litefs.server";
import { isSameOriginMutation, siteOrigin } from "./app/lib/origin.server";
import { checkRequestBody, createOriginPin, refusalPage } from "./app/lib/request-guards.server";
import { MAX_REQUEST_BYTES } from "./app/models/upload-form.server";
import { startMailWorker } from "./app/models/mail.server";
import { closeDb, getDb } from "./db/client.server";

const env = loadEnv();
process.env.DATABASE_URL = env.DATABASE_URL;
const isProduction = env.NODE_ENV === "production";
if (isProduction && !env.SITE_URL) {
  console.warn(
    "SITE_URL is not set: the first origin that reaches the server is pinned and other hosts are refused. Set SITE_URL in production.",
  );
}

// Migrations run before the first request; an empty database gets the demo data.
const db = getDb();
// ── LiteFS (app/lib/litefs.server.ts): a replica opened its copy read-only (db/client.server.ts)
// and writes nothing: no seed, no Litestream, no job runner, no mail worker (the primary's).
const litefsSettings = liteFsSettings(env);
const isReplica = db.$client.readonly;
if (litefsSettings) console.log(`LiteFS: ${isReplica ? "replica (database read-only)" : "primary"} (${litefsSettings.dir}).`);
// ── end LiteFS
if (env.SEED_DEMO && !isReplica) {
  const { seedIfEmpty } = await import("./scripts/seed-if-empty");
  await seedIfEmpty(db);
}

// ── Litestream: continuous replication of DATABASE_URL when LITESTREAM_REPLICA is set ──
// scripts/litestream.ts runs `litestream replicate` as a child process and stops it on exit.
if (env.LITESTREAM_REPLICA && !cluster.isWorker && !isReplica) {
  const { startReplication } = await import("./scripts/litestream");
  startReplication({ database: env.DATABASE_URL, replica: env.LITESTREAM_REPLICA });
}

// ── WORKERS server processes (app/lib/cluster.server.ts): with more than one, this process
// has migrated, seeded and started Litestream, and now only forks and watches the workers.
const workers = workerCount(env);
if (!servesRequests(workers)) {
  await runPrimary(workers, {
    workerEnv: { MALLOC_ARENA_MAX: String(env.MALLOC_ARENA_MAX) },
    workerFlags: [`--max-semi-space-size=${env.WORKER_SEMI_SPACE_MB}`],
  });
}

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));
// Vite's dev server exits the process on SIGTERM at once; the shutdown below closes it
// after the requests in flight instead.
if (viteDevServer) process.removeAllListeners("SIGTERM");

let stopping = false;
// Requests being answered, and when the server last saw a connection or a request: the
// shutdown waits for a quiet moment before it stops listening (see `shutdown`).
let inFlight = 0;
let lastActivityAt = Date.now();
const app = express();
app.disable("x-powered-by");
app.use((req, res, next) => {
  inFlight++;
  lastActivityAt = Date.now();
  res.once("close", () => {
    inFlight--;
    lastActivityAt = Date.now();
  });
  // While shutting down: not ready for new work, and every answer closes its connection.
  if (stopping) {
    res.setHeader("Connection", "close");
    if (req.path === "/healthz") return void res.status(503).set("Cache-Control", "no-store").json({ status: "stopping" });
  }
  next();
});
// TRUST_PROXY: one proxy in front (its X-Forwarded-For/-Proto/-Host are believed, the
// client's own are not); otherwise the socket address is the client.
app.set("trust proxy", env.TRUST_PROXY ? 1 : false);
app.use(compression());

/** The headers of every answer, Express's or the page cache's before it (`pathname`: no query). */
function siteHeaders(pathname: string): [string, string][] {
  const headers: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
  ];
  // Embeds are framed by other sites (their own CSP says frame-ancestors *).
  if (!isEmbedPath(pathname)) headers.push(["X-Frame-Options", "DENY"]);
  if (isProduction) headers.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return headers;
}
app.use((req, res, next) => {
  for (const [name, value] of siteHeaders(req.path)) res.setHeader(name, value);
  next();
});

function refuse(req: express.Request, res: express.Response, status: number, message: { fr: string; en: string }) {
  res.status(status).set("Cache-Control", "no-store").set("Connection", "close").type("html");
  res.send(refusalPage(status, message, req.get("accept-language") ?? null, req.get("cookie") ?? null));
}

// A body too large to read, or of unknown length, is refused before a byte is buffered.
app.use((req, res, next) => {
  const refusal = checkRequestBody(req.method, { get: (name) => req.get(name) ?? null }, MAX_REQUEST_BYTES);
  if (!refusal) return next();
  refuse(req, res, refusal.status, refusal.message);
});

// One public origin for every absolute URL: SITE_URL, or else the first origin seen.
const originPin = createOriginPin(env.SITE_URL);

// Refuse cross-site mutations before anything else handles them (static files, Vite, Remix).
app.use((req, res, next) => {
  // Without a trusted proxy, forwarded headers are the client's own: drop them so that
  // nothing downstream (Remix included) believes them.
  if (!env.TRUST_PROXY) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-for"];
  }
  const headers = { get: (name: string) => req.get(name) ?? null };
  const requestOrigin = siteOrigin(headers, req.protocol, { trustProxy: env.TRUST_PROXY });
  // A load balancer's health probe may use any Host: /healthz names no URL.
  if (req.path !== "/healthz" && !originPin.accepts(requestOrigin)) {
    return refuse(req, res, 421, {
      fr: `Ce site répond sous ${originPin.origin}, pas sous ${requestOrigin}.`,
      en: `This site answers at ${originPin.origin}, not at ${requestOrigin}.`,
    });
  }
  const origin = originPin.origin ?? requestOrigin;
  if (isSameOriginMutation(req.method, headers, origin)) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
});

if (env.LOG_REQUESTS) {
  // No query strings in the log: they may carry tokens.
  morgan.token("path", (req) => (req as express.Request).path);
  app.use(morgan(":method :path :status :res[content-length] - :response-time ms"));
}

// ── LiteFS: behind the refusals above, a replica sends every write to the primary (fly-replay
// on Fly.io, an HTTP proxy elsewhere); the primary tags its answers to writes with a txid cookie.
const litefs = litefsSettings
  ? createLiteFs({
      settings: litefsSettings,
      readOnly: () => getDb().$client.readonly,
      secure: (req) =>
        (
          env.SITE_URL ?? siteOrigin({ get: (name: string) => req.get(name) ?? null }, req.protocol, { trustProxy: env.TRUST_PROXY })
        ).startsWith("https:"),
      clientIp: (req) => req.ip ?? req.socket.remoteAddress ?? "unknown",
    })
  : null;
if (litefs) app.use(litefs.forwardWrites);
// ── end LiteFS

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static("build/client", { maxAge: "1h", index: false }));
}

// ── LiteFS: a page read with a txid cookie ahead of this replica waits for it (read-your-writes),
// then goes to the primary past LITEFS_WAIT_MS. Static files above never wait.
if (litefs) app.use(litefs.readYourWrites);
// ── end LiteFS

// ?lang= switches the language and remembers it for a year.
app.use((req, res, next) => {
  const lang = req.query.lang;
  if ((lang === "fr" || lang === "en") && !isEmbedPath(req.path)) {
    // Secure only over HTTPS, as every cookie of the site (app/lib/cookies.server.ts).
    const origin =
      env.SITE_URL ?? siteOrigin({ get: (name: string) => req.get(name) ?? null }, req.protocol, { trustProxy: env.TRUST_PROXY });
    res.cookie("lang", lang, { maxAge: 365 * 86_400_000, sameSite: "lax", path: "/", secure: origin.startsWith("https:") });
  }
  next();
});

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(path.resolve("build/server/index.js"))) as ServerBuild);

// ── The page cache of anonymous readers (app/lib/page-cache.server.ts): answers public
// reading pages from memory while their data version (bumped by SQLite triggers with every
// write) is unchanged; the Remix handler below fills it. PAGE_CACHE=on/off (default: on in
// production), PAGE_CACHE_MAX_BYTES, PAGE_CACHE_TTL, PAGE_CACHE_S_MAXAGE…
const pageCache = new PageCache(pageCacheOptions(env));
app.use(pageCache.middleware);

app.all(
  "*",
  createRemixHandler({
    build,
    mode: isProduction ? "production" : "development",
    // The client's address for rate limits and the sessions list (req.ip honours "trust proxy").
    // Under LiteFS, a write a replica forwarded carries the client's address, signed (litefs.clientIpOf).
    getLoadContext: (req) => ({
      clientIp: litefs ? litefs.clientIpOf(req) : (req.ip ?? req.socket.remoteAddress ?? "unknown"),
      // A document (not a client navigation's data): listed posts' bodies go in its HTML only.
      documentHtml: isDataRequest(req) ? undefined : new Map<string, string>(),
    }),
    pageCache,
  }),
);

// Sends the outbox through SMTP when SMTP_URL is set; otherwise mails wait at /dev/mail.
// (Not on a LiteFS replica: the primary sends the outbox.)
const stopMailWorker = isReplica ? () => {} : startMailWorker({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });

// ── Scheduled jobs (app/models/jobs.server.ts): the publication deadline, and later ones.
// Each takes a lease row in SQLite before it runs, so one process runs it per period.
// (Not on a LiteFS replica: it could take no lease; the primary runs them.)
const { startJobRunner } = await import("./app/models/jobs.server");
const stopJobs = isReplica ? async () => {} : startJobRunner();

/** A stored copy of a public page, answered before Express (PageCache.answerStored): most
 *  anonymous reads end here, at a fraction of the cost of the middleware chain. Only for an
 *  origin already pinned (or any, with SITE_URL), as the origin check below Express would. */
function answerFromPageCache(req: IncomingMessage, res: ServerResponse): boolean {
  if (stopping || !pageCache.enabled) return false;
  const headers = { get: (name: string) => headerValue(req, name) };
  const protocol = (req.socket as TLSSocket).encrypted ? "https" : "http";
  const origin = siteOrigin(headers, protocol, { trustProxy: env.TRUST_PROXY });
  if (!env.SITE_URL && origin !== originPin.origin) return false;
  const startedAt = performance.now();
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (!pageCache.answerStored(req, res, origin, siteHeaders(pathname))) return false;
  if (env.LOG_REQUESTS) {
    const ms = performance.now() - startedAt;
    console.log(`${req.method} ${pathname} ${res.statusCode} ${res.getHeader("content-length") ?? "-"} - ${ms.toFixed(3)} ms`);
  }
  return true;
}

/** Remix's data requests (single fetch's `.data`, or `_data`): data, not a document. */
function isDataRequest(req: express.Request) {
  return req.path.endsWith(".data") || req.query._data != null;
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

const server: Server = http.createServer((req, res) => {
  lastActivityAt = Date.now();
  if (!answerFromPageCache(req, res)) app(req, res);
});
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Réplique listening on http://localhost:${port}`);
});

/** A connection accepted by the kernel but not yet by Node is reset when the server stops
 *  listening; so the server keeps accepting (and answering, with Connection: close, and
 *  /healthz 503) until nothing new has arrived for DRAIN_QUIET_MS, at most DRAIN_MAX_MS,
 *  then stops listening and waits for the requests in flight. */
const DRAIN_QUIET_MS = 300;
const DRAIN_MAX_MS = 5_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
server.on("connection", () => {
  lastActivityAt = Date.now();
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests…`);
  const force = setTimeout(() => {
    console.error("Shutdown timed out; closing connections.");
    server.closeAllConnections();
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  const startedAt = Date.now();
  const drain = setInterval(() => {
    const quiet = inFlight === 0 && Date.now() - lastActivityAt >= DRAIN_QUIET_MS;
    if (!quiet && Date.now() - startedAt < DRAIN_MAX_MS) return;
    clearInterval(drain);
    server.close(async () => {
      await viteDevServer?.close();
      stopMailWorker();
      await stopJobs(); // the job runner: lets a run in progress finish
      closeDb();
      console.log("Stopped cleanly.");
      process.exit(0);
    });
    server.closeIdleConnections();
  }, 50);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
