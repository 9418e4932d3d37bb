import { eng } from "stopword";
import { tokens } from "./analyseText.ts";

const STOP = new Set(eng);
/** A topic needs this many confidently filed papers before the model speaks for it. */
const MIN_EXAMPLES = 3;

export interface ArchiveModel {
  /** How many papers it learned from. */
  trainedOn: number;
  /** For each topic it knows, the probability that the paper belongs there (they sum to 1). */
  posterior(title: string, abstract: string): Map<string, number>;
}

/** The distinct content-word stems of a paper: what the model counts. */
function bagOf(title: string, abstract: string): Set<string> {
  const bag = new Set<string>();
  for (const text of [title, abstract]) {
    const { lower, stems } = tokens(text);
    lower.forEach((word, i) => {
      if (word.length > 2 && !STOP.has(word) && !/^\d+$/.test(word)) bag.add(stems[i]);
    });
  }
  return bag;
}

/**
 * A naive Bayes model learned from the archive itself: the papers the vocabulary
 * files with confidence teach it which other words go with each topic, so a paper
 * whose field the vocabulary doesn't name still lands near the papers it resembles.
 * Counts only, no randomness, no order dependence: the same archive gives the same model.
 */
export function trainArchiveModel(examples: readonly { title: string; abstract: string; topic: string }[]): ArchiveModel {
  const docsPerTopic = new Map<string, number>();
  const wordCounts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { title, abstract, topic } of examples) {
    docsPerTopic.set(topic, (docsPerTopic.get(topic) ?? 0) + 1);
    let counts = wordCounts.get(topic);
    if (!counts) wordCounts.set(topic, (counts = new Map()));
    for (const stem of bagOf(title, abstract)) {
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      totals.set(topic, (totals.get(topic) ?? 0) + 1);
      vocabulary.add(stem);
    }
  }
  const topics = [...docsPerTopic].filter(([, n]) => n >= MIN_EXAMPLES).map(([t]) => t).sort();
  const trained = topics.reduce((sum, t) => sum + docsPerTopic.get(t)!, 0);
  // Log-probabilities worked out once: a posterior is then a sum of look-ups.
  const unseen = topics.map((t) => -Math.log(totals.get(t)! + vocabulary.size));
  const logPrior = topics.map((t) => Math.log(docsPerTopic.get(t)! / trained));
  const logLikelihood = new Map<string, Float64Array>();
  for (const stem of vocabulary) {
    logLikelihood.set(stem, Float64Array.from(topics, (t, i) => Math.log((wordCounts.get(t)!.get(stem) ?? 0) + 1) + unseen[i]));
  }
  return {
    trainedOn: trained,
    posterior(title, abstract) {
      const result = new Map<string, number>();
      if (topics.length === 0) return result;
      const logScores = Float64Array.from(logPrior);
      for (const stem of bagOf(title, abstract)) {
        const row = logLikelihood.get(stem);
        if (row) for (let i = 0; i < row.length; i++) logScores[i] += row[i];
      }
      const top = Math.max(...logScores);
      const weights = Array.from(logScores, (s) => Math.exp(s - top));
      const sum = weights.reduce((a, b) => a + b, 0);
      topics.forEach((t, i) => result.set(t, weights[i] / sum));
      return result;
    },
  };
}
