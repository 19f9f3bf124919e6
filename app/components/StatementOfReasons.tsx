// A statement of reasons (DSA art. 17) as its page shows it to the person it was sent to:
// what was decided, the facts, whether automated means were used, the ground, and how to
// contest (with the appeal form under it, when the reader may appeal). The text comes from
// the same function as the mail (app/lib/held-statement.ts, app/lib/moderation-queues.ts,
// app/lib/decision-appeal.ts), so the page and the mail say the same.
import type { LinksFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import moderationStyles from "~/styles/moderation.css?url";

/** The stylesheet of a statement's page (a route's `links`). */
export const statementLinks: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export interface StatementText {
  subject: string;
  decided: string;
  /** `held`: why the content was held, where it was; `intro` and `statement`: the moderator's
   *  words, when a person decided; `basis`: what the decision answers (an appeal). */
  facts: { held?: string; intro: string | null; statement: string | null; basis?: string };
  automated: string;
  ground: string;
  rulePath: string;
  contest: string;
  headings: Record<"decided" | "facts" | "automated" | "ground" | "contest", string>;
}

export function StatementOfReasons({
  text,
  intro,
  rulesLabel,
  content,
  appealLink,
  children,
}: {
  text: StatementText;
  /** Under the title: the decision's number and date (already translated). */
  intro: string;
  /** The link to the rule applied (already translated). */
  rulesLabel: string;
  /** A link to the content decided on, when it is online. */
  content?: { to: string; label: string } | null;
  /** In "how to contest", a link to the appeal form below (already translated), when the reader may appeal. */
  appealLink?: string | null;
  /** After the statement: the appeal part (app/components/AppealForm.tsx). */
  children?: ReactNode;
}) {
  return (
    <div className="page page--narrow statement-page">
      <h1>{text.subject}</h1>
      <p className="lead">{intro}</p>
      <article className="card statement" aria-labelledby="statement-decided">
        <StatementPart id="statement-decided" heading={text.headings.decided}>
          <p>{text.decided}</p>
          {content ? (
            <p>
              <Link to={content.to}>{content.label}</Link>
            </p>
          ) : null}
        </StatementPart>
        <StatementPart id="statement-facts" heading={text.headings.facts}>
          {text.facts.held != null ? <p>{text.facts.held}</p> : null}
          {text.facts.intro != null && text.facts.statement != null ? (
            <>
              <p>{text.facts.intro}</p>
              <blockquote className="statement__words">{text.facts.statement}</blockquote>
            </>
          ) : null}
          {text.facts.basis ? <p>{text.facts.basis}</p> : null}
        </StatementPart>
        <StatementPart id="statement-automated" heading={text.headings.automated}>
          <p>{text.automated}</p>
        </StatementPart>
        <StatementPart id="statement-ground" heading={text.headings.ground}>
          <p>{text.ground}</p>
          <p>
            <Link to={text.rulePath}>{rulesLabel}</Link>
          </p>
        </StatementPart>
        <StatementPart id="statement-contest" heading={text.headings.contest}>
          <p>{text.contest}</p>
          {appealLink ? (
            <p>
              <a href="#appeal">{appealLink}</a>
            </p>
          ) : null}
        </StatementPart>
      </article>
      {children}
    </div>
  );
}

function StatementPart({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
