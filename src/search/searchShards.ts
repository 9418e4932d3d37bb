import { createHash } from "node:crypto";
import { DEFAULTS } from "../config/settings.ts";

/**
 * The search index in shards, so that no Pagefind run holds the whole archive
 * (its memory grows with pages) and a daily build re-indexes only the small
 * shard the new papers went into. The primary index (/pagefind/) holds the topic
 * pages, the newest papers and Pagefind's scripts; the other papers follow in
 * the order they first appeared, and the search page merges them all (Pagefind's
 * mergeIndex) once the primary has given its first results.
 *
 * Each shard costs a complete search its own metadata and index chunks (~85 KB
 * gzipped for a two-word query at 5,000 papers), so shards are few, and each costs
 * a build a Pagefind run when it changes, so the newest are small. Papers are cut
 * like a binary counter: full shards of `size` papers, then the rest in blocks of
 * size/8 grouped by powers of two (8 → 4 + 2 + 1 blocks). The newest papers stay
 * in the primary: the unfinished block and the block before it, at least size/8
 * papers (all of a smaller archive) and fewer than size/4, so that a first search
 * can show the newest papers' results from the primary alone, at the same cost at
 * any archive size, before it merges the rest (content/assets/search.js). A new
 * day touches the primary; every size/8 papers blocks merge into a bigger shard (a
 * full shard's worth of indexing once every `size` papers). The cut depends only
 * on the number of papers, so a full and an incremental build cut alike, and old
 * shards never change.
 */
export interface SearchShard {
  /** Folder under the site: "pagefind" for the primary, "pagefind/papers-<first>-<last>" for papers. */
  dir: string;
  /** Site-relative HTML files, in indexing order. */
  pages: string[];
}

export function planShards(
  topicPages: readonly string[],
  paperPages: readonly string[],
  size = DEFAULTS.shardSize,
): SearchShard[] {
  const block = Math.max(1, Math.floor(size / 8));
  const lengths: number[] = [];
  let rest = Math.max(0, paperPages.length - block);
  for (; rest >= size; rest -= size) lengths.push(size);
  for (let blocks = Math.floor(rest / block), power = 8; power >= 1; power /= 2) {
    if (blocks >= power) {
      lengths.push(power * block);
      blocks -= power;
    }
  }
  // The newest papers join the topic pages in the primary, which a daily build indexes anyway.
  const sealed = lengths.reduce((a, b) => a + b, 0);
  const shards: SearchShard[] = [{ dir: "pagefind", pages: [...topicPages, ...paperPages.slice(sealed)] }];
  let start = 0;
  for (const length of lengths) {
    shards.push({
      dir: `pagefind/papers-${start}-${start + length - 1}`,
      pages: paperPages.slice(start, start + length),
    });
    start += length;
  }
  return shards;
}

/** What a shard's index is made of: its pages and their indexed documents' keys. Equal keys, equal index. */
export function shardKey(shard: SearchShard, documentKeys: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256").update(shard.dir);
  for (const page of shard.pages) hash.update(`\n${page} ${documentKeys.get(page) ?? "-"}`);
  return hash.digest("base64url").slice(0, 22);
}
