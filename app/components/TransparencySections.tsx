// The sections of /transparency that say how reviews work, from the page's text in the
// visitor's language (app/content/transparency.ts) and the published lists of reasons
// (app/lib/moderation-reasons.ts). Each section's id is a link target: the review labels,
// the decision statements and the mails point at #label-…, #reason-…, #delay, #removals.
import type { ReactNode } from "react";
import { FLAG_POINTS, REVIEW_LABELS, type Point, type Prose, type TransparencyContent } from "~/content/transparency";
import { useT } from "~/i18n/react";
import { CLAIM_REASONS, MODERATION_REASONS, reasonDescription, reasonLabel, WARNING_REASONS } from "~/lib/moderation-reasons";
import { WARNING_DEFAULT_DAYS } from "~/lib/policy";

export function TransparencySections({ content }: { content: TransparencyContent }) {
  const { t } = useT();
  return (
    <>
      <ChecksSection checks={content.checks} />
      <ProseSection id="delay" prose={content.delay} />
      <ProseSection id="no-payment" prose={content.noReward} />
      <LabelsSection labels={content.labels} />
      <ProseSection id="invitations" prose={content.invitations} />
      <ProseSection id="editing" prose={content.editing} />
      <RemovalsSection removals={content.removals} />
      <FlagsSection flags={content.flags} />
      <WarningsSection />
      <ClaimsSection />
      <ProseSection id="appeals" prose={content.appeals} />
      <ProseSection id="retention" prose={content.retention}>
        <p>{t("transparency.retention.erasure")}</p>
      </ProseSection>
      <ProseSection id="trustscore" prose={content.trustscore} />
      <ProseSection id="ranking" prose={content.ranking} />
      <ProseSection id="verified-companies" prose={content.verifiedCompanies} />
      <ProseSection id="scorecard" prose={content.scorecard} />
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="section prose" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function ProseSection({ id, prose, children }: { id: string; prose: Prose; children?: ReactNode }) {
  return (
    <Section id={id} title={prose.title}>
      {prose.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {children}
    </Section>
  );
}

function PointText({ point }: { point: Point }) {
  return (
    <>
      {point.strong ? <strong>{point.strong}</strong> : null}
      {point.text}
    </>
  );
}

function ChecksSection({ checks }: { checks: TransparencyContent["checks"] }) {
  return (
    <Section id="checks" title={checks.title}>
      <p>{checks.intro}</p>
      <ul>
        {checks.moments.map((moment) => (
          <li key={moment.text}>
            <PointText point={moment} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function LabelsSection({ labels }: { labels: TransparencyContent["labels"] }) {
  return (
    <Section id="labels" title={labels.title}>
      <dl className="definitions">
        {REVIEW_LABELS.map((label) => (
          <LabelDefinition key={label} id={`label-${label}`} {...labels.terms[label]} />
        ))}
      </dl>
      <p>{labels.dates}</p>
    </Section>
  );
}

function LabelDefinition({ id, term, definition }: { id: string; term: string; definition: string }) {
  return (
    <>
      <dt id={id}>{term}</dt>
      <dd>{definition}</dd>
    </>
  );
}

type PublishedReason = { id: string };

/** A published list of reasons, each at #<prefix>-<id>. */
function ReasonList({ prefix, reasons }: { prefix: string; reasons: readonly PublishedReason[] }) {
  const { locale } = useT();
  return (
    <dl className="definitions">
      {reasons.map((r) => (
        <div key={r.id} id={`${prefix}-${r.id}`}>
          <dt>{reasonLabel(r.id, locale)}</dt>
          <dd>{reasonDescription(r.id, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

function RemovalsSection({ removals }: { removals: TransparencyContent["removals"] }) {
  return (
    <Section id="removals" title={removals.title}>
      <p>{removals.intro}</p>
      <ReasonList prefix="reason" reasons={MODERATION_REASONS} />
      <p>{removals.closing}</p>
    </Section>
  );
}

/** The life of a report: every number in it comes from app/lib/flag-policy.ts. */
function FlagsSection({ flags }: { flags: TransparencyContent["flags"] }) {
  return (
    <Section id="flags" title={flags.title}>
      <ul>
        {FLAG_POINTS.map((point) => (
          <li key={point} id={`flag-${point}`}>
            <PointText point={flags.points[point]} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function WarningsSection() {
  const { t } = useT();
  return (
    <Section id="warnings" title={t("transparency.warnings.title")}>
      <p>{t("transparency.warnings.body", { days: WARNING_DEFAULT_DAYS })}</p>
      <ReasonList prefix="warning" reasons={WARNING_REASONS} />
    </Section>
  );
}

/** The reasons of the claims queue (/moderation/claims): its statements link to #reason-<id>. */
function ClaimsSection() {
  const { t } = useT();
  return (
    <Section id="claims" title={t("claims.transparency.title")}>
      <p>{t("claims.transparency.body")}</p>
      <ReasonList prefix="reason" reasons={CLAIM_REASONS} />
    </Section>
  );
}
