import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildManifest } from "../incremental/buildManifest.ts";
import { filesIn } from "../incremental/planBuild.ts";
import type { Library } from "../model.ts";
import type { Turn } from "../pipeline/takeTurns.ts";
import type { Rendering } from "../render/renderPages.ts";
import { documentKey, indexedDocument } from "./indexedDocument.ts";
import { finishShard, runPagefind } from "./pagefind/runPagefind.ts";
import { planShards, type SearchShard, shardKey } from "./searchShards.ts";

/**
 * Builds the sharded search index of the site: every page with an indexed body,
 * papers in the order they first appeared. The pages rendered now are in
 * `siteDir`, as `rendering` (see renderPages) writes them; the `kept` ones
 * (unchanged since the last build, `previous`) are in its site, `outDir`. A
 * shard whose pages and indexed documents are those of the last build, and none
 * of whose files is `touched` (see touchedFiles), stays in `outDir` as it is; the
 * others are indexed by Pagefind, one at a time, into `siteDir`, once
 * `pagefindRuns` (checkPagefind, started earlier) says the binary runs. Pagefind
 * writes a shard when its `turn` comes.
 */
/** What indexSearch is given (see it). */
export interface SearchInput {
  siteDir: string;
  outDir: string;
  library: Library;
  rendering: Rendering;
  kept: ReadonlySet<string>;
  previous: BuildManifest | undefined;
  touched: ReadonlySet<string>;
  shardSize: number;
  pagefindRuns: Promise<void>;
  turn: Turn;
}

export async function indexSearch({
  siteDir,
  outDir,
  library,
  rendering,
  kept,
  previous,
  touched,
  shardSize,
  pagefindRuns,
  turn,
}: SearchInput) {
  // Indexed documents, each read once from its page (rendered now, or kept from the last build) and handed to
  // Pagefind; their keys say whether a shard changed, and are remembered for the next build.
  const documents = new Map<string, string>();
  const keys = new Map<string, string>();
  const read = (file: string) => {
    const document = indexedDocument(readFileSync(join(kept.has(file) ? outDir : siteDir, file), "utf8"));
    if (document !== undefined) {
      documents.set(file, document);
      keys.set(file, documentKey(document));
    }
    return document;
  };
  const documentOf = (page: string) => {
    const document = documents.get(page) ?? read(page);
    if (document === undefined) throw new Error(`${page} has no element marked data-pagefind-body`);
    documents.delete(page);
    return document;
  };

  const shardKeys = new Map<string, string>();
  const reindexed = new Set<string>();
  const unchanged: string[] = [];
  const previousFiles = previous ? [...previous.files.keys()] : [];
  const finishing: Promise<void>[] = [];
  const index = async (shard: SearchShard) => {
    if (previous) {
      const key = shardKey(shard, keys);
      const files = ownFiles(previousFiles, shard.dir);
      if (previous.shards[shard.dir] === key && files.length > 0 && !files.some((file) => touched.has(file))) {
        shardKeys.set(shard.dir, key);
        unchanged.push(...files);
        return;
      }
    }
    if (reindexed.size === 0) await pagefindRuns;
    await runPagefind(siteDir, shard, documentOf, turn);
    // Finished while Pagefind indexes the next shard; awaited before the shards' files are listed.
    const finished = finishShard(siteDir, shard);
    finished.catch(() => {});
    finishing.push(finished);
    // Every page of the shard has been read by now.
    shardKeys.set(shard.dir, shardKey(shard, keys));
    reindexed.add(shard.dir);
  };

  let shards: SearchShard[];
  try {
    // A full build renders every paper's page (whose layout marks an indexed body), papers first, in the order
    // of their shards: Pagefind reads a shard's pages (read only now) while Eleventy renders the next's.
    const paperList = library.papers.map((p) => `papers/${p.slug}/index.html`);
    if (!previous) {
      for (const shard of planShards([], paperList, shardSize).slice(1)) {
        await rendering.ready(shard.pages);
        await index(shard);
      }
    }
    // The other pages are read once all are rendered, as whether each has an indexed body decides the shards.
    const paperFiles = new Set(paperList);
    for (const files of (await rendering.done).values()) {
      for (const file of files) if (file.endsWith(".html") && (previous || !paperFiles.has(file))) read(file);
    }
    for (const file of kept) {
      const key = previous?.documents.get(file);
      if (key) keys.set(file, key);
    }
    const paperPages = previous ? paperList.filter((f) => keys.has(f)) : paperList;
    shards = planShards([...keys.keys()].filter((f) => !paperFiles.has(f)).sort(), paperPages, shardSize);
    for (const shard of shards) if (!shardKeys.has(shard.dir)) await index(shard);
    await Promise.all(finishing);
  } finally {
    // No shard is still being finished once this fails either (a failed build removes the folder).
    await Promise.allSettled(finishing);
  }
  const files = [...filesIn(siteDir, "pagefind"), ...unchanged];
  return {
    pages: keys.size,
    shards: shards.map((s) => s.dir),
    reindexed,
    keys: Object.fromEntries(shardKeys),
    documents: keys,
    files,
  };
}

/** A shard's files among `files`: those under its folder, not under a shard folder inside it. */
function ownFiles(files: string[], dir: string) {
  return files.filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).startsWith("papers-"));
}
