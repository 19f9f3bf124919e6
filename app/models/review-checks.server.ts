// The automatic checks run on every review at submission and on every edit.
//
// One module, one place: each check has a code (stored in reviews.held_check when it
// holds a review), a message `check.<code>` (what the author is told) and an outcome: `hold` (the
// review waits for a moderator, visible only to its author) or `refuse` (nothing is
// written; the author is told why). All triggered checks are returned; the strongest
// outcome wins (refuse > hold > publish). /transparency lists them from CHECKS.
import crypto from "node:crypto";
import type { Db } from "#db/client.server";
import type { MessageKey } from "~/i18n";
import { BANNED_WORDS_TEXT } from "./data/banned-words";
import { env } from "~/env.server";
import { jaccard, shingles, words } from "~/lib/similarity";

export type CheckOutcome = "hold" | "refuse";

export const CHECKS = {
  rate_account: "refuse",
  rate_ip: "refuse",
  network_cluster: "hold",
  links: "hold",
  email: "hold",
  phone: "hold",
  banned_words: "hold",
  duplicate_own: "refuse",
  near_duplicate: "hold",
  conflict_member: "refuse",
  conflict_domain: "hold",
  negative_burst: "hold",
} as const satisfies Record<string, CheckOutcome>;

export type CheckCode = keyof typeof CHECKS;

/** What the author is told when a check holds or refuses their review. */
export function checkMessage(code: CheckCode): MessageKey {
  return `check.${code}`;
}

export function isCheckCode(value: string): value is CheckCode {
  return value in CHECKS;
}

export interface TriggeredCheck {
  code: CheckCode;
  outcome: CheckOutcome;
  message: MessageKey;
  /** Values for the message, and facts for the moderator. */
  detail?: Record<string, string | number>;
}

/** The limits, published on /transparency. */
export const CHECK_LIMITS = {
  perAccountPerHour: 5,
  perAccountPerDay: 15,
  perIpPerHour: 10,
  /** Other accounts reviewing the same company from the same network within this window. */
  clusterWindowMs: 7 * 86_400_000,
  /** Jaccard similarity of word shingles above which two texts are near-duplicates. */
  nearDuplicateSimilarity: 0.7,
  /** Shorter texts are not compared: "Very good, thanks" is written by many. */
  duplicateMinWords: 12,
  duplicateOwnWindowMs: 365 * 86_400_000,
  duplicateCompanyWindowMs: 90 * 86_400_000,
  /** Negative reviews (1–2★) of one company in this window… */
  burstWindowMs: 6 * 3_600_000,
  /** …compared with their usual rate over this period before it. */
  burstBaselineMs: 60 * 86_400_000,
  burstMinCount: 5,
  burstFactor: 4,
} as const;

export interface CheckInput {
  mode: "create" | "edit";
  /** The review being edited (excluded from comparisons). */
  reviewId?: number;
  authorId: number;
  /** HMAC of the author's IP (see hashIp); null when unknown. */
  ipHash: string | null;
  companyId: number;
  subjectId: number;
  stars: number;
  title: string;
  body: string;
  now?: number;
}

export interface CheckResult {
  checks: TriggeredCheck[];
  outcome: "publish" | CheckOutcome;
  /** The check that decides: the first refusal, else the first hold. */
  decisive: TriggeredCheck | null;
}

/** A stable, non-reversible hash of an IP address (reviews.ip_hash): never the raw IP. */
export function hashIp(ip: string | null | undefined): string | null {
  if (!ip || ip === "unknown") return null;
  return crypto.createHmac("sha256", env().SECRET).update(`ip:${ip}`).digest("base64url").slice(0, 22);
}

function triggered(code: CheckCode, detail?: TriggeredCheck["detail"]): TriggeredCheck {
  return { code, outcome: CHECKS[code], message: checkMessage(code), ...(detail ? { detail } : {}) };
}

// ─── Text checks (pure) ───────────────────────────────────────────────────────

/** Lower case, accents removed, apostrophes unified. */
export function normalizeText(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’`´]/g, "'")
    .toLowerCase();
}

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>()]+/i;
// Markdown autolinks and links are caught by the same pattern (their target is a URL).

/** Links in the text: http(s):// or www. (a bare "shop.fr" naming a website is fine). */
export function checkLinks(text: string): TriggeredCheck | null {
  const match = LINK.exec(text);
  return match ? triggered("links", { found: match[0].slice(0, 80) }) : null;
}

const EMAIL = /[A-Z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\s*(?:\.|\(dot\)|\[dot\])\s*[A-Z]{2,}/i;

export function checkEmail(text: string): TriggeredCheck | null {
  return EMAIL.test(text) ? triggered("email") : null;
}

// French numbers: 0X XX XX XX XX (spaces, dots or dashes, or none), +33 / 0033 with
// or without the (0). International: + and 8 to 15 digits with separators.
const PHONE_PATTERNS = [
  /(?<![\d+])0[1-9](?:[\s.-]?\d{2}){4}(?!\d)/,
  /(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9](?:[\s.-]?\d{2}){4}(?!\d)/,
  /(?<![\w+])\+\s?[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)/,
];

export function checkPhone(text: string): TriggeredCheck | null {
  for (const pattern of PHONE_PATTERNS) {
    const match = pattern.exec(text);
    if (match && match[0].replace(/\D/g, "").length >= 8) return triggered("phone");
  }
  return null;
}

/** Undoes the usual digit-for-letter swaps, for matching only. */
function unLeet(text: string) {
  return text.replace(/[013457@$]/g, (c) => ({ 0: "o", 1: "i", 3: "e", 4: "a", 5: "s", 7: "t", "@": "a", $: "s" })[c]!);
}

let bannedPattern: RegExp | null = null;

export function bannedWords(): string[] {
  return BANNED_WORDS_TEXT.split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map(normalizeText);
}

function bannedRegExp() {
  if (!bannedPattern) {
    const escaped = bannedWords().map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        // A space or hyphen in a phrase matches any run of spaces and punctuation.
        .replace(/[\s-]+/g, "[\\s\\p{P}]+"),
    );
    bannedPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "u");
  }
  return bannedPattern;
}

export function checkBannedWords(text: string): TriggeredCheck | null {
  const normalized = normalizeText(text);
  const pattern = bannedRegExp();
  // Matched on the text as written and with digit swaps undone (c0nnard).
  const match = pattern.exec(normalized) ?? pattern.exec(unLeet(normalized));
  return match ? triggered("banned_words", { found: match[0] }) : null;
}

// ─── Similarity ───────────────────────────────────────────────────────────────

// ─── Checks against the database ──────────────────────────────────────────────

/** The `n` of a `SELECT count(…) AS n` without GROUP BY (always one row). */
function count(db: Db, sql: string, ...params: (string | number)[]): number {
  return db.$client.prepare<(string | number)[], { n: number }>(sql).get(...params)!.n;
}

export function checkRateLimits(db: Db, input: CheckInput, now: number): TriggeredCheck[] {
  if (input.mode !== "create") return [];
  const out: TriggeredCheck[] = [];
  const hour = now - 3_600_000;
  const day = now - 86_400_000;
  const lastHour = count(db, `SELECT count(*) AS n FROM reviews WHERE author_id = ? AND created_at > ?`, input.authorId, hour);
  const lastDay = count(db, `SELECT count(*) AS n FROM reviews WHERE author_id = ? AND created_at > ?`, input.authorId, day);
  if (lastHour >= CHECK_LIMITS.perAccountPerHour) {
    out.push(triggered("rate_account", { count: lastHour, limit: CHECK_LIMITS.perAccountPerHour, window: "hour" }));
  } else if (lastDay >= CHECK_LIMITS.perAccountPerDay) {
    out.push(triggered("rate_account", { count: lastDay, limit: CHECK_LIMITS.perAccountPerDay, window: "day" }));
  }
  if (input.ipHash) {
    const fromIp = count(db, `SELECT count(*) AS n FROM reviews WHERE ip_hash = ? AND created_at > ?`, input.ipHash, hour);
    if (fromIp >= CHECK_LIMITS.perIpPerHour) out.push(triggered("rate_ip", { count: fromIp, limit: CHECK_LIMITS.perIpPerHour }));
  }
  return out;
}

/** Other accounts reviewing the same company from the same network, recently. */
export function checkNetworkCluster(db: Db, input: CheckInput, now: number): TriggeredCheck | null {
  if (input.mode !== "create" || !input.ipHash) return null;
  const others = count(
    db,
    `SELECT count(DISTINCT author_id) AS n FROM reviews
     WHERE company_id = ? AND ip_hash = ? AND author_id IS NOT NULL AND author_id <> ? AND created_at > ?`,
    input.companyId,
    input.ipHash,
    input.authorId,
    now - CHECK_LIMITS.clusterWindowMs,
  );
  return others > 0 ? triggered("network_cluster", { accounts: others + 1 }) : null;
}

/** A review the duplicate checks compare the new text with. */
interface ComparedReview {
  id: number;
  title: string;
  body: string;
}

export function checkDuplicates(db: Db, input: CheckInput, now: number): TriggeredCheck | null {
  const text = `${input.title}\n${input.body}`;
  if (words(input.body).length < CHECK_LIMITS.duplicateMinWords) return null;
  const mine = shingles(text);
  const exclude = input.reviewId ?? 0;
  const own = db.$client
    .prepare<[authorId: number, exclude: number, since: number], ComparedReview>(
      `SELECT id, title, body FROM reviews
       WHERE author_id = ? AND id <> ? AND status <> 'deleted' AND created_at > ?
       ORDER BY id DESC LIMIT 200`,
    )
    .all(input.authorId, exclude, now - CHECK_LIMITS.duplicateOwnWindowMs);
  const normalizedBody = words(input.body).join(" ");
  for (const r of own) {
    if (words(r.body).join(" ") === normalizedBody) return triggered("duplicate_own", { reviewId: r.id });
  }
  const others = db.$client
    .prepare<[companyId: number, exclude: number, authorId: number, since: number], ComparedReview>(
      `SELECT id, title, body FROM reviews
       WHERE company_id = ? AND id <> ? AND (author_id IS NULL OR author_id <> ?) AND status <> 'deleted' AND created_at > ?
       ORDER BY id DESC LIMIT 300`,
    )
    .all(input.companyId, exclude, input.authorId, now - CHECK_LIMITS.duplicateCompanyWindowMs);
  let best = { id: 0, similarity: 0 };
  for (const r of [...own, ...others]) {
    if (words(r.body).length < CHECK_LIMITS.duplicateMinWords) continue;
    const similarity = jaccard(mine, shingles(`${r.title}\n${r.body}`));
    if (similarity > best.similarity) best = { id: r.id, similarity };
  }
  return best.similarity >= CHECK_LIMITS.nearDuplicateSimilarity
    ? triggered("near_duplicate", { reviewId: best.id, similarity: Math.round(best.similarity * 100) })
    : null;
}

/** Webmail and ISP domains: sharing one with a company says nothing about the person. */
const SHARED_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "outlook.fr",
  "hotmail.com",
  "hotmail.fr",
  "live.com",
  "live.fr",
  "msn.com",
  "yahoo.com",
  "yahoo.fr",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.fr",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "laposte.net",
  "bbox.fr",
  "numericable.fr",
  "club-internet.fr",
  "aliceadsl.fr",
  "tutanota.com",
  "yandex.com",
  "mail.com",
  "example.com",
]);

function sameOrSubdomain(emailDomain: string, companyDomain: string) {
  return emailDomain === companyDomain || emailDomain.endsWith(`.${companyDomain}`);
}

export function checkConflictOfInterest(db: Db, input: CheckInput): TriggeredCheck | null {
  const member = db.$client
    .prepare(`SELECT 1 FROM company_members WHERE company_id = ? AND user_id = ?`)
    .get(input.companyId, input.authorId);
  if (member) return triggered("conflict_member");
  const row = db.$client
    .prepare<[userId: number, companyId: number], { email: string; domain: string | null }>(
      `SELECT u.email AS email, c.domain AS domain FROM users u, companies c WHERE u.id = ? AND c.id = ?`,
    )
    .get(input.authorId, input.companyId);
  if (!row?.domain) return null;
  const emailDomain = row.email.split("@").pop()!.toLowerCase();
  const companyDomain = row.domain.toLowerCase().replace(/^www\./, "");
  if (SHARED_MAIL_DOMAINS.has(emailDomain)) return null;
  return sameOrSubdomain(emailDomain, companyDomain) ? triggered("conflict_domain", { domain: emailDomain }) : null;
}

/** Is `recent` negative reviews in the window a burst, given `baseline` over the baseline period? */
export function isNegativeBurst(recent: number, baseline: number) {
  const windows = CHECK_LIMITS.burstBaselineMs / CHECK_LIMITS.burstWindowMs;
  const usual = baseline / windows;
  return recent >= CHECK_LIMITS.burstMinCount && recent >= CHECK_LIMITS.burstFactor * usual;
}

/** A negative review arriving in a burst of negative reviews on one company (review bombing). */
export function checkNegativeBurst(db: Db, input: CheckInput, now: number): TriggeredCheck | null {
  if (input.mode !== "create" || input.stars > 2) return null;
  const windowStart = now - CHECK_LIMITS.burstWindowMs;
  const recent = count(
    db,
    `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND stars <= 2 AND status <> 'deleted' AND created_at > ?`,
    input.companyId,
    windowStart,
  );
  const baseline = count(
    db,
    `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND stars <= 2 AND status <> 'deleted'
     AND created_at > ? AND created_at <= ?`,
    input.companyId,
    windowStart - CHECK_LIMITS.burstBaselineMs,
    windowStart,
  );
  // The review being submitted counts in the burst.
  return isNegativeBurst(recent + 1, baseline) ? triggered("negative_burst", { recent: recent + 1, baseline }) : null;
}

// ─── All of them ──────────────────────────────────────────────────────────────

const STRENGTH = { publish: 0, hold: 1, refuse: 2 } as const;

/** Runs every check; call it inside the write transaction so that counts are current. */
export function runChecks(db: Db, input: CheckInput): CheckResult {
  const now = input.now ?? Date.now();
  const text = `${input.title}\n${input.body}`;
  const checks = [
    ...checkRateLimits(db, input, now),
    checkNetworkCluster(db, input, now),
    checkConflictOfInterest(db, input),
    checkDuplicates(db, input, now),
    checkLinks(text),
    checkEmail(text),
    checkPhone(text),
    checkBannedWords(text),
    checkNegativeBurst(db, input, now),
  ].filter((c): c is TriggeredCheck => c != null);
  let outcome: CheckResult["outcome"] = "publish";
  for (const c of checks) if (STRENGTH[c.outcome] > STRENGTH[outcome]) outcome = c.outcome;
  const decisive = checks.find((c) => c.outcome === outcome) ?? null;
  return { checks, outcome, decisive };
}
