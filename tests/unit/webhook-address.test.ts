// Where webhooks may go (app/lib/webhook-address.server.ts): public https addresses only,
// unless a setting allows http or private networks; a host is judged by every address it
// resolves to, and the delivery's own lookup refuses what the check would (DNS rebinding).
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, guardedLookup, isPrivateAddress } from "~/lib/webhook-address.server";

const STRICT = { allowHttp: false, allowPrivate: false };
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe("private addresses", () => {
  it("are private, loopback, link-local, multicast or reserved, in IPv4 and IPv6", () => {
    for (const a of [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "64:ff9b::192.168.0.1",
      "not an address",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });
});

describe("checkWebhookUrl", () => {
  it("refuses http, credentials and private literals (in every spelling URL accepts)", async () => {
    expect(await checkWebhookUrl("http://93.184.215.14/hook", STRICT)).toEqual({ ok: false, kind: "not_https" });
    expect(await checkWebhookUrl("ftp://93.184.215.14/hook", STRICT)).toEqual({ ok: false, kind: "not_https" });
    expect(await checkWebhookUrl("https://user:pw@93.184.215.14/hook", STRICT)).toEqual({ ok: false, kind: "credentials" });
    for (const url of [
      "https://127.0.0.1/",
      "https://2130706433/",
      "https://0x7f.1/",
      "https://[::1]/",
      "https://[::ffff:7f00:1]/",
      "https://10.0.0.8:8443/x",
    ]) {
      expect(await checkWebhookUrl(url, STRICT), url).toEqual({ ok: false, kind: "private_address" });
    }
    expect(await checkWebhookUrl("https://93.184.215.14/hook", STRICT)).toEqual({ ok: true, url: "https://93.184.215.14/hook" });
  });

  it("judges a host name by every address it resolves to", async () => {
    expect(await checkWebhookUrl("https://hooks.example.com/x", STRICT, resolvesTo("93.184.215.14"))).toEqual({
      ok: true,
      url: "https://hooks.example.com/x",
    });
    expect(await checkWebhookUrl("https://hooks.example.com/x", STRICT, resolvesTo("93.184.215.14", "10.0.0.1"))).toEqual({
      ok: false,
      kind: "private_address",
    });
    const failing = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await checkWebhookUrl("https://nowhere.invalid/", STRICT, failing)).toEqual({ ok: false, kind: "unresolvable" });
  });

  it("lets the settings allow http and private networks (tests, local receivers)", async () => {
    expect(await checkWebhookUrl("http://127.0.0.1:8080/h", { allowHttp: true, allowPrivate: true })).toEqual({
      ok: true,
      url: "http://127.0.0.1:8080/h",
    });
    expect(await checkWebhookUrl("http://127.0.0.1:8080/h", { allowHttp: true, allowPrivate: false })).toEqual({
      ok: false,
      kind: "private_address",
    });
  });
});

describe("the delivery's lookup", () => {
  const lookup = (allowPrivate: boolean, host: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      guardedLookup(allowPrivate)(host, { all }, (error, address) => resolve({ error, address })),
    );

  it("refuses a name that resolves to a private address at connection time", async () => {
    const refused = await lookup(false, "localhost", false);
    expect(refused.error?.code).toBe("EPRIVATEADDRESS");
    const allowed = await lookup(true, "localhost", true);
    expect(allowed.error).toBeNull();
    expect(Array.isArray(allowed.address)).toBe(true);
  });
});
