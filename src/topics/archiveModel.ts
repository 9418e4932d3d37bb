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

/** An archive model that goes on learning: add examples, ask it at any point. */
export interface GrowingArchiveModel extends ArchiveModel {
  learn(example: { title: string; abstract: string; topic: string }): void;
  /** Its counts as plain data (for JSON), to go on learning from in a later build. */
  snapshot(): ArchiveSnapshot;
}

export interface ArchiveSnapshot {
  docsPerTopic: [string, number][];
  wordCounts: [string, [string, number][]][];
  totals: [string, number][];
  vocabulary: string[];
}

/**
 * A naive Bayes model learned from the archive itself: the papers the vocabulary
 * files with confidence teach it which other words go with each topic, so a paper
 * whose field the vocabulary doesn't name still lands near the papers it resembles.
 * Counts only, no randomness, no order dependence: the same examples give the same model.
 */
export function trainArchiveModel(
  examples: readonly { title: string; abstract: string; topic: string }[],
): ArchiveModel {
  const model = growingArchiveModel();
  for (const example of examples) model.learn(example);
  return model;
}

/**
 * The model of trainArchiveModel, built up example by example (the build feeds it day by day), from a snapshot if
 * given. */
export function growingArchiveModel(from?: ArchiveSnapshot): GrowingArchiveModel {
  const docsPerTopic = new Map<string, number>(from?.docsPerTopic);
  const wordCounts = new Map<string, Map<string, number>>(
    from?.wordCounts.map(([topic, counts]) => [topic, new Map(counts)]),
  );
  const totals = new Map<string, number>(from?.totals);
  const vocabulary = new Set<string>(from?.vocabulary);
  return {
    snapshot: () => ({
      docsPerTopic: [...docsPerTopic],
      wordCounts: [...wordCounts].map(([topic, counts]) => [topic, [...counts]]),
      totals: [...totals],
      vocabulary: [...vocabulary],
    }),
    learn({ title, abstract, topic }) {
      docsPerTopic.set(topic, (docsPerTopic.get(topic) ?? 0) + 1);
      let counts = wordCounts.get(topic);
      if (!counts) wordCounts.set(topic, (counts = new Map()));
      for (const stem of bagOf(title, abstract)) {
        counts.set(stem, (counts.get(stem) ?? 0) + 1);
        totals.set(topic, (totals.get(topic) ?? 0) + 1);
        vocabulary.add(stem);
      }
    },
    get trainedOn() {
      return [...docsPerTopic.values()].filter((n) => n >= MIN_EXAMPLES).reduce((a, b) => a + b, 0);
    },
    posterior(title, abstract) {
      const result = new Map<string, number>();
      const topics = [...docsPerTopic]
        .filter(([, n]) => n >= MIN_EXAMPLES)
        .map(([t]) => t)
        .sort();
      if (topics.length === 0) return result;
      const trained = topics.reduce((sum, t) => sum + docsPerTopic.get(t)!, 0);
      const unseen = topics.map((t) => -Math.log(totals.get(t)! + vocabulary.size));
      const logScores = Float64Array.from(topics, (t) => Math.log(docsPerTopic.get(t)! / trained));
      for (const stem of bagOf(title, abstract)) {
        if (!vocabulary.has(stem)) continue;
        for (const [i, t] of topics.entries())
          logScores[i] += Math.log((wordCounts.get(t)!.get(stem) ?? 0) + 1) + unseen[i];
      }
      const top = Math.max(...logScores);
      const weights = Array.from(logScores, (s) => Math.exp(s - top));
      const sum = weights.reduce((a, b) => a + b, 0);
      for (const [i, t] of topics.entries()) result.set(t, weights[i] / sum);
      return result;
    },
  };
}
