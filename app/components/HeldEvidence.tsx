// What a check found in a held review, in words: the matched link, address, phone number or
// words, the near-duplicate, the other accounts of the same network, the burst, the
// company's domain. For the held-reviews queue and its case page.
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatDuration } from "~/components/Scorecard";
import { checkName } from "~/lib/held-statement";
import type { HeldEvidence, RelatedReview, TextEvidence } from "~/lib/held-review";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { quote } from "~/lib/statement";

const STATUS: Record<string, MessageKey> = {
  published: "held.evidence.status.published",
  held: "held.evidence.status.held",
  removed: "held.evidence.status.removed",
  pending: "held.evidence.status.pending",
  deleted: "held.evidence.status.deleted",
};

function useStatus() {
  const { t } = useT();
  return (status: string) => t(STATUS[status] ?? "held.evidence.status.published");
}

function Related({ reviews }: { reviews: RelatedReview[] }) {
  const { t, date } = useT();
  const status = useStatus();
  return (
    <ul className="held-evidence__related">
      {reviews.map((r) => (
        <li key={r.id}>
          <Link to={`/moderation/reviews/${r.id}`}>
            {t("held.evidence.related", {
              id: String(r.id),
              title: r.title,
              stars: r.stars,
              author: r.authorName ?? t("held.item.anonymous"),
              date: date(r.createdAt, "medium"),
            })}
          </Link>{" "}
          ({status(r.status)})
        </li>
      ))}
    </ul>
  );
}

function Passages({ evidence }: { evidence: TextEvidence }) {
  const { t } = useT();
  if (evidence.found.length === 0) return <p className="muted">{t("held.evidence.notFound")}</p>;
  return (
    <p>
      {t("held.evidence.found")}{" "}
      {evidence.found.map((passage, i) => (
        <span key={i}>
          {i > 0 ? ", " : null}
          <code className="held-evidence__found">{passage}</code>
        </span>
      ))}
    </p>
  );
}

/** The evidence of the check that held the review. */
export function Evidence({ evidence }: { evidence: HeldEvidence }) {
  const { t, tp, n, date, locale } = useT();
  const status = useStatus();
  switch (evidence.check) {
    case "links":
    case "email":
    case "phone":
    case "banned_words":
      return <Passages evidence={evidence} />;
    case "near_duplicate": {
      const m = evidence.match;
      if (!m) return <p className="muted">{t("held.evidence.duplicateNone")}</p>;
      const vars = {
        similarity: m.similarity,
        id: String(m.id),
        title: m.title,
        author: m.authorName ?? t("held.item.anonymous"),
        date: date(m.createdAt, "medium"),
        status: status(m.status),
        threshold: evidence.threshold,
      };
      return (
        <p>
          {t(m.sameAuthor ? "held.evidence.duplicateOwn" : "held.evidence.duplicate", vars)}{" "}
          <Link to={`/moderation/reviews/${m.id}`}>{t("held.item.open")}</Link>
        </p>
      );
    }
    case "network_cluster":
      return (
        <>
          <p>{tp("held.evidence.cluster", evidence.accounts - 1, { days: evidence.windowDays })}</p>
          <Related reviews={evidence.reviews} />
        </>
      );
    case "conflict_domain":
      return <p>{t("held.evidence.domain", { domain: evidence.domain, companyDomain: evidence.companyDomain ?? "—" })}</p>;
    case "negative_burst":
      return (
        <>
          <p>
            {t("held.evidence.burst", {
              recent: evidence.recent,
              hours: evidence.windowHours,
              usual: n(evidence.usual, { maximumFractionDigits: 1 }),
              days: evidence.baselineDays,
            })}
          </p>
          {evidence.reviews.length > 0 ? (
            <>
              <p>{t("held.evidence.burstOthers")}</p>
              <Related reviews={evidence.reviews} />
            </>
          ) : null}
        </>
      );
    case "other":
      return (
        <p className="muted">
          {checkName(locale, evidence.code)}. {t("held.evidence.other")}
        </p>
      );
  }
}

/** The check that held it and its evidence, then what the other text checks find. */
export function HeldWhy({ check, evidence, alsoFound }: { check: string | null; evidence: HeldEvidence; alsoFound: TextEvidence[] }) {
  const { t, locale } = useT();
  return (
    <div className="held-evidence">
      <p>
        <strong>{t("held.why")}</strong> {checkName(locale, check)}
      </p>
      <Evidence evidence={evidence} />
      {alsoFound.length > 0 ? (
        <>
          <p>
            <strong>{t("held.alsoFound")}</strong>
          </p>
          <ul>
            {alsoFound.map((e) => (
              <li key={e.check}>
                {t("held.alsoFound.item", { check: checkName(locale, e.check), found: e.found.map((f) => quote(locale, f)).join(", ") })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The time left before the publication deadline, or that it is past. */
export function Deadline({ deadlineAt, now }: { deadlineAt: number; now: number }) {
  const tt = useT();
  const left = deadlineAt - now;
  return left > 0 ? (
    <span className={left < 12 * 3_600_000 ? "badge badge--warn" : "badge"}>
      {tt.t("held.deadline.left", { time: formatDuration(tt, left) })}
    </span>
  ) : (
    <span className="badge badge--warn">{tt.t("held.deadline.overdue", { hours: MAX_PUBLICATION_DELAY_HOURS })}</span>
  );
}
