import type { Library } from "../model.ts";
import { words } from "./synonyms.ts";

/** The file a word's vocabulary chunk lives in: its first letter (digits and other scripts share "_"). */
const chunkOf = (word: string) => (/^[a-z]/.test(word) ? word[0] : "_");

/** Words are lowercase: a-z answers most without a Unicode pattern. */
const startsWithLetter = (word: string) => {
  const c = word.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c > 127 && /^\p{L}/u.test(word));
};

/** The word counts of the archive's first `count` papers, kept between builds (see stageCache.ts). */
export interface VocabularyState {
  count: number;
  df: Map<string, number>;
}

/**
 * The archive's words for correcting typos in the reader's browser: every word
 * of three or more characters that starts with a letter, in titles, abstracts and author names, with the
 * number of papers that use it, in one small JSON file per first letter
 * (/search/words/t.json). The search page fetches a chunk only when a query
 * finds too little, so a query that works costs no extra bytes. When `previous`
 * counted the first papers (the caller checks their titles, abstracts and
 * authors are unchanged), only the papers after them are read.
 */
export function vocabularyChunks(
  library: Library,
  previous?: VocabularyState,
): { files: Map<string, string>; state: VocabularyState } {
  const from = previous && previous.count <= library.papers.length ? previous.count : 0;
  const df = new Map(from > 0 ? previous!.df : undefined);
  for (const paper of library.papers.slice(from)) {
    // Words that start with a letter: a number has no typo worth correcting.
    const seen = new Set(
      words(`${paper.title} ${paper.abstract} ${(paper.source.authors ?? []).join(" ")}`).filter(
        (w) => w.length >= 3 && w.length <= 30 && startsWithLetter(w),
      ),
    );
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const chunks = new Map<string, Record<string, number>>();
  for (const [word, count] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const chunk = chunkOf(word);
    if (!chunks.has(chunk)) chunks.set(chunk, {});
    chunks.get(chunk)![word] = count;
  }
  const files = new Map<string, string>();
  for (const [chunk, counts] of chunks) files.set(`search/words/${chunk}.json`, JSON.stringify({ words: counts }));
  // The index of chunks, so the browser asks only for files that exist.
  files.set("search/words/index.json", JSON.stringify([...chunks.keys()].sort()));
  return { files, state: { count: library.papers.length, df } };
}
