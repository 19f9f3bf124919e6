import { Form, Link, useLocation } from "@remix-run/react";
import { CHANNELS, LANGUAGES, ORIGINS } from "#db/enums";
import { useT } from "~/i18n/react";
import { SIDEBAR_SUBJECTS, subjectsLink } from "~/lib/company-page";
import type { ReviewQuery } from "~/lib/review-filters";
import type { ReviewView } from "~/models/reviews.server";
import { Pagination } from "./Pagination";
import { Thread } from "./Thread";

/** The subject filter's choices (company page only): the subjects the sidebar lists (the
 *  most reviewed, or `all` of them) and the selected one; `total`: how many there are. */
export type SubjectChoices = { choices: { id: number; name: string }[]; total: number; all: boolean };

/** Filters (a plain GET form), the stated ranking, the threads and keyset pagination. */
export function ReviewList({
  reviews,
  nextCursor,
  query,
  subjects,
}: {
  reviews: ReviewView[];
  nextCursor: string | null;
  query: ReviewQuery;
  /** Offer the subject filter (company page only). */
  subjects?: SubjectChoices;
}) {
  const { t } = useT();
  const location = useLocation();
  return (
    <section aria-labelledby="reviews-title" className="section">
      <h2 id="reviews-title">{t("company.reviews")}</h2>
      <details className="card filters-card" open={hasFilters(query) || subjects?.all}>
        <summary>{t("company.filters")}</summary>
        <Form method="get" className="filters" preventScrollReset>
          {query.basis !== "all" ? <input type="hidden" name="basis" value={query.basis} /> : null}
          <fieldset className="field stars-filter">
            <legend>{t("filter.stars")}</legend>
            {[5, 4, 3, 2, 1].map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" name="stars" value={s} defaultChecked={query.stars.includes(s)} /> {s}★
              </label>
            ))}
          </fieldset>
          {subjects && subjects.total > 1 ? <SubjectSelect subjects={subjects} value={query.subject?.toString()} /> : null}
          <Select name="channel" label={t("filter.channel")} value={query.channel}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </Select>
          <Select name="language" label={t("filter.language")} value={query.language}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </Select>
          <Select name="origin" label={t("filter.origin")} value={query.origin}>
            {ORIGINS.map((o) => (
              <option key={o} value={o}>
                {t(`origin.${o}`)}
              </option>
            ))}
          </Select>
          <Select name="replied" label={t("filter.replied")} value={query.replied}>
            <option value="answered">{t("filter.answered")}</option>
            <option value="awaiting">{t("filter.awaiting")}</option>
          </Select>
          <div className="field">
            <label htmlFor="filter-from">{t("filter.experiencedFrom")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={query.from} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("filter.experiencedTo")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={query.to} />
          </div>
          <div className="field">
            <label htmlFor="filter-sort">{t("filter.sort")}</label>
            <select id="filter-sort" name="sort" defaultValue={query.sort}>
              <option value="newest">{t("sort.newest")}</option>
              <option value="helpful">{t("sort.helpful")}</option>
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit">{t("company.apply")}</button>
            <Link to={location.pathname} preventScrollReset>
              {t("company.reset")}
            </Link>
          </div>
        </Form>
      </details>
      <p className="muted ranking-note">{t(query.sort === "helpful" ? "company.rankingHelpful" : "company.ranking")}</p>
      {reviews.length === 0 ? <p className="card">{t("company.noReviews")}</p> : null}
      {reviews.map((review) => (
        <Thread key={review.id} review={review} />
      ))}
      <Pagination nextCursor={nextCursor} />
    </section>
  );
}

function hasFilters(q: ReviewQuery) {
  return Boolean(q.stars.length || q.subject || q.channel || q.language || q.origin || q.replied || q.from || q.to || q.sort !== "newest");
}

function Select({
  name,
  label,
  value,
  hint,
  children,
}: {
  name: string;
  label: string;
  value?: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t } = useT();
  const id = `filter-${name}`;
  return (
    <div className={hint ? "field filters__wide" : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{t("filter.any")}</option>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The subject filter: the subjects offered, and while they are not all of them, the way to
 *  every one (the same `?subjects=all` as the sidebar's). */
function SubjectSelect({ subjects, value }: { subjects: SubjectChoices; value?: string }) {
  const { t, tp } = useT();
  const location = useLocation();
  const hint =
    !subjects.all && subjects.total > SIDEBAR_SUBJECTS ? (
      <>
        {t("filter.subjectsShown", { count: SIDEBAR_SUBJECTS })}{" "}
        <Link to={subjectsLink(location, true, "filter-subject")} preventScrollReset>
          {tp("company.allSubjects", subjects.total)}
        </Link>
      </>
    ) : undefined;
  return (
    <Select name="subject" label={t("filter.subject")} value={value} hint={hint}>
      {subjects.choices.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </Select>
  );
}
