// The brand inbox's filters (/brand/:slug), read from the query string of its GET form: the
// public pages' stars, subject, channel and reply filters (app/lib/review-filters.ts), and
// the company's own: resolved by the company (the reviewer said so) and flagged (a flag on
// the review, by anyone: one still pending, or only decided ones, or none). Bad values are
// ignored (the filter is off), never an error.
import { z } from "zod";
import { parseReviewQuery } from "./review-filters";

export const INBOX_RESOLVED = ["resolved", "unresolved"] as const;
export const INBOX_FLAGGED = ["pending", "decided", "none"] as const;

export interface InboxQuery {
  /** 1 to 5, each at most once, ascending. */
  stars: number[];
  subject?: number;
  channel?: ReturnType<typeof parseReviewQuery>["channel"];
  replied?: "answered" | "awaiting";
  resolved?: (typeof INBOX_RESOLVED)[number];
  flagged?: (typeof INBOX_FLAGGED)[number];
  /** The keyset cursor of the page (app/models/replies.server.ts). */
  before?: string;
}

const resolved = z.enum(INBOX_RESOLVED).optional().catch(undefined);
const flagged = z.enum(INBOX_FLAGGED).optional().catch(undefined);

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const { stars, subject, channel, replied, before } = parseReviewQuery(params);
  return {
    stars: [...new Set(stars)].sort(),
    subject,
    channel,
    replied,
    resolved: resolved.parse(params.get("resolved") || undefined),
    flagged: flagged.parse(params.get("flagged") || undefined),
    before,
  };
}

/** Whether any filter is on (the cursor is not a filter). */
export function hasInboxFilters(q: InboxQuery) {
  return Boolean(q.stars.length || q.subject || q.channel || q.replied || q.resolved || q.flagged);
}
