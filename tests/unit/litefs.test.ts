// The pure parts of app/lib/litefs.server.ts: LiteFS's `-pos` file, the txid cookie, the
// wait for a position, the signed client address, and the role read from `.primary`
// (through litefs-js). The servers themselves: tests/integration/litefs.test.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEnv } from "~/env.server";
import {
  formatTxid,
  liteFsSettings,
  parsePosition,
  parseTxid,
  positionFile,
  primaryHost,
  readPositionSync,
  readTxidCookie,
  signForwardedFor,
  startsAsReplica,
  txidCookie,
  verifyForwardedFor,
  waitForPosition,
  type Position,
} from "~/lib/litefs.server";
import { onlyLanguageCookies } from "~/lib/page-cache.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-litefs-unit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SECRET = "s".repeat(32);
const settingsFor = (extra: Record<string, string>) => loadEnv({ NODE_ENV: "test", SECRET, DATABASE_URL: "/litefs/replique.db", ...extra });

describe("the -pos file", () => {
  it("reads TXID/checksum, 16 hex digits each, with its newline", () => {
    expect(parsePosition("00000000002df417/ce552e44f23fbbdd\n")).toEqual({ txid: 0x2df417n, checksum: "ce552e44f23fbbdd" });
    expect(parsePosition("FFFFFFFFFFFFFFFF/0000000000000000")).toEqual({ txid: 2n ** 64n - 1n, checksum: "0000000000000000" });
  });

  it("refuses anything else", () => {
    for (const text of [
      "",
      "2df417/ce552e44f23fbbdd",
      "00000000002df417",
      "00000000002df417/ce552e44f23fbbd",
      "000000000002df417/ce552e44f23fbbdd",
      "zz000000002df417/ce552e44f23fbbdd",
    ]) {
      expect(parsePosition(text), text).toBeNull();
    }
  });

  it("is read from LITEFS_DIR/<db>-pos; missing means no position", () => {
    const settings = liteFsSettings(settingsFor({ LITEFS_DIR: dir }))!;
    expect(positionFile(settings)).toBe(path.join(dir, "replique.db-pos"));
    expect(readPositionSync(settings)).toBeNull();
    fs.writeFileSync(positionFile(settings), "0000000000000010/00000000000000ab\n");
    expect(readPositionSync(settings)?.txid).toBe(16n);
  });
});

describe("the txid cookie", () => {
  it("holds the TXID in hex and reads it back", () => {
    expect(formatTxid(0x2an)).toBe("2a");
    expect(parseTxid("2a")).toBe(42n);
    expect(parseTxid("0000000000000003")).toBe(3n);
    for (const bad of ["", "-1", "0x2a", "12345678901234567", "2a;", "g"]) expect(parseTxid(bad), bad).toBeNull();
  });

  it("is HttpOnly, SameSite=Lax, short-lived, Secure over HTTPS", () => {
    expect(txidCookie(42n, false)).toBe("txid=2a; Path=/; HttpOnly; SameSite=Lax; Max-Age=30");
    expect(txidCookie(42n, true)).toBe("txid=2a; Path=/; HttpOnly; SameSite=Lax; Max-Age=30; Secure");
  });

  it("is found among other cookies; a malformed one counts as none", () => {
    expect(readTxidCookie("lang=fr; txid=2a; replique_session=x.y")).toBe(42n);
    expect(readTxidCookie("lang=fr")).toBeNull();
    expect(readTxidCookie("txid=nope")).toBeNull();
    expect(readTxidCookie("mytxid=2a")).toBeNull();
    expect(readTxidCookie(undefined)).toBeNull();
  });

  it("keeps a request out of the page cache, as every cookie but lang", () => {
    expect(onlyLanguageCookies("txid=2a")).toBe(false);
    expect(onlyLanguageCookies("lang=en; txid=2a")).toBe(false);
    expect(onlyLanguageCookies("lang=en")).toBe(true);
  });
});

describe("waiting for a position", () => {
  function clock() {
    let t = 0;
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  }
  const at = (txid: bigint): Position => ({ txid, checksum: "0".repeat(16) });

  it("answers at once when the position is already there", async () => {
    const fake = clock();
    const result = await waitForPosition(5n, async () => at(7n), { timeoutMs: 2000, pollMs: 25, ...fake });
    expect(result).toEqual({ caughtUp: true, waitedMs: 0 });
  });

  it("polls until it catches up", async () => {
    const fake = clock();
    const read = async () => at(fake.now() >= 300 ? 9n : 5n);
    expect(await waitForPosition(9n, read, { timeoutMs: 2000, pollMs: 25, ...fake })).toEqual({ caughtUp: true, waitedMs: 300 });
  });

  it("gives up after the bound (and a missing file never catches up)", async () => {
    const fake = clock();
    expect(await waitForPosition(9n, async () => at(5n), { timeoutMs: 2000, pollMs: 25, ...fake })).toEqual({
      caughtUp: false,
      waitedMs: 2000,
    });
    const other = clock();
    expect((await waitForPosition(1n, async () => null, { timeoutMs: 100, pollMs: 25, ...other })).caughtUp).toBe(false);
  });
});

describe("the client's address from a replica", () => {
  it("is believed only when signed with SECRET", () => {
    const value = signForwardedFor(SECRET, "203.0.113.7");
    expect(verifyForwardedFor(SECRET, value)).toBe("203.0.113.7");
    expect(verifyForwardedFor("t".repeat(32), value)).toBeNull();
    expect(verifyForwardedFor(SECRET, value.replace("203.0.113.7", "203.0.113.8"))).toBeNull();
    expect(verifyForwardedFor(SECRET, "203.0.113.7")).toBeNull();
    expect(verifyForwardedFor(SECRET, undefined)).toBeNull();
    expect(verifyForwardedFor(SECRET, [value, value])).toBeNull();
    // IPv6 addresses hold colons, never the separator.
    expect(verifyForwardedFor(SECRET, signForwardedFor(SECRET, "::ffff:127.0.0.1"))).toBe("::ffff:127.0.0.1");
  });
});

describe("settings and role", () => {
  it("LiteFS is off without LITEFS_DIR", () => {
    expect(liteFsSettings(settingsFor({}))).toBeNull();
    expect(liteFsSettings(settingsFor({ LITEFS_DIR: "" }))).toBeNull();
    expect(startsAsReplica(settingsFor({}))).toBe(false);
  });

  it("defaults: the database's file name, PORT, 2 s; Fly.io needs both of its variables", () => {
    const settings = liteFsSettings(settingsFor({ LITEFS_DIR: "/litefs", PORT: "3000" }))!;
    expect(settings).toMatchObject({ dir: "/litefs", database: "replique.db", internalPort: 3000, waitMs: 2000, onFly: false });
    expect(liteFsSettings(settingsFor({ LITEFS_DIR: "/litefs", FLY_APP_NAME: "replique" }))!.onFly).toBe(false);
    const fly = liteFsSettings(
      settingsFor({
        LITEFS_DIR: "/litefs",
        FLY_APP_NAME: "replique",
        FLY_MACHINE_ID: "m1",
        INTERNAL_PORT: "8081",
        DATABASE_FILENAME: "db",
      }),
    )!;
    expect(fly).toMatchObject({ onFly: true, internalPort: 8081, database: "db" });
    expect(() => settingsFor({ DATABASE_FILENAME: "data/db" })).toThrow(/DATABASE_FILENAME/);
  });

  it("a replica is a machine whose .primary names another host (litefs-js)", () => {
    const mount = fs.mkdtempSync(path.join(dir, "mount-"));
    const settings = settingsFor({ LITEFS_DIR: mount });
    expect(startsAsReplica(settings)).toBe(false); // no .primary: this machine is the primary
    fs.writeFileSync(path.join(mount, ".primary"), `${os.hostname()}\n`);
    expect(startsAsReplica(settings)).toBe(false);
    fs.writeFileSync(path.join(mount, ".primary"), "another-machine\n");
    expect(startsAsReplica(settings)).toBe(true);
  });

  it("the primary's host, without LiteFS's own port", () => {
    expect(primaryHost("5ef6ddf5")).toBe("5ef6ddf5");
    expect(primaryHost("primary.internal:20202")).toBe("primary.internal");
    expect(primaryHost("fdaa::3")).toBe("fdaa::3");
  });
});
