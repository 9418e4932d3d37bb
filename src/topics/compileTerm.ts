import { type AnalysedText, stem, words } from "./analyseText.ts";

export type Matcher = {
  term: string;
  weight: number;
  count: (text: AnalysedText) => number;
  /** Words (stems, or "A:" + an acronym) of which a text must hold one for the term to match at all. */
  keys: string[];
  /** What the term matches, normalised: two terms with one signature are one term ("explainable", "explainability"). */
  signature: string;
};

/**
 * Compiles a term to a counter of its occurrences. An acronym (one word with two
 * or more capitals: MoE, LLM, LoRA) matches its exact spelling with or without a
 * plural s; anything else matches on stems, including its words written solid or
 * apart ("fine-tuning", "finetuning", "fine tuned").
 */
export function compileTerm(text: string, weight: number): Matcher {
  const parts = words(text);
  if (parts.length === 1 && (parts[0].match(/\p{Lu}/gu)?.length ?? 0) >= 2) {
    const [exact] = parts;
    const plural = `${exact}s`;
    return {
      term: text,
      weight,
      count: (t) => (t.acronymCounts.get(exact) ?? 0) + (t.acronymCounts.get(plural) ?? 0),
      keys: [`A:${exact}`, `A:${plural}`],
      signature: `A:${exact}`,
    };
  }
  const lower = parts.map((p) => p.toLowerCase());
  const stems = lower.map(stem);
  const solid = stem(lower.join(""));
  const solidCount = (t: AnalysedText) => t.stemCounts.get(solid) ?? 0;
  if (stems.length === 1)
    return {
      term: text,
      weight,
      count: (t) => solidCount(t) + (t.solidPairCounts.get(solid) ?? 0),
      keys: [solid],
      signature: solid,
    };
  return {
    term: text,
    weight,
    count: (t) => countSequence(t, stems) + solidCount(t),
    keys: [stems[0], solid],
    signature: stems.join(" "),
  };
}

/** Occurrences of a phrase; the text is only scanned when it holds every word of it. */
function countSequence(text: AnalysedText, seq: readonly string[]) {
  if (!seq.every((s) => text.stemCounts.has(s))) return 0;
  let n = 0;
  const { stems } = text;
  for (let i = stems.indexOf(seq[0]); i >= 0 && i + seq.length <= stems.length; i = stems.indexOf(seq[0], i + 1)) {
    let j = 1;
    while (j < seq.length && stems[i + j] === seq[j]) j++;
    if (j === seq.length) n++;
  }
  return n;
}
