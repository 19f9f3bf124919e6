// /brand/:slug/members: a company's members and the invitations still open, for its members;
// an owner also invites agents by mail, withdraws an invitation, removes a member and hands
// the ownership over (app/models/company-members.server.ts, which checks each change again).
// Conform forms that work without JavaScript: the invitation keeps what was typed and shows
// its errors next to the fields; the row buttons are small forms of their own.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { CaptionedTable } from "~/components/ScrollRegion";
import { FormError } from "~/components/Field";
import { InvitationLocaleField, InviteeEmailField } from "~/components/InvitationFields";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { inviteSchema, MEMBER_INVITATION_DAYS, MEMBER_LIMITS, memberActionSchema, type MemberIntent } from "~/lib/member-form";
import { requestSiteOrigin } from "~/lib/origin.server";
import { inviteMember, listMembers, removeMember, revokeInvitation, transferOwnership } from "~/models/company-members.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("members.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, user, memberRole } = requireBrandMember(request, params.slug);
  return { company, me: user.id, memberRole, locale: getLocale(request), ...listMembers(company.id) };
}

const FLASH: Record<MemberIntent, MessageKey> = {
  invite: "flash.memberInvited",
  revoke: "flash.invitationRevoked",
  remove: "flash.memberRemoved",
  transfer: "flash.ownershipTransferred",
};

const STATUS: Record<string, number> = { not_owner: 403, rate_limited: 429 };

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug, "owner");
  const submission = parseWithZod(await readForm(request), { schema: memberActionSchema });
  if (submission.status !== "success") return refuse(submission);
  const v = submission.value;
  const base = { companyId: company.id, actorId: user.id };
  const outcome =
    v.intent === "invite"
      ? inviteMember({ ...base, email: v.email, locale: v.locale, origin: requestSiteOrigin(request) })
      : v.intent === "revoke"
        ? revokeInvitation({ ...base, invitationId: v.invitationId })
        : v.intent === "remove"
          ? removeMember({ ...base, userId: v.userId })
          : transferOwnership({ ...base, userId: v.userId });
  if (outcome.ok) {
    return redirectWithFlash(request, `/brand/${company.slug}/members`, FLASH[v.intent]);
  }
  const key = `members.error.${outcome.kind}` as MessageKey;
  return refuse(submission, { formErrors: [key] }, STATUS[outcome.kind] ?? 409);
}

export default function MembersPage() {
  const { company, me, memberRole, members, invitations } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, locale } = useT();
  const owner = memberRole === "owner";
  // A refusal of a row's button (a stale page) is shown at the top of the page.
  const rowError =
    answer && answer.result.initialValue?.intent !== "invite" ? conformErrors(locale, answer.result.error?.[""] ?? undefined) : [];
  return (
    <div className="page brand-page brand-members">
      <BrandInboxLink company={company} />
      <h1>{t("members.title", { company: company.name })}</h1>
      <p>{t("members.intro")}</p>
      {!owner ? <p className="muted">{t("members.agentIntro")}</p> : null}
      {rowError.length > 0 ? <FormError id="members-error">{rowError.join(" ")}</FormError> : null}

      <CaptionedTable
        id="members-table"
        caption={t("members.table")}
        columns={[t("members.name"), t("members.email"), t("members.role"), t("members.since"), owner ? t("members.actions") : null]}
      >
        {members.map((m) => (
          <tr key={m.userId}>
            <th scope="row">
              {m.displayName} {m.userId === me ? <span className="muted">{t("members.you")}</span> : null}
            </th>
            <td>{m.email}</td>
            <td>{t(`brand.role.${m.role}`)}</td>
            <td>{date(m.since)}</td>
            {owner ? (
              <td>{m.userId !== me ? <MemberButtons userId={m.userId} name={m.displayName} agent={m.role === "agent"} /> : null}</td>
            ) : null}
          </tr>
        ))}
      </CaptionedTable>

      <section className="section" aria-labelledby="members-invitations">
        <h2 id="members-invitations">{t("members.invitations")}</h2>
        {invitations.length === 0 ? <p className="muted">{t("members.invitations.none")}</p> : null}
        <ul className="brand-members__invitations">
          {invitations.map((i) => (
            <li key={i.id}>
              {t("members.invitations.line", {
                email: i.email,
                inviter: i.invitedBy ?? "—",
                date: date(i.createdAt),
                expires: date(i.expiresAt),
              })}
              {owner ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" name="intent" value="revoke" className="button--secondary">
                    {t("members.revoke", { email: i.email })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {owner ? <InviteForm verified={company.verified} companyName={company.name} /> : null}
    </div>
  );
}

function MemberButtons({ userId, name, agent }: { userId: number; name: string; agent: boolean }) {
  const { t } = useT();
  return (
    <>
      <Form method="post" className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" name="intent" value="remove" className="button--secondary">
          {t("members.remove", { name })}
        </button>
      </Form>
      {agent ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" name="intent" value="transfer" className="button--secondary" title={t("members.transferHint")}>
            {t("members.transfer", { name })}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function InviteForm({ verified, companyName }: { verified: boolean; companyName: string }) {
  const { locale: pageLocale } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const mine = answer?.result.initialValue?.intent === "invite";
  const [form, fields] = useForm({
    id: "invite-form",
    lastResult: mine ? answer?.result : undefined,
    constraint: getZodConstraint(inviteSchema),
    defaultValue: { locale: pageLocale },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const vars = { max: MEMBER_LIMITS.maxMembers, days: MEMBER_INVITATION_DAYS };
  const formErrors = conformErrors(locale, form.errors, vars);
  return (
    <section className="card section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite.title")}</h2>
      {!verified ? (
        <p className="notice">{t("members.notVerified", { company: companyName })}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <p>{t("members.invite.intro", vars)}</p>
          {formErrors.length > 0 ? <FormError id={form.errorId}>{formErrors.join(" ")}</FormError> : null}
          <InviteeEmailField label={t("members.invite.email")} field={fields.email} vars={vars} />
          <InvitationLocaleField label={t("members.invite.locale")} field={fields.locale} vars={vars} pageLocale={pageLocale} />
          <button type="submit" name="intent" value="invite">
            {t("members.invite.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
