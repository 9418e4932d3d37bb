import { join, resolve } from "node:path";
import { GENERATED_DIR } from "../../config/paths.ts";
import { type BuildManifest, buildFingerprint, readManifest } from "../../incremental/buildManifest.ts";
import { madeAlike, planBuild } from "../../incremental/planBuild.ts";
import { usable } from "../../incremental/stageCache.ts";
import type { Library } from "../../model.ts";
import { paperExtras } from "../../pages/paperExtras.ts";
import { eachSitePage, pageText, type SitePage } from "../../pages/sitePages.ts";
import { generatedWriter, updateGenerated } from "../../render/writeGenerated.ts";
import { loadSynonyms, synonymIndex } from "../../search/synonyms.ts";
import { shortHash } from "../../util/shortHash.ts";
import type { BuildConfig } from "../buildConfig.ts";
import { releaseMemory } from "../releaseMemory.ts";
import type { Stage } from "../stage.ts";
import type { Cards } from "./cards.ts";
import type { Classified } from "./classify.ts";
import { type Ingested, readOptional } from "./ingest.ts";

export type Pages = Awaited<ReturnType<typeof writePages>>;

/**
 * pages → cache → emit: every page of the site as the text Eleventy renders, what the last build's manifest
 * says of them (which changed), and the changed ones written to the generated folder. `distrust` is why the
 * last build's site can't be kept, when an earlier attempt of this build found out.
 */
export async function writePages(
  config: BuildConfig,
  stage: Stage,
  ingested: Ingested,
  classified: Classified,
  library: Library,
  cards: Cards,
  distrust?: string,
) {
  const { title, description, language, author } = ingested.settings.site;
  const site = {
    title,
    description,
    language,
    url: config.siteUrl,
    ...(author ? { author } : {}),
    generated: new Date().toISOString(),
  };
  const synonyms = ingested.cache.last?.synonyms ?? (await loadSynonyms(config.synonymsFile));
  // What the last build left: pages whose text is unchanged stay in the site it built.
  const manifestFile = join(config.cacheDir, "build", "manifest.v8");
  const out = resolve(config.outDir);
  const fingerprint = buildFingerprint([
    ingested.settings.text,
    readOptional(config.topicsFile),
    readOptional(config.synonymsFile),
    JSON.stringify({ ...site, generated: undefined }),
    `search shards of ${config.shardSize}`,
  ]);
  const manifest = distrust ?? readManifest(manifestFile, fingerprint, out);
  const last = typeof manifest === "string" ? undefined : manifest;
  const extras = paperExtras(
    library.papers,
    synonymIndex(synonyms),
    usable(ingested.cache.last?.extras, classified.hashes),
  );
  // A full build writes each page to the generated folder as it is made (see generatedWriter).
  const full = last ? undefined : generatedWriter(GENERATED_DIR);
  const words = new Map(ingested.library.papers.map((p, i) => [p.slug, ingested.words[i]]));
  const make = () => {
    const texts = new Map<string, string>();
    const hashes = new Map<string, string>();
    const keep = full ? full.write : (path: string, text: string) => void texts.set(path, text);
    eachSitePage(
      (path, page) => takePage(path, page, keep, hashes, last),
      library,
      ingested.taxonomy,
      site,
      { feedItems: config.feedItems, authorMinPapers: ingested.settings.site.authorPages.minPapers },
      cards.plan,
      extras.extras,
      words,
    );
    return { texts, hashes };
  };
  const { texts, hashes } = await stage("pages", make, (r) => {
    const what = full ? "every file made and written" : `${r.texts.size} files to write`;
    return `${r.hashes.size} pages, ${what}${extras.reused ? `, ${extras.reused} papers' extras as last built` : ""}`;
  });
  const plan = await stage(
    "cache",
    () => planBuild(manifest, hashes),
    (p) => p.describe,
  );
  await stage(
    "emit",
    () =>
      plan.previous
        ? { ...updateGenerated(GENERATED_DIR, texts, plan.removed), unchanged: plan.kept.length }
        : full!.finish(),
    (r) => `${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed`,
  );
  // Eleventy and Pagefind run as processes of their own: hand back what we no longer need (the pages'
  // texts are in the generated folder now).
  texts.clear();
  releaseMemory();
  return { site, synonyms, extras, hashes, plan, manifestFile, out, fingerprint };
}

/**
 * One page: its hash recorded (of its text, or for a paper's page or a list the key standing for its text,
 * which tells which pages changed), and its text kept, unless the last build made it alike: an
 * incremental build makes or keeps only what changed (see eachSitePage); data files always.
 */
function takePage(
  path: string,
  page: SitePage,
  keep: (path: string, text: string) => void,
  hashes: Map<string, string>,
  last: BuildManifest | undefined,
) {
  if (!path.endsWith(".md")) return keep(path, pageText(page));
  const hash = typeof page === "string" ? shortHash(page) : page.key;
  hashes.set(path, hash);
  if (!last || !madeAlike(last, path, hash)) keep(path, pageText(page));
}
