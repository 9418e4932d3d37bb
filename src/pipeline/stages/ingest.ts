import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSiteFile } from "../../config/siteFile.ts";
import { stageFingerprint } from "../../incremental/buildManifest.ts";
import { readStageCache } from "../../incremental/stageCache.ts";
import { readEnriched } from "../../ingest/fetch/enrich.ts";
import { mergeDigests } from "../../ingest/merge/mergeDigests.ts";
import { textHash } from "../../ingest/merge/textHash.ts";
import { readDigests } from "../../ingest/readDigests.ts";
import { loadOverrides } from "../../topics/overrides.ts";
import { loadTaxonomy } from "../../topics/taxonomy.ts";
import type { BuildConfig } from "../buildConfig.ts";
import type { Stage } from "../stage.ts";

export type Ingested = Awaited<ReturnType<typeof ingest>>;

/**
 * parse → merge: the digests read and merged into one library of papers, with the configuration the
 * later stages read and what the last build's stages left (the stage cache).
 */
export async function ingest(config: BuildConfig, stage: Stage) {
  const settings = await loadSiteFile(config.siteFile);
  const digests = await stage(
    "parse",
    () => readDigests(config.digestsDir),
    (ds) => `${ds.length} digests, ${ds.reduce((n, d) => n + d.entries.length, 0)} entries`,
  );
  // Classify and relate go on from the last build's state when the archive only gained newer days.
  const cache = {
    file: join(config.cacheDir, "build", "stages.v8"),
    fingerprint: stageFingerprint([readOptional(config.topicsFile), readOptional(config.synonymsFile), "stages"]),
  };
  const last = readStageCache(cache.file, cache.fingerprint);
  // The topics file as the last build read it, when its text is the same (the fingerprint covers it):
  // parsing and checking the YAML took a quarter of a second.
  const taxonomy = last?.taxonomy ?? (await loadTaxonomy(config.topicsFile));
  const overrides = await loadOverrides(config.overridesFile);
  const known = await readEnriched(config.enrichedFile);
  const library = await stage(
    "merge",
    () => mergeDigests(digests, known, settings.site.paperMonthsFrom),
    (l) => `${l.papers.length} papers, ${l.papers.filter((p) => p.source.arxivId).length} with an arXiv id`,
  );
  // Each paper's words hashed once, for every check below of whether they changed.
  const words = library.papers.map(textHash);
  return { settings, library, words, taxonomy, overrides, cache: { ...cache, last } };
}

/** A configuration file's text; a missing one is empty (the build would have stopped on one it needs). */
export function readOptional(file: string) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
