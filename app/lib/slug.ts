/** Lower-case ASCII: "Élodie" → "elodie", "Œuvre" → "OEuvre". */
export function asciiFold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE");
}

/** The URL part of a name: "Café & Thé d'Élise" → "cafe-et-the-delise". */
export function slugify(s: string): string {
  return asciiFold(s)
    .toLowerCase()
    .replace(/&/g, " et ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
