/** A text's words, lower-cased: letters and digits, every other character a boundary. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a text has any of the keywords as whole words, in any case: "RAG" finds "RAG-based" but not
 * "fragment"; a keyword of several words finds them in a row ("dense retrieval").
 */
export function hasKeyword(text: string, keywords: readonly string[]): boolean {
  const words = wordsOf(text);
  return keywords.some((keyword) => {
    const phrase = wordsOf(keyword);
    if (phrase.length === 0) return false;
    for (let i = words.indexOf(phrase[0]); i >= 0; i = words.indexOf(phrase[0], i + 1)) {
      if (phrase.every((w, j) => words[i + j] === w)) return true;
    }
    return false;
  });
}
