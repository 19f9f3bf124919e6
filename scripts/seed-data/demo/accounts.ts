// The four demo accounts of the spec (one password for all), and the company that
// brand@example.com owns.
import { DAY } from "../generate";
import type { Person } from "../people";
import type { DemoAccountRecs, Sequences, UserRec } from "./types";

export const DEMO_PASSWORD = "replique-demo";
export const DEMO_ACCOUNTS = [
  { email: "reader@example.com", role: "member", displayName: "Léa Martin", what: "consumer with reviews" },
  { email: "brand@example.com", role: "member", displayName: "Hugo Bernard", what: "owner of Maison Lumière (verified)" },
  { email: "moderator@example.com", role: "moderator", displayName: "Sophie Laurent", what: "moderator" },
  { email: "admin@example.com", role: "admin", displayName: "Thomas Girard", what: "administrator" },
] as const;
/** The verified company that brand@example.com owns. */
export const BRAND_COMPANY_SLUG = "maison-lumiere";

const DEMO_PEOPLE: Record<string, Person> = {
  "reader@example.com": { first: "Léa", last: "Martin", gender: "f", lang: "fr" },
  "brand@example.com": { first: "Hugo", last: "Bernard", gender: "m", lang: "fr" },
  "moderator@example.com": { first: "Sophie", last: "Laurent", gender: "f", lang: "fr" },
  "admin@example.com": { first: "Thomas", last: "Girard", gender: "m", lang: "fr" },
};

/** The demo accounts, the first users of the demo (they joined before everyone else). */
export function createDemoAccounts(seq: Sequences, passwordHash: string, start: number): { users: UserRec[]; accounts: DemoAccountRecs } {
  const users: UserRec[] = [];
  const demo = new Map<string, UserRec>();
  for (const a of DEMO_ACCOUNTS) {
    const u: UserRec = {
      id: ++seq.user,
      person: DEMO_PEOPLE[a.email]!,
      email: a.email,
      displayName: a.displayName,
      role: a.role,
      locale: "fr",
      passwordHash,
      createdAt: start - 120 * DAY,
      weight: 0,
    };
    users.push(u);
    demo.set(a.email, u);
  }
  const accounts: DemoAccountRecs = {
    reader: demo.get("reader@example.com")!,
    brandOwner: demo.get("brand@example.com")!,
    moderator: demo.get("moderator@example.com")!,
    admin: demo.get("admin@example.com")!,
  };
  return { users, accounts };
}

export function printAccounts() {
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.what}`);
}
