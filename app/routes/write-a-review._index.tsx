// /write-a-review: find what to review. A plain GET search form (works without
// JavaScript); with JavaScript, results follow the typing. ?company=<slug> lists one
// company's stores, websites, products and services; ?subject=<id> opens the form. When the
// company is not found (and under the results), a link to add it: /write-a-review/new.
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { findReviewTargets, getCompanyTargets, type TargetCompany } from "~/models/review-targets.server";
import writeStyles from "~/styles/write.css?url";
import { notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "writeReview.title", "writeReview.description");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const subject = Number(url.searchParams.get("subject"));
  if (Number.isSafeInteger(subject) && subject > 0) throw redirect(`/write-a-review/${subject}`);
  const companySlug = url.searchParams.get("company");
  if (companySlug) {
    const company = getCompanyTargets(companySlug.slice(0, 200));
    if (!company) throw notFound();
    return { q: "", company, results: [] as TargetCompany[] };
  }
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  return { q, company: null, results: q.trim() ? findReviewTargets(q) : [] };
}

function CompanyTargets({ company, headingLevel }: { company: TargetCompany; headingLevel: 2 | 3 }) {
  const { t, locale } = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card target">
      <Heading className="target__name">
        {headingLevel === 2 ? t("writeReview.subjectsOf", { company: company.name }) : company.name}
      </Heading>
      {company.subjects.length > 0 ? (
        <ul className="target__subjects">
          {company.subjects.map((s) => (
            <li key={s.id}>
              <Link
                to={`/write-a-review/${s.id}`}
                aria-label={`${t("writeReview.review")} : ${s.name}`.replace(/ :/, locale === "fr" ? "\u202F:" : ":")}
              >
                {s.name}
              </Link>{" "}
              <span className="muted">
                {t(`subjectKind.${s.kind}` as MessageKey)}
                {s.city ? ` · ${s.city}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("writeReview.noSubjects")}</p>
      )}
      <p>
        <Link to={`/write-a-review/suggest/${company.slug}`} className="small-link">
          {t("writeReview.suggest", { company: company.name })}
        </Link>
      </p>
    </section>
  );
}

export default function WriteAReview() {
  const { q, company, results } = useLoaderData<typeof loader>();
  const { t } = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/write-a-review";

  return (
    <div className="page page--narrow write-page">
      <h1>{t("writeReview.title")}</h1>
      {company ? (
        <CompanyTargets company={company} headingLevel={2} />
      ) : (
        <>
          <Form method="get" role="search" className="write-search" aria-busy={searching || undefined}>
            <label htmlFor="write-q">{t("writeReview.searchLabel")}</label>
            <p className="field__hint" id="write-q-hint">
              {t("writeReview.searchHint")}
            </p>
            <div className="write-search__row">
              <input
                id="write-q"
                type="search"
                name="q"
                defaultValue={q}
                autoComplete="off"
                aria-describedby="write-q-hint"
                onChange={(e) => {
                  const form = e.currentTarget.form;
                  if (timer.current) clearTimeout(timer.current);
                  timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 250);
                }}
              />
              <button type="submit">{t("writeReview.searchButton")}</button>
            </div>
          </Form>
          <div aria-live="polite" className="write-results">
            {q.trim() && results.length === 0 ? (
              <>
                <p>{t("writeReview.noResults", { q })}</p>
                <p>
                  <Link to={`/write-a-review/new?q=${encodeURIComponent(q.trim())}`} className="button">
                    {t("writeReview.addCompanyNamed", { q: q.trim() })}
                  </Link>
                </p>
              </>
            ) : null}
            {results.length > 0 ? (
              <>
                <h2 className="visually-hidden">{t("writeReview.results")}</h2>
                {results.map((c) => (
                  <CompanyTargets key={c.id} company={c} headingLevel={3} />
                ))}
                <p>
                  <Link to={`/write-a-review/new?q=${encodeURIComponent(q.trim())}`} className="small-link">
                    {t("writeReview.addCompany")}
                  </Link>
                </p>
              </>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
