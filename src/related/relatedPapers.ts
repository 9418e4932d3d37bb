import { eng } from "stopword";
import { tokens } from "../topics/analyseText.ts";

export interface Document {
  title: string;
  abstract: string;
}

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

/**
 * For each document, the indices of the k most similar others, best first:
 * TF-IDF vectors (log tf, stop words out, stems), cosine similarity. Scores are
 * accumulated through an inverted index, so each paper only meets the papers it
 * shares a term with, never every other paper. Ties go to the earlier paper.
 */
export function relatedPapers(docs: readonly Document[], k = 5): number[][] {
  const n = docs.length;
  const bags = docs.map(terms);

  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const cap = Math.max(MIN_CAP, Math.min(MAX_CAP, Math.floor(n * COMMON_SHARE)));

  // Sparse, L2-normalised vectors over the indexed terms (a term in a single paper links nothing).
  const termId = new Map<string, number>();
  const vectors = bags.map((bag) => {
    const weighted: { term: string; weight: number }[] = [];
    for (const [term, count] of bag) {
      const d = df.get(term)!;
      if (d >= 2 && d <= cap) weighted.push({ term, weight: (1 + Math.log(count)) * Math.log(n / d) });
    }
    const kept = weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, MAX_TERMS);
    const norm = Math.hypot(...kept.map((t) => t.weight)) || 1;
    const ids = kept.map(({ term }) => {
      let id = termId.get(term);
      if (id === undefined) termId.set(term, (id = termId.size));
      return id;
    });
    return { ids, weights: kept.map((t) => t.weight / norm) };
  });

  const postings: { doc: number[]; weight: number[] }[] = Array.from({ length: termId.size }, () => ({ doc: [], weight: [] }));
  vectors.forEach((v, doc) =>
    v.ids.forEach((id, i) => {
      postings[id].doc.push(doc);
      postings[id].weight.push(v.weights[i]);
    }),
  );

  const scores = new Float64Array(n);
  const touched: number[] = [];
  return vectors.map((v, self) => {
    for (let i = 0; i < v.ids.length; i++) {
      const { doc, weight } = postings[v.ids[i]];
      const w = v.weights[i];
      for (let j = 0; j < doc.length; j++) {
        const other = doc[j];
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] += w * weight[j];
      }
    }
    const best = topK(touched, scores, k);
    for (const t of touched) scores[t] = 0;
    touched.length = 0;
    return best;
  });
}

/** The k candidates with the highest score, best first, earlier index on ties. */
function topK(candidates: readonly number[], scores: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  const best: number[] = [];
  for (const c of candidates) {
    if (best.length === k && !better(c, best[k - 1])) continue;
    let i = Math.min(best.length, k - 1);
    best[i] = c;
    while (i > 0 && better(best[i], best[i - 1])) {
      [best[i], best[i - 1]] = [best[i - 1], best[i]];
      i--;
    }
  }
  return best;
}
