// /reviews/:id/history: every published version of a review and of its company's reply,
// newest first, with its date (app/models/version-history.server.ts). Linked from "Edited
// on …" on the review and on the reply. Not indexed: the permalink is the page.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PostBody } from "~/components/ReviewCard";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { notFound } from "~/lib/http.server";
import { getVersionHistory } from "~/models/version-history.server";
export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "history.title");

export const headers = () => ({ "Cache-Control": "public, max-age=60" });

export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const history = Number.isSafeInteger(id) && id > 0 ? getVersionHistory(id) : null;
  if (!history) throw notFound();
  return data(history);
}

export default function HistoryPage() {
  const { review, company, reviewVersions, replyVersions } = useLoaderData<typeof loader>();
  const { t, date, monthYear } = useT();
  const stamp = (at: number) => <time dateTime={new Date(at).toISOString()}>{date(at, "medium")}</time>;
  return (
    <div className="page page--narrow history-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("history.heading", { title: review.title })}</h1>
      <p>{t("history.intro")}</p>
      <section className="section" aria-labelledby="history-review">
        <h2 id="history-review">{t("history.review", { name: review.author ?? t("review.anonymous") })}</h2>
        <ol className="history-list">
          {reviewVersions.map((v, i) => (
            <li key={v.at + ":" + i} className="post">
              <p className="post__facts">
                <strong>{i === 0 ? t("history.current") : t("history.earlier")}</strong> · {t("history.publishedOn")} {stamp(v.at)}
              </p>
              <Stars value={v.stars} />
              <h3 className="post__title">{v.title}</h3>
              <p className="muted">{t("review.experienced", { date: monthYear(v.experienceDate) })}</p>
              <PostBody html={v.bodyHtml} truncation="full" lang={review.language} />
            </li>
          ))}
        </ol>
      </section>
      {replyVersions.length > 0 ? (
        <section className="section" aria-labelledby="history-reply">
          <h2 id="history-reply">{t("history.reply", { company: company.name })}</h2>
          <ol className="history-list">
            {replyVersions.map((v, i) => (
              <li key={v.at + ":" + i} className="post post--reply">
                <p className="post__facts">
                  <strong>{i === 0 ? t("history.current") : t("history.earlier")}</strong> · {t("history.publishedOn")} {stamp(v.at)}
                </p>
                <PostBody html={v.bodyHtml} truncation="full" />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
