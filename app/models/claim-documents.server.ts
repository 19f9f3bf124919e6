// Claim documents on disk: DATA_DIR/media/claims/<key>, the key 128 random bits. Written
// before the claim's transaction and removed again if the claim is refused; read back only
// for moderators (/moderation/claims/:id/document).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { CLAIM_DOCUMENT_MAX_BYTES, claimDocumentName, claimDocumentType } from "~/lib/claim-document";
import { mediaDir } from "./media.server";

export interface ClaimDocument {
  key: string;
  mime: string;
  name: string;
  bytes: number;
}

const KEY = /^[A-Za-z0-9_-]{22}$/;

export const isClaimDocumentKey = (key: unknown): key is string => typeof key === "string" && KEY.test(key);

const fileOf = (key: string) => path.join(mediaDir(), "claims", key);

export type StoreDocumentResult = { ok: true; document: ClaimDocument } | { ok: false; error: "too_large" | "type" };

export async function storeClaimDocument(file: { filename: string; bytes: Uint8Array; tooLarge: boolean }): Promise<StoreDocumentResult> {
  if (file.tooLarge || file.bytes.byteLength > CLAIM_DOCUMENT_MAX_BYTES) return { ok: false, error: "too_large" };
  const type = claimDocumentType(file.bytes);
  if (!type) return { ok: false, error: "type" };
  const key = crypto.randomBytes(16).toString("base64url");
  await fs.mkdir(path.dirname(fileOf(key)), { recursive: true });
  await fs.writeFile(fileOf(key), file.bytes, { flag: "wx", mode: 0o600 });
  return { ok: true, document: { key, mime: type.mime, name: claimDocumentName(file.filename, type), bytes: file.bytes.byteLength } };
}

export async function removeClaimDocument(document: ClaimDocument | null | undefined) {
  if (document && isClaimDocumentKey(document.key)) await fs.rm(fileOf(document.key), { force: true });
}

export async function readClaimDocument(key: string): Promise<Buffer | null> {
  if (!isClaimDocumentKey(key)) return null;
  try {
    return await fs.readFile(fileOf(key));
  } catch {
    return null;
  }
}
