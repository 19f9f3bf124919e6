// The company page's neutral notice that its invited reviews are much more positive than its
// organic ones (app/lib/invitation-gap.ts says when), with both means and counts, and a link
// to how it is decided.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { InvitedGap } from "~/lib/invitation-gap";

export function InvitedGapNotice({ gap, company }: { gap: InvitedGap; company: string }) {
  const { t, n } = useT();
  const mean = (value: number) => n(Math.floor(value * 10) / 10, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section className="notice section" aria-labelledby="invited-gap-title">
      <h2 id="invited-gap-title" className="notice__title">
        {t("invitedGap.title")}
      </h2>
      <p>
        {t("invitedGap.body", {
          company,
          invited: mean(gap.invitedMean),
          organic: mean(gap.organicMean),
          invitedCount: n(gap.invitedCount),
          organicCount: n(gap.organicCount),
        })}
      </p>
      <p>
        <Link to="/transparency#invitations">{t("invitedGap.how")}</Link>
      </p>
    </section>
  );
}
