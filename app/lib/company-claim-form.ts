// The forms of a company's claim (/companies/:slug/claim: a code mailed to an address at its
// domain, or a claim with evidence for a moderator) and of "Add your company"
// (/companies/new): one zod schema per form, shared by the action (parseWithZod) and the
// page (Conform's useForm). Messages are i18n keys (app/i18n/companies.ts, claims.ts).
import { z } from "zod";
import { companyDomainFrom, emailMatchesCompanyDomain } from "./company-domain";

/** A code is 6 digits, works once, for 30 minutes. */
export const CLAIM_CODE_LENGTH = 6;
export const CLAIM_CODE_TTL_MS = 30 * 60_000;
export const COMPANY_NAME_MAX_LENGTH = 100;
export const COMPANY_WEBSITE_MAX_LENGTH = 300;

/** A claim with evidence: the claimant's explanation of their role, and an optional link.
 *  Without a link, the explanation must say more (where a moderator can check the role). */
export const CLAIM_EXPLANATION_MIN_LENGTH = 30;
export const CLAIM_EXPLANATION_MIN_WITHOUT_URL = 150;
export const CLAIM_EXPLANATION_MAX_LENGTH = 2000;
export const CLAIM_EVIDENCE_URL_MAX_LENGTH = 500;
/** The variables of the evidence form's messages. */
export const CLAIM_EVIDENCE_VARS = {
  min: CLAIM_EXPLANATION_MIN_LENGTH,
  max: CLAIM_EXPLANATION_MAX_LENGTH,
  minWithoutUrl: CLAIM_EXPLANATION_MIN_WITHOUT_URL,
  urlMax: CLAIM_EVIDENCE_URL_MAX_LENGTH,
};

/** Which of the claim page's three forms was sent (a hidden field of each). */
export const CLAIM_INTENTS = ["send", "verify", "evidence"] as const;
export type ClaimIntent = (typeof CLAIM_INTENTS)[number];

const EMAIL_PROBLEM = {
  invalid: "companies.error.email",
  free_mail: "companies.error.freeMail",
  other_domain: "companies.error.otherDomain",
  no_domain: "companies.error.noDomain",
} as const;

/** Step 1: an address at the company's domain (or a subdomain), never a free-mail one. */
export function claimEmailSchema(companyDomain: string | null) {
  return z.object({
    email: z
      .string({ error: "companies.error.emailRequired" })
      .trim()
      .toLowerCase()
      .min(1, { error: "companies.error.emailRequired" })
      .max(254, { error: "companies.error.email" })
      .pipe(z.email({ error: "companies.error.email" }))
      .superRefine((email, ctx) => {
        const match = emailMatchesCompanyDomain(email, companyDomain);
        if (match !== "ok") ctx.addIssue({ code: "custom", message: EMAIL_PROBLEM[match] });
      }),
  });
}

/** Step 2: the code from the mail (spaces forgiven), for the claim it was sent for. */
export const claimCodeSchema = z.object({
  claim: z.coerce
    .number({ error: "companies.error.stale" })
    .int({ error: "companies.error.stale" })
    .positive({ error: "companies.error.stale" })
    .max(Number.MAX_SAFE_INTEGER, { error: "companies.error.stale" }),
  code: z
    .string({ error: "companies.error.codeRequired" })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "companies.error.codeRequired" })
        .regex(new RegExp(`^\\d{${CLAIM_CODE_LENGTH}}$`), { error: "companies.error.codeFormat" }),
    ),
});

/**
 * The link of a claim with evidence as it is stored and shown: an http(s) URL, "https://"
 * added when no scheme was typed ("www.example.com/legal"), without user name, password or
 * fragment; null when it is no such URL (another scheme, no host name, an IP address).
 */
export function normalizeEvidenceUrl(input: string): string | null {
  const text = input.trim();
  if (text === "" || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/+/, "")}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  const host = url.hostname.replace(/\.$/, "");
  if (!host.includes(".") || /^\d+(\.\d+){3}$/.test(host) || host.startsWith("[")) return null;
  url.hash = "";
  return url.toString();
}

/** A claim with evidence: the claimant's role and how to check it, and an optional link. */
export const claimEvidenceSchema = z
  .object({
    // Newlines counted as one character, as the textarea's maxLength counts them.
    explanation: z
      .string({ error: "claims.error.explanationRequired" })
      .overwrite((s) => s.replace(/\r\n?/g, "\n"))
      .trim()
      .min(1, { error: "claims.error.explanationRequired" })
      .min(CLAIM_EXPLANATION_MIN_LENGTH, { error: "claims.error.explanationShort" })
      .max(CLAIM_EXPLANATION_MAX_LENGTH, { error: "claims.error.explanationLong" }),
    evidenceUrl: z
      .string()
      .trim()
      .max(CLAIM_EVIDENCE_URL_MAX_LENGTH, { error: "claims.error.urlLong" })
      .refine((v) => normalizeEvidenceUrl(v) != null, { error: "claims.error.url" })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.evidenceUrl && v.explanation.length < CLAIM_EXPLANATION_MIN_WITHOUT_URL) {
      ctx.addIssue({ code: "custom", path: ["explanation"], message: "claims.error.explanationNoUrl" });
    }
  });

export type ClaimEvidenceForm = z.infer<typeof claimEvidenceSchema>;

/** "Add your company": its name, its website or domain, a category. */
export const newCompanySchema = z.object({
  name: z
    .string({ error: "companies.error.nameRequired" })
    .transform((v) => v.trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(2, { error: "companies.error.nameShort", abort: true })
        .max(COMPANY_NAME_MAX_LENGTH, { error: "companies.error.nameLong" })
        .regex(/[\p{L}\p{N}]/u, { error: "companies.error.nameShort" }),
    ),
  website: z
    .string({ error: "companies.error.websiteRequired" })
    .trim()
    .max(COMPANY_WEBSITE_MAX_LENGTH, { error: "companies.error.website" })
    .superRefine((website, ctx) => {
      const parsed = companyDomainFrom(website);
      if ("problem" in parsed) {
        ctx.addIssue({
          code: "custom",
          message: parsed.problem === "free_mail" ? "companies.error.websiteFreeMail" : "companies.error.website",
        });
      }
    }),
  category: z.coerce
    .number({ error: "companies.error.category" })
    .int({ error: "companies.error.category" })
    .positive({ error: "companies.error.category" })
    .max(Number.MAX_SAFE_INTEGER, { error: "companies.error.category" }),
});

export type NewCompanyForm = z.infer<typeof newCompanySchema>;
