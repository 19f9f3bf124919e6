/** Where to send the visitor after logging in (or any other `redirectTo`): only a path on
 *  this site. Anything else — another host (`//evil.com`, `/\evil.com`), an absolute URL,
 *  a `javascript:` URL, an encoded variant, control characters — lands on `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!isSafePath(to)) return fallback;
  // One more round for values that were encoded once more than expected (%2F%2Fevil.com).
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (decoded !== to && !isSafePath(decoded)) return fallback;
  // Resolve against a placeholder origin: the result must stay on it.
  const base = "http://placeholder.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
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
