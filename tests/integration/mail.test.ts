// The outbox: written in the caller's transaction, sent by the worker through nodemailer,
// retried with back-off; FR/EN templates in text and HTML; /dev/mail absent in production.
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { users } from "#db/schema";
import { queueAccountMail, renderAccountMail, sendPendingMails } from "~/models/mail.server";
import * as devMail from "~/routes/dev.mail._index";
import * as devMailHtml from "~/routes/dev.mail.$id";
import { callLoader, getRequest, outboxFor } from "../support/fixtures";
import { resetEnv } from "~/env.server";

const raw = () => getDb().$client;

afterEach(() => {
  process.env.NODE_ENV = "test";
  delete process.env.ENABLE_DEV_MAIL;
  resetEnv();
});

describe("the outbox", () => {
  it("a mail is written in the transaction of what caused it, and rolled back with it", () => {
    const db = getDb();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(users).values({ email: "rollback@example.test", displayName: "R" }).run();
        queueAccountMail(tx, "rollback@example.test", "en", { template: "email_in_use" });
        throw new Error("something later failed");
      }),
    ).toThrow("something later failed");
    expect(outboxFor("rollback@example.test")).toEqual([]);

    db.transaction((tx) => {
      tx.insert(users).values({ email: "commit@example.test", displayName: "C" }).run();
      queueAccountMail(tx, "commit@example.test", "en", { template: "email_in_use" });
    });
    expect(outboxFor("commit@example.test")).toHaveLength(1);
  });

  it("the worker sends pending mails once, through nodemailer", async () => {
    raw().prepare(`UPDATE outbox SET sent_at = 0`).run();
    queueAccountMail(getDb(), "send-me@example.test", "fr", {
      template: "reset_password",
      name: "Léa",
      url: "https://r.example/reset-password?token=abc",
    });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentMessages: string[] = [];
    const recording = {
      sendMail: async (message: SendMailOptions) => {
        const info = await transport.sendMail(message);
        sentMessages.push(String(info.message));
        return info;
      },
    };
    expect(await sendPendingMails(recording, { from: "Réplique <no-reply@r.example>" })).toEqual({ sent: 1, failed: 0 });
    expect(await sendPendingMails(recording, { from: "Réplique <no-reply@r.example>" })).toEqual({ sent: 0, failed: 0 });
    const message = JSON.parse(sentMessages[0]);
    expect(message.to).toEqual([{ address: "send-me@example.test", name: "" }]);
    expect(message.subject).toBe("Choisissez un nouveau mot de passe");
    expect(message.text).toContain("https://r.example/reset-password?token=abc");
    expect(message.html).toContain('href="https://r.example/reset-password?token=abc"');
    const row = raw().prepare(`SELECT sent_at, attempts FROM outbox WHERE "to" = ?`).get("send-me@example.test") as {
      sent_at: number;
      attempts: number;
    };
    expect(row.sent_at).toBeGreaterThan(0);
    expect(row.attempts).toBe(1);
  });

  it("a failed send is retried later, with back-off", async () => {
    raw().prepare(`UPDATE outbox SET sent_at = 0`).run();
    queueAccountMail(getDb(), "flaky@example.test", "en", { template: "email_in_use" });
    let clock = 1_000_000_000_000;
    const failing = { sendMail: async () => Promise.reject(new Error("SMTP 451 try later")) };
    expect(await sendPendingMails(failing, { from: "x@r.example", now: () => clock })).toEqual({ sent: 0, failed: 1 });
    const row = raw()
      .prepare(`SELECT attempts, next_attempt_at, last_error, sent_at FROM outbox WHERE "to" = ?`)
      .get("flaky@example.test") as Record<string, number | string | null>;
    expect(row).toMatchObject({ attempts: 1, last_error: "SMTP 451 try later", sent_at: null });
    expect(row.next_attempt_at).toBe(clock + 30_000);
    // Not before its time…
    clock += 10_000;
    const ok = nodemailer.createTransport({ jsonTransport: true });
    expect(await sendPendingMails(ok, { from: "x@r.example", now: () => clock })).toEqual({ sent: 0, failed: 0 });
    // …then sent.
    clock += 30_000;
    expect(await sendPendingMails(ok, { from: "x@r.example", now: () => clock })).toEqual({ sent: 1, failed: 0 });
  });
});

describe("templates", () => {
  it("every account mail exists in French and English, as text and HTML, with the link in both", () => {
    const url = "https://r.example/verify-email?token=t0k3n&x=<b>";
    const mails = [
      { template: "verify_email", name: "Ana <script>", url },
      { template: "account_exists", name: "Ana", loginUrl: url, resetUrl: url },
      { template: "reset_password", name: "Ana", url },
      { template: "password_changed", name: "Ana", resetUrl: url },
      { template: "change_email", name: "Ana", url },
      { template: "email_change_notice", name: "Ana", newEmail: "new@example.test", resetUrl: url },
    ] as const;
    for (const mail of mails) {
      const fr = renderAccountMail("fr", mail);
      const en = renderAccountMail("en", mail);
      expect(fr.subject).not.toBe(en.subject);
      for (const m of [fr, en]) {
        expect(m.text).toContain(url);
        expect(m.html).toContain("https://r.example/verify-email?token=t0k3n&amp;x=&lt;b&gt;");
        expect(m.html).not.toContain("<script>");
        expect(m.html).toMatch(/^<!doctype html><html lang="(fr|en)">/);
      }
    }
    expect(renderAccountMail("fr", mails[0]).text).toMatch(/^Bonjour Ana <script>,/);
    expect(renderAccountMail("en", mails[0]).text).toMatch(/^Hello Ana <script>,/);
  });
});

describe("/dev/mail", () => {
  it("lists the outbox with the links of each mail outside production", async () => {
    queueAccountMail(getDb(), "dev@example.test", "en", {
      template: "verify_email",
      name: "Dev",
      url: "http://localhost/verify-email?token=abcdefghijklmnop",
    });
    const res = await callLoader(devMail.loader, getRequest("/dev/mail?to=dev@example.test"));
    expect(res.status).toBe(200);
    const mails = (res.data as { mails: { links: string[]; to: string }[] }).mails;
    expect(mails).toHaveLength(1);
    expect(mails[0].links).toEqual(["http://localhost/verify-email?token=abcdefghijklmnop"]);

    const id = String((res.data as { mails: { id: number }[] }).mails[0].id);
    const html = await callLoader(devMailHtml.loader, getRequest(`/dev/mail/${id}`), { id });
    expect(html.status).toBe(200);
    expect(html.headers.get("Content-Security-Policy")).toMatch(/^sandbox;/);
  });

  it("is absent (404) in production, unless the end-to-end flag is set", async () => {
    process.env.NODE_ENV = "production";
    resetEnv();
    expect((await callLoader(devMail.loader, getRequest("/dev/mail"))).status).toBe(404);
    expect((await callLoader(devMailHtml.loader, getRequest("/dev/mail/1"), { id: "1" })).status).toBe(404);
    process.env.ENABLE_DEV_MAIL = "1";
    resetEnv();
    expect((await callLoader(devMail.loader, getRequest("/dev/mail"))).status).toBe(200);
  });
});
