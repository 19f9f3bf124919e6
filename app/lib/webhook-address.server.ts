// Where a webhook may be delivered: a public https URL. Refused, unless a setting allows it
// (app/env.server.ts, for tests and local receivers only): http:// (WEBHOOKS_ALLOW_HTTP), and
// any host that is or resolves to a private, loopback, link-local, multicast or otherwise
// reserved address (WEBHOOKS_ALLOW_PRIVATE). A URL with a user name or password is refused.
//
// Checked when the endpoint is added, and again at every delivery: `checkWebhookUrl` answers
// for the URL as it resolves now, and `guardedLookup` is the lookup the delivery's connection
// uses, so the address connected to is one that passed the check (a DNS answer changed in
// between — DNS rebinding — is caught where it is used, not only before).
import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // shared address space (carrier-grade NAT)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services live here)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b:1::", 48], // local-use IPv4/IPv6 translation
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4
  ["fc00::", 7], // unique local (private)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address (v4, or v6 — IPv4-mapped ones as their IPv4) is not a public one. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return blocked.check(address, "ipv4");
  if (version === 6) return blocked.check(address, "ipv6") || isPrivateNat64(address);
  return true;
}

/** 64:ff9b::/96 (NAT64) carries an IPv4 address in its last 32 bits: private when that one is. */
function isPrivateNat64(address: string): boolean {
  const lower = address.toLowerCase();
  if (!lower.startsWith("64:ff9b::")) return false;
  const tail = lower.slice("64:ff9b::".length);
  if (isIP(tail) === 4) return blocked.check(tail, "ipv4");
  const parts = tail.split(":");
  if (parts.length > 2 || !parts.every((p) => /^[0-9a-f]{1,4}$/.test(p))) return false;
  const [high, low] = parts.length === 2 ? parts.map((p) => parseInt(p, 16)) : [0, parseInt(parts[0]!, 16)];
  const v4 = [high! >> 8, high! & 255, low! >> 8, low! & 255].join(".");
  return blocked.check(v4, "ipv4");
}

export interface AddressPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

export type UrlRefusal = "url" | "not_https" | "credentials" | "private_address" | "unresolvable";

type Resolve = (hostname: string) => Promise<string[]>;

const resolveAll: Resolve = async (hostname) => (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Whether `raw` may receive webhooks now: its scheme, and every address its host resolves to. */
export async function checkWebhookUrl(
  raw: string,
  policy: AddressPolicy,
  resolve: Resolve = resolveAll,
): Promise<{ ok: true; url: string } | { ok: false; kind: UrlRefusal }> {
  if (!URL.canParse(raw)) return { ok: false, kind: "url" };
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowHttp)) return { ok: false, kind: "not_https" };
  if (url.username || url.password) return { ok: false, kind: "credentials" };
  const host = hostOf(url);
  if (!host) return { ok: false, kind: "url" };
  if (policy.allowPrivate) return { ok: true, url: url.href };
  if (isIP(host)) return isPrivateAddress(host) ? { ok: false, kind: "private_address" } : { ok: true, url: url.href };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, kind: "unresolvable" };
  }
  if (addresses.length === 0) return { ok: false, kind: "unresolvable" };
  return addresses.some(isPrivateAddress) ? { ok: false, kind: "private_address" } : { ok: true, url: url.href };
}

export class PrivateAddressError extends Error {
  code = "EPRIVATEADDRESS";
  constructor(hostname: string) {
    super(`${hostname} resolves to a private or reserved address`);
  }
}

/** The lookup of a delivery's connection (http.request's `lookup`): dns.lookup, refused when
 *  any address it gives is private (unless allowed). Node calls it for host names only; an IP
 *  literal is checked by checkWebhookUrl. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      if (!allowPrivate && (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))) {
        return callback(new PrivateAddressError(hostname), "", 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
