import { eng } from "stopword";
import { tokens } from "../topics/analyseText.ts";
import type { Document, RelateState } from "./relatedPapers.ts";

const STOP = new Set(eng);
/** Title words count this many times: a title is a dense summary. */
const TITLE_REPEAT = 2;
/**
 * Terms found in more than this share of papers (and never in more than MAX_CAP)
 * are left out of the index: they carry little signal (low IDF), and their long
 * posting lists would dominate the cost and make it grow with the square of the
 * archive. Below MIN_CAP papers nothing is left out: small sites get exact cosines.
 */
const COMMON_SHARE = 0.05;
const MIN_CAP = 100;
const MAX_CAP = 500;
/** A paper is represented by its most distinctive terms; the rest add cost, not meaning. */
const MAX_TERMS = 40;
/** Words no earlier paper had (a new method's name) are kept too, for the later papers that take them up. */
const MAX_NEW_TERMS = 10;

function terms(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, times: number) => {
    const { lower, stems } = tokens(text);
    for (let i = 0; i < lower.length; i++) {
      const word = lower[i];
      if (word.length < 2 || STOP.has(word) || (word.charCodeAt(0) <= 57 && /^\d+$/.test(word))) continue;
      counts.set(stems[i], (counts.get(stems[i]) ?? 0) + times);
    }
  };
  add(doc.title, TITLE_REPEAT);
  add(doc.abstract, 1);
  return counts;
}

export type Vector = { ids: number[]; weights: number[] };

/**
 * The new papers' vectors (the old papers' are in the state's arrays), day by day, oldest first: each day's
 * papers join the word counts, then are weighed by them.
 */
export function weighNewPapers(
  docs: readonly Document[],
  from: number,
  dayOf: (i: number) => string,
  resume?: RelateState,
) {
  const df = new Map<string, number>(resume?.df);
  // Term ids: the state's, then new terms in the order they are met (as a run over the whole archive meets them).
  const termNames = [...(resume?.terms ?? [])];
  const termId = new Map<string, number>(termNames.map((t, i) => [t, i]));
  const idOfTerm = (term: string) => {
    let id = termId.get(term);
    if (id === undefined) termId.set(term, (id = termNames.push(term) - 1));
    return id;
  };
  const vectors: Vector[] = new Array(docs.length);
  const fresh = docs.map((_, i) => i).slice(from);
  const order = fresh.sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : a - b));
  let seen = resume?.seen ?? 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && dayOf(order[end]) === dayOf(order[start])) end++;
    const day = order.slice(start, end);
    const bags = day.map((doc) => terms(docs[doc]));
    for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    seen += day.length;
    const cap = Math.max(MIN_CAP, Math.min(MAX_CAP, Math.floor(seen * COMMON_SHARE)));
    for (const [i, doc] of day.entries()) {
      const all = weighTerms(bags[i], df, seen, cap);
      vectors[doc] = { ids: all.map(({ term }) => idOfTerm(term)), weights: all.map((t) => t.weight) };
    }
    start = end;
  }
  return { vectors, df, terms: termNames, seen };
}

type Weighed = { term: string; weight: number };

/** A paper's terms by TF-IDF: its MAX_TERMS most distinctive shared ones (normalised), then its new ones. */
function weighTerms(bag: Map<string, number>, df: Map<string, number>, seen: number, cap: number): Weighed[] {
  const shared: Weighed[] = [];
  const unseen: Weighed[] = [];
  for (const [term, count] of bag) {
    const d = df.get(term)!;
    if (d <= cap) (d >= 2 ? shared : unseen).push({ term, weight: (1 + Math.log(count)) * Math.log(seen / d) });
  }
  const byWeight = (a: Weighed, b: Weighed) => b.weight - a.weight || (a.term < b.term ? -1 : 1);
  const kept = shared.sort(byWeight).slice(0, MAX_TERMS);
  const norm = Math.hypot(...kept.map((t) => t.weight)) || 1;
  return [...kept, ...unseen.sort(byWeight).slice(0, MAX_NEW_TERMS)].map((t) => ({ ...t, weight: t.weight / norm }));
}

export type Packed = ReturnType<typeof packVectors>;

/** Every vector, flat: the state's arrays (the old papers' copied whole), then the new papers'. */
export function packVectors(vectors: Vector[], n: number, from: number, resume?: RelateState) {
  const offsets = new Uint32Array(n + 1);
  if (resume) offsets.set(resume.offsets.subarray(0, from + 1));
  for (let i = from; i < n; i++) offsets[i + 1] = offsets[i] + vectors[i].ids.length;
  const termIds = new Uint32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  if (resume) {
    termIds.set(resume.termIds.subarray(0, offsets[from]));
    weights.set(resume.weights.subarray(0, offsets[from]));
  }
  for (let i = from; i < n; i++) {
    termIds.set(vectors[i].ids, offsets[i]);
    weights.set(vectors[i].weights, offsets[i]);
  }
  return { offsets, termIds, weights };
}

export type Index = ReturnType<typeof invertedIndex>;

/** Each term's postings (the papers that have it, and its weight there), in paper order, from postingStart[id]. */
export function invertedIndex({ offsets, termIds, weights }: Packed, termCount: number, n: number) {
  const postingStart = new Uint32Array(termCount + 1);
  for (const id of termIds) postingStart[id + 1]++;
  for (let id = 0; id < termCount; id++) postingStart[id + 1] += postingStart[id];
  const postingDoc = new Uint32Array(termIds.length);
  const postingWeight = new Float64Array(termIds.length);
  const fill = postingStart.slice(0, termCount);
  for (let doc = 0; doc < n; doc++) {
    for (let i = offsets[doc]; i < offsets[doc + 1]; i++) {
      const at = fill[termIds[i]]++;
      postingDoc[at] = doc;
      postingWeight[at] = weights[i];
    }
  }
  return { postingStart, postingDoc, postingWeight };
}
