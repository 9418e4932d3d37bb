import type { Paper } from "../model.ts";
import { analyseText, stem, words, type AnalysedText } from "./analyseText.ts";
import type { TopicSpec } from "./taxonomy.ts";

/** A title match counts this many times an abstract match: titles say what a paper is about. */
const TITLE_WEIGHT = 3;
/** The best topic must score at least this much; weaker papers stay uncategorised. */
const MIN_SCORE = 5;
/**
 * Further topics must score at least this share of the best one, and must show
 * in the title: an abstract names the domains a method was tried on, while the
 * title says what the paper is about.
 */
const RELATIVE = 0.4;
/** The summed weight of title matches that counts as the title showing a topic. */
const TITLE_EVIDENCE = 2;
const MAX_TOPICS = 3;

type Matcher = { weight: number; count: (text: AnalysedText) => number };

/**
 * Compiles a term to a counter of its occurrences. An acronym (one word with two
 * or more capitals: MoE, LLM, LoRA) matches its exact spelling with or without a
 * plural s; anything else matches on stems, including its words written solid or
 * apart ("fine-tuning", "finetuning", "fine tuned").
 */
function compileTerm(text: string, weight: number): Matcher {
  const parts = words(text);
  if (parts.length === 1 && (parts[0].match(/\p{Lu}/gu)?.length ?? 0) >= 2) {
    const [exact] = parts;
    const plural = `${exact}s`;
    return { weight, count: (t) => (t.acronymCounts.get(exact) ?? 0) + (t.acronymCounts.get(plural) ?? 0) };
  }
  const lower = parts.map((p) => p.toLowerCase());
  const stems = lower.map(stem);
  const solid = stem(lower.join(""));
  const solidCount = (t: AnalysedText) => t.stemCounts.get(solid) ?? 0;
  if (stems.length === 1) return { weight, count: (t) => solidCount(t) + (t.solidPairCounts.get(solid) ?? 0) };
  return { weight, count: (t) => countSequence(t, stems) + solidCount(t) };
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

/** Repeated mentions in an abstract add less and less. */
const saturate = (n: number) => (n === 0 ? 0 : Math.min(2, 1 + 0.5 * Math.log2(n)));

export interface TopicScore {
  slug: string;
  score: number;
  inTitle: boolean;
}

export interface TopicClassifier {
  /** Every topic's score for a paper, best first, and whether its title matched the topic. */
  scores(title: string, abstract: string): TopicScore[];
  /** The paper's topics: 0 to MAX_TOPICS slugs, best first. */
  classify(title: string, abstract: string): string[];
}

export function topicClassifier(taxonomy: readonly TopicSpec[]): TopicClassifier {
  const topics = taxonomy.map((t) => ({ slug: t.slug, matchers: t.terms.map((term) => compileTerm(term.text, term.weight)) }));
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
  const scores = (title: string, abstract: string) => {
    const t = analyseText(title, solidStems);
    const a = analyseText(abstract, solidStems);
    return topics
      .map(({ slug, matchers }) => {
        let score = 0;
        let titleWeight = 0;
        for (const m of matchers) {
          const titleHit = m.count(t) > 0;
          if (titleHit) titleWeight += m.weight;
          score += m.weight * ((titleHit ? TITLE_WEIGHT : 0) + saturate(m.count(a)));
        }
        return { slug, score, inTitle: titleWeight >= TITLE_EVIDENCE };
      })
      .sort((x, y) => y.score - x.score || x.slug.localeCompare(y.slug));
  };
  return {
    scores,
    classify(title, abstract) {
      const [best, ...rest] = scores(title, abstract);
      if (!best || best.score < MIN_SCORE) return [];
      const more = rest.filter((r) => r.inTitle && r.score >= Math.max(MIN_SCORE, RELATIVE * best.score));
      return [best, ...more].slice(0, MAX_TOPICS).map((r) => r.slug);
    },
  };
}

/** The classify stage: each paper gets its topics from its title and abstract. */
export function assignTopics(papers: readonly Paper[], taxonomy: readonly TopicSpec[]): Paper[] {
  const classifier = topicClassifier(taxonomy);
  return papers.map((p) => ({ ...p, topics: classifier.classify(p.title, p.abstract) }));
}
