// /api: the documentation of the open data. The JSON API (every field, from the one typed
// list the API route builds against, app/lib/open-data.ts), its cursor, caching, limits and
// terms of reuse; an example read now by the API's own loader from a real company (so it
// cannot drift from the code); the widget, the badge, the CSV export and the other feeds.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { CaptionedTable } from "~/components/ScrollRegion";
import { hasMessage, translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { API_GROUPS, apiFields, type ApiGroup } from "~/lib/open-data";
import { requestSiteOrigin } from "~/lib/origin.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { listRecentlyReviewedCompanies } from "~/models/companies.server";
import { loader as apiLoader } from "./api.companies.$slug";

/** The example: the API's own answer for a recently reviewed company, one review long. */
async function liveExample(request: Request, origin: string) {
  for (const company of listRecentlyReviewedCompanies(5)) {
    const url = `${origin}/api/companies/${encodeURIComponent(company.slug)}?limit=1`;
    const response = await apiLoader({
      request: new Request(url, { signal: request.signal }),
      params: { slug: company.slug },
      context: {},
    });
    if (response.status === 200) {
      return { company: { slug: company.slug, name: company.name }, url, body: JSON.stringify(await response.json(), null, 2) };
    }
  }
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = requestSiteOrigin(request);
  return { locale: getLocale(request), origin, canonical: `${origin}/api`, example: await liveExample(request, origin) };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data
    ? seoMeta({
        title: `${translate(data.locale, "openData.title")} — Réplique`,
        description: translate(data.locale, "openData.meta"),
        url: data.canonical,
        search: location.search,
        locale: data.locale,
      })
    : [];

const SECTIONS: { id: string; title: MessageKey }[] = [
  { id: "endpoint", title: "openData.endpoint.title" },
  { id: "cursor", title: "openData.cursor.title" },
  { id: "fields", title: "openData.fields.title" },
  { id: "status", title: "openData.status.title" },
  { id: "caching", title: "openData.caching.title" },
  { id: "licence", title: "openData.licence.title" },
  { id: "example", title: "openData.example.title" },
  { id: "embed", title: "openData.embed.title" },
  { id: "export", title: "openData.export.title" },
  { id: "feeds", title: "openData.feeds.title" },
];

const PARAMS: { name: string; meaning: MessageKey }[] = [
  { name: "limit", meaning: "openData.param.limit" },
  { name: "before", meaning: "openData.param.before" },
  { name: "sort", meaning: "openData.param.sort" },
  { name: "stars", meaning: "openData.param.stars" },
  { name: "channel", meaning: "openData.param.channel" },
  { name: "language", meaning: "openData.param.language" },
  { name: "origin", meaning: "openData.param.origin" },
  { name: "replied", meaning: "openData.param.replied" },
  { name: "from", meaning: "openData.param.from" },
  { name: "to", meaning: "openData.param.to" },
];

const GROUP_TITLES: Record<ApiGroup, MessageKey> = {
  document: "openData.group.document",
  company: "openData.group.company",
  score: "openData.group.score",
  scorecard: "openData.group.scorecard",
  warning: "openData.group.warning",
  removed: "openData.group.removed",
  subject: "openData.group.subject",
  review: "openData.group.review",
  post: "openData.group.post",
};

const LICENCE: MessageKey[] = [
  "openData.licence.source",
  "openData.licence.figures",
  "openData.licence.texts",
  "openData.licence.reply",
  "openData.licence.fresh",
  "openData.licence.people",
  "openData.licence.endorse",
];

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const { t } = useT();
  return (
    <section className="card section prose" aria-labelledby={`api-${id}`} id={id}>
      <h2 id={`api-${id}`}>{t(title)}</h2>
      {children}
    </section>
  );
}

/** A table in a scrollable region of its own (a narrow screen scrolls it, not the page). */
function Table({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <CaptionedTable id={id} caption={caption} columns={head}>
      {rows.map((cells, i) => (
        <tr key={i}>
          {cells.map((cell, j) =>
            j === 0 ? (
              <th key={j} scope="row">
                {cell}
              </th>
            ) : (
              <td key={j}>{cell}</td>
            ),
          )}
        </tr>
      ))}
    </CaptionedTable>
  );
}

function Code({ children }: { children: string }) {
  return (
    <pre className="api-code" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      <code>{children}</code>
    </pre>
  );
}

function EndpointSection({ origin }: { origin: string }) {
  const { t } = useT();
  return (
    <Section id="endpoint" title="openData.endpoint.title">
      <Code>{`GET ${origin}/api/companies/{slug}`}</Code>
      <p>{t("openData.endpoint.body")}</p>
      <Table
        id="api-params"
        caption={t("openData.params.title")}
        head={[t("openData.params.name"), t("openData.params.meaning")]}
        rows={PARAMS.map((p) => [<code key="n">{p.name}</code>, t(p.meaning)])}
      />
      <p>{t("openData.params.filtered")}</p>
    </Section>
  );
}

function FieldsSection() {
  const { t, locale } = useT();
  return (
    <Section id="fields" title="openData.fields.title">
      <p>{t("openData.fields.intro")}</p>
      {API_GROUPS.map((group) => (
        <Table
          key={group}
          id={`api-fields-${group}`}
          caption={t(GROUP_TITLES[group])}
          head={[t("openData.fields.field"), t("openData.fields.type"), t("openData.fields.meaning")]}
          rows={apiFields(group).map((f) => [
            <code key="n">{f.name}</code>,
            <code key="t">{f.type}</code>,
            hasMessage(locale, f.message) ? t(f.message) : f.message,
          ])}
        />
      ))}
    </Section>
  );
}

function PolicySections() {
  const { t } = useT();
  return (
    <>
      <Section id="cursor" title="openData.cursor.title">
        <p>{t("openData.cursor.body")}</p>
      </Section>
      <FieldsSection />
      <Section id="status" title="openData.status.title">
        <ul>
          <li>{t("openData.status.ok")}</li>
          <li>{t("openData.status.notModified")}</li>
          <li>{t("openData.status.notFound", { json: '{"error":"not_found"}' })}</li>
        </ul>
      </Section>
      <Section id="caching" title="openData.caching.title">
        <p>{t("openData.caching.cache")}</p>
        <p>{t("openData.caching.rate")}</p>
        <p>{t("openData.caching.cors")}</p>
      </Section>
      <Section id="licence" title="openData.licence.title">
        <p>{t("openData.licence.intro")}</p>
        <ul>
          {LICENCE.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </Section>
    </>
  );
}

function ExampleSection() {
  const { example } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <Section id="example" title="openData.example.title">
      {example ? (
        <>
          <p>{t("openData.example.intro", { company: example.company.name })}</p>
          <h3>{t("openData.example.request")}</h3>
          <Code>{`GET ${example.url}`}</Code>
          <h3>{t("openData.example.response")}</h3>
          <Code>{example.body}</Code>
        </>
      ) : (
        <p>{t("openData.example.none")}</p>
      )}
    </Section>
  );
}

function EmbedSections() {
  const { origin, example } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const slug = example?.company.slug ?? "{slug}";
  const name = example?.company.name ?? "{company}";
  const page = `${origin}/companies/${slug}`;
  const iframe = `<iframe src="${origin}/widget/${slug}?lang=${locale}&count=3" title="${t("openData.embed.iframeTitle", { company: name })}" width="100%" height="640" loading="lazy"></iframe>`;
  const badge = `<a href="${page}"><img src="${page}/badge.svg?lang=${locale}" alt="${t("openData.embed.badgeAlt", { company: name })}" height="22"></a>`;
  return (
    <>
      <Section id="embed" title="openData.embed.title">
        <p>{t("openData.embed.widget")}</p>
        <Code>{iframe}</Code>
        <p>{t("openData.embed.widgetParams")}</p>
        <p>{t("openData.embed.badge")}</p>
        <Code>{badge}</Code>
        {example ? (
          <img src={`/companies/${slug}/badge.svg?lang=${locale}`} alt={t("openData.embed.badgeAlt", { company: name })} height={22} />
        ) : null}
        <p>{t("openData.embed.cache")}</p>
      </Section>
      <Section id="export" title="openData.export.title">
        <p>{t("openData.export.body")}</p>
        <p>
          <Link to="/for-companies">{t("nav.forBusinesses")}</Link>
        </p>
      </Section>
      <Section id="feeds" title="openData.feeds.title">
        <p>{t("openData.feeds.atom")}</p>
        <Code>{`${origin}/companies/{slug}/feed.atom`}</Code>
        <p>{t("openData.feeds.transparency")}</p>
        <Code>{`${origin}/transparency.json\n${origin}/transparency.csv`}</Code>
      </Section>
    </>
  );
}

export default function ApiDocumentation() {
  const { origin } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow api-docs">
      <h1>{t("openData.title")}</h1>
      <p className="lead">{t("openData.lead")}</p>
      <nav aria-labelledby="api-toc" className="card">
        <h2 id="api-toc">{t("openData.toc")}</h2>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <EndpointSection origin={origin} />
      <PolicySections />
      <ExampleSection />
      <EmbedSections />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
