import { inputHashes, usable } from "../../incremental/stageCache.ts";
import type { Library } from "../../model.ts";
import { assignTopicsFrom, paperText } from "../../topics/assignTopics.ts";
import { applyOverrides } from "../../topics/overrides.ts";
import type { BuildConfig } from "../buildConfig.ts";
import type { Stage } from "../stage.ts";
import type { Ingested } from "./ingest.ts";

export type Classified = Awaited<ReturnType<typeof classify>>;

/** classify: each paper's topics, from the last build's state for the papers it already settled. */
export async function classify(
  config: BuildConfig,
  stage: Stage,
  { library, words, taxonomy, overrides, cache }: Ingested,
) {
  const inputs = library.papers.map((p, i) => [words[i], paperText(p).categories ?? null, p.digests[0]]);
  const hashes = inputHashes(inputs, cache.last?.classify?.state.count);
  const topicSlugs = taxonomy.map((t) => t.slug);
  const run = await stage(
    "classify",
    () => {
      const previous = usable(cache.last?.classify, hashes);
      const run = assignTopicsFrom(library.papers, taxonomy, previous);
      const papers = applyOverrides(run.papers, overrides, topicSlugs, config.overridesFile);
      return { ...run, reused: previous?.count ?? 0, library: { ...library, papers } as Library };
    },
    (r) => {
      const uncategorised = r.library.papers.filter((p) => p.topics.length === 0).length;
      const overridden = overrides.length ? `, ${overrides.length} overridden` : "";
      const reused = r.reused ? `, ${r.reused} as last built` : "";
      return `${taxonomy.length} topics, ${uncategorised} papers uncategorised${overridden}${reused}`;
    },
  );
  return { library: run.library, state: run.state, hashes };
}
