// The form of /write-a-review/new: a reviewer adds a company the site does not list and
// reviews it in the same post. One schema, the review's (app/lib/review-schema.ts) extended
// with the company's fields, read on the server with the review form
// (app/models/review-form.server.ts, `extra`). Messages are i18n keys (app/i18n/addCompany.ts,
// companies.ts, write.ts). Pure: the page imports the names and limits.
//
// What is reviewed decides what tells the company apart from another of the same name: a
// website needs its website or domain, a store its city; a product or a service needs one of
// the two. The domain is normalised by app/lib/company-domain.ts (free-mail domains refused).
import { z } from "zod";
import { SUBJECT_KINDS } from "#db/enums";
import { COMPANY_NAME_MAX_LENGTH, newCompanySchema } from "./company-claim-form";
import { companyDomainFrom } from "./company-domain";
import { reviewSchema, suggestionSchema } from "./review-schema";

export const ADD_COMPANY_WEBSITE_MAX_LENGTH = 300;
export const ADD_COMPANY_SUBJECT_MAX_LENGTH = 120;

/** The fields the page adds to the review form, in their order. */
export const ADD_COMPANY_FIELDS = ["companyName", "website", "category", "kind", "name", "city", "address"] as const;
export type AddCompanyField = (typeof ADD_COMPANY_FIELDS)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (v: unknown) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") : v);

/** Cross-field rules run whatever else is wrong (the value may then be partly unparsed). */
const always = () => true;

export const addCompanyFields = z.object({
  /** The company's name: trimmed, inner spaces collapsed, 2 to 100 characters with a letter
   *  or digit (the messages of "Add your company"). */
  companyName: z.preprocess(
    text,
    z
      .string({ error: "companies.error.nameRequired" })
      .min(1, { error: "companies.error.nameRequired", abort: true })
      .min(2, { error: "companies.error.nameShort", abort: true })
      .max(COMPANY_NAME_MAX_LENGTH, { error: "companies.error.nameLong" })
      .regex(/[\p{L}\p{N}]/u, { error: "companies.error.nameShort" }),
  ),
  /** Its website or domain, as typed ("https://www.example.com/shop", "example.com"). */
  website: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(ADD_COMPANY_WEBSITE_MAX_LENGTH, { error: "companies.error.website" })
      .superRefine((website, ctx) => {
        const parsed = companyDomainFrom(website);
        if ("problem" in parsed) {
          ctx.addIssue({
            code: "custom",
            message: parsed.problem === "free_mail" ? "addCompany.error.freeMail" : "companies.error.website",
          });
        }
      })
      .optional(),
  ),
  category: newCompanySchema.shape.category,
  kind: z.enum(SUBJECT_KINDS, { error: "suggest.error.kind" }),
  /** What is reviewed, when it has a name of its own (a product, a store's sign); else the
   *  company's name (or the domain, for a website). */
  name: z.preprocess(
    blankToUndefined,
    z
      .preprocess(
        text,
        z.string().min(2, { error: "suggest.error.name" }).max(ADD_COMPANY_SUBJECT_MAX_LENGTH, { error: "suggest.error.name" }),
      )
      .optional(),
  ),
  city: suggestionSchema.shape.city,
  address: suggestionSchema.shape.address,
});

export type AddCompanyInput = z.output<typeof addCompanyFields>;

/** The review and the company, with the rules that tie the fields together (checked even
 *  when another field is wrong, so that every error shows at once). */
export const addCompanySchema = reviewSchema
  .extend(addCompanyFields.shape)
  .refine((v) => v.kind !== "website" || v.website != null, {
    path: ["website"],
    message: "addCompany.error.websiteRequired",
    when: always,
  })
  .refine((v) => v.kind !== "store" || v.city != null, { path: ["city"], message: "addCompany.error.cityRequired", when: always })
  .refine((v) => (v.kind !== "product" && v.kind !== "service") || v.website != null || v.city != null, {
    path: ["website"],
    message: "addCompany.error.websiteOrCity",
    when: always,
  });

export type AddCompanyFormValue = z.output<typeof addCompanySchema>;
