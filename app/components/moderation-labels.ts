// The words of the moderation pages for the values of the data model: who reported, what
// was decided, what state content is in. One place, for the queue and the case page.
import type { MessageKey } from "~/i18n";
import type { T } from "~/i18n/react";

const REPORTER: Record<string, MessageKey> = {
  consumer: "moderation.reporter.consumer",
  company: "moderation.reporter.company",
  notifier: "moderation.reporter.notifier",
  moderator: "moderation.reporter.moderator",
  automatic: "moderation.reporter.automatic",
};

const DECISION: Record<string, MessageKey> = {
  dismiss_flag: "moderation.decision.dismiss_flag",
  dismiss: "moderation.decision.dismiss_flag",
  remove: "moderation.decision.remove",
  restore: "moderation.decision.restore",
  publish: "moderation.decision.publish",
  hold: "moderation.decision.hold",
  refuse: "moderation.decision.refuse",
  auto_publish: "moderation.decision.auto_publish",
  appeal_upheld: "moderation.decision.appeal_upheld",
};

const STATUS: Record<string, MessageKey> = {
  published: "moderation.status.published",
  removed: "moderation.status.removed",
  held: "moderation.status.held",
  pending: "moderation.status.pending",
  deleted: "moderation.status.deleted",
};

export const reporterLabel = (type: string): MessageKey => REPORTER[type] ?? "moderation.reporter.consumer";
export const decisionLabel = (decision: string): MessageKey | null => DECISION[decision] ?? null;
export const statusLabel = (status: string): MessageKey => STATUS[status] ?? "moderation.status.published";
/** A proof of experience's state, and a conduct report's (pending unless decided). */
export const proofStatusLabel = (status: string | null) =>
  `queues.proofs.status.${status === "accepted" ? "accepted" : status === "rejected" ? "rejected" : "pending"}` as const;
export const conductStatusLabel = (status: string) =>
  `queues.conduct.status.${status === "founded" ? "founded" : status === "unfounded" ? "unfounded" : "pending"}` as const;

/** A queue item's title: "Review “…” of …", its reply or its follow-up. A review whose text
 *  the retention job erased has no title left: it reads by its number. */
export function threadItemTitle(
  t: T["t"],
  item: { target: "review" | "reply" | "follow_up"; reviewId: number; review: { title: string; companyName: string } },
) {
  const title = item.review.title.trim() !== "" ? item.review.title : t("moderation.titleErased", { id: String(item.reviewId) });
  return t(`moderation.flags.item.${item.target}`, { title, company: item.review.companyName });
}
