/**
 * A paper's identity: its title in NFKC, case-folded, with punctuation, symbols
 * and whitespace collapsed, so "Mixture-of-Experts" and "mixture of experts"
 * written in two digests are the same paper.
 */
export function paperKey(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, " ")
    .trim();
}
