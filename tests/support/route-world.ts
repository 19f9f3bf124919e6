// A small world for the generated route tests (fuzz-routes, route-matrix): one user per
// role (and a suspended one), two companies, a published review with its company's reply
// and a proof, a report on it kept by a moderator (a statement of reasons), the author's
// held and removed reviews, live mailed tokens, a mail and a notification. Built through
// the models (and the fixtures' counters), like the app would.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { getDb } from "#db/client.server";
import { fileNames, mediaDir, newStorageKey } from "~/models/media.server";
import { requestEmailChange, requestPasswordReset, resendVerification } from "~/models/auth.server";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import { decide } from "~/models/moderation.server";
import { notify } from "~/models/notifications.server";
import { flagContent } from "~/models/review-actions.server";
import { addMember, clearRateLimits, createTestUser, makeCompany, makeReply, makeReview, sessionCookie, tokenFromMail } from "./fixtures";

export const ROLES = ["anonymous", "member", "author", "staffA", "staffB", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** A suspended member too, for the fuzz (permissions.test.ts covers its guards). */
export type Identity = Role | "suspended";

export interface WorldCompany {
  id: number;
  slug: string;
  subjectId: number;
  subjectSlug: string;
}

export interface World {
  users: Record<Exclude<Identity, "anonymous">, { id: number; email: string; password: string }>;
  companyA: WorldCompany;
  companyB: WorldCompany;
  categorySlug: string;
  /** The review under test: by `author`, about company A, with A's published reply. */
  reviewId: number;
  /** `member`'s own review, about company B (a reviewer, not this review's author). */
  memberReviewId: number;
  /** The author's other reviews: one held for moderation, one removed by a moderator. */
  heldReviewId: number;
  removedReviewId: number;
  /** A proof attached to the review: its author and moderators only. */
  proofKey: string;
  /** Small valid images (PNG, JPEG, WebP, and a long thin PNG), for upload fields. */
  images: { name: string; type: string; bytes: Uint8Array }[];
  /** A mail in the outbox (the dev mail pages) and `member`'s notification. */
  mailId: number;
  notificationId: number;
  /** Live mailed tokens: a password reset (member), a new account's address (`unverified`,
   *  a member who never confirmed), an address change (member, to `newEmail`). */
  tokens: { reset: string; verify: string; changeEmail: string };
  /** A moderator's statement of reasons on the review (kept after `staffB` reported it):
   *  for its author, its reporter and moderators only. */
  statementId: number;
  /** A fresh session cookie for the role ("" for anonymous): fresh, so that a log-out or a
   *  "revoke all sessions" in one call does not sign the next one out. */
  cookie(role: Identity): string;
}

function company(slug: string): WorldCompany {
  const { id, subjectId } = makeCompany({ slug, name: `Maison ${slug}`, state: "verified", domain: `${slug}.example` });
  const subjectSlug = getDb().$client.prepare(`SELECT slug FROM subjects WHERE id = ?`).pluck().get(subjectId) as string;
  return { id, slug, subjectId, subjectSlug };
}

export async function seedWorld(): Promise<World> {
  const client = getDb().$client;
  const user = (role: "member" | "moderator" | "admin", name: string) => createTestUser({ role, displayName: name });
  const users = {
    member: await user("member", "Mona Member"),
    author: await user("member", "Aurèle Author"),
    staffA: await user("member", "Sacha Staff-A"),
    staffB: await user("member", "Sam Staff-B"),
    moderator: await user("moderator", "Morgane Moderator"),
    admin: await user("admin", "Adam Admin"),
    suspended: await createTestUser({ displayName: "Simone Suspended", suspended: true }),
  };

  const companyA = company("maison-a");
  const companyB = company("maison-b");
  addMember(companyA.id, users.staffA.id, "owner");
  addMember(companyB.id, users.staffB.id, "owner");

  const categorySlug = "route-test-category";
  const categoryId = client
    .prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES (?, 'Catégorie', 'Category') RETURNING id`)
    .pluck()
    .get(categorySlug) as number;
  client.prepare(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`).run(companyA.id, categoryId);

  const reviewId = makeReview({
    companyId: companyA.id,
    subjectId: companyA.subjectId,
    authorId: users.author.id,
    stars: 2,
    title: "Livraison en retard",
    body: "Le colis est arrivé avec deux semaines de retard et sans nouvelles.",
    publishedAt: Date.now() - 10 * 86_400_000,
  });
  makeReply(reviewId, "Nous sommes désolés : le transporteur a perdu le colis, nous vous recontactons.");
  const memberReviewId = makeReview({
    companyId: companyB.id,
    subjectId: companyB.subjectId,
    authorId: users.member.id,
    stars: 5,
    title: "Très bon accueil",
    publishedAt: Date.now() - 20 * 86_400_000,
  });

  const heldReviewId = makeReview({
    companyId: companyB.id,
    subjectId: companyB.subjectId,
    authorId: users.author.id,
    stars: 1,
    status: "held",
  });
  const removedReviewId = makeReview({
    companyId: companyA.id,
    subjectId: companyA.subjectId,
    authorId: users.author.id,
    stars: 1,
    status: "removed",
  });

  // A proof: a row and a file (the route only reads the bytes back).
  const proofKey = newStorageKey();
  fs.mkdirSync(mediaDir(), { recursive: true });
  fs.writeFileSync(path.join(mediaDir(), fileNames(proofKey, "png").image), Buffer.from("not really a png"));
  client
    .prepare(
      `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, proof_status)
       VALUES (?, 'proof', ?, 'image/png', 10, 10, 16, 'pending')`,
    )
    .run(reviewId, proofKey);

  const notificationId = notify(getDb(), {
    userId: users.member.id,
    kind: "review_published",
    data: { reviewId: memberReviewId, companyName: `Maison ${companyB.slug}`, reviewTitle: "Très bon accueil" },
    link: `/reviews/${memberReviewId}`,
    origin: "http://localhost",
  });
  const mailId = client.prepare(`SELECT max(id) FROM outbox`).pluck().get() as number;

  // staffB reports the review; a moderator keeps it, with a statement of reasons.
  const reason = MODERATION_REASON_IDS[0];
  const flag = flagContent({
    actor: { id: users.staffB.id, role: "member" },
    target: "review",
    reviewId,
    reason,
    explanation: "Ce texte ne décrit aucune expérience réelle.",
  });
  if (!flag.ok) throw new Error(`seedWorld: the flag was refused (${flag.kind})`);
  const decision = decide({
    actor: { id: users.moderator.id, role: "moderator" },
    reviewId,
    target: "review",
    decision: "keep",
    reason,
    statement: "Cet avis décrit une expérience réelle et reste publié.",
    version: 0,
    seenFlag: flag.flagId,
    editedAt: 0,
    origin: "http://localhost",
  });
  if (!decision.ok) throw new Error(`seedWorld: the decision was refused (${decision.kind})`);

  const ctx = { ip: "192.0.2.1", origin: "http://localhost", locale: "fr" as const };
  requestPasswordReset(users.member.email, ctx);
  const unverified = await createTestUser({ verified: false, displayName: "Ulysse Unverified" });
  resendVerification(unverified.id, ctx);
  const newEmail = "mona.nouvelle@example.test";
  await requestEmailChange(users.member.id, { newEmail, password: users.member.password }, ctx);
  const tokens = {
    reset: tokenFromMail(users.member.email, "reset_password"),
    verify: tokenFromMail(unverified.email, "verify_email"),
    changeEmail: tokenFromMail(newEmail, "change_email"),
  };
  clearRateLimits();

  const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });
  const images = [
    { name: "photo.png", type: "image/png", bytes: new Uint8Array(await image(1, 1).png().toBuffer()) },
    { name: "photo.jpg", type: "image/jpeg", bytes: new Uint8Array(await image(40, 30).jpeg().toBuffer()) },
    { name: "photo.webp", type: "image/webp", bytes: new Uint8Array(await image(30, 40).webp().toBuffer()) },
    { name: "thin.png", type: "image/png", bytes: new Uint8Array(await image(4000, 1).png().toBuffer()) },
  ];

  return {
    users,
    tokens,
    statementId: decision.decisionId,
    heldReviewId,
    removedReviewId,
    images,
    companyA,
    companyB,
    categorySlug,
    reviewId,
    memberReviewId,
    proofKey,
    mailId,
    notificationId,
    cookie(role) {
      if (role === "anonymous") return "";
      return sessionCookie(users[role].id, { ip: "198.51.100.7", userAgent: "route-tests" });
    },
  };
}
