// Mail: every message is written to the outbox table by the code that causes it, inside
// that code's transaction (better-sqlite3 runs a transaction on its one connection, so a
// queueMail() call inside `db.transaction(...)` commits or rolls back with it). A worker
// then sends what is pending through nodemailer when SMTP_URL is set; without it, mails
// stay in the outbox and can be read at /dev/mail (never in production).
import { and, asc, desc, eq, isNull, lt, lte, or } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Db } from "#db/client.server";
import { outbox } from "#db/schema";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { APPEAL_WINDOW_DAYS } from "~/lib/policy";
import { sweepUploads } from "./media.server";
import { pruneRateLimits } from "./rate-limit.server";
import { env } from "~/env.server";

/** What a message carries: both a plain-text and an HTML body, always. */
export type MailContent = { subject: string; text: string; html: string };

type Inserter = Pick<Db, "insert">;

/** Writes one mail to the outbox. Call it inside the transaction of what caused it. */
export function queueMail(db: Inserter, mail: MailContent & { to: string; template: string }) {
  return db
    .insert(outbox)
    .values({ to: mail.to, template: mail.template, subject: mail.subject, text: mail.text, html: mail.html })
    .returning({ id: outbox.id })
    .get();
}

// ─── Layout ──────────────────────────────────────────────────────────────────

export type MailBlock = string | { action: string; url: string } | { link: string; url: string };

export function escapeHtml(value: string) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Renders a simple, accessible mail in both forms: a greeting, paragraphs, buttons as
 *  links (the URL also written out in the text version), the signature and the footer. */
export function renderMail(
  locale: Locale,
  options: {
    subject: string;
    name?: string;
    blocks: MailBlock[];
    /** Instead of the usual "you did something on Réplique". */ footer?: string;
  },
): MailContent {
  const greeting = options.name ? translate(locale, "mail.greeting", { name: options.name }) : undefined;
  const signature = translate(locale, "mail.signature");
  const footer = options.footer ?? translate(locale, "mail.footer");

  const textParts: string[] = [];
  if (greeting) textParts.push(greeting);
  for (const block of options.blocks) {
    if (typeof block === "string") textParts.push(block);
    else if ("action" in block) textParts.push(`${block.action}:\n${block.url}`);
    else textParts.push(`${block.link}\n${block.url}`);
  }
  textParts.push(signature, `--\n${footer}`);
  const text = textParts.join("\n\n") + "\n";

  const htmlBlocks = options.blocks.map((block) => {
    if (typeof block === "string") return `<p style="margin:0 0 16px">${escapeHtml(block)}</p>`;
    if ("action" in block) {
      return (
        `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#1f5fbf;` +
        `color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.action)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#555555;word-break:break-all">${escapeHtml(block.url)}</p>`
      );
    }
    return `<p style="margin:0 0 16px">${escapeHtml(block.link)}<br><a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
  });
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(options.subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f6f6f4;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;` +
    `font-size:16px;line-height:1.5;color:#1a1a1a">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">` +
    `<p style="margin:0 0 16px;font-weight:700;font-size:18px">Réplique</p>` +
    (greeting ? `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>` : "") +
    htmlBlocks.join("") +
    `<p style="margin:24px 0 0">${escapeHtml(signature)}</p>` +
    `<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(footer)}</p>` +
    `</div></body></html>`;
  return { subject: options.subject, text, html };
}

// ─── The account mails ───────────────────────────────────────────────────────

export type AccountMail =
  | { template: "verify_email"; name: string; url: string }
  | { template: "account_exists"; name: string; loginUrl: string; resetUrl: string }
  | { template: "reset_password"; name: string; url: string }
  | { template: "password_changed"; name: string; resetUrl: string }
  | { template: "change_email"; name: string; url: string }
  | { template: "email_change_notice"; name: string; newEmail: string; resetUrl: string }
  | { template: "email_in_use" };

export function renderAccountMail(locale: Locale, mail: AccountMail): MailContent {
  const t = (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);
  switch (mail.template) {
    case "verify_email":
      return renderMail(locale, {
        subject: t("mail.verify.subject"),
        name: mail.name,
        blocks: [t("mail.verify.body"), { action: t("mail.verify.action"), url: mail.url }, t("mail.verify.expiry")],
      });
    case "account_exists":
      return renderMail(locale, {
        subject: t("mail.exists.subject"),
        name: mail.name,
        blocks: [
          t("mail.exists.body"),
          { action: t("mail.exists.login"), url: mail.loginUrl },
          { link: t("mail.exists.reset"), url: mail.resetUrl },
        ],
      });
    case "reset_password":
      return renderMail(locale, {
        subject: t("mail.reset.subject"),
        name: mail.name,
        blocks: [t("mail.reset.body"), { action: t("mail.reset.action"), url: mail.url }, t("mail.reset.ignore")],
      });
    case "password_changed":
      return renderMail(locale, {
        subject: t("mail.passwordChanged.subject"),
        name: mail.name,
        blocks: [t("mail.passwordChanged.body"), { link: t("mail.reset.action"), url: mail.resetUrl }],
      });
    case "change_email":
      return renderMail(locale, {
        subject: t("mail.changeEmail.subject"),
        name: mail.name,
        blocks: [t("mail.changeEmail.body"), { action: t("mail.changeEmail.action"), url: mail.url }],
      });
    case "email_change_notice":
      return renderMail(locale, {
        subject: t("mail.emailChangeNotice.subject"),
        name: mail.name,
        blocks: [t("mail.emailChangeNotice.body", { email: mail.newEmail }), { link: t("mail.reset.action"), url: mail.resetUrl }],
      });
    case "email_in_use":
      return renderMail(locale, { subject: t("mail.emailInUse.subject"), blocks: [t("mail.emailInUse.body")] });
  }
}

export function queueAccountMail(db: Inserter, to: string, locale: Locale, mail: AccountMail) {
  return queueMail(db, { to, template: mail.template, ...renderAccountMail(locale, mail) });
}

// ─── The receipt of a report (/report) ───────────────────────────────────────

export type ReportReceiptMail = {
  template: "report_received";
  name: string;
  flagId: number;
  target: "review" | "reply" | "follow_up";
  reviewTitle: string;
  companyName: string;
  reason: string;
  explanation: string;
  url: string;
  at: number;
};

/** What was reported, when, and that the decision and the ways to contest it will follow. */
export function renderReportReceipt(locale: Locale, mail: ReportReceiptMail): MailContent {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const zone = { timeZone: "Europe/Paris" } as const;
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  const date = new Intl.DateTimeFormat(tag, { ...zone, dateStyle: "long" }).format(mail.at);
  const time = new Intl.DateTimeFormat(tag, { ...zone, timeStyle: "short" }).format(mail.at);
  const what = t(`mail.reportReceived.what.${mail.target}`, { title: mail.reviewTitle, company: mail.companyName });
  const explanation = mail.explanation.length > 500 ? `${mail.explanation.slice(0, 500)}…` : mail.explanation;
  return renderMail(locale, {
    subject: t("mail.reportReceived.subject", { id: String(mail.flagId) }),
    name: mail.name || undefined,
    blocks: [
      t("mail.reportReceived.body", { date, time, what }),
      t("mail.reportReceived.facts", { reason: mail.reason, explanation }),
      { link: t("mail.reportReceived.link"), url: mail.url },
      t("mail.reportReceived.next", { days: APPEAL_WINDOW_DAYS }),
    ],
  });
}

export function queueReportReceipt(db: Inserter, to: string, locale: Locale, mail: ReportReceiptMail) {
  return queueMail(db, { to, template: mail.template, ...renderReportReceipt(locale, mail) });
}

// ─── Reading the outbox (the development page, tests) ────────────────────────

export function listOutbox(options: { to?: string; limit?: number } = {}, db: Db = getDb()) {
  const query = db.select().from(outbox);
  const filtered = options.to ? query.where(eq(outbox.to, options.to.trim().toLowerCase())) : query;
  return filtered
    .orderBy(desc(outbox.id))
    .limit(options.limit ?? 50)
    .all();
}

export function getOutboxMail(id: number, db: Db = getDb()) {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** The http(s) links of a plain-text mail, in order. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
}

// ─── The worker ──────────────────────────────────────────────────────────────

const MAX_ATTEMPTS = 8;
/** A claimed mail is not picked again for this long (another process may be sending it). */
const LEASE_MS = 5 * 60_000;

function backoff(attempts: number) {
  return Math.min(6 * 60 * 60_000, 30_000 * 2 ** (attempts - 1));
}

/** Sends the mails that are due, one at a time, each claimed first so that two
 *  processes never send the same one. Returns how many were sent and how many failed. */
export async function sendPendingMails(
  transport: Pick<Transporter, "sendMail">,
  options: { from: string; now?: () => number; batch?: number; db?: Db } = { from: "" },
) {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now;
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now()))),
    )
    .orderBy(asc(outbox.id))
    .limit(options.batch ?? 20)
    .all();

  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const at = now();
    const claim = db.$client
      .prepare<
        [leaseEndsAt: number, id: number, now: number],
        { to: string; subject: string; text: string; html: string; attempts: number }
      >(
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
         WHERE id = ? AND sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         RETURNING "to", subject, text, html, attempts`,
      )
      .get(at + LEASE_MS, id, at);
    if (!claim) continue;
    try {
      await transport.sendMail({ from: options.from, to: claim.to, subject: claim.subject, text: claim.text, html: claim.html });
      db.update(outbox).set({ sentAt: now(), nextAttemptAt: null, lastError: null }).where(eq(outbox.id, id)).run();
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      db.update(outbox)
        .set({ lastError: message.slice(0, 500), nextAttemptAt: now() + backoff(claim.attempts) })
        .where(eq(outbox.id, id))
        .run();
    }
  }
  return { sent, failed };
}

/** How often the worker sweeps old pending uploads and orphan files (sweepUploads). */
export const UPLOAD_SWEEP_INTERVAL_MS = 60 * 60_000;

/** Starts the background sender. Without an SMTP URL it sends nothing (mails stay for
 *  /dev/mail); either way it tidies the rate-limit table and, every hour, the uploads no
 *  review took (sweepUploads). Returns a function that stops it. */
export function startMailWorker(options: { smtpUrl?: string; from: string; intervalMs?: number }) {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  let running = false;
  let ticks = 0;
  let sweptAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (transport) await sendPendingMails(transport, { from: options.from });
      if (ticks++ % 60 === 0) pruneRateLimits();
      if (Date.now() - sweptAt >= UPLOAD_SWEEP_INTERVAL_MS) {
        sweptAt = Date.now();
        await sweepUploads();
      }
    } catch (error) {
      console.error("Mail worker:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? 5_000);
  timer.unref();
  void tick();
  return () => {
    clearInterval(timer);
    transport?.close();
  };
}

/** /dev/mail exists outside production, and in production only with ENABLE_DEV_MAIL=1
 *  (the end-to-end tests' server; never set it on a real site). */
export function isDevMailEnabled() {
  return env().NODE_ENV !== "production" || env().ENABLE_DEV_MAIL === "1";
}
