import { stemmer } from "stemmer";

/** A text reduced to what matching needs, indexed so that a term is a few look-ups. */
export interface AnalysedText {
  /** How often each word occurs as written (acronyms are matched on these). */
  wordCounts: Map<string, number>;
  /** Lowercased, spelling-normalised, stemmed words, in order. */
  stems: string[];
  /** Where each stem occurs in `stems`. */
  stemPositions: Map<string, number[]>;
  /** How often each pair of neighbouring words occurs written solid: "pre training" → "pretrain". */
  solidPairCounts: Map<string, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** British to American endings, so "quantisation" and "quantization" meet. */
const americanise = (word: string) => word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1").replace(/isation/, "ization");

// Stemming is the hot spot of classify and relate; a vocabulary is small next to a text.
const stems = new Map<string, string>();
export function stem(lowerWord: string): string {
  let stemmed = stems.get(lowerWord);
  if (stemmed === undefined) stems.set(lowerWord, (stemmed = stemmer(americanise(lowerWord))));
  return stemmed;
}

export function words(text: string): string[] {
  return text.normalize("NFKC").match(WORD) ?? [];
}

const increment = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * `solidFirsts`: the words that can start a solid pair worth knowing (prefixes of
 * the one-word terms sought); other pairs are skipped, as stemming every pair of
 * neighbouring words would be most of the work.
 */
export function analyseText(text: string, solidFirsts: ReadonlySet<string> = new Set()): AnalysedText {
  const written = words(text);
  const lower = written.map((w) => w.toLowerCase());
  const stems = lower.map(stem);
  const wordCounts = new Map<string, number>();
  const stemPositions = new Map<string, number[]>();
  const solidPairCounts = new Map<string, number>();
  written.forEach((w, i) => {
    increment(wordCounts, w);
    const at = stemPositions.get(stems[i]);
    if (at) at.push(i);
    else stemPositions.set(stems[i], [i]);
    if (i > 0 && solidFirsts.has(lower[i - 1])) increment(solidPairCounts, stem(lower[i - 1] + lower[i]));
  });
  return { wordCounts, stems, stemPositions, solidPairCounts };
}
