// A public warning in the demo data (app/models/company-warnings.server.ts): set a few days
// before the moment of seeding by moderator@example.com, through the model's own path (the
// row of the moderation log, the warning, the notices to the company's members), on the
// company whose reviews were most often removed as not describing a real experience — so
// the company page shows it above the reviews, and /moderation/companies/:slug lists it.
// The choice follows the ids, so two runs pick the same company.
import type { Db } from "../db/client.server";
import { defaultExpiry, endOfDay } from "../app/lib/warning-form";
import { setWarning } from "../app/models/company-warnings.server";

const DAY = 86_400_000;

export const DEMO_WARNING_STATEMENT =
  "Nous avons retiré plusieurs avis sur cette entreprise qui ne décrivaient pas une expérience réelle : l’un était écrit par une personne liée à l’entreprise, un autre reprenait mot pour mot des textes publiés ailleurs. Lisez ses avis avec prudence.";

export function seedWarning(db: Db, now: number) {
  const client = db.$client;
  const moderator = client.prepare(`SELECT id FROM users WHERE email = 'moderator@example.com'`).get() as { id: number } | undefined;
  if (!moderator) return null;
  const company = client
    .prepare(
      `SELECT r.company_id AS id FROM reviews r JOIN companies c ON c.id = r.company_id
       JOIN moderation_decisions d ON d.target_type = 'review' AND d.target_id = r.id AND d.decision = 'remove'
       WHERE r.status = 'removed' AND d.reason IN ('not_an_experience', 'conflict_of_interest')
         -- Not the company of a demo account (brand@example.com's, or the moderator's own).
         AND NOT EXISTS (SELECT 1 FROM company_members m JOIN users u ON u.id = m.user_id WHERE m.company_id = c.id AND u.email LIKE '%@example.com')
       GROUP BY r.company_id ORDER BY count(*) DESC, r.company_id LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  if (!company) return null;
  const at = now - 3 * DAY;
  const result = setWarning(
    {
      actor: { id: moderator.id, role: "moderator" },
      companyId: company.id,
      reason: "fake_reviews_removed",
      statement: DEMO_WARNING_STATEMENT,
      language: "fr",
      expiresAt: endOfDay(defaultExpiry(at)),
      now: at,
    },
    db,
  );
  return result.ok ? result.warningId : null;
}
