// The forms of a company's claim (/companies/:slug/claim) and of "Add your company"
// (/companies/new): one zod schema per form, shared by the action (parseWithZod) and the
// page (Conform's useForm). Messages are i18n keys (app/i18n/companies.ts).
import { z } from "zod";
import { companyDomainFrom, emailMatchesCompanyDomain } from "./company-domain";

/** A code is 6 digits, works once, for 30 minutes. */
export const CLAIM_CODE_LENGTH = 6;
export const CLAIM_CODE_TTL_MS = 30 * 60_000;
export const COMPANY_NAME_MAX_LENGTH = 100;
export const COMPANY_WEBSITE_MAX_LENGTH = 300;

/** Which of the claim page's two forms was sent (a hidden field of each). */
export const CLAIM_INTENTS = ["send", "verify"] as const;
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
        ctx.addIssue({ code: "custom", message: parsed.problem === "free_mail" ? "companies.error.websiteFreeMail" : "companies.error.website" });
      }
    }),
  category: z.coerce
    .number({ error: "companies.error.category" })
    .int({ error: "companies.error.category" })
    .positive({ error: "companies.error.category" })
    .max(Number.MAX_SAFE_INTEGER, { error: "companies.error.category" }),
});

export type NewCompanyForm = z.infer<typeof newCompanySchema>;
