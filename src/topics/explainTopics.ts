import { readArxivId } from "../ingest/formats/arxivId.ts";
import type { Paper } from "../model.ts";
import {
  ARCHIVE_WEIGHT,
  type ClassifyRun,
  CONFIDENT,
  CONFIDENT_LEAD,
  isConfident,
  MAX_TOPICS,
  MIN_SCORE,
  MIN_SIGNAL,
  pickTopics,
  RELATIVE,
  TITLE_EVIDENCE,
  type TopicScore,
} from "./assignTopics.ts";
import { overrides as isAbout, type Override } from "./overrides.ts";
import type { TopicSpec } from "./taxonomy.ts";

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Which papers a query names: an exact slug or arXiv id, else every paper whose title holds all its words. */
export function findPapers(papers: readonly Paper[], query: string): Paper[] {
  const q = query.trim();
  const id = readArxivId(q)?.id;
  const exact = papers.filter((p) => p.slug === q || (id !== undefined && p.source?.arxivId === id));
  if (exact.length > 0) return exact;
  const wanted = q.toLowerCase().split(/\W+/u).filter(Boolean);
  if (wanted.length === 0) return [];
  return papers.filter((p) => {
    const title = new Set(p.title.toLowerCase().split(/\W+/u));
    return wanted.every((w) => title.has(w));
  });
}

/**
 * Why a paper got its topics, as lines for a terminal: each topic's score and its
 * parts (the terms that matched in title and abstract, the arXiv category, the
 * archive model), the rule that took or left each topic, and any override.
 */
export function explainTopics(
  paper: Paper,
  index: number,
  run: ClassifyRun,
  taxonomy: readonly TopicSpec[],
  overrides: readonly { override: Override; file: string }[] = [],
): string[] {
  const { classifier, texts } = run;
  const vocabularyOnly = classifier.scores(texts[index], true);
  // The build's own scores for this paper, with the matched terms spelled out.
  const scores = run.scores[index].map((s) => ({ ...s, terms: vocabularyOnly.find((v) => v.slug === s.slug)!.terms }));
  const picked = pickTopics(scores);
  const names = new Map(taxonomy.map((t) => [t.slug, t.name]));
  const best = scores[0];

  const primary = paper.source?.primaryCategory;
  const categories = primary && [primary, ...(paper.source?.categories ?? []).filter((c) => c !== primary)];
  const arxiv = paper.source?.arxivId ? `  arXiv ${paper.source.arxivId}` : "";
  const lines = [
    `${paper.title}`,
    `  /papers/${paper.slug}/${arxiv}${categories ? ` (${categories.join(", ")})` : ""}`,
    "",
  ];
  lines.push(`Classifier: ${picked.length ? picked.join(", ") : "no topic (uncategorised)"}`);
  const mine = overrides.filter(({ override }) => isAbout(override, paper));
  for (const { override, file } of mine) {
    const parts = [
      override.set && `set ${override.set.join(", ")}`,
      override.add.length && `add ${override.add.join(", ")}`,
      override.remove.length && `remove ${override.remove.join(", ")}`,
    ].filter(Boolean);
    lines.push(`Override:   ${file}:${override.line}: ${parts.join("; ")}`);
  }
  lines.push(`On the site: ${paper.topics.length ? paper.topics.join(", ") : "no topic (uncategorised)"}`, "");
  lines.push(
    isConfident(vocabularyOnly)
      ? `The vocabulary alone is sure of this paper (best ${num(vocabularyOnly[0].score)} ≥ ${CONFIDENT} and ` +
          `${CONFIDENT_LEAD}× the next), so it also teaches the archive model.`
      : vocabularyOnly[0].score < MIN_SIGNAL
        ? `The vocabulary finds no sign of a field here (best score under ${MIN_SIGNAL}): ` +
          "the archive model stays out of it."
        : `The vocabulary is unsure, so the archive model (naive Bayes over the ${run.trainedOn[index]} confidently ` +
          `filed papers listed up to this paper's first day) adds up to ${ARCHIVE_WEIGHT} points.`,
    "",
  );

  const why = (s: TopicScore, rank: number): string => {
    const share = `${Math.round(100 * RELATIVE)}% of the best (${num(RELATIVE * best.score)})`;
    if (picked[0] === s.slug) return `main topic: the best score, above the bar of ${MIN_SCORE}`;
    if (picked.includes(s.slug)) return `added: its title shows it and it scores at least ${share}`;
    if (rank === 0) return `not given: the best score is under the bar of ${MIN_SCORE}`;
    if (s.score < MIN_SCORE) return `not given: under the bar of ${MIN_SCORE}`;
    if (s.score < RELATIVE * best.score) return `not given: under ${share}`;
    if (!s.inTitle)
      return (
        `not given: the title doesn't show it (title terms weighing ${TITLE_EVIDENCE} or more, ` +
        "or the primary arXiv category)"
      );
    return `not given: a paper gets at most ${MAX_TOPICS} topics`;
  };
  const shown = scores.filter((s) => s.score > 0);
  shown.forEach((s, rank) => {
    lines.push(`${s.slug.padEnd(24)} ${num(s.score).padStart(5)}  ${names.get(s.slug)} — ${why(s, rank)}`);
    const title = s.terms.filter((t) => t.inTitle > 0).map((t) => `"${t.term}" (${num(t.weight)})`);
    const abstract = s.terms.filter((t) => t.inAbstract > 0).map((t) => `"${t.term}" ×${t.inAbstract}`);
    if (title.length) lines.push(`    title:    ${title.join(", ")}`);
    if (abstract.length) lines.push(`    abstract: ${abstract.join(", ")}`);
    if (s.category) lines.push(`    arXiv category: +${s.category}`);
    if (s.archive)
      lines.push(
        `    archive model: ${Math.round(100 * (s.probability ?? 0))}% like this topic's papers, +${num(s.archive)}`,
      );
  });
  const silent = scores.length - shown.length;
  if (silent > 0) lines.push(`${silent} other topic${silent === 1 ? "" : "s"}: no term matched`);
  return lines;
}
