import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Library } from "../model.ts";
import { documentKey, indexedDocument } from "../search/indexedDocument.ts";
import { planShards, shardKey } from "../search/searchShards.ts";
import { type BuildManifest, untouched } from "./buildManifest.ts";
import { carryOver, filesIn } from "./planBuild.ts";
import type { Rendered } from "./runEleventy.ts";
import { checkPagefind, runPagefind } from "./runPagefind.ts";

/**
 * Builds the sharded search index of the site in `siteDir`: every page with an
 * indexed body, papers in the order they first appeared. A shard whose pages
 * and indexed documents are those of the last build (`previous`, whose site is
 * `outDir`) is carried over (as are the `carried` pages' documents); the others are indexed by Pagefind, one at a time.
 */
export async function indexSearch(siteDir: string, outDir: string, library: Library, rendered: Rendered, carried: ReadonlySet<string>, previous: BuildManifest | undefined, shardSize: number) {
  // Indexed documents: read from the pages rendered now, remembered for the pages carried over.
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
  for (const file of carried) if (previous?.documents[file]) keys.set(file, previous.documents[file]);

  const paperPages = library.papers.map((p) => `papers/${p.slug}/index.html`).filter((f) => keys.has(f));
  const papers = new Set(paperPages);
  const shards = planShards([...keys.keys()].filter((f) => !papers.has(f)).sort(), paperPages, shardSize);
  const shardKeys: Record<string, string> = {};
  let indexed = 0;
  for (const shard of shards) {
    const key = shardKey(shard, keys);
    shardKeys[shard.dir] = key;
    const files = previous ? ownFiles(Object.keys(previous.files), shard.dir) : [];
    if (previous?.shards[shard.dir] === key && files.length > 0 && untouched(outDir, previous, files)) {
      const made = new Set<string>();
      for (const file of files) carryOver(join(outDir, file), join(siteDir, file), made);
      continue;
    }
    if (indexed === 0) await checkPagefind();
    await runPagefind(siteDir, shard, (page) => documents.get(page) ?? indexedDocument(readFileSync(join(siteDir, page), "utf8"))!);
    indexed++;
  }
  return { pages: keys.size, shards: shards.map((s) => s.dir), indexed, keys: shardKeys, documents: Object.fromEntries(keys), files: filesIn(siteDir, "pagefind") };
}

/** A shard's files among `files`: those under its folder, not under a shard folder inside it. */
function ownFiles(files: string[], dir: string) {
  return files.filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).startsWith("papers-"));
}
