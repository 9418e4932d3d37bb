const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const SHORT = 140;
const LONG = 320;

/**
 * The first sentence or two of an abstract: two when the first is short,
 * and never longer than LONG characters (then cut at a word, with an ellipsis).
 */
export function excerpt(abstract: string): string {
  let text = "";
  // Two sentences never need more than the first stretch of the text.
  for (const { segment } of segmenter.segment(abstract.slice(0, LONG * 2))) {
    text += segment;
    if (text.trim().length >= SHORT) break;
  }
  text = text.trim();
  if (text.length <= LONG) return text;
  const cut = text.slice(0, LONG);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SHORT)).replace(/[\s,;:.]+$/, "")}…`;
}
