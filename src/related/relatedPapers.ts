import { type Index, invertedIndex, type Packed, packVectors, type Vector, weighNewPapers } from "./termVectors.ts";

export interface Document {
  title: string;
  abstract: string;
  /** The paper's topics, main first: sharing them says more than sharing words. */
  topics?: readonly string[];
  /** Authors as written; a shared author is a strong sign of shared subject. */
  authors?: readonly string[];
  /** arXiv primary category, when known. */
  category?: string;
  /** When it was first listed (ISO date); a paper's words are weighed as the archive stood then. */
  day?: string;
}

/**
 * What else two papers share, added to their cosine (which runs from 0 to 1 and is
 * typically 0.05 to 0.4 between papers on one subject): the same main topic, any
 * other topic, an author (at most two count), the same arXiv primary category.
 * Only papers that share a word are compared at all, so the cost stays linear.
 */
const SAME_MAIN_TOPIC = 0.1;
const SHARED_TOPIC = 0.04;
const SHARED_AUTHOR = 0.05;
const SAME_CATEGORY = 0.03;

/**
 * What relating an archive leaves behind, so that a later build whose archive
 * only adds newer days can go on from it (see relate): each paper's vector and
 * its best candidates with their scores, and the archive's word counts.
 *
 * Flat typed arrays rather than an object per paper: the build reads and writes
 * this state every day, and at 13,000 papers an object per paper meant ~700,000
 * small strings and 50,000 arrays to decode and then hold, which the garbage
 * collector copied about; typed arrays are copied as bytes, and hold nothing to trace.
 */
export interface RelateState {
  k: number;
  /** Papers it holds: the archive's first `count`. */
  count: number;
  /** The newest day among them; an extension must bring only later days. */
  lastDay: string;
  /** Papers weighed so far, and in how many of them each term occurs. */
  seen: number;
  df: [string, number][];
  /** Every term of a vector, once: a vector holds their indices (term ids). */
  terms: string[];
  /**
   * Paper i's vector (term ids, normalised weights, in weight order) is at offsets[i] up to offsets[i + 1] of termIds
   * and weights. */
  offsets: Uint32Array;
  termIds: Uint32Array;
  weights: Float64Array;
  /**
   * Paper i's best candidates so far, best first, and their scores: bestCounts[i] of them from i × k in bestOthers and
   * bestScores. */
  bestCounts: Uint8Array;
  bestOthers: Uint32Array;
  bestScores: Float64Array;
}

/**
 * For each document, the indices of the k most similar others, best first:
 * TF-IDF vectors (log tf, stop words out, stems), cosine similarity. Scores are
 * accumulated through an inverted index, so each paper only meets the papers it
 * shares a term with, never every other paper; what else they share (topics,
 * authors, category) is added to those candidates. Ties go to the newer paper
 * (docs are oldest first).
 *
 * A paper's vector is weighed with the archive as it stood on the day the paper
 * was first listed (its `day`; with no days, the whole archive), so the
 * similarity of two papers never changes once both are listed: a new day adds
 * new papers to old papers' lists, but never reshuffles them. Words that no
 * earlier paper had are kept apart from the norm, so they link the paper to the
 * later papers that use them without weakening its other links.
 */
export function relatedPapers(docs: readonly Document[], k = 5): number[][] {
  return relate(docs, k).lists;
}

/**
 * relatedPapers, able to go on from a `previous` state: when it holds the first
 * papers of `docs` (the caller checks they are the same papers) and every other
 * paper is of a later day, only the new papers are weighed and scored, and the
 * old papers' lists take in the new papers that beat them — the very lists a
 * run over the whole archive gives, score for score. Returns the lists and the
 * state to go on from next time.
 */
export function relate(
  docs: readonly Document[],
  k = 5,
  previous?: RelateState,
): { lists: number[][]; state: RelateState } {
  const n = docs.length;
  const dayOf = (i: number) => docs[i].day ?? "";
  const resume =
    previous &&
    previous.k === k &&
    previous.count <= n &&
    docs.slice(previous.count).every((_, i) => dayOf(previous.count + i) > previous.lastDay)
      ? previous
      : undefined;
  const from = resume?.count ?? 0;
  const weighed = weighNewPapers(docs, from, dayOf, resume);
  const vectors = packVectors(weighed.vectors, n, from, resume);
  const index = invertedIndex(vectors, weighed.terms.length, n);
  const affinity = affinityOf(docs);
  const scored = scoreNewPapers({ n, from, k, vectors, index, affinity, resume });
  rescoreOldPapers(scored, { k, vectors, newVectors: weighed.vectors, affinity, resume: resume! });
  const best = packBest(scored.best, n, k, from, resume);
  const lastDay = docs.reduce((last, _, i) => (dayOf(i) > last ? dayOf(i) : last), resume?.lastDay ?? "");
  const state: RelateState = {
    k,
    count: n,
    lastDay,
    seen: weighed.seen,
    df: [...weighed.df],
    terms: weighed.terms,
    offsets: vectors.offsets,
    termIds: vectors.termIds,
    weights: vectors.weights,
    ...best,
  };
  const lists = Array.from({ length: n }, (_, i) =>
    Array.from(best.bestOthers.subarray(i * k, i * k + best.bestCounts[i])),
  );
  return { lists, state };
}

type Affinity = (self: number, other: number, score: number) => number;

/**
 * What else two papers share, added to `score` in one fixed order (so a pair scores the same bits either way
 * it is met). Topics and categories as small integers, so comparing two papers is cheap.
 */
function affinityOf(docs: readonly Document[]): Affinity {
  const ids = new Map<string, number>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  };
  const mainTopic = Int32Array.from(docs, (d) => (d.topics?.length ? idOf(d.topics[0]) : -1));
  const topicBits = Uint32Array.from(docs, (d) =>
    (d.topics ?? []).reduce((bits, t) => bits | (1 << (idOf(t) % 32)), 0),
  );
  const category = Int32Array.from(docs, (d) => (d.category ? idOf(`category:${d.category}`) : -1));
  const authorSets = docs.map((d) =>
    d.authors?.length
      ? new Set(d.authors.map((a) => a.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()))
      : undefined,
  );
  return (self, other, score) => {
    if (mainTopic[self] >= 0 && mainTopic[other] === mainTopic[self]) score += SAME_MAIN_TOPIC;
    else if ((topicBits[self] & topicBits[other]) !== 0 && sharesTopic(docs[self], docs[other])) score += SHARED_TOPIC;
    if (category[self] >= 0 && category[other] === category[self]) score += SAME_CATEGORY;
    if (authorSets[self] && authorSets[other])
      score += SHARED_AUTHOR * sharedAuthors(authorSets[self]!, authorSets[other]!);
    return score;
  };
}

type Best = Map<number, { others: number[]; scores: number[] }>;
type Scored = { best: Best; newcomers: Map<number, number[]> };

/**
 * Each new paper's best list, scored through the inverted index; and the old papers it met that might take it
 * into their lists (`newcomers`), each with those new papers, to be scored again from the old paper's side.
 */
function scoreNewPapers(input: {
  n: number;
  from: number;
  k: number;
  vectors: Packed;
  index: Index;
  affinity: Affinity;
  resume?: RelateState;
}): Scored {
  const { n, from, k, vectors, index, affinity, resume } = input;
  const { offsets, termIds, weights } = vectors;
  const { postingStart, postingDoc, postingWeight } = index;
  /** Whether an old paper's list might take in a paper it scores this much (within NEAR of its last). */
  const mightJoin = (i: number, score: number) => {
    const count = resume!.bestCounts[i];
    return count < k || score >= resume!.bestScores[i * k + count - 1] - NEAR;
  };
  const best: Best = new Map();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  // A term in every paper weighs log(n/n) = 0, so a zero score can't mean "not met yet".
  const met = new Uint8Array(n);
  const newcomers = new Map<number, number[]>();
  for (let self = from; self < n; self++) {
    for (let i = offsets[self]; i < offsets[self + 1]; i++) {
      const w = weights[i];
      const end = postingStart[termIds[i] + 1];
      for (let j = postingStart[termIds[i]]; j < end; j++) {
        const other = postingDoc[j];
        if (other === self) continue;
        if (met[other] === 0) {
          met[other] = 1;
          touched.push(other);
        }
        scores[other] += w * postingWeight[j];
      }
    }
    for (const other of touched) {
      scores[other] = affinity(self, other, scores[other]);
      // Only an old paper the new one might beat is scored again below: summed in another order, this score
      // is within far less than NEAR of the exact one, so a paper further below the list's last can't enter it.
      if (other < from && mightJoin(other, scores[other])) {
        const list = newcomers.get(other);
        if (list) list.push(self);
        else newcomers.set(other, [self]);
      }
    }
    const top = topK(touched, (c) => scores[c], k);
    best.set(self, { others: top, scores: top.map((c) => scores[c]) });
    for (const t of touched) scores[t] = met[t] = 0;
    touched.length = 0;
  }
  return { best, newcomers };
}

/**
 * The old papers' lists that take in new papers: an old paper's score for a new one, summed over its own terms
 * in its own order, as a whole run sums it.
 */
function rescoreOldPapers(
  { best, newcomers }: Scored,
  input: { k: number; vectors: Packed; newVectors: Vector[]; affinity: Affinity; resume: RelateState },
) {
  const { k, vectors, newVectors, affinity, resume } = input;
  const weightsOf = new Map<number, Map<number, number>>();
  for (const [self, others] of newcomers) {
    const ids = vectors.termIds.subarray(vectors.offsets[self], vectors.offsets[self + 1]);
    const weights = vectors.weights.subarray(vectors.offsets[self], vectors.offsets[self + 1]);
    const at = self * k;
    const count = resume.bestCounts[self];
    const listed = Array.from(resume.bestOthers.subarray(at, at + count));
    const listedScores = Array.from(resume.bestScores.subarray(at, at + count));
    const score = new Map<number, number>(listed.map((c, i) => [c, listedScores[i]]));
    for (const other of others) {
      let weightOf = weightsOf.get(other);
      if (!weightOf)
        weightsOf.set(
          other,
          (weightOf = new Map(newVectors[other].ids.map((id, i) => [id, newVectors[other].weights[i]]))),
        );
      let s = 0;
      for (let i = 0; i < ids.length; i++) {
        const w = weightOf.get(ids[i]);
        if (w !== undefined) s += weights[i] * w;
      }
      score.set(other, affinity(self, other, s));
    }
    const top = topK([...score.keys()], (c) => score.get(c)!, k);
    best.set(self, { others: top, scores: top.map((c) => score.get(c)!) });
  }
}

/** The best lists, flat: the state's (for old papers whose lists stay), then those made now. */
function packBest(best: Best, n: number, k: number, from: number, resume?: RelateState) {
  const bestCounts = new Uint8Array(n);
  const bestOthers = new Uint32Array(n * k);
  const bestScores = new Float64Array(n * k);
  if (resume) {
    bestCounts.set(resume.bestCounts.subarray(0, from));
    bestOthers.set(resume.bestOthers.subarray(0, from * k));
    bestScores.set(resume.bestScores.subarray(0, from * k));
  }
  for (const [i, list] of best) {
    bestCounts[i] = list.others.length;
    bestOthers.set(list.others, i * k);
    bestScores.set(list.scores, i * k);
  }
  return { bestCounts, bestOthers, bestScores };
}

/** How close below a list's last score an approximate score must come to be checked exactly. */
const NEAR = 1e-9;

/** Whether two papers share any topic (the bit masks can collide past 32 topics). */
const sharesTopic = (a: Document, b: Document) => a.topics!.some((t) => b.topics!.includes(t));

/** Authors two papers share; at most two count. */
function sharedAuthors(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const name of a) if (b.has(name) && ++shared === 2) break;
  return shared;
}

/** The k candidates with the highest score, best first, the newer (later) paper on ties. */
function topK(candidates: readonly number[], score: (c: number) => number, k: number): number[] {
  const better = (a: number, b: number) => score(a) > score(b) || (score(a) === score(b) && a > b);
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
