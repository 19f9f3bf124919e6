// The document a claimant may attach to a claim with evidence (an extract from the trade
// register, a letterhead, a screenshot of the company's back office): PDF, PNG or JPEG, at
// most CLAIM_DOCUMENT_MAX_BYTES, recognised by its first bytes (never by its name or the
// type the browser sent). Moderators download it; the site never shows it inline.

export const CLAIM_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

export type ClaimDocumentType = { mime: "application/pdf" | "image/png" | "image/jpeg"; ext: "pdf" | "png" | "jpg" };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export function claimDocumentType(bytes: Uint8Array): ClaimDocumentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", ext: "pdf" }; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  return null;
}

/** A file name safe to show and to send in Content-Disposition: ASCII letters, digits, dots,
 *  dashes and underscores, 80 characters at most, with the extension of the detected type. */
export function claimDocumentName(original: string, type: ClaimDocumentType): string {
  const stem =
    original
      .replace(/\.[^.]*$/, "")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 72) || "document";
  return `${stem}.${type.ext}`;
}
