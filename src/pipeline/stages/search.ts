import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildManifest } from "../../incremental/buildManifest.ts";
import type { Library } from "../../model.ts";
import type { Rendering } from "../../render/renderPages.ts";
import { indexSearch } from "../../search/indexSearch.ts";
import { checkPagefind } from "../../search/pagefind/runPagefind.ts";
import { topicPageIds } from "../../search/pagefind/topicPageIds.ts";
import { shortHash } from "../../util/shortHash.ts";
import type { BuildConfig } from "../buildConfig.ts";
import { inStage, later, type Stage } from "../stage.ts";
import type { Turn } from "../takeTurns.ts";
import { writeFiles } from "./writeFiles.ts";

/** What indexing is given: the rendering to follow, the last build, and the files kept from it (see indexSearch). */
interface IndexInput {
  rendering: Rendering;
  previous: BuildManifest | undefined;
  kept: ReadonlySet<string>;
  touched: ReadonlySet<string>;
  turn: Turn;
  /** Whether it runs beside Eleventy's runs (its progress line says so). */
  besideEleventy: boolean;
}

/**
 * pagefind: the sharded search index (see indexSearch), started once `index` is called. Whether Pagefind's
 * binary runs is asked at once (it prints its version in ~0.01 s), and awaited before indexing.
 */
export function prepareSearch(config: BuildConfig, stage: Stage, temp: string, library: Library) {
  const pagefindRuns = later(checkPagefind());
  let started: Promise<unknown> | undefined;
  return {
    index({ rendering, previous, kept, touched, turn, besideEleventy }: IndexInput) {
      const { outDir, shardSize } = config;
      const search = later(
        stage(
          "pagefind",
          () =>
            inStage("pagefind", async () => {
              const run = await indexSearch({
                ...{ siteDir: temp, outDir, library, rendering, kept, previous, touched },
                ...{ shardSize, pagefindRuns, turn },
              });
              return { ...run, topicPages: topicPageIds(run.reindexed.has("pagefind") ? temp : outDir) };
            }),
          (r) => {
            const beside = besideEleventy ? ", beside Eleventy" : "";
            return `${r.pages} pages in ${r.shards.length} shards, ${r.reindexed.size} shards indexed${beside}`;
          },
        ),
      );
      started = search;
      return search;
    },
    /** Settles once Pagefind no longer writes into the site being built (a failed build waits to remove it). */
    stopped: () => started?.catch(() => {}),
  };
}

/**
 * What the search page merges, each topic's page id in the primary index (for its filter), and a tag that
 * changes with any shard's entry file: the search page hands it to Pagefind as `metaCacheTag`, so the entry
 * files have one URL a build (which the offline cache keeps) instead of a new one each visit.
 */
export function writeSearchIndex(temp: string, outDir: string, index: { shards: string[]; topicPages: unknown }) {
  const merge = index.shards.filter((dir) => dir !== "pagefind").map((dir) => `/${dir}/`);
  const entries = index.shards.map((dir) => {
    for (const root of [temp, outDir])
      try {
        return readFileSync(join(root, dir, "pagefind-entry.json"), "utf8");
      } catch {}
    return dir;
  });
  const tag = shortHash(entries.join("\n"));
  writeFiles(temp, new Map([["search/index.json", JSON.stringify({ merge, topicPages: index.topicPages, tag })]]));
}
