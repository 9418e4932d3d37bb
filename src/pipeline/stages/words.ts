import { join } from "node:path";
import { usable, writeStageCache } from "../../incremental/stageCache.ts";
import type { Library, Paper } from "../../model.ts";
import { writePapersJson } from "../../pages/writePapersJson.ts";
import { synonymGroups } from "../../search/synonyms.ts";
import { vocabularyChunks } from "../../search/vocabulary.ts";
import type { BuildConfig } from "../buildConfig.ts";
import type { Stage } from "../stage.ts";
import type { Classified } from "./classify.ts";
import type { Ingested } from "./ingest.ts";
import type { Pages } from "./pages.ts";
import type { Related } from "./relate.ts";
import { writeFiles } from "./writeFiles.ts";

/**
 * words: what needs no rendered page. The search vocabulary (for typo correction) and synonyms, papers.json,
 * and the stages' state for the next build (a pure cache of their inputs: right whether or not this build
 * ends well).
 */
export function writeWords(
  config: BuildConfig,
  stage: Stage,
  temp: string,
  { taxonomy, cache }: Ingested,
  classified: Classified,
  related: Related,
  pages: Pages,
) {
  const library: Library = related.library;
  const { previous } = pages.plan;
  return stage(
    "words",
    () => {
      const run = vocabularyChunks(library, usable(cache.last?.vocabulary, related.hashes));
      writeFiles(temp, new Map([...run.files, ["search/synonyms.json", synonymGroups(pages.synonyms)]]));
      // Served as it is (through the generated folder, Eleventy would only copy it). A paper's entry is a
      // function of the paper, which its page's key covers: an unchanged key, an unchanged entry.
      const page = (p: Paper) => `papers/${p.slug}.md`;
      const unchanged = (p: Paper) => previous!.pages.get(page(p)) === pages.hashes.get(page(p));
      const last = previous?.papersJson && { file: join(config.outDir, "papers.json"), index: previous.papersJson };
      const papersJson = writePapersJson(join(temp, "papers.json"), library, taxonomy, pages.site, unchanged, last);
      writeStageCache(cache.file, {
        fingerprint: cache.fingerprint,
        taxonomy,
        synonyms: pages.synonyms,
        classify: { inputs: classified.hashes.all, state: classified.state },
        relate: { inputs: related.hashes.all, state: related.state },
        extras: { inputs: classified.hashes.all, state: pages.extras.state },
        vocabulary: { inputs: related.hashes.all, state: run.state },
      });
      return { ...run, papersJson };
    },
    (r) => `${r.files.size} vocabulary files for typo correction, ${pages.synonyms.length} synonym groups, papers.json`,
  );
}
