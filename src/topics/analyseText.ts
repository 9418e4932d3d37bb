import { stemmer } from "stemmer";

/** A text reduced to what matching needs, counted so that a term is a few look-ups. */
export interface AnalysedText {
  /** How often each acronym-like word (two or more capitals) occurs as written. */
  acronymCounts: Map<string, number>;
  /** Lowercased, spelling-normalised, stemmed words, in order. */
  stems: string[];
  /** How often each stem occurs. */
  stemCounts: Map<string, number>;
  /** How often each pair of neighbouring words occurs written solid: "pre training" → "pretrain". */
  solidPairCounts: Map<string, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** British to American endings, so "quantisation" and "quantization" meet. */
const americanise = (word: string) =>
  word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1").replace(/isation/, "ization");

// Each distinct word is lowercased and stemmed once, and kept once: a cached text refers to these strings
// rather than holding copies (50,000 papers' words as copies held ~640 MB). A vocabulary is small next to a text.
const known = new Map<string, { lower: string; stem: string }>();
function lookUp(lowerWord: string) {
  let entry = known.get(lowerWord);
  if (!entry) known.set(lowerWord, (entry = { lower: lowerWord, stem: stemmer(americanise(lowerWord)) }));
  return entry;
}

/** A lowercased word's stem (stemming is the hot spot of classify and relate). */
export const stem = (lowerWord: string): string => lookUp(lowerWord).stem;

export function words(text: string): string[] {
  return text.normalize("NFKC").match(WORD) ?? [];
}

export interface Tokens {
  /** The words lowercased, in order. */
  lower: string[];
  /** Their stems. */
  stems: string[];
  /** The words written with two or more capitals ("LLM", "GPT-4o" → "GPT"), in order. */
  acronyms: string[];
}

// classify and relate both read every title and abstract: tokenise each text once.
const tokenCache = new Map<string, Tokens>();
const TOKEN_CACHE_LIMIT = 200_000;

/** Forgets memoised tokens (once the stages that share them are done). */
export const forgetTokens = () => tokenCache.clear();

/** A text's words lowercased and stemmed, and its acronyms (memoised: the same text is read by several stages). */
export function tokens(text: string): Tokens {
  let t = tokenCache.get(text);
  if (!t) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    const written = words(text);
    t = { lower: new Array(written.length), stems: new Array(written.length), acronyms: [] };
    for (let i = 0; i < written.length; i++) {
      const word = written[i];
      const lower = word.toLowerCase();
      const entry = lookUp(lower);
      t.lower[i] = entry.lower;
      t.stems[i] = entry.stem;
      if (word !== lower && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2) t.acronyms.push(word);
    }
    tokenCache.set(text, t);
  }
  return t;
}

const increment = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * `solidStems`: for a word that can start a solid pair worth knowing, the stems
 * of the one-word terms it begins. Only a pair whose letters begin such a stem is
 * stemmed; stemming every pair of neighbouring words would be most of the work.
 */
export function analyseText(text: string, solidStems: ReadonlyMap<string, string[]> = new Map()): AnalysedText {
  const { lower, stems, acronyms } = tokens(text);
  const acronymCounts = new Map<string, number>();
  const stemCounts = new Map<string, number>();
  const solidPairCounts = new Map<string, number>();
  for (const acronym of acronyms) increment(acronymCounts, acronym);
  lower.forEach((_, i) => {
    increment(stemCounts, stems[i]);
    const candidates = i > 0 ? solidStems.get(lower[i - 1]) : undefined;
    if (candidates) {
      const solid = lower[i - 1] + lower[i];
      if (candidates.some((c) => solid.startsWith(c))) increment(solidPairCounts, stemmer(americanise(solid)));
    }
  });
  return { acronymCounts, stems, stemCounts, solidPairCounts };
}
