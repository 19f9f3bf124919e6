// Claims with evidence that wait for a moderator: one per claimed company, by a new
// member of its staff (who joins the users).
import { HOUR } from "../generate";
import { randomPerson, slugify } from "../people";
import type { Rng } from "../random";
import type { DemoWorld, Row, UserRec } from "./types";

export function pendingClaims(w: DemoWorld, arng: Rng): Row[] {
  const claims: Row[] = [];
  for (const c of w.companies.filter((x) => x.state === "claimed")) {
    const person = randomPerson(arng, c.spec.lang);
    const email = `${slugify(person.first).replace(/-/g, "")}.${slugify(person.last).replace(/-/g, "")}@${c.spec.domain}`;
    if (w.emailsUsed.has(email)) continue;
    w.emailsUsed.add(email);
    const user: UserRec = {
      id: ++w.seq.user,
      person,
      email,
      displayName: `${person.first} ${person.last}`,
      role: "member",
      locale: person.lang,
      passwordHash: null,
      createdAt: c.claimedAt! - HOUR,
      weight: 0,
    };
    w.users.push(user);
    claims.push({
      id: w.ids.company_claims + claims.length + 1,
      company_id: c.id,
      user_id: user.id,
      method: "evidence",
      email: null,
      code_hash: null,
      evidence:
        person.lang === "fr"
          ? `Je suis ${arng.pick(["gérant", "responsable marketing", "directrice commerciale", "responsable du service client"])} de ${c.spec.name}. Extrait Kbis et justificatif de fonction joints.`
          : `I am the ${arng.pick(["managing director", "head of marketing", "customer service manager"])} of ${c.spec.name}. Company registration extract and proof of role attached.`,
      status: "pending",
      decided_by: null,
      decided_at: null,
      expires_at: null,
      created_at: c.claimedAt!,
    });
  }
  return claims;
}
