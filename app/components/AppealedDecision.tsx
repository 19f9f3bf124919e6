import type { MessageKey } from "~/i18n";
import type { AppealedDecisionFacts, AppealExplanation } from "~/lib/appeal-form";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import { CaseNote } from "./CaseListSection";

/** The decision appealed against (what, why, when, by whom) and its statement. `label` is
 *  the decision's name, when it has one (its logged word is shown otherwise). */
export function AppealedDecision({ decision, label }: { decision: AppealedDecisionFacts; label: MessageKey | null }) {
  const { t, date, locale } = useT();
  const by =
    decision.automated || !decision.actorName
      ? t("moderation.case.decision.automatic")
      : t("moderation.case.decision.by", { name: decision.actorName });
  return (
    <>
      <p className="muted">
        {t("appeal.decide.appealed", {
          id: String(decision.id),
          decision: label ? t(label) : decision.logged,
          reason: reasonLabel(decision.reason, locale),
          date: date(decision.createdAt, "medium"),
          by,
        })}
      </p>
      <blockquote>{decision.statement}</blockquote>
    </>
  );
}

/** What the appellants said, oldest first; `appellant` says who they are (the author…). */
export function AppealExplanations({ appeals, appellant }: { appeals: AppealExplanation[]; appellant: string }) {
  const { tp, date } = useT();
  return (
    <>
      <h3>{tp("moderation.queue.appealCount", appeals.length)}</h3>
      <ol className="case-flags">
        {appeals.map((a) => (
          <CaseNote
            key={a.id}
            pending
            text={a.explanation}
            meta={
              <>
                {appellant}
                {a.appellantName ? ` · ${a.appellantName}` : ""} ·{" "}
                <time dateTime={new Date(a.createdAt).toISOString()}>{date(a.createdAt, "medium")}</time>
              </>
            }
          />
        ))}
      </ol>
    </>
  );
}

/** The words of an appeal's decision form, where they differ from the queues'. */
export const APPEAL_DECISION_TEXT = {
  legend: "appeal.decide.legend",
  reasonHint: "appeal.decide.reasonHint",
  statementHint: "appeal.decide.statementHint",
  submit: "appeal.decide.submit",
} as const satisfies Record<string, MessageKey>;
