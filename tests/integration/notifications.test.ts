import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { isoDate, reviewSchema } from "~/lib/review-schema";
import { listNotifications, markNotificationsRead, notifyReviewEvent, unreadCount } from "~/models/notifications.server";
import { createReview } from "~/models/review-submission.server";
import { makeCompany, makeReview, makeSubject, makeUser } from "../support/fixtures";

function outbox(to: string) {
  return getDb().$client.prepare(`SELECT subject, text, template FROM outbox WHERE "to" = ? ORDER BY id`).all(to) as {
    subject: string;
    text: string;
    template: string;
  }[];
}

function emailOf(userId: number) {
  return (getDb().$client.prepare(`SELECT email FROM users WHERE id = ?`).get(userId) as { email: string }).email;
}

describe("notices to the author", () => {
  it("a held review: on the site and by mail, in the author's language, with the reason", () => {
    const author = makeUser({ locale: "en" });
    const companyId = makeCompany().id;
    const input = reviewSchema.parse({
      stars: "2",
      title: "Rude on the phone",
      body: "Write to me at jeanne@example.org if you want the details.",
      experienceDate: isoDate(Date.now() - 86_400_000),
      channel: "phone",
      recommend: "no",
      attestation: "on",
    });
    const result = createReview({
      actor: { id: author, role: "member" },
      subjectId: makeSubject(companyId),
      input,
      locale: "en",
      ipHash: null,
      origin: "https://replique.test",
    });
    expect(result).toMatchObject({ ok: true, status: "held" });
    expect(unreadCount(getDb(), author)).toBe(1);
    const [notice] = listNotifications(author, "en");
    expect(notice.title).toBe("Your review is waiting for a moderator");
    expect(notice.body).toContain("contains an email address");
    const mails = outbox(emailOf(author));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: "Your review is waiting for a moderator", template: "notice_review_held" });
    expect(mails[0].text).toContain(`https://replique.test/reviews/${result.ok && result.reviewId}`);
  });

  it("a published review triggers no notice", () => {
    const author = makeUser();
    const input = reviewSchema.parse({
      stars: "5",
      title: "Perfect",
      body: "Everything went well from the order to the delivery.",
      experienceDate: isoDate(Date.now()),
      channel: "website",
      recommend: "yes",
      attestation: "on",
    });
    createReview({ actor: { id: author, role: "member" }, subjectId: makeSubject(makeCompany().id), input, locale: "fr", ipHash: null });
    expect(unreadCount(getDb(), author)).toBe(0);
    expect(outbox(emailOf(author))).toHaveLength(0);
  });

  it("the company replied, a moderator removed it (with the reason and how to contest): both languages", () => {
    const author = makeUser();
    const companyId = makeCompany({ name: "Maison Test" }).id;
    const reviewId = makeReview({ subjectId: makeSubject(companyId), companyId, authorId: author, title: "Late delivery" });
    notifyReviewEvent(getDb(), { reviewId, kind: "review_replied" });
    notifyReviewEvent(getDb(), { reviewId, kind: "review_removed", reason: "personal_data" });
    expect(unreadCount(getDb(), author)).toBe(2);
    const fr = listNotifications(author, "fr");
    expect(fr[1].title).toBe("Maison Test a répondu à votre avis");
    expect(fr[0].title).toBe("Votre avis a été retiré");
    expect(fr[0].body).toContain("Données personnelles");
    expect(fr[0].body).toContain("contester");
    const en = listNotifications(author, "en");
    expect(en[0].body).toContain("Personal data");
    expect(en[0].body).toContain("contest");
    // The fixture user's language is French: the mails are in French.
    expect(outbox(emailOf(author)).map((m) => m.subject)).toEqual(["Maison Test a répondu à votre avis", "Votre avis a été retiré"]);
  });

  it("marks read: one, then all, and only the user's own", () => {
    const a = makeUser();
    const b = makeUser();
    const companyId = makeCompany().id;
    const r1 = makeReview({ subjectId: makeSubject(companyId), companyId, authorId: a });
    const r2 = makeReview({ subjectId: makeSubject(companyId), companyId, authorId: b });
    notifyReviewEvent(getDb(), { reviewId: r1, kind: "review_replied" });
    notifyReviewEvent(getDb(), { reviewId: r1, kind: "review_restored" });
    notifyReviewEvent(getDb(), { reviewId: r2, kind: "review_replied" });
    const [first] = listNotifications(a, "en");
    const theirs = listNotifications(b, "en")[0];
    expect(markNotificationsRead(a, [theirs.id])).toBe(0);
    expect(markNotificationsRead(a, [first.id])).toBe(1);
    expect(unreadCount(getDb(), a)).toBe(1);
    markNotificationsRead(a, "all");
    expect(unreadCount(getDb(), a)).toBe(0);
    expect(unreadCount(getDb(), b)).toBe(1);
  });
});
