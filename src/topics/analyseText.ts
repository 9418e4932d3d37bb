import { stemmer } from "stemmer";

/** A text reduced to what matching needs: its words as written, lowercased and stemmed. */
export interface AnalysedText {
  /** Words in their original case (acronyms are matched on these). */
  words: string[];
  /** Lowercased, spelling-normalised, stemmed words. */
  stems: string[];
  /** stems of each pair of neighbouring words written solid: "pre training" → "pretrain". */
  solidPairs: string[];
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

export function analyseText(text: string): AnalysedText {
  const written = words(text);
  const lower = written.map((w) => w.toLowerCase());
  return {
    words: written,
    stems: lower.map(stem),
    solidPairs: lower.slice(1).map((w, i) => stem(lower[i] + w)),
  };
}
