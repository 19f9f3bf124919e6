// Who may call each route's loader and action: one table, every route file of app/routes
// in it (a route missing from the table fails: deny by default), checked for every role.
// Generated from the route manifest; tests/integration/permissions.test.ts checks the
// guards themselves by hand.
//
// allowed: an answer below 400, or a redirect anywhere but /login. A form error (400,
//          409, 422, 429) is "not denied" too: the matrix is about who gets in, not about
//          the form.
// denied:  401, 403, 404 (what one may not see does not exist), 405, or a redirect to
//          /login; a denied action changes nothing in the database.
import fs from "node:fs";
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { beforeAll, describe, expect, it } from "vitest";
import { isoDate, reviewSchema } from "~/lib/review-schema";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import { changedTables, forbiddenChanges, invoke, isDenied, rolledBack, snapshot, type RouteAnswer } from "../support/route-harness";
import { fillPath, listRoutesDir, loadRouteManifest, routeFiles, urlPathOf, type RouteEntry } from "../support/route-manifest";
import { ROLES, seedWorld, type Role, type World } from "../support/route-world";
import { makeCompany, makeReview, outboxFor } from "../support/fixtures";
import { inviteMember } from "~/models/company-members.server";
import { decideHeld } from "~/models/held-reviews.server";
import { getDb } from "#db/client.server";
import { decideConduct } from "~/models/moderation-queues.server";
import { fileDecisionAppeal } from "~/models/decision-appeals.server";
import { requestEvidenceClaim } from "~/models/company-claims.server";
import { createReviewWithSuggestedSubject } from "~/models/review-submission.server";
import { sendInvitations } from "~/models/review-invitations.server";
import { mediaDir } from "~/models/media.server";

// ─── The table ────────────────────────────────────────────────────────────────

const EVERYONE = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const NOBODY: readonly Role[] = [];
const only = (...roles: Role[]) => roles;

type Params = Record<string, string>;
type Form = Record<string, string>;
interface Row {
  /** Who the loader lets in; absent: the route has no loader (checked). */
  loader?: readonly Role[];
  /** Who the action lets in; absent: the route has no action (checked). */
  action?: readonly Role[];
  /** Params for this route when the defaults below (by param name) do not fit. */
  params?: (w: World) => Params;
  /** A valid-looking form for the action (empty otherwise). */
  form?: (w: World) => Form;
}

const reviewForm = (): Form => ({
  stars: "4",
  title: "Accueil attentif",
  body: "Le vendeur a pris le temps de me conseiller, sans insister.",
  experienceDate: isoDate(Date.now() - 5 * 86_400_000),
  channel: "store",
  recommend: "yes",
  language: "fr",
  attestation: "on",
});

/** Concrete params by name: the review by `author` about company A, and so on. */
const PARAMS: Record<string, (w: World) => string> = {
  id: (w) => String(w.reviewId),
  slug: (w) => w.companyA.slug,
  subject: (w) => w.companyA.subjectSlug,
  subjectId: (w) => String(w.companyA.subjectId),
  key: (w) => w.proofKey,
  page: () => "1",
  "*": () => "no/such/page",
};

const MATRIX: Record<string, Row> = {
  "$.tsx": { loader: NOBODY }, // the 404 page for any other address
  "_index.tsx": { loader: EVERYONE },
  "account._index.tsx": { loader: SIGNED_IN, action: SIGNED_IN, form: () => ({ intent: "resend" }) },
  "account.data[.]json.ts": { loader: SIGNED_IN },
  // Staff accounts (moderators, admins) are closed by an admin, not by themselves.
  "account.delete.tsx": {
    loader: SIGNED_IN,
    action: only("member", "author", "staffA", "staffB"),
    form: () => ({ reviews: "anonymise", password: "" }),
  },
  "api.companies.$slug.ts": { loader: EVERYONE },
  // The open data's documentation page, the widget and the badge: public.
  "api._index.tsx": { loader: EVERYONE },
  "widget.$slug.tsx": { loader: EVERYONE },
  "companies.$slug.badge[.]svg.ts": { loader: EVERYONE },
  // The CSV export of company A's reviews: its members only (company B's staff get a 403).
  "brand.$slug.export[.]csv.ts": { loader: only("staffA") },
  // Company pages: members of that company only; moderators and admins get no pass.
  "brand.$slug._index.tsx": { loader: only("staffA") },
  "brand.$slug.metrics.tsx": { loader: only("staffA") },
  "brand.$slug.reviews.$id.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: (w) => ({ companyId: String(w.companyA.id), reviewId: String(w.reviewId), body: "Merci, le remboursement part aujourd’hui." }),
  },
  // A company's members: its staff read the list; the owner (staffA) invites.
  "brand.$slug.members.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ intent: "invite", email: "new-agent@example.test", locale: "fr" }),
  },
  // A company's subjects: its staff read the list; the owner (staffA) adds one.
  "brand.$slug.subjects.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ intent: "add", kind: "product", name: "Carte cadeau" }),
  },
  // A member's own alert mails: company A's staff save theirs; company B's staff get a 403.
  "brand.$slug.alerts.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ newReviews: "on", spikes: "on" }),
  },
  // Company A's webhooks: its owner (staffA) only. The URL is a public IP literal: checked without DNS.
  "brand.$slug.webhooks.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ intent: "add", url: "https://93.184.215.14/hooks/replique", events: "review.created" }),
  },
  // An invitation's page: anyone may read it; only the holder of the invited address (member)
  // accepts it — anyone else signed in gets 403, and nothing is written.
  "brand.invitations.$token.tsx": {
    loader: EVERYONE,
    action: only("member"),
    params: (w) => ({ token: memberInvitationToken(w) }),
  },
  // Review invitations: company A's staff read the page; its owner (staffA) sends one.
  "brand.$slug.invitations.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ intent: "invite", email: "customer@example.test", locale: "fr" }),
  },
  // A company's flags and extortion reports: its members read them and report.
  "brand.$slug.flags.tsx": {
    loader: only("staffA"),
    action: only("staffA"),
    form: () => ({ intent: "extortion", what: "Un client demande 200 € pour ne pas publier un avis à une étoile." }),
  },
  "brand._index.tsx": { loader: SIGNED_IN },
  "categories.$slug.tsx": { loader: EVERYONE, params: (w) => ({ slug: w.categorySlug }) },
  "companies.$slug.$subject.tsx": { loader: EVERYONE },
  "companies.$slug._index.tsx": { loader: EVERYONE },
  // Any signed-in user may ask to manage a company; company A is verified already, so the
  // request is refused by the model (409: let in, refused), as it is for its own staff.
  "companies.$slug.claim.tsx": {
    loader: SIGNED_IN,
    action: SIGNED_IN,
    form: (w) => ({ intent: "send", email: `contact@${w.companyA.slug}.example` }),
  },
  "companies.$slug.feed[.]atom.ts": { loader: EVERYONE },
  "companies.$slug.share[.]png.ts": { loader: EVERYONE },
  // A review invitation's page and its opt-out: for whoever holds the link, signed in or not.
  "invite.$token.tsx": { loader: EVERYONE, params: (w) => ({ token: reviewInvitationToken(w) }) },
  "invite.$token_.opt-out.tsx": {
    loader: EVERYONE,
    action: EVERYONE,
    params: (w) => ({ token: reviewInvitationToken(w) }),
    form: () => ({ scope: "company" }),
  },
  "companies.new.tsx": {
    loader: SIGNED_IN,
    action: SIGNED_IN,
    form: () => ({ name: "Maison Nouvelle", website: "https://www.maison-nouvelle.example", category: "1" }),
  },
  // The development outbox: open outside production (404 there: tests/integration/mail.test.ts).
  "dev.mail.$id.ts": { loader: EVERYONE, params: (w) => ({ id: String(w.mailId) }) },
  "dev.mail._index.tsx": { loader: EVERYONE },
  "for-companies.tsx": { loader: EVERYONE },
  "forgot-password.tsx": { action: EVERYONE },
  "healthz.ts": { loader: EVERYONE },
  // Signed-in visitors are sent on (a redirect elsewhere than /login: allowed).
  "login.tsx": { loader: EVERYONE, action: EVERYONE },
  "logout.tsx": { loader: EVERYONE, action: EVERYONE },
  "markdown-preview.ts": { loader: NOBODY /* 405: POST only */, action: SIGNED_IN, form: () => ({ body: "**Très** bien" }) },
  // A proof: the review's author and moderators; a 404 for anyone else.
  "media.$key.ts": { loader: only("author", "moderator", "admin") },
  // The moderators' area: moderators and admins (each page guards itself).
  "moderation.tsx": { loader: only("moderator", "admin") },
  "moderation._index.tsx": { loader: only("moderator", "admin") },
  "moderation.appeals.tsx": { loader: only("moderator", "admin") },
  // The appeal against a decision of the queues (a conduct report dismissed by the admin,
  // appealed by its reporter `author`): moderators and admins decide it.
  "moderation.appeals_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(appealWorld(w).decisionId) }),
    form: (w) => ({ ...queueForm("uphold"), outcome: "uphold", seenAppeal: String(appealWorld(w).appealId) }),
  },
  "moderation.flags.tsx": { loader: only("moderator", "admin") },
  // A company's warnings (company A: staffA is its member, and refused by the guard first).
  "moderation.companies.$slug.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    form: () => ({
      intent: "warn",
      reason: "review_manipulation",
      statement: "L’entreprise a signalé en masse des avis authentiques ce mois-ci.",
      language: "fr",
      expiresOn: isoDate(Date.now() + 30 * 86_400_000),
    }),
  },
  // The categories: admins only (adding one).
  "moderation.categories.tsx": {
    loader: only("admin"),
    action: only("admin"),
    form: () => ({ intent: "add", nameFr: "Quincaillerie", nameEn: "Hardware" }),
  },
  // The moderation team: admins only (a grant of the role to `member`).
  "moderation.team.tsx": {
    loader: only("admin"),
    action: only("admin"),
    form: (w) => ({ intent: "grant", email: w.users.member.email, statement: "Rejoint l’équipe de modération." }),
  },
  // Reviews held by the automatic checks: the queue, and the case (publish or refuse the
  // author's held review, about company B: staffB is refused by the guard first).
  "moderation.held.tsx": { loader: only("moderator", "admin") },
  "moderation.held_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(w.heldReviewId) }),
    form: () => ({
      decision: "publish",
      reason: MODERATION_REASON_IDS[0],
      statement: "Rien dans ce texte n’enfreint nos règles : il est publié.",
      version: "0",
      editedAt: "0",
    }),
  },
  "moderation.reviews.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    form: (w) => ({
      target: "review",
      decision: "remove",
      reason: MODERATION_REASON_IDS[0],
      statement: "Cet avis ne décrit aucune expérience réelle avec l’entreprise.",
      version: String(w.statementId), // the last decision on the review, as the case page shows it
      seenFlag: "0",
      editedAt: "0",
    }),
  },
  // The proofs, suggestions and conduct queues, their case pages and the account case page
  // (app/models/moderation-queues.server.ts): moderators and admins only.
  "moderation.proofs.tsx": { loader: only("moderator", "admin") },
  "moderation.proofs_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(proofMediaId(w)) }),
    form: () => queueForm("accept"),
  },
  "moderation.suggestions.tsx": { loader: only("moderator", "admin") },
  "moderation.suggestions_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(queueWorld(w).subjectId) }),
    form: () => queueForm("accept"),
  },
  "moderation.conduct.tsx": { loader: only("moderator", "admin") },
  "moderation.conduct_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(queueWorld(w).reportId) }),
    form: () => queueForm("dismiss"),
  },
  // Claims with evidence (app/models/claim-queue.server.ts): the queue, and the case of
  // `member`'s claim on an unverified company (a refusal, on a claim reason).
  "moderation.claims.tsx": { loader: only("moderator", "admin") },
  "moderation.claims_.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(evidenceClaim(w)) }),
    form: () => ({ ...queueForm("refuse"), reason: "claim_role_not_shown" }),
  },
  // A claim's document: moderators only.
  "moderation.claims_.$id_.document.ts": { loader: only("moderator", "admin"), params: (w) => ({ id: String(evidenceClaim(w)) }) },
  "moderation.users.$id.tsx": {
    loader: only("moderator", "admin"),
    action: only("moderator", "admin"),
    params: (w) => ({ id: String(w.users.member.id) }),
    form: () => queueForm("suspend"),
  },
  "notifications.tsx": { loader: SIGNED_IN, action: SIGNED_IN },
  "report.tsx": { loader: EVERYONE, action: EVERYONE },
  "reset-password.tsx": { loader: EVERYONE, action: EVERYONE },
  "reviews.$id.tsx": { loader: EVERYONE },
  // The author's own pages: a 403 for everyone else, moderators included.
  "reviews.$id_.delete.tsx": { loader: only("author"), action: only("author") },
  "reviews.$id_.edit.tsx": { loader: only("author"), action: only("author"), form: reviewForm },
  "reviews.$id_.flag.tsx": {
    loader: SIGNED_IN,
    action: SIGNED_IN, // the author gets "not your own review" (409): let in, refused by the model
    form: () => ({ reason: MODERATION_REASON_IDS[0], explanation: "Ce texte ne décrit aucune expérience réelle." }),
  },
  "reviews.$id_.follow-up.tsx": {
    loader: only("author"),
    action: only("author"),
    form: () => ({ body: "Le remboursement est bien arrivé, merci." }),
  },
  // Every published version of a review and its reply: public.
  "reviews.$id_.history.tsx": { loader: EVERYONE },
  // Not its author, nor the reviewed company's staff (votes order the "most helpful" list).
  "reviews.$id_.helpful.tsx": {
    loader: EVERYONE /* a redirect to the review */,
    action: SIGNED_IN.filter((r) => r !== "author" && r !== "staffA"),
  },
  "reviews.$id_.incentive.tsx": {
    loader: only("author"),
    action: only("author"),
    form: () => ({ body: "On m’a proposé un bon d’achat pour retirer mon avis." }),
  },
  // The author's answer to the flags on their review (refused by the model, 409, once no
  // flag is open: the world's report was dismissed).
  "reviews.$id_.respond.tsx": {
    loader: only("author"),
    action: only("author"),
    form: () => ({ body: "Je suis bien allée dans ce magasin le 3 mars, voici mon numéro de ticket." }),
  },
  "reviews.$id_.resolved.tsx": { loader: EVERYONE /* a redirect to the review */, action: only("author"), form: () => ({ resolved: "1" }) },
  "robots[.]txt.ts": { loader: EVERYONE },
  "search.tsx": { loader: EVERYONE },
  "signup.tsx": { loader: EVERYONE, action: EVERYONE },
  "sitemap[.]xml.ts": { loader: EVERYONE },
  "sitemaps.$kind.$page.ts": { loader: EVERYONE, params: () => ({ kind: "reviews", page: "1" }) },
  "sitemaps.pages.ts": { loader: EVERYONE },
  // A statement of reasons: the content's author, the reporter (staffB) and moderators.
  // The review was kept: only its reporter (staffB), the side it went against, may appeal.
  "statements.$id.tsx": {
    loader: only("author", "staffB", "moderator", "admin"),
    action: only("staffB"),
    params: (w) => ({ id: String(w.statementId) }),
    form: () => ({ explanation: "Cet avis ne décrit aucune expérience réelle : je l’ai signalé pour cela." }),
  },
  // The statement of a decision of the queues above: the person it was sent to (the author,
  // whose conduct report was dismissed) and moderators only; the author, whom it went
  // against, may appeal it.
  "statements.decision.$id.tsx": {
    loader: only("author", "moderator", "admin"),
    action: only("author"),
    params: (w) => ({ id: String(queueWorld(w).statementId) }),
    form: () => ({ explanation: "La capture jointe montre bien le bon d’achat proposé contre le retrait de mon avis." }),
  },
  // The statement of a decision on a held review: its author and moderators only; the author
  // of a refused review may appeal it.
  "statements.publication.$id.tsx": {
    loader: only("author", "moderator", "admin"),
    action: only("author"),
    params: (w) => ({ id: String(publicationDecision(w)) }),
    form: () => ({ explanation: "Mon avis décrit seulement mon expérience : aucun lien ni numéro n’y figure, je demande sa publication." }),
  },
  "transparency.tsx": { loader: EVERYONE },
  "transparency[.]csv.ts": { loader: EVERYONE },
  "transparency[.]json.ts": { loader: EVERYONE },
  "users.$id.tsx": { loader: EVERYONE, params: (w) => ({ id: String(w.users.author.id) }) },
  "verify-email.tsx": { loader: EVERYONE, action: EVERYONE },
  // The author already reviewed this subject: the form sends them to their review's edit page.
  "write-a-review.$subjectId.tsx": { loader: SIGNED_IN, action: SIGNED_IN, form: reviewForm },
  "write-a-review._index.tsx": { loader: EVERYONE },
  // A reviewer adds a company with their review (app/models/company-suggestions.server.ts).
  "write-a-review.new.tsx": {
    loader: SIGNED_IN,
    action: SIGNED_IN,
    form: (w) => ({
      ...reviewForm(),
      companyName: "Maison Inconnue",
      website: "https://www.maison-inconnue.example",
      category: String(getDb().$client.prepare(`SELECT id FROM categories WHERE slug = ?`).pluck().get(w.categorySlug)),
      kind: "website",
    }),
  },
  "write-a-review.suggest.$slug.tsx": {
    loader: SIGNED_IN,
    action: SIGNED_IN,
    form: () => ({ ...reviewForm(), kind: "store", name: "Maison A — Lyon", city: "Lyon" }),
  },
};

const queueForm = (decision: string): Form => ({
  decision,
  reason: MODERATION_REASON_IDS[0],
  statement: "Les faits examinés ne justifient pas d’autre suite que celle-ci.",
  version: "0",
});

/** The world's proof (on the author's review), by its id. */
function proofMediaId(w: World) {
  return getDb().$client.prepare(`SELECT id FROM review_media WHERE storage_key = ?`).pluck().get(w.proofKey) as number;
}

/** For the queues' case pages (made once): a subject `member` suggested for company B with
 *  its waiting review, a conduct report by `author` about company B, and a second one,
 *  dismissed by a moderator (its statement, for `author` and moderators only). */
let queueRecords: { subjectId: number; reportId: number; statementId: number } | undefined;
function queueWorld(w: World) {
  if (!queueRecords) {
    const suggested = createReviewWithSuggestedSubject({
      actor: { id: w.users.member.id, role: "member" },
      companyId: w.companyB.id,
      suggestion: { kind: "store", name: "Maison B — Nantes", city: "Nantes" },
      input: reviewSchema.parse({ ...reviewForm(), title: "Boutique de Nantes accueillante" }),
      locale: "fr",
      ipHash: null,
    });
    if (!suggested.ok || suggested.subjectId == null)
      throw new Error(`queueWorld: suggestion refused (${suggested.ok ? "" : suggested.kind})`);
    const report = (body: string) =>
      getDb()
        .$client.prepare(
          `INSERT INTO conduct_reports (kind, company_id, reporter_user_id, body) VALUES ('incentive', ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(w.companyB.id, w.users.author.id, body) as number;
    const reportId = report("On m’a proposé un bon d’achat contre le retrait de mon avis.");
    const dismissed = decideConduct({
      actor: { id: w.users.moderator.id, role: "moderator" },
      reportId: report("On m’a proposé une remise pour modifier ma note."),
      decision: "dismiss",
      reason: MODERATION_REASON_IDS[0],
      statement: "Le message joint ne montre aucune contrepartie proposée par l’entreprise.",
      version: 0,
    });
    if (!dismissed.ok) throw new Error(`queueWorld: conduct decision refused (${dismissed.kind})`);
    queueRecords = { subjectId: suggested.subjectId, reportId, statementId: dismissed.decisionId };
  }
  return queueRecords;
}

/** A conduct report by `author` about company B, dismissed by the admin and appealed by
 *  `author` (made once): the case of /moderation/appeals/:id. */
let appealRecords: { decisionId: number; appealId: number } | undefined;
function appealWorld(w: World) {
  if (!appealRecords) {
    const reportId = getDb()
      .$client.prepare(`INSERT INTO conduct_reports (kind, company_id, reporter_user_id, body) VALUES ('incentive', ?, ?, ?) RETURNING id`)
      .pluck()
      .get(w.companyB.id, w.users.author.id, "On m’a proposé un remboursement contre une meilleure note.") as number;
    const dismissed = decideConduct({
      actor: { id: w.users.admin.id, role: "admin" },
      reportId,
      decision: "dismiss",
      reason: MODERATION_REASON_IDS[0],
      statement: "Le message joint ne montre aucune contrepartie proposée par l’entreprise.",
      version: 0,
    });
    if (!dismissed.ok) throw new Error(`appealWorld: conduct decision refused (${dismissed.kind})`);
    const appealed = fileDecisionAppeal({
      viewer: { id: w.users.author.id, role: "member" },
      decisionId: dismissed.decisionId,
      explanation: "La capture jointe montre bien le remboursement proposé contre une meilleure note.",
    });
    if (!appealed.ok) throw new Error(`appealWorld: appeal refused (${appealed.kind})`);
    appealRecords = { decisionId: dismissed.decisionId, appealId: appealed.appealId };
  }
  return appealRecords;
}

/** A claim with evidence by `member` on a claimed, unverified company (made once). */
let evidenceClaimId: number | undefined;
/** A small PDF written where storeClaimDocument writes them. */
function claimDocumentOnDisk() {
  const key = "claimdocumentmatrix000";
  fs.mkdirSync(path.join(mediaDir(), "claims"), { recursive: true });
  const bytes = Buffer.from("%PDF-1.4\n% Réplique test\n");
  fs.writeFileSync(path.join(mediaDir(), "claims", key), bytes);
  return { key, mime: "application/pdf", name: "kbis.pdf", bytes: bytes.byteLength };
}

function evidenceClaim(w: World) {
  if (evidenceClaimId === undefined) {
    const company = makeCompany({ slug: "maison-c", name: "Maison C", state: "claimed", domain: "maison-c.example" });
    const claimed = requestEvidenceClaim({
      userId: w.users.member.id,
      slug: "maison-c",
      explanation: "Je suis la gérante de Maison C depuis 2019 ; les mentions légales du site me nomment.",
      evidenceUrl: "https://maison-c.example/mentions-legales",
      document: claimDocumentOnDisk(),
    });
    if (!claimed.ok) throw new Error(`evidenceClaim: refused (${claimed.kind}) for company ${company.id}`);
    evidenceClaimId = claimed.claimId;
  }
  return evidenceClaimId;
}

/** A moderator's publication of a review `author` wrote and a check held (made once). */
let publicationDecisionId: number | undefined;
let invitationToken: string | undefined;
/** An invitation of companyA's owner to the member's address, and its link's token. */
function memberInvitationToken(w: World) {
  if (invitationToken === undefined) {
    const invited = inviteMember({ companyId: w.companyA.id, actorId: w.users.staffA.id, email: w.users.member.email, locale: "fr" });
    if (!invited.ok) throw new Error(`memberInvitationToken: ${invited.kind}`);
    const mail = outboxFor(w.users.member.email)
      .filter((m) => m.template === "member_invitation")
      .at(-1)!;
    invitationToken = /\/brand\/invitations\/([a-z0-9]+)/.exec(mail.text)![1]!;
  }
  return invitationToken;
}

let reviewInvitation: string | undefined;
/** An invitation mailed by companyA's owner to a customer, and its link's token. */
function reviewInvitationToken(w: World) {
  if (reviewInvitation === undefined) {
    const email = "invited-customer@example.test";
    const sent = sendInvitations({ companyId: w.companyA.id, actorId: w.users.staffA.id, rows: [{ line: 1, email, locale: "fr" }] });
    if (!sent.ok || !sent.rows[0]!.sent) throw new Error("reviewInvitationToken: not sent");
    const mail = outboxFor(email).at(-1)!;
    reviewInvitation = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  }
  return reviewInvitation;
}

function publicationDecision(w: World) {
  if (publicationDecisionId === undefined) {
    const reviewId = makeReview({
      companyId: w.companyA.id,
      subjectId: w.companyA.subjectId,
      authorId: w.users.author.id,
      stars: 3,
      status: "held",
    });
    const decided = decideHeld({
      actor: { id: w.users.moderator.id, role: "moderator" },
      reviewId,
      decision: "refuse",
      reason: MODERATION_REASON_IDS[0],
      statement: "Ce texte enfreint nos règles : il n’est pas publié.",
      version: 0,
      editedAt: 0,
    });
    if (!decided.ok) throw new Error(`publicationDecision: ${decided.kind}`);
    publicationDecisionId = decided.decisionId;
  }
  return publicationDecisionId;
}

// ─── Generation ───────────────────────────────────────────────────────────────

const manifest = await loadRouteManifest();
let world: World;
beforeAll(async () => {
  world = await seedWorld();
});

describe("route manifest", () => {
  it("has every file of app/routes", () => {
    expect(manifest.map((r) => r.file)).toEqual(routeFiles());
    expect(manifest.length).toBe(listRoutesDir().length);
  });

  it("reads file names as Remix does (its own flatRoutes agrees on every URL)", () => {
    const remix = flatRoutes(path.resolve("app"), ["**/.*", "**/*.test.{ts,tsx}"]);
    const fullPath = (id: string) => {
      const parts: string[] = [];
      for (let node = remix[id]; node && node.id !== "root"; node = remix[node.parentId!]) if (node.path) parts.unshift(node.path);
      return `/${parts.join("/")}`;
    };
    for (const route of manifest) expect(route.path, route.file).toBe(fullPath(`routes/${route.file.replace(/\.(tsx|ts|jsx|js)$/, "")}`));
    // Conventions the app does not use yet.
    expect(urlPathOf("_auth.login.tsx")).toEqual({ path: "/login", params: [] });
    expect(urlPathOf("($lang).about.tsx")).toEqual({ path: "/:lang?/about", params: ["lang"] });
    expect(urlPathOf("files.$.tsx")).toEqual({ path: "/files/*", params: ["*"] });
    expect(urlPathOf("a[.]b.c[_].d_.tsx")).toEqual({ path: "/a.b/c_/d", params: [] });
    expect(urlPathOf("shop/route.tsx")).toEqual({ path: "/shop", params: [] });
  });

  it("every route is in the table, and the table names no other", () => {
    expect(
      manifest.map((r) => r.file).filter((f) => !(f in MATRIX)),
      "add these routes to MATRIX",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((f) => !manifest.some((r) => r.file === f)),
      "stale rows in MATRIX",
    ).toEqual([]);
  });
});

function paramsFor(route: RouteEntry, row: Row): Params {
  const own = row.params?.(world) ?? {};
  return Object.fromEntries(
    route.params.map((name) => {
      const value = own[name] ?? PARAMS[name]?.(world);
      if (value === undefined) throw new Error(`${route.file}: no value for :${name}; add one to PARAMS or the row's params`);
      return [name, value];
    }),
  );
}

type Cell = "allow" | "deny" | string;

/** One call as `role`, rolled back afterwards; what the matrix sees of it. */
async function cell(route: RouteEntry, row: Row, kind: "loader" | "action", role: Role): Promise<{ cell: Cell; answer: RouteAnswer }> {
  const params = paramsFor(route, row);
  const url = `http://localhost${fillPath(route.path, params)}`;
  return rolledBack(async () => {
    const cookie = world.cookie(role);
    const headers: Record<string, string> = { Origin: "http://localhost", "Accept-Language": "fr", ...(cookie ? { Cookie: cookie } : {}) };
    const request =
      kind === "loader"
        ? new Request(url, { headers })
        : new Request(url, {
            method: "POST",
            headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(row.form?.(world) ?? {}),
          });
    const before = snapshot();
    const answer = await invoke(route[kind]!, request, params);
    const changed = forbiddenChanges(changedTables(before, snapshot()), answer.status);
    if (answer.status >= 500) return { cell: `${answer.status}: ${String(answer.error ?? answer.body).slice(0, 200)}`, answer };
    if (!isDenied(answer)) return { cell: "allow", answer };
    if (kind === "action" && changed.length > 0) return { cell: `deny, but changed ${changed.join(", ")}`, answer };
    return { cell: "deny", answer };
  });
}

const describeAnswer = (a: RouteAnswer) => `${a.status}${a.location ? ` → ${a.location}` : ""}`;

describe.each(manifest.map((r) => [r.file, r] as const))("%s", (file, route) => {
  const row = MATRIX[file];

  if (!row) {
    it("is in MATRIX", () => expect.fail(`${file} has no row in MATRIX: say who may call its loader and action`));
    return;
  }

  it("has the loader and action the table says", () => {
    expect({ loader: Boolean(route.loader), action: Boolean(route.action) }).toEqual({
      loader: row.loader !== undefined,
      action: row.action !== undefined,
    });
  });

  for (const kind of ["loader", "action"] as const) {
    if (!route[kind] || !row[kind]) continue;
    it(`${kind}: ${ROLES.join(", ")}`, async () => {
      const expected = Object.fromEntries(ROLES.map((role) => [role, row[kind]!.includes(role) ? "allow" : "deny"]));
      const actual: Record<string, Cell> = {};
      const seen: string[] = [];
      for (const role of ROLES) {
        const result = await cell(route, row, kind, role);
        actual[role] = result.cell;
        seen.push(`${role}: ${describeAnswer(result.answer)}`);
      }
      if (process.env.MATRIX_DEBUG) process.stdout.write(`${file} ${kind}: ${seen.join("; ")}\n`);
      expect(actual, seen.join("; ")).toEqual(expected);
    });
  }
});
