import type { Paper } from "../model.ts";
import { excerpt } from "./excerpt.ts";

/** What a paper's pages show beside its own words, worked out from its title and abstract alone. */
export interface PaperExtras {
  /** The first sentence or two of the abstract, for lists and descriptions. */
  excerpt: string;
  /** Synonyms (acronyms, mostly) of terms it uses, indexed with it for search. */
  alsoKnownAs: string[];
}

/** The extras of the archive's first `count` papers, kept between builds (see stageCache.ts). */
export interface ExtrasState {
  count: number;
  excerpts: string[];
  alsoKnownAs: string[][];
}

/**
 * Each paper's extras, by slug. Sentence splitting and synonym matching cost
 * ~0.1 ms a paper, so when `previous` holds the first papers (the caller checks
 * their titles and abstracts are unchanged, and the synonyms too) only the new
 * papers are worked out.
 */
export function paperExtras(
  papers: readonly Paper[],
  synonymsOf: (text: string) => string[],
  previous?: ExtrasState,
): { extras: Map<string, PaperExtras>; state: ExtrasState; reused: number } {
  const from = previous && previous.count <= papers.length ? previous.count : 0;
  const excerpts = previous ? previous.excerpts.slice(0, from) : [];
  const alsoKnownAs = previous ? previous.alsoKnownAs.slice(0, from) : [];
  for (let i = from; i < papers.length; i++) {
    excerpts.push(excerpt(papers[i].abstract));
    alsoKnownAs.push(synonymsOf(`${papers[i].title} ${papers[i].abstract}`));
  }
  const extras = new Map(papers.map((p, i) => [p.slug, { excerpt: excerpts[i], alsoKnownAs: alsoKnownAs[i] }]));
  return { extras, state: { count: papers.length, excerpts, alsoKnownAs }, reused: from };
}
