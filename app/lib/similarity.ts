// How alike two replies are, for the "this looks scripted" nudge: the Jaccard similarity
// of their word 3-shingles (every run of three consecutive words). Pure and shared by
// the server (the check before publishing) and the tests.

/** Replies at least this similar to an earlier one are flagged as scripted. */
export const SCRIPTED_THRESHOLD = 0.8;
export const SHINGLE_SIZE = 3;

/** Lower-cased words, accents and punctuation (including Markdown marks) removed. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The set of word k-shingles. A text shorter than k words is one shingle of all its words. */
export function shingles(text: string, k = SHINGLE_SIZE): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  if (list.length === 0) return out;
  if (list.length < k) {
    out.add(list.join(" "));
    return out;
  }
  for (let i = 0; i + k <= list.length; i++) out.add(list.slice(i, i + k).join(" "));
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are 0 (nothing to compare, nothing scripted). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/** Similarity of two texts, 0 to 1. */
export function similarity(a: string, b: string, k = SHINGLE_SIZE): number {
  return jaccard(shingles(a, k), shingles(b, k));
}

/** The earlier text most similar to `text`, when it reaches the threshold. */
export function mostSimilar<T extends { body: string }>(
  text: string,
  earlier: readonly T[],
  threshold = SCRIPTED_THRESHOLD,
): { item: T; similarity: number } | null {
  const mine = shingles(text);
  if (mine.size === 0) return null;
  let best: { item: T; similarity: number } | null = null;
  for (const item of earlier) {
    const score = jaccard(mine, shingles(item.body));
    if (score >= threshold && (!best || score > best.similarity)) best = { item, similarity: score };
  }
  return best;
}
