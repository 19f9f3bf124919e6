// A company's inbox: every published review across its subjects, those awaiting a reply
// first, each with its reply (the same Thread as the public pages). Members only.
// Filters (a plain GET form: they live in the URL, and the pages' cursor keeps them): stars,
// subject, channel, reply, resolved, flags. The number beside each choice counts the reviews
// it would list with the other filters kept (app/models/replies.server.ts, listInbox).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CHANNELS } from "#db/enums";
import { Field } from "~/components/Field";
import { Pagination } from "~/components/Pagination";
import { Thread } from "~/components/Thread";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { hasInboxFilters, INBOX_FLAGGED, INBOX_RESOLVED, parseInboxQuery } from "~/lib/inbox-filters";
import { listSubjectChoices } from "~/models/company-subjects.server";
import { listInbox } from "~/models/replies.server";

export const links = brandPageLinks();

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("brand.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, memberRole } = requireBrandMember(request, params.slug);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const page = listInbox(company.id, { filters: { ...query, subjectId: query.subject }, before: query.before });
  return { company, memberRole, ...page, query, subjects: listSubjectChoices(company.id), firstPage: !query.before };
}

type InboxData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function BrandInbox() {
  const { company, reviews, nextCursor, awaitingCount, counts, flags, query } = useLoaderData<typeof loader>();
  const { t, tp } = useT();
  let lastGroup: "awaiting" | "answered" | null = null;
  return (
    <div className="page brand-page brand-inbox">
      <p>
        <Link to="/brand">← {t("brand.title")}</Link>
      </p>
      <h1>{t("brand.inbox.title", { company: company.name })}</h1>
      <p>{t("brand.inbox.intro", { company: company.name })}</p>
      <p className="brand-inbox__count">
        <strong>{tp("brand.awaiting", awaitingCount)}</strong> ·{" "}
        <Link to={`/companies/${company.slug}`}>{t("brand.inbox.publicPage")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/subjects`}>{t("subjects.link")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/members`}>{t("members.link")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/metrics`}>{t("metrics.title")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/alerts`}>{t("alerts.link")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/invitations`}>{t("invitations.link")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/flags`}>{t("companyFlags.link")}</Link>
      </p>
      <p className="brand-inbox__export">
        <a href={`/brand/${company.slug}/export.csv`} download>
          {t("openData.export.link")}
        </a>{" "}
        · <Link to="/api">{t("openData.export.docs")}</Link>
      </p>
      {!company.verified ? <p className="notice">{t("brand.notVerified", { company: company.name })}</p> : null}
      <InboxFilterForm />
      {hasInboxFilters(query) ? (
        <p className="brand-inbox__matching" role="status">
          {tp("inboxFilters.matching", counts.total)}
        </p>
      ) : reviews.length === 0 ? (
        <p className="muted">{t("brand.inbox.empty")}</p>
      ) : null}
      <ol className="brand-inbox__list">
        {reviews.map((review) => {
          const group = review.reply ? "answered" : "awaiting";
          const heading = group !== lastGroup ? group : null;
          lastGroup = group;
          return (
            <li key={review.id} className={`brand-inbox__item brand-inbox__item--${group}`} data-review-id={review.id}>
              {heading ? (
                <h2 className="brand-inbox__group">{t(heading === "awaiting" ? "brand.inbox.awaiting" : "brand.inbox.answered")}</h2>
              ) : null}
              <Thread review={review} headingLevel={3} />
              <FlagLine state={flags[review.id]} />
              {company.verified && review.reply?.status !== "removed" ? (
                <p className="brand-inbox__actions">
                  <Link to={`/brand/${company.slug}/reviews/${review.id}`} className={review.reply ? "button button--ghost" : "button"}>
                    {t(review.reply ? "brand.inbox.editReply" : "brand.inbox.reply")}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Pagination nextCursor={nextCursor} />
    </div>
  );
}

/** Who flagged it is not said; that it was, and where the flags stand, is. */
function FlagLine({ state }: { state: InboxData["flags"][number] | undefined }) {
  const { t, tp } = useT();
  if (!state) return null;
  return (
    <p className={state.state === "pending" ? "notice notice--warn brand-inbox__flags" : "muted brand-inbox__flags"}>
      {state.state === "pending"
        ? tp("inboxFilters.flag.pending", state.pending)
        : t("inboxFilters.flag.decided", { dismissed: state.dismissed, upheld: state.upheld })}
    </p>
  );
}

/** The filters: a GET form (no JavaScript needed) whose choices show their counts. */
function InboxFilterForm() {
  const { company, counts, query, subjects } = useLoaderData<typeof loader>();
  const { t, n } = useT();
  const counted = (label: string, count: number | undefined) => t("inboxFilters.option", { label, count: n(count ?? 0) });
  const options = <V extends string>(facet: keyof Omit<typeof counts, "total">, values: readonly V[], label: (v: V) => string) =>
    values.map((v) => (
      <option key={v} value={v}>
        {counted(label(v), counts[facet][v])}
      </option>
    ));
  return (
    <details className="card filters-card" open={hasInboxFilters(query)}>
      <summary>{t("inboxFilters.title")}</summary>
      <p className="muted">{t("inboxFilters.countsNote")}</p>
      <Form method="get" action={`/brand/${company.slug}`} className="filters" preventScrollReset>
        <fieldset className="field stars-filter">
          <legend>{t("filter.stars")}</legend>
          {[5, 4, 3, 2, 1].map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" name="stars" value={s} defaultChecked={query.stars.includes(s)} /> {counted(`${s}★`, counts.stars[s])}
            </label>
          ))}
        </fieldset>
        <FilterSelect name="subject" label={t("filter.subject")} value={query.subject?.toString()}>
          {subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {counted(s.closed ? t("inboxFilters.closed", { name: s.name }) : s.name, counts.subject[s.id])}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="channel" label={t("filter.channel")} value={query.channel}>
          {options("channel", CHANNELS, (c) => t(`channel.${c}`))}
        </FilterSelect>
        <FilterSelect name="replied" label={t("filter.replied")} value={query.replied}>
          {options("replied", ["awaiting", "answered"] as const, (v) => t(v === "awaiting" ? "filter.awaiting" : "filter.answered"))}
        </FilterSelect>
        <FilterSelect name="resolved" label={t("inboxFilters.resolved")} value={query.resolved}>
          {options("resolved", INBOX_RESOLVED, (v) => t(`inboxFilters.resolved.${v}`))}
        </FilterSelect>
        <FilterSelect name="flagged" label={t("inboxFilters.flagged")} value={query.flagged}>
          {options("flagged", INBOX_FLAGGED, (v) => t(`inboxFilters.flagged.${v}`))}
        </FilterSelect>
        <div className="filters__actions">
          <button type="submit">{t("company.apply")}</button>
          <Link to={`/brand/${company.slug}`} preventScrollReset>
            {t("company.reset")}
          </Link>
        </div>
      </Form>
    </details>
  );
}

function FilterSelect({ name, label, value, children }: { name: string; label: string; value?: string; children: React.ReactNode }) {
  const { t } = useT();
  return (
    <Field as="select" label={label} name={name} id={`inbox-filter-${name}`} defaultValue={value ?? ""}>
      <option value="">{t("filter.any")}</option>
      {children}
    </Field>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
