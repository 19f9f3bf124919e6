// A section of a moderation case page that lists things (the reports, the author's
// responses, the earlier decisions), with a line saying so when there are none.
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import type { CaseDecision } from "~/models/moderation.server";
import { DecisionItem } from "./CaseFacts";

export function CaseListSection<T>({
  id,
  title,
  empty,
  list: List = "ol",
  listClassName,
  items,
  children: renderItem,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** Shown when there are no items (already translated). */
  empty: string;
  /** An ordered list (the default: what came in order) or not (the company's subjects). */
  list?: "ol" | "ul";
  listClassName?: string;
  items: readonly T[];
  /** One item, as an <li> with its key. */
  children: (item: T) => ReactNode;
}) {
  return (
    <section className="section case-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p className="muted">{empty}</p> : null}
      <List className={listClassName}>{items.map(renderItem)}</List>
    </section>
  );
}

/** One dated text of a case (a report, the author's response, an appeal): who and when
 *  (`meta`) above the text, quoted; `pending` while it waits for a decision. */
export function CaseNote({ meta, text, pending = false }: { meta: ReactNode; text: string; pending?: boolean }) {
  return (
    <li className={pending ? "case-flag case-flag--pending" : "case-flag"}>
      <p className="case-flag__meta">{meta}</p>
      <blockquote className="case-flag__text">{text}</blockquote>
    </li>
  );
}

/** The earlier decisions on the case, as the moderation log has them, under the heading
 *  `words` (`<words>.none` when there are none). */
export function CaseDecisions({
  id,
  words,
  decisions,
}: {
  id: string;
  words: "held.case.decisions" | "moderation.case.decisions" | "queues.decisions";
  decisions: readonly CaseDecision[];
}) {
  const { t } = useT();
  return (
    <CaseListSection id={id} title={t(words)} empty={t(`${words}.none`)} listClassName="case-decisions" items={decisions}>
      {(d) => <DecisionItem key={d.id} d={d} />}
    </CaseListSection>
  );
}
