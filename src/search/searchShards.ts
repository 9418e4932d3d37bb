import { createHash } from "node:crypto";

/**
 * The search index in shards, so that no Pagefind run holds the whole archive
 * (its memory grows with pages) and a daily build re-indexes only the shard
 * the new papers went into. The primary index (/pagefind/) holds the topic
 * pages and Pagefind's scripts; papers follow in shards of a fixed size, in the
 * order they first appeared, so old shards never change when a digest is added.
 * The browser merges them (Pagefind's mergeIndex).
 */
export interface SearchShard {
  /** Folder under the site: "pagefind" for the primary, "pagefind/papers-N" for papers. */
  dir: string;
  /** Site-relative HTML files, in indexing order. */
  pages: string[];
}

/** Papers per shard: a Pagefind run of 2,000 pages takes seconds and a few hundred MB. */
export const DEFAULT_SHARD_SIZE = 2_000;

export function planShards(topicPages: readonly string[], paperPages: readonly string[], size = DEFAULT_SHARD_SIZE): SearchShard[] {
  const shards: SearchShard[] = [{ dir: "pagefind", pages: [...topicPages] }];
  for (let start = 0; start < paperPages.length; start += size) {
    shards.push({ dir: `pagefind/papers-${shards.length - 1}`, pages: paperPages.slice(start, start + size) });
  }
  return shards;
}

/** What a shard's index is made of: its pages and their indexed documents' keys. Equal keys, equal index. */
export function shardKey(shard: SearchShard, documentKeys: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256").update(shard.dir);
  for (const page of shard.pages) hash.update(`\n${page} ${documentKeys.get(page) ?? "-"}`);
  return hash.digest("base64url").slice(0, 22);
}
