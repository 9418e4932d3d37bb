import { SIZES } from "../../config/settings.ts";
import { inputHashes, usable } from "../../incremental/stageCache.ts";
import type { Library } from "../../model.ts";
import { relate as relatePapers } from "../../related/relatedPapers.ts";
import { forgetTokens } from "../../topics/analyseText.ts";
import type { Stage } from "../stage.ts";
import type { Classified } from "./classify.ts";
import type { Ingested } from "./ingest.ts";

export type Related = Awaited<ReturnType<typeof relate>>;

/** relate: each paper's related papers, from the last build's vectors for the papers it already had. */
export async function relate(stage: Stage, { words, cache }: Ingested, classified: Classified) {
  const papers = classified.library.papers;
  const inputs = papers.map((p) => ({
    title: p.title,
    abstract: p.abstract,
    topics: p.topics,
    authors: p.source.authors,
    category: p.source.primaryCategory,
    day: p.digests[0],
  }));
  const hashes = inputHashes(
    inputs.map(({ title, abstract, ...rest }, i) => [words[i], rest]),
    cache.last?.relate?.state.count,
  );
  const run = await stage(
    "relate",
    () => {
      const previous = usable(cache.last?.relate, hashes);
      const run = relatePapers(inputs, SIZES.relatedPerPaper, previous);
      const related = papers.map((p, i) => ({ ...p, related: run.lists[i].map((j) => papers[j].slug) }));
      return { ...run, reused: previous?.count ?? 0, library: { ...classified.library, papers: related } as Library };
    },
    (r) => {
      const links = r.library.papers.reduce((n, p) => n + p.related.length, 0);
      return `${links} links${r.reused ? `, ${r.reused} papers' vectors as last built` : ""}`;
    },
  );
  // Relate was the last stage to read the papers' words: their memory goes to the page texts.
  forgetTokens();
  return { library: run.library, state: run.state, hashes };
}
