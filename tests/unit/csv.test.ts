// Reading the invitation CSV (app/lib/csv.ts, app/lib/invitation-form.ts): RFC 4180 quoting,
// commas or semicolons, CRLF, a byte-order mark, a bounded number of rows; headers in English
// or French in any order, or none; each row validated on its own.
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/lib/csv";
import { readInvitationCsv } from "~/lib/invitation-form";
import { INVITATION_LIMITS } from "~/lib/invitation-policy";

describe("parseCsv", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n';
    expect(parseCsv(text, 10)).toEqual({
      rows: [
        ["a", "b", "c"],
        ["x, y", 'say "hi"', "two\nlines"],
        ["last", "", ""],
      ],
      truncated: false,
    });
  });

  it("takes semicolons when the first line uses them", () => {
    expect(parseCsv("email;nom\na@b.fr;Dupont, Jean\n", 10).rows).toEqual([
      ["email", "nom"],
      ["a@b.fr", "Dupont, Jean"],
    ]);
  });

  it("stops after maxRows rows and says so", () => {
    const text = Array.from({ length: 50 }, (_, i) => `r${i}`).join("\n");
    const table = parseCsv(text, 10);
    expect(table.rows).toHaveLength(10);
    expect(table.truncated).toBe(true);
  });

  it("keeps an unterminated quote's text rather than failing", () => {
    expect(parseCsv('a,"b\nc', 10).rows).toEqual([["a", "b\nc"]]);
  });
});

describe("readInvitationCsv", () => {
  it("maps French headers in any order, ignores and lists the others, folds languages", () => {
    const reading = readInvitationCsv("Référence de commande;Courriel;Note;Langue\nA-1;Ana@Example.test;5;Anglais\n", "fr");
    expect(reading).toEqual({
      ok: true,
      ignoredColumns: ["Note"],
      truncated: false,
      rows: [{ line: 2, email: "ana@example.test", ok: true, row: { email: "ana@example.test", locale: "en", reference: "A-1" } }],
    });
  });

  it("reads a file without a header in the documented order, with the default language", () => {
    const reading = readInvitationCsv("bob@example.test,Bob\n", "en");
    expect(reading.ok && reading.rows).toEqual([
      { line: 1, email: "bob@example.test", ok: true, row: { email: "bob@example.test", name: "Bob", locale: "en" } },
    ]);
  });

  it("names a bad row's problem and keeps reading", () => {
    const reading = readInvitationCsv(`email,name\nnot-an-address,X\nok@example.test,${"n".repeat(101)}\ngood@example.test,G\n`, "fr");
    expect(reading.ok && reading.rows.map((r) => (r.ok ? "ok" : r.error))).toEqual([
      "invitations.error.email",
      "invitations.error.name",
      "ok",
    ]);
  });

  it("refuses a file without an address column, and reads at most the row limit", () => {
    expect(readInvitationCsv("name,language\nAna,fr\n", "fr")).toEqual({ ok: false, error: "invitations.error.csvNoEmail" });
    const many = ["email", ...Array.from({ length: INVITATION_LIMITS.csvRows + 5 }, (_, i) => `c${i}@example.test`)].join("\n");
    const reading = readInvitationCsv(many, "fr");
    expect(reading.ok && reading.rows.length).toBe(INVITATION_LIMITS.csvRows);
    expect(reading.ok && reading.truncated).toBe(true);
  });
});
