/** Where to send the visitor after logging in (or any other `redirectTo`): only a path on
 *  this site. Anything else — another host (`//evil.com`, `/\evil.com`), an absolute URL,
 *  a `javascript:` URL, dot segments that normalise to `//host` (`/..//evil.com`), an
 *  encoded variant of any of these, control characters — lands on `fallback`.
 *  The check runs on the final, normalised path: what the browser will actually follow. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!isSafePath(to) || !decodesToSafePath(to)) return fallback;
  const normalised = normalise(to);
  if (normalised === null || !isSafePath(normalised) || !decodesToSafePath(normalised)) return fallback;
  // Normalising again must change nothing: the browser resolves the same path we checked.
  if (normalise(normalised) !== normalised) return fallback;
  return normalised;
}

const BASE = "http://placeholder.invalid";

/** The path, query and hash a browser would request for `value` on this site (dot segments
 *  and encoded dots resolved), or null when it would leave the site. */
function normalise(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Values encoded once or twice more than expected (%2F%2Fevil.com, %252F%252F…) must be
 *  safe at every level of decoding. */
function decodesToSafePath(value: string): boolean {
  let current = value;
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    if (!isSafePath(decoded)) return false;
    const resolved = normalise(decoded);
    if (resolved === null || !isSafePath(resolved)) return false;
    current = decoded;
  }
  return true;
}

function isSafePath(value: string) {
  if (!value.startsWith("/")) return false;
  // Protocol-relative (`//host`) and the backslash variants browsers treat as `//`.
  if (value.startsWith("//") || value.includes("\\")) return false;
  // Control characters and whitespace (tabs and newlines are stripped by URL parsers).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return false;
  return true;
}
