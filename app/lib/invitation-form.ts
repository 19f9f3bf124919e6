// Review invitations (app/models/review-invitations.server.ts): the rules the owner's page
// states and the model applies, the forms of /brand/:slug/invitations (one invitation by
// address, the link to share, a CSV file) and the reading of that file into rows, each
// validated on its own so that a bad row is named and the good ones are kept. Messages
// are i18n keys (app/i18n/invitations.ts).
import { z } from "zod";
import { LOCALES, type Locale } from "~/i18n/define";
import { parseCsv } from "./csv";
import { INVITATION_LIMITS } from "./invitation-policy";

const id = (key: string) =>
  z.coerce.number({ error: key }).int({ error: key }).positive({ error: key }).max(Number.MAX_SAFE_INTEGER, { error: key });

const email = z
  .string({ error: "invitations.error.email" })
  .trim()
  .toLowerCase()
  .max(254, { error: "invitations.error.email" })
  .pipe(z.email({ error: "invitations.error.email" }));

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: key })
    .optional()
    .transform((v) => v || undefined);

const name = optionalText(100, "invitations.error.name");
const reference = optionalText(100, "invitations.error.reference");
const locale = z.enum(LOCALES, { error: "invitations.error.locale" });

export const inviteOneSchema = z.object({
  intent: z.literal("invite"),
  email,
  name,
  locale,
  subjectId: id("invitations.error.subject").optional(),
  reference,
});

export const invitationsActionSchema = z.discriminatedUnion("intent", [
  inviteOneSchema,
  z.object({ intent: z.literal("link"), subjectId: id("invitations.error.subject").optional() }),
  // The file itself is read apart (a multipart body): this is the language of its rows that
  // do not give one.
  z.object({ intent: z.literal("upload"), locale }),
]);

export type InvitationsIntent = z.infer<typeof invitationsActionSchema>["intent"];

// ─── The CSV file ─────────────────────────────────────────────────────────────

export type CsvColumn = "email" | "name" | "locale" | "subject" | "reference";

/** The order of the columns of a file without a header line. */
export const CSV_COLUMNS: readonly CsvColumn[] = ["email", "name", "locale", "subject", "reference"];

// Header names as people write them, in English and French, compared without accents,
// case or underscores.
const HEADER_NAMES: Record<CsvColumn, readonly string[]> = {
  email: ["email", "e-mail", "mail", "email address", "e-mail address", "courriel", "adresse", "adresse e-mail", "adresse email"],
  name: ["name", "full name", "first name", "customer", "nom", "prenom", "nom complet", "client"],
  locale: ["language", "lang", "locale", "langue"],
  subject: ["subject", "store", "shop", "product", "service", "website", "sujet", "objet", "magasin", "boutique", "produit", "site"],
  reference: [
    "reference",
    "order",
    "order reference",
    "order id",
    "order number",
    "commande",
    "reference de commande",
    "numero de commande",
  ],
};

const LANGUAGE_NAMES: Record<string, Locale> = {
  fr: "fr",
  french: "fr",
  francais: "fr",
  en: "en",
  english: "en",
  anglais: "en",
};

/** Text compared without accents, case, underscores or repeated spaces (headers, names). */
export const foldText = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();

export interface InvitationRow {
  email: string;
  name?: string;
  locale: Locale;
  /** A subject's name or slug as the file gives it (the model finds it). */
  subject?: string;
  reference?: string;
}

export type CsvRowResult = { line: number; email: string } & ({ ok: true; row: InvitationRow } | { ok: false; error: string });

export type CsvReading = { ok: false; error: string } | { ok: true; rows: CsvRowResult[]; ignoredColumns: string[]; truncated: boolean };

const rowSchema = z.object({ email, name, locale, subject: optionalText(200, "invitations.error.subject"), reference });

/** Reads the file into rows: a header line names the columns (any order, other columns are
 *  ignored and listed), or, when the first cell is an address, the columns are in
 *  CSV_COLUMNS order. A row without a language takes `defaultLocale`. */
export function readInvitationCsv(text: string, defaultLocale: Locale): CsvReading {
  const table = parseCsv(text, INVITATION_LIMITS.csvRows + 1);
  if (table.rows.length === 0) return { ok: false, error: "invitations.error.csvEmpty" };
  const first = table.rows[0]!;
  const headerless = email.safeParse(first[0] ?? "").success;
  const columns = new Map<CsvColumn, number>();
  const ignoredColumns: string[] = [];
  if (headerless) CSV_COLUMNS.forEach((c, i) => columns.set(c, i));
  else {
    first.forEach((header, i) => {
      const folded = foldText(header);
      const column = CSV_COLUMNS.find((c) => HEADER_NAMES[c].includes(folded));
      if (column && !columns.has(column)) columns.set(column, i);
      else if (header.trim() !== "") ignoredColumns.push(header.trim().slice(0, 60));
    });
    if (!columns.has("email")) return { ok: false, error: "invitations.error.csvNoEmail" };
  }
  const body = headerless ? table.rows : table.rows.slice(1);
  const truncated = body.length > INVITATION_LIMITS.csvRows || table.truncated;
  const rows = body.slice(0, INVITATION_LIMITS.csvRows).map((cells, i): CsvRowResult => {
    const cell = (c: CsvColumn) => {
      const at = columns.get(c);
      return at == null ? undefined : cells[at];
    };
    const line = i + (headerless ? 1 : 2);
    const shownEmail = (cell("email") ?? "").trim().slice(0, 254);
    const language = foldText(cell("locale") ?? "");
    const localeValue = language === "" ? defaultLocale : (LANGUAGE_NAMES[language] ?? language);
    const parsed = rowSchema.safeParse({
      email: cell("email") ?? "",
      name: cell("name"),
      locale: localeValue,
      subject: cell("subject"),
      reference: cell("reference"),
    });
    if (!parsed.success) return { line, email: shownEmail, ok: false, error: parsed.error.issues[0]!.message };
    return { line, email: parsed.data.email, ok: true, row: parsed.data };
  });
  return { ok: true, rows, ignoredColumns, truncated };
}
