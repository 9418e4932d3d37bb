import { slugify } from "transliteration";

export const SLUG_MAX = 80;
const FALLBACK = "paper";
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character, from the first.
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The URL segment for a title: lowercase ASCII words (other scripts
 * transliterated), at most SLUG_MAX characters, cut at a word boundary.
 * Never empty: a title with nothing to transliterate (emoji only) becomes "paper".
 */
export function titleSlug(title: string): string {
  const words = ASCII.test(title)
    ? // Transliteration leaves ASCII as it is: its words, lowercased, are the same (a test checks), at a
      // tenth of the cost.
      title
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
    : slugify(title.normalize("NFKC"), { lowercase: true, separator: "-" })
        .replace(/[^a-z0-9-]+/g, "-")
        .split("-")
        .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  // A first word longer than the limit is cut mid-word rather than dropped.
  if (!slug && words.length > 0) slug = words[0].slice(0, SLUG_MAX);
  return slug || FALLBACK;
}
