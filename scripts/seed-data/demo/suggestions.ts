// Suggested subjects waiting for a moderator: a new store of three companies, each with
// the pending review of the reviewer who suggested it.
import { slugify } from "../people";
import type { SubjectSpec } from "../catalog";
import { recentAt } from "./held";
import type { DemoWorld, MakeReview, SubjectRec } from "./types";

const POSTAL_CODES: Record<string, string> = { Lorient: "56100", Colmar: "68000", Niort: "79000", Montauban: "82000", Biarritz: "64200" };

export function suggestedSubjects(w: DemoWorld, makeReview: MakeReview) {
  const prng = w.root.fork("pending");
  for (const c of prng.sample(
    w.companies.filter((x) => x.category.stores[1] > 0 && x !== w.brand),
    3,
  )) {
    const store = c.spec.subjects.find((s) => s.kind === "store");
    if (!store) continue;
    const author = w.reviewers[prng.int(0, w.reviewers.length - 1)]!;
    const city = prng.pick(["Lorient", "Colmar", "Niort", "Montauban", "Biarritz"]);
    const spec: SubjectSpec = {
      kind: "store",
      slug: slugify(`${city} suggestion`),
      name: `${c.spec.name} — ${city}`,
      address: `${prng.int(1, 90)} rue du Commerce`,
      postalCode: POSTAL_CODES[city]!,
      city,
      url: null,
    };
    const at = recentAt(prng, 5);
    const s: SubjectRec = { id: ++w.seq.subject, companyId: c.id, spec, state: "pending", suggestedBy: author.id, createdAt: at };
    c.subjects.push(s);
    w.subjects.push(s);
    w.reviews.push(makeReview(prng, c, at, { author, subject: s, status: "pending", origin: "organic" }));
  }
}
