import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Library } from "../model.ts";
import { documentKey, indexedDocument } from "../search/indexedDocument.ts";
import { planShards, shardKey } from "../search/searchShards.ts";
import type { BuildManifest } from "./buildManifest.ts";
import { filesIn } from "./planBuild.ts";
import type { Rendered } from "./runEleventy.ts";
import { runPagefind } from "./runPagefind.ts";

/**
 * Builds the sharded search index of the site: every page with an indexed body,
 * papers in the order they first appeared. The pages rendered now are in
 * `siteDir`; the `kept` ones (unchanged since the last build, `previous`) are in
 * its site, `outDir`. A shard whose pages and indexed documents are those of the
 * last build, and none of whose files is `touched` (see touchedFiles), stays in `outDir` as it is; the
 * others are indexed by Pagefind, one at a time, into `siteDir`, once `pagefindRuns` (checkPagefind,
 * started earlier) says the binary runs.
 */
export async function indexSearch(siteDir: string, outDir: string, library: Library, rendered: Rendered, kept: ReadonlySet<string>, previous: BuildManifest | undefined, touched: ReadonlySet<string>, shardSize: number, pagefindRuns: Promise<void>) {
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
  // A full build's thousands of paper pages are read only as Pagefind indexes them, beside its work: every
  // paper's page has an indexed body (its layout marks one). The other pages are read now, as whether each has
  // one decides the shards.
  const paperList = library.papers.map((p) => `papers/${p.slug}/index.html`);
  const paperFiles = new Set(paperList);
  const unread = new Set<string>();
  for (const files of rendered.values()) {
    for (const file of files) {
      if (!file.endsWith(".html")) continue;
      if (!previous && paperFiles.has(file)) unread.add(file);
      else read(file);
    }
  }
  for (const file of kept) if (previous?.documents[file]) keys.set(file, previous.documents[file]);
  const documentOf = (page: string) => {
    const document = documents.get(page) ?? read(page);
    if (document === undefined) throw new Error(`${page} has no element marked data-pagefind-body`);
    documents.delete(page);
    return document;
  };

  const paperPages = paperList.filter((f) => keys.has(f) || unread.has(f));
  const shards = planShards([...keys.keys()].filter((f) => !paperFiles.has(f)).sort(), paperPages, shardSize);
  const shardKeys: Record<string, string> = {};
  const reindexed = new Set<string>();
  const unchanged: string[] = [];
  const previousFiles = previous ? Object.keys(previous.files) : [];
  for (const shard of shards) {
    if (previous) {
      const key = shardKey(shard, keys);
      const files = ownFiles(previousFiles, shard.dir);
      if (previous.shards[shard.dir] === key && files.length > 0 && !files.some((file) => touched.has(file))) {
        shardKeys[shard.dir] = key;
        unchanged.push(...files);
        continue;
      }
    }
    if (reindexed.size === 0) await pagefindRuns;
    await runPagefind(siteDir, shard, documentOf);
    // Every page of the shard has been read by now.
    shardKeys[shard.dir] = shardKey(shard, keys);
    reindexed.add(shard.dir);
  }
  const files = [...filesIn(siteDir, "pagefind"), ...unchanged];
  return { pages: keys.size, shards: shards.map((s) => s.dir), reindexed, keys: shardKeys, documents: Object.fromEntries(keys), files };
}

/** A shard's files among `files`: those under its folder, not under a shard folder inside it. */
function ownFiles(files: string[], dir: string) {
  return files.filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).startsWith("papers-"));
}
