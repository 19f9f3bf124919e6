// A document with a claim (app/lib/claim-document.ts, app/models/claim-documents.server.ts):
// the claim form takes a PDF, PNG or JPEG of 5 MB at most, recognised by its first bytes;
// anything else is refused next to the field and nothing is kept; a refused claim leaves no
// file behind; moderators download it (always an attachment), nobody else can.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { CLAIM_DOCUMENT_MAX_BYTES } from "~/lib/claim-document";
import { readEvidence } from "~/models/company-claims.server";
import { mediaDir } from "~/models/media.server";
import * as claimRoute from "~/routes/companies.$slug.claim";
import { loader as documentLoader } from "~/routes/moderation.claims_.$id_.document";
import { account, makeCompany, ORIGIN, outcome, type Account } from "../support/fixtures";

const EXPLANATION =
  "Je suis la gérante de la boutique depuis 2019 ; l’extrait Kbis joint me nomme présidente de la société qui l’exploite, et la page « Qui sommes-nous » du site me présente avec l’équipe.";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

let n = 0;
function company() {
  const slug = `maison-document-${++n}`;
  makeCompany({ slug, name: `Maison Document ${n}`, state: "unclaimed", domain: `${slug}.fr` });
  return slug;
}

const claimsDir = () => path.join(mediaDir(), "claims");
const filesOnDisk = () => (fs.existsSync(claimsDir()) ? fs.readdirSync(claimsDir()).length : 0);

function ask(who: Account, slug: string, file?: { name: string; bytes: Uint8Array }) {
  const form = new FormData();
  form.set("intent", "evidence");
  form.set("explanation", EXPLANATION);
  if (file) form.set("document", new File([new Uint8Array(file.bytes)], file.name));
  const request = new Request(`${ORIGIN}/companies/${slug}/claim`, {
    method: "POST",
    body: form,
    headers: { Cookie: who.cookie, Origin: ORIGIN },
  });
  return outcome(() => claimRoute.action({ request, params: { slug }, context: {} } as ActionFunctionArgs));
}

const claimOf = (slug: string) =>
  getDb()
    .$client.prepare(`SELECT cc.id, cc.evidence FROM company_claims cc JOIN companies c ON c.id = cc.company_id WHERE c.slug = ?`)
    .get(slug) as { id: number; evidence: string } | undefined;

const download = (id: number, who: Account | null) =>
  documentLoader({
    request: new Request(`${ORIGIN}/moderation/claims/${id}/document`, { headers: who ? { Cookie: who.cookie } : {} }),
    params: { id: String(id) },
    context: {},
  } as LoaderFunctionArgs) as Promise<Response>;

describe("a claim's document", () => {
  it("is kept with the claim and downloaded by moderators only, as an attachment", async () => {
    const claimant = await account();
    const slug = company();
    const sent = await ask(claimant, slug, { name: "Extrait Kbis 2026 (société).pdf", bytes: PDF });
    expect(sent.status).toBe(302);
    const claim = claimOf(slug)!;
    const { document } = readEvidence(claim.evidence);
    expect(document).toMatchObject({ mime: "application/pdf", name: "Extrait-Kbis-2026-societe.pdf", bytes: PDF.byteLength });

    const moderator = await account({ role: "moderator" });
    const answer = await download(claim.id, moderator);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    expect(answer.headers.get("Content-Disposition")).toBe('attachment; filename="Extrait-Kbis-2026-societe.pdf"');
    expect(answer.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await answer.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await download(claim.id, claimant)).status).toBe(404);
    expect((await download(claim.id, null)).status).toBe(404);
  });

  it("refuses a file that is not a PDF, PNG or JPEG whatever its name, and one too large; nothing is kept", async () => {
    const claimant = await account();
    const slug = company();
    const before = filesOnDisk();
    const html = await ask(claimant, slug, { name: "kbis.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>") });
    expect(html.status).toBe(400);
    expect((html.data as { result: { error: Record<string, string[]> } }).result.error.document).toEqual(["claims.error.documentType"]);
    const big = Buffer.concat([PDF, Buffer.alloc(CLAIM_DOCUMENT_MAX_BYTES)]);
    const large = await ask(claimant, slug, { name: "kbis.pdf", bytes: big });
    expect((large.data as { result: { error: Record<string, string[]> } }).result.error.document).toEqual(["claims.error.documentSize"]);
    expect(claimOf(slug)).toBeUndefined();
    expect(filesOnDisk()).toBe(before);
  });

  it("leaves no file behind when the claim is refused (one already waits)", async () => {
    const claimant = await account();
    const slug = company();
    expect((await ask(claimant, slug)).status).toBe(302);
    const before = filesOnDisk();
    const again = await ask(claimant, slug, { name: "kbis.pdf", bytes: PDF });
    expect(again.status).toBe(409);
    expect(filesOnDisk()).toBe(before);
  });
});
