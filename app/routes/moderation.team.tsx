// /moderation/team (admins only): who moderates, the latest role changes, and the form that
// grants or revokes the moderator role by email address — each change a row of the
// append-only moderation log (app/models/moderation-team.server.ts). A Conform form that
// works without JavaScript, errors next to the fields, what was typed kept.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CaptionedTable } from "~/components/ScrollRegion";
import { ConformField, ConformTextarea, FormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { ROLE_NOT_ALLOWED, type RefusalAnswer } from "~/lib/refusal-answer";
import { TEAM_MESSAGE_VARS, TEAM_NOTE_MAX_LENGTH, teamSchema } from "~/lib/team-form";
import { changeModeratorRole, listTeam, listTeamLog } from "~/models/moderation-team.server";
import { requireRole } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "team.title", "team.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return { team: listTeam(), log: listTeamLog() };
}

const REFUSAL: Record<string, RefusalAnswer> = {
  not_admin: ROLE_NOT_ALLOWED,
  no_such_user: { key: "team.error.no_such_user", status: 404 },
  is_admin: { key: "team.error.is_admin", status: 409 },
  already_moderator: { key: "team.error.already_moderator", status: 409 },
  not_moderator: { key: "team.error.not_moderator", status: 409 },
  suspended: { key: "team.error.suspended", status: 409 },
};

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: teamSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = changeModeratorRole({ actor: { id: user.id, role: user.role }, ...submission.value, origin: requestSiteOrigin(request) });
  if (outcome.ok) {
    const flash = submission.value.intent === "grant" ? "flash.roleGranted" : "flash.roleRevoked";
    return redirectWithFlash(request, "/moderation/team", flash);
  }
  const answer = REFUSAL[outcome.kind]!;
  // "No such user" is an answer about the field: shown next to the address.
  const result =
    outcome.kind === "no_such_user"
      ? submission.reply({ fieldErrors: { email: [answer.key] } })
      : submission.reply({ formErrors: [answer.key] });
  return data({ result }, { status: outcome.kind === "no_such_user" ? 400 : answer.status });
}

export default function TeamPage() {
  const { team, log } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, locale } = useT();
  const [form, fields] = useForm({
    id: "team-form",
    lastResult: answer?.result,
    constraint: getZodConstraint(teamSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
  });
  const vars = TEAM_MESSAGE_VARS;
  const messages = [...conformErrors(locale, form.errors, vars), ...(fields.intent.errors?.length ? [t("team.error.intent")] : [])];

  return (
    <div className="page">
      <h1>{t("team.title")}</h1>

      <CaptionedTable id="team-table" caption={t("team.members")} columns={[t("team.name"), t("team.email"), t("team.role")]}>
        {team.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.displayName}</th>
            <td>{m.email}</td>
            <td>{t(`team.role.${m.role}`)}</td>
          </tr>
        ))}
      </CaptionedTable>

      <section className="card section" aria-labelledby="team-form-title">
        <h2 id="team-form-title">{t("team.form.title")}</h2>
        <Form method="post" {...getFormProps(form)}>
          {messages.length > 0 ? <FormError id={form.errorId}>{messages.join(" ")}</FormError> : null}
          <ConformField label={t("team.form.email")} field={fields.email} type="email" vars={vars} autoComplete="off" />
          <ConformTextarea
            label={t("team.form.statement")}
            field={fields.statement}
            vars={vars}
            rows={3}
            maxLength={TEAM_NOTE_MAX_LENGTH}
          />
          <button type="submit" name="intent" value="grant">
            {t("team.form.grant")}
          </button>{" "}
          <button type="submit" name="intent" value="revoke">
            {t("team.form.revoke")}
          </button>
        </Form>
      </section>

      <section className="section" aria-labelledby="team-log-title">
        <h2 id="team-log-title">{t("team.log")}</h2>
        {log.length === 0 ? (
          <p>{t("team.log.none")}</p>
        ) : (
          <ul>
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={new Date(entry.createdAt).toISOString()}>{date(entry.createdAt)}</time> —{" "}
                {t(`team.log.${entry.decision}`, { actor: entry.actorName ?? "—", user: `${entry.userName} <${entry.userEmail}>` })} —{" "}
                {entry.statement}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
