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
  // Indexed documents: read from the pages rendered now, remembered for the unchanged ones.
  const documents = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const files of rendered.values()) {
    for (const file of files) {
      if (!file.endsWith(".html")) continue;
      const document = indexedDocument(readFileSync(join(siteDir, file), "utf8"));
      if (document === undefined) continue;
      documents.set(file, document);
      keys.set(file, documentKey(document));
    }
  }
  for (const file of kept) if (previous?.documents[file]) keys.set(file, previous.documents[file]);

  const paperPages = library.papers.map((p) => `papers/${p.slug}/index.html`).filter((f) => keys.has(f));
  const papers = new Set(paperPages);
  const shards = planShards([...keys.keys()].filter((f) => !papers.has(f)).sort(), paperPages, shardSize);
  const shardKeys: Record<string, string> = {};
  const reindexed = new Set<string>();
  const unchanged: string[] = [];
  const previousFiles = previous ? Object.keys(previous.files) : [];
  for (const shard of shards) {
    const key = shardKey(shard, keys);
    shardKeys[shard.dir] = key;
    const files = ownFiles(previousFiles, shard.dir);
    if (previous?.shards[shard.dir] === key && files.length > 0 && !files.some((file) => touched.has(file))) {
      unchanged.push(...files);
      continue;
    }
    if (reindexed.size === 0) await pagefindRuns;
    await runPagefind(siteDir, shard, (page) => documents.get(page) ?? indexedDocument(readFileSync(join(kept.has(page) ? outDir : siteDir, page), "utf8"))!);
    reindexed.add(shard.dir);
  }
  const files = [...filesIn(siteDir, "pagefind"), ...unchanged];
  return { pages: keys.size, shards: shards.map((s) => s.dir), reindexed, keys: shardKeys, documents: Object.fromEntries(keys), files };
}

/** A shard's files among `files`: those under its folder, not under a shard folder inside it. */
function ownFiles(files: string[], dir: string) {
  return files.filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).startsWith("papers-"));
}
