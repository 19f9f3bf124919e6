// The /report form's schema (parseWithZod in the action; its constraints reach the page
// through the loader, so that the browser loads no validation library) and how a link to
// a review is read. Its limits are in app/lib/report-limits.ts. Messages are i18n keys
// (app/i18n/report.ts).
import { z } from "zod";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import {
  REPORT_EXPLANATION_MAX_LENGTH,
  REPORT_EXPLANATION_MIN_LENGTH,
  REPORT_HONEYPOT,
  REPORT_NAME_MAX_LENGTH,
  REPORT_TARGETS,
  REPORT_URL_MAX_LENGTH,
  type ReportTarget,
} from "~/lib/report-limits";

// ─── The form ────────────────────────────────────────────────────────────────

const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v);

const nameField = z
  .string({ error: "report.error.name" })
  .min(1, { error: "report.error.name" })
  .max(REPORT_NAME_MAX_LENGTH, { error: "report.error.name" });
const emailField = z
  .string({ error: "report.error.email" })
  .toLowerCase()
  .pipe(z.email({ error: "report.error.email" }).max(254, { error: "report.error.email" }));

/** A signed-in reporter may leave the name and the email empty: the account's are used. */
export function reportSchema({ signedIn }: { signedIn: boolean }) {
  return z.object({
    url: z.preprocess(
      text,
      z
        .string({ error: "report.error.url" })
        .min(1, { error: "report.error.url" })
        .max(REPORT_URL_MAX_LENGTH, { error: "report.error.url" }),
    ),
    target: z.enum(REPORT_TARGETS, { error: "report.error.target" }).default("review"),
    reason: z.enum(MODERATION_REASON_IDS, { error: "report.error.reason" }),
    explanation: z.preprocess(
      text,
      z
        .string({ error: "report.error.explanationShort" })
        .min(REPORT_EXPLANATION_MIN_LENGTH, { error: "report.error.explanationShort" })
        .max(REPORT_EXPLANATION_MAX_LENGTH, { error: "report.error.explanationLong" }),
    ),
    name: z.preprocess(text, signedIn ? nameField.optional() : nameField),
    email: z.preprocess(text, signedIn ? emailField.optional() : emailField),
    goodFaith: z.literal("on", { error: "report.error.goodFaith" }),
    [REPORT_HONEYPOT]: z.string().optional(),
  });
}

export type ReportForm = z.infer<ReturnType<typeof reportSchema>>;
/** The fields of the form, for its page (a type: no schema in the browser). */
export type ReportFields = z.input<ReturnType<typeof reportSchema>>;

// ─── The link to the content ─────────────────────────────────────────────────

export type ParsedLink = { reviewId: number; target: ReportTarget | null };

/** Reads a link to a review of this site: `/reviews/12`, `/reviews/12#reply`, or an absolute
 *  URL on one of `hosts` (with or without its scheme). The fragment may name the reply or
 *  the follow-up. Anything else (another site, another page) gives null. */
export function parseReviewLink(input: string, hosts: string[]): ParsedLink | null {
  const raw = input.trim();
  if (!raw || raw.length > REPORT_URL_MAX_LENGTH) return null;
  let url: URL;
  try {
    if (raw.startsWith("/") && !raw.startsWith("//")) url = new URL(raw, "http://relative.invalid");
    else {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
      if (url.protocol !== "http:" && url.protocol !== "https:") return null;
      if (!hosts.map((h) => h.toLowerCase()).includes(url.host.toLowerCase())) return null;
    }
  } catch {
    return null;
  }
  const match = /^\/reviews\/(\d{1,15})\/?$/.exec(url.pathname);
  if (!match) return null;
  const reviewId = Number(match[1]);
  if (!Number.isSafeInteger(reviewId) || reviewId <= 0) return null;
  const fragment = decodeURIComponent(url.hash.slice(1)).toLowerCase();
  const target: ReportTarget | null = /^reply\b/.test(fragment) ? "reply" : /^follow[-_]?up\b/.test(fragment) ? "follow_up" : null;
  return { reviewId, target };
}
