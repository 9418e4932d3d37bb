import type { Paper } from "../model.ts";
import { type AnalysedText, analyseText, stem, words } from "./analyseText.ts";
import {
  type ArchiveModel,
  type ArchiveSnapshot,
  type GrowingArchiveModel,
  growingArchiveModel,
} from "./archiveModel.ts";
import { compileTerm, type Matcher } from "./compileTerm.ts";
import type { TopicSpec } from "./taxonomy.ts";

/** A title match counts this many times an abstract match: titles say what a paper is about. */
const TITLE_WEIGHT = 3;
/** The best topic must score at least this much; weaker papers stay uncategorised. */
export const MIN_SCORE = 5;
/**
 * Further topics must score at least this share of the best one, and must show
 * in the title: an abstract names the domains a method was tried on, while the
 * title says what the paper is about.
 */
export const RELATIVE = 0.4;
/** The summed weight of title matches that counts as the title showing a topic. */
export const TITLE_EVIDENCE = 2;
export const MAX_TOPICS = 3;
/** What the paper's own arXiv filing adds: its primary category, then any other. */
const PRIMARY_CATEGORY = 6;
const OTHER_CATEGORY = 2;
/** A paper the vocabulary files this clearly (score, and lead over the runner-up) teaches the archive model. */
export const CONFIDENT = 12;
export const CONFIDENT_LEAD = 1.5;
/** At most what the archive model adds to a topic of a paper the vocabulary is unsure about. */
export const ARCHIVE_WEIGHT = 6;
/** The archive model only speaks for papers that show some sign of a field. */
export const MIN_SIGNAL = 2;

/** Repeated mentions in an abstract add less and less. */
const saturate = (n: number) => (n === 0 ? 0 : Math.min(2, 1 + 0.5 * Math.log2(n)));

interface TermMatch {
  term: string;
  weight: number;
  /** Occurrences in the title and in the abstract. */
  inTitle: number;
  inAbstract: number;
  points: number;
}

export interface TopicScore {
  slug: string;
  /** Everything added up: vocabulary, arXiv category and archive model. */
  score: number;
  /** Whether the title (or the paper's primary arXiv category) shows the topic. */
  inTitle: boolean;
  /** The vocabulary's part, term by term (only terms that matched). */
  terms: TermMatch[];
  /** Points from the paper's arXiv categories. */
  category: number;
  /** Points from the archive model, and its probability for this topic. */
  archive: number;
  probability?: number;
}

/** What the classifier reads of a paper. */
export interface PaperText {
  title: string;
  abstract: string;
  /** arXiv categories, primary first (when the paper came with them). */
  categories?: readonly string[];
}

export interface TopicClassifier {
  /** Every topic's score for a paper, best first; with `detail`, the terms that matched (for explain). */
  scores(paper: PaperText, detail?: boolean): TopicScore[];
  /** The paper's topics: 0 to MAX_TOPICS slugs, best first. */
  classify(title: string, abstract: string, categories?: readonly string[]): string[];
}

const byScore = (x: TopicScore, y: TopicScore) => y.score - x.score || x.slug.localeCompare(y.slug);

/** Picks a paper's topics from its scores: the best if it clears the bar, then close seconds its title shows. */
export function pickTopics(scores: readonly TopicScore[]): string[] {
  const [best, ...rest] = scores;
  if (!best || best.score < MIN_SCORE) return [];
  const more = rest.filter((r) => r.inTitle && r.score >= Math.max(MIN_SCORE, RELATIVE * best.score));
  return [best, ...more].slice(0, MAX_TOPICS).map((r) => r.slug);
}

export function topicClassifier(taxonomy: readonly TopicSpec[]): TopicClassifier {
  const topics = taxonomy.map((t) => ({ slug: t.slug, categories: t.categories ?? [] }));
  // Terms of one topic that match the same words count once, at the highest weight: word forms
  // ("explainable", "explainability") are already one term to the matcher.
  const matchers = taxonomy.flatMap((t, topic) => {
    const bySignature = new Map<string, Matcher>();
    for (const term of t.terms) {
      const m = compileTerm(term.text, term.weight);
      const seen = bySignature.get(m.signature);
      if (!seen || m.weight > seen.weight) bySignature.set(m.signature, m);
    }
    return [...bySignature.values()].map((m) => ({ topic, ...m }));
  });
  // Terms by the words they need: a paper only tries the terms whose words it has (a few dozen of ~1,000).
  const byKey = new Map<string, number[]>();
  matchers.forEach((m, id) => {
    for (const key of new Set(m.keys)) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  });
  // A one-word term written as two words ("pre training") starts with a prefix of it.
  const solidStems = new Map<string, string[]>();
  for (const term of taxonomy.flatMap((t) => t.terms)) {
    const parts = words(term.text);
    if (parts.length !== 1) continue;
    const termStem = stem(parts[0].toLowerCase());
    for (let n = 2; n < termStem.length; n++) {
      const first = termStem.slice(0, n);
      solidStems.set(first, [...(solidStems.get(first) ?? []), termStem]);
    }
  }
  const tried = new Uint32Array(matchers.length);
  let round = 0;
  const candidates = (texts: AnalysedText[]) => {
    round++;
    const ids: number[] = [];
    const take = (key: string) => {
      for (const id of byKey.get(key) ?? []) {
        if (tried[id] === round) continue;
        tried[id] = round;
        ids.push(id);
      }
    };
    for (const t of texts) {
      for (const acronym of t.acronymCounts.keys()) take(`A:${acronym}`);
      for (const s of t.stemCounts.keys()) take(s);
      for (const s of t.solidPairCounts.keys()) take(s);
    }
    return ids.sort((a, b) => a - b);
  };

  const scores = ({ title, abstract, categories = [] }: PaperText, detail = false): TopicScore[] => {
    const t = analyseText(title, solidStems);
    const a = analyseText(abstract, solidStems);
    const score = new Float64Array(topics.length);
    const titleWeight = new Float64Array(topics.length);
    const terms: TermMatch[][] | undefined = detail ? topics.map(() => []) : undefined;
    for (const id of candidates([t, a])) {
      const m = matchers[id];
      const inTitle = m.count(t);
      const inAbstract = m.count(a);
      if (inTitle + inAbstract === 0) continue;
      if (inTitle > 0) titleWeight[m.topic] += m.weight;
      const points = m.weight * ((inTitle > 0 ? TITLE_WEIGHT : 0) + saturate(inAbstract));
      score[m.topic] += points;
      terms?.[m.topic].push({ term: m.term, weight: m.weight, inTitle, inAbstract, points });
    }
    return topics
      .map(({ slug, categories: topicCategories }, i) => {
        const primary = categories.length > 0 && topicCategories.includes(categories[0]);
        const category = primary
          ? PRIMARY_CATEGORY
          : categories.some((c) => topicCategories.includes(c))
            ? OTHER_CATEGORY
            : 0;
        terms?.[i].sort((x, y) => y.points - x.points || x.term.localeCompare(y.term));
        return {
          slug,
          score: score[i] + category,
          inTitle: titleWeight[i] >= TITLE_EVIDENCE || primary,
          terms: terms?.[i] ?? [],
          category,
          archive: 0,
        };
      })
      .sort(byScore);
  };
  return { scores, classify: (title, abstract, categories) => pickTopics(scores({ title, abstract, categories })) };
}

/** Whether the vocabulary alone files a paper clearly enough to teach the archive model. */
export function isConfident(scores: readonly TopicScore[]): boolean {
  const [best, second] = scores;
  return best !== undefined && best.score >= CONFIDENT && best.score >= CONFIDENT_LEAD * (second?.score ?? 0);
}

/** Adds the archive model's view to an unsure paper's scores. */
function withArchive(scores: readonly TopicScore[], paper: PaperText, model: ArchiveModel): TopicScore[] {
  if (isConfident(scores) || (scores[0]?.score ?? 0) < MIN_SIGNAL) return [...scores];
  const posterior = model.posterior(paper.title, paper.abstract);
  return scores
    .map((s) => {
      const probability = posterior.get(s.slug);
      if (probability === undefined) return s;
      const archive = ARCHIVE_WEIGHT * probability;
      return { ...s, score: s.score + archive, archive, probability };
    })
    .sort(byScore);
}

/** What the classifier reads of a paper; arXiv categories as the source lists them, primary first. */
export const paperText = (p: Paper): PaperText => ({
  title: p.title,
  abstract: p.abstract,
  categories: p.source?.categories ?? (p.source?.primaryCategory ? [p.source.primaryCategory] : undefined),
});

/** One classification of an archive, kept whole so that explain reads the very run the build made. */
export interface ClassifyRun {
  classifier: TopicClassifier;
  texts: PaperText[];
  /** Each paper's scores: vocabulary and categories, then the archive model for the unsure. */
  scores: TopicScore[][];
  /** For each paper, how many confidently filed papers the archive model had learned from on its day. */
  trainedOn: number[];
}

/**
 * Scores every paper, trains the archive model on the confident ones, and lets it
 * settle the unsure. Day by day, oldest first: a paper is settled by the papers
 * listed up to its own first day, so its topics never change when later digests
 * arrive (papers without dates are one day: the whole archive).
 */
export function classifyArchive(papers: readonly Paper[], taxonomy: readonly TopicSpec[]): ClassifyRun {
  const classifier = topicClassifier(taxonomy);
  const texts = papers.map(paperText);
  return { classifier, texts, ...settle(papers, 0, classifier, texts, growingArchiveModel()) };
}

/** Scores papers[from..] (each of a day no earlier paper has) with `model`, which learns from them day by day. */
function settle(
  papers: readonly Paper[],
  from: number,
  classifier: TopicClassifier,
  texts: readonly PaperText[],
  model: GrowingArchiveModel,
) {
  const day = (i: number) => papers[i].digests?.[0] ?? "";
  const order = papers
    .map((_, i) => i)
    .slice(from)
    .sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : a - b));
  const scores: TopicScore[][] = new Array(papers.length);
  const trainedOn: number[] = new Array(papers.length);
  const vocabulary: TopicScore[][] = new Array(papers.length);
  for (const i of order) vocabulary[i] = classifier.scores(texts[i]);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && day(order[end]) === day(order[start])) end++;
    const today = order.slice(start, end);
    for (const i of today)
      if (isConfident(vocabulary[i]))
        model.learn({ title: texts[i].title, abstract: texts[i].abstract, topic: vocabulary[i][0].slug });
    for (const i of today) {
      scores[i] = withArchive(vocabulary[i], texts[i], model);
      trainedOn[i] = model.trainedOn;
    }
    start = end;
  }
  return { scores, trainedOn };
}

/** What classifying an archive leaves for a later build whose archive only adds newer days. */
export interface ClassifyState {
  /** Papers it holds: the archive's first `count`. */
  count: number;
  lastDay: string;
  /** The archive model as it stood after them. */
  model: ArchiveSnapshot;
  /** Their topics, as the classifier gave them. */
  topics: string[][];
}

/**
 * assignTopics, able to go on from a `previous` state: when it holds the first
 * papers of `papers` (the caller checks they are the same papers) and every other
 * paper is of a later day, only the new papers are classified, by the model as it
 * stood plus their own days — the topics a run over the whole archive gives.
 */
export function assignTopicsFrom(
  papers: readonly Paper[],
  taxonomy: readonly TopicSpec[],
  previous?: ClassifyState,
): { papers: Paper[]; state: ClassifyState } {
  const day = (i: number) => papers[i].digests?.[0] ?? "";
  const resume =
    previous &&
    previous.count <= papers.length &&
    papers.slice(previous.count).every((_, i) => day(previous.count + i) > previous.lastDay)
      ? previous
      : undefined;
  const from = resume?.count ?? 0;
  const model = growingArchiveModel(resume?.model);
  const classifier = topicClassifier(taxonomy);
  const texts = papers.map((p, i) => (i < from ? undefined : paperText(p))) as PaperText[];
  const { scores } = settle(papers, from, classifier, texts, model);
  const topics = papers.map((_, i) => (i < from ? resume!.topics[i] : pickTopics(scores[i])));
  const lastDay = papers.reduce((last, _, i) => (day(i) > last ? day(i) : last), resume?.lastDay ?? "");
  return {
    papers: papers.map((p, i) => ({ ...p, topics: topics[i] })),
    state: { count: papers.length, lastDay, model: model.snapshot(), topics },
  };
}

/**
 * The classify stage: each paper gets its topics from its title, abstract, arXiv categories and the archive's other
 * papers. */
export function assignTopics(papers: readonly Paper[], taxonomy: readonly TopicSpec[]): Paper[] {
  const { scores } = classifyArchive(papers, taxonomy);
  return papers.map((p, i) => ({ ...p, topics: pickTopics(scores[i]) }));
}
