// Hardening at the model and route level (issue 7): an atomic log-in throttle, bodies that
// are not forms answer 400, storage failures make /healthz not ready, and every absolute
// URL uses SITE_URL when it is set, whatever Host the request names.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { isFormContentType, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { checkRequestBody, createOriginPin, MAX_URLENCODED_BYTES } from "~/lib/request-guards.server";
import { logIn } from "~/models/auth.server";
import { isStorageFailure, MIN_FREE_BYTES, noteStorageFailure, readiness, resetStorageFailures } from "~/models/health.server";
import { LIMITS } from "~/models/rate-limit.server";
import { action as loginAction } from "~/routes/login";
import { action as reportAction } from "~/routes/report";
import { loader as healthz } from "~/routes/healthz";
import { callAction, clearRateLimits, createTestUser, ORIGIN } from "../support/fixtures";

afterEach(() => {
  resetStorageFailures();
  clearRateLimits();
});

describe("log-in throttle", () => {
  it("checks at most the limit of passwords when 30 wrong ones arrive at once", async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => logIn({ email: user.email, password: `wrong password ${i}` }, { ip: `203.0.113.${i}` })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const limited = results.filter((r) => !r.ok && r.reason === "rate_limited").length;
    expect(checked).toBe(LIMITS.loginPerAccount.limit);
    expect(limited).toBe(30 - LIMITS.loginPerAccount.limit);
  });

  it("a right password still opens a session and gives its attempt back", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 3; i++) await logIn({ email: user.email, password: "nope nope nope" }, { ip: "203.0.113.50" });
    const ok = await logIn({ email: user.email, password: user.password }, { ip: "203.0.113.50" });
    expect(ok.ok).toBe(true);
    const row = getDb().$client.prepare(`SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'login:account:%' AND count > 0`).get() as {
      n: number;
    };
    expect(row.n).toBe(0);
  });
});

describe("bodies that are not forms", () => {
  it("recognises the two form encodings only", () => {
    expect(isFormContentType("application/x-www-form-urlencoded")).toBe(true);
    expect(isFormContentType("application/x-www-form-urlencoded; charset=UTF-8")).toBe(true);
    expect(isFormContentType("multipart/form-data; boundary=x")).toBe(true);
    for (const type of [null, "", "text/plain", "application/json", "multipart/form-data", "text/html; x=multipart/form-data"]) {
      expect(isFormContentType(type)).toBe(false);
    }
  });

  it.each([
    ["no Content-Type", undefined, "email=a"],
    ["text/plain", "text/plain", "email=a"],
    ["JSON", "application/json", '{"email":"a"}'],
    ["multipart without a boundary", "multipart/form-data", "--x\r\n"],
    ["a broken multipart body", "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data\r\n\r\nno end"],
  ])("log-in and /report answer 400 for %s", async (_label, type, body) => {
    for (const [path, action] of [
      ["/login", loginAction],
      ["/report", reportAction],
    ] as const) {
      const request = new Request(`${ORIGIN}${path}`, {
        method: "POST",
        body,
        headers: type ? { "Content-Type": type, Origin: ORIGIN } : { Origin: ORIGIN },
      });
      const result = await callAction(action as never, request);
      expect(result.status, `${path}`).toBe(400);
    }
  });

  it("readForm still reads a well-formed form", async () => {
    const form = await readForm(new Request(ORIGIN, { method: "POST", body: new URLSearchParams({ a: "b" }) }));
    expect(form.get("a")).toBe("b");
  });
});

describe("body size and length", () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

  it("refuses a url-encoded body over the limit before reading it, and a multipart body over its own", () => {
    const big = checkRequestBody(
      "POST",
      headers({ "content-length": String(MAX_URLENCODED_BYTES + 1), "content-type": "application/x-www-form-urlencoded" }),
      50_000_000,
    );
    expect(big?.status).toBe(413);
    expect(big?.message.fr).toMatch(/trop volumineux/);
    expect(big?.message.en).toMatch(/too large/);
    expect(checkRequestBody("POST", headers({ "content-length": "100000000", "content-type": "text/plain" }), 50_000_000)?.status).toBe(
      413,
    );
    expect(
      checkRequestBody("POST", headers({ "content-length": "1000000", "content-type": "multipart/form-data; boundary=x" }), 50_000_000),
    ).toBeNull();
    expect(
      checkRequestBody("POST", headers({ "content-length": "50000001", "content-type": "multipart/form-data; boundary=x" }), 50_000_000)
        ?.status,
    ).toBe(413);
    expect(
      checkRequestBody("POST", headers({ "content-length": "200", "content-type": "application/x-www-form-urlencoded" }), 50_000_000),
    ).toBeNull();
  });

  it("refuses a chunked body of unknown length (411) and lets GET through", () => {
    expect(checkRequestBody("POST", headers({ "transfer-encoding": "chunked" }), 1)?.status).toBe(411);
    expect(checkRequestBody("GET", headers({ "content-length": "999999999" }), 1)).toBeNull();
  });
});

describe("one public origin", () => {
  it("without SITE_URL, pins the first origin and refuses the others", () => {
    const pin = createOriginPin(undefined);
    expect(pin.accepts("http://localhost:3000")).toBe(true);
    expect(pin.accepts("http://evil.example")).toBe(false);
    expect(pin.accepts("http://localhost:3000")).toBe(true);
    expect(pin.origin).toBe("http://localhost:3000");
  });

  it("with SITE_URL, every absolute URL names it, whatever the Host", () => {
    const pin = createOriginPin("https://replique.example/");
    expect(pin.accepts("http://evil.example")).toBe(true);
    expect(pin.origin).toBe("https://replique.example");
    expect(requestSiteOrigin(new Request("http://evil.example/forgot-password"), "https://replique.example")).toBe(
      "https://replique.example",
    );
  });
});

describe("storage failures", () => {
  it("classifies full disks and I/O errors, not constraint errors", () => {
    expect(isStorageFailure(new Database.SqliteError("database or disk is full", "SQLITE_FULL"))).toBe(true);
    expect(isStorageFailure(new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE"))).toBe(true);
    expect(isStorageFailure(new Database.SqliteError("UNIQUE constraint failed", "SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
    expect(isStorageFailure(new Error("SQLITE_FULL"))).toBe(false);
  });

  it("/healthz says not ready after a storage failure, when the disk is nearly full, and when the quota is reached", async () => {
    expect((await healthz()).status).toBe(200);
    noteStorageFailure(new Database.SqliteError("database or disk is full", "SQLITE_FULL"));
    const after = await healthz();
    expect(after.status).toBe(503);
    expect(await after.json()).toMatchObject({ status: "unavailable", reason: "storage_failure" });
    resetStorageFailures();

    expect(readiness(Date.now(), MIN_FREE_BYTES - 1)).toEqual({ ready: false, reason: "disk_full" });
    expect(readiness(Date.now(), MIN_FREE_BYTES * 10)).toEqual({ ready: true });

    const client = getDb().$client;
    const before = client.pragma("max_page_count", { simple: true }) as number;
    try {
      client.pragma(`max_page_count = ${client.pragma("page_count", { simple: true })}`);
      expect(readiness(Date.now(), MIN_FREE_BYTES * 10)).toEqual({ ready: false, reason: "quota_full" });
    } finally {
      client.pragma(`max_page_count = ${before}`);
    }
  });
});

describe("media types are case-insensitive", () => {
  it("a multipart form sent as Multipart/Form-Data keeps its files", async () => {
    const { readUploadForm } = await import("~/models/upload-form.server");
    const form = new FormData();
    form.set("title", "x");
    form.set("photos", new File([new Uint8Array([1, 2, 3])], "a.jpg", { type: "image/jpeg" }));
    const body = new Request(ORIGIN, { method: "POST", body: form });
    const type = body.headers.get("Content-Type")!.replace("multipart/form-data", "Multipart/Form-Data");
    const request = new Request(ORIGIN, { method: "POST", body: await body.arrayBuffer(), headers: { "Content-Type": type } });
    const { files } = await readUploadForm(request, ["photos"]);
    expect(files.map((f) => f.filename)).toEqual(["a.jpg"]);
  });
});

describe("storage failures in resource routes (no page to render a 503)", () => {
  it("answeringStorageFailures turns SQLITE_FULL into the localized 503 page, and lets other errors through", async () => {
    const { answeringStorageFailures } = await import("~/lib/http.server");
    const request = new Request(`${ORIGIN}/reviews/1/helpful`, { method: "POST", headers: { "Accept-Language": "fr" } });
    const thrown = await answeringStorageFailures(request, () => {
      throw new Database.SqliteError("database or disk is full", "SQLITE_FULL");
    }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.text()).toContain("Enregistrement impossible pour le moment");
    expect(readiness(Date.now(), MIN_FREE_BYTES * 10)).toEqual({ ready: false, reason: "storage_failure" });
    const other = await answeringStorageFailures(request, () => {
      throw new TypeError("a bug");
    }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TypeError);
  });

  it("every resource route that writes answers through it", async () => {
    const fs = await import("node:fs");
    const files = fs.readdirSync("app/routes").filter((f) => /\.tsx?$/.test(f));
    const resourceActions = files.filter((f) => {
      const source = fs.readFileSync(`app/routes/${f}`, "utf8");
      return /export (async )?function action/.test(source) && !/export default/.test(source);
    });
    // markdown-preview renders text and writes nothing.
    const writing = resourceActions.filter((f) => f !== "markdown-preview.ts");
    expect(writing.length).toBeGreaterThan(0);
    for (const f of writing) expect(fs.readFileSync(`app/routes/${f}`, "utf8"), f).toMatch(/answeringStorageFailures\(request/);
  });
});
