import { closeSync, openSync, readSync, statSync, writeSync } from "node:fs";
import type { Library, Paper, TopicInfo } from "../model.ts";
import type { SiteData } from "../site/pageData.ts";
import { papersJsonParts } from "./papersJson.ts";

/** Where each paper's entry lies in a written papers.json, kept for the next build (in the manifest). */
export interface PapersJsonIndex {
  /** The file as written: an entry is copied from it only while it is still so. */
  size: number;
  mtimeMs: number;
  /** The papers' slugs, in order, joined by newlines (one string: cheap to keep and read back). */
  slugs: string;
  /** Each entry's first byte and the byte after its last, a pair per paper. */
  ranges: Float64Array;
}

/**
 * Writes papers.json (see papersJsonParts) through one reused megabyte of memory. An entry whose paper
 * `unchanged` vouches for is copied from the last build's file (`last`), if that file is still as the
 * last build wrote it: a day's build makes a few hundred entries instead of every one, and copies the
 * runs of unchanged ones a span at a time. Returns the new file's index.
 */
export function writePapersJson(
  file: string,
  library: Library,
  topics: readonly TopicInfo[],
  site: SiteData,
  unchanged: (p: Paper) => boolean,
  last?: { file: string; index: PapersJsonIndex },
): PapersJsonIndex {
  const parts = papersJsonParts(library, topics, site);
  const old = last && openIfAsWritten(last.file, last.index);
  const fd = openSync(file, "w");
  const out = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = () => {
    for (let at = 0; at < used; ) at += writeSync(fd, out, at, used - at);
    used = 0;
  };
  // Bytes of the old file still to copy: a run of unchanged entries with the commas between them.
  let span: [number, number] | undefined;
  const copySpan = () => {
    if (!span) return;
    for (let at = span[0]; at < span[1]; ) {
      if (used === out.length) flush();
      const n = readSync(old!.fd, out, used, Math.min(span[1] - at, out.length - used), at);
      if (n === 0) throw new Error(`${last!.file} ended early`);
      used += n;
      at += n;
    }
    span = undefined;
  };
  let position = 0;
  const text = (piece: string) => {
    copySpan();
    // A UTF-16 unit takes at most three bytes of UTF-8; a piece that may not fit the buffer goes out as it is.
    if (used + 3 * piece.length > out.length) flush();
    if (3 * piece.length > out.length) position += writeSync(fd, piece);
    else {
      const n = out.write(piece, used);
      used += n;
      position += n;
    }
  };
  const ranges = new Float64Array(2 * library.papers.length);
  try {
    text(parts.head);
    library.papers.forEach((p, i) => {
      const at = old && unchanged(p) ? old.entries.get(p.slug) : undefined;
      if (at === undefined) {
        if (i > 0) text(",");
        ranges[2 * i] = position;
        text(parts.entry(p));
      } else {
        const [start, end] = [old!.ranges[at], old!.ranges[at + 1]];
        // The entry right after the last one copied (past its comma): the span grows over both.
        if (span && span[1] + 1 === start) {
          position += 1;
          span[1] = end;
        } else {
          if (i > 0) text(",");
          span = [start, end];
        }
        ranges[2 * i] = position;
        position += end - start;
      }
      ranges[2 * i + 1] = position;
    });
    text(parts.tail);
    flush();
  } finally {
    closeSync(fd);
    if (old) closeSync(old.fd);
  }
  const stat = statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, slugs: library.papers.map((p) => p.slug).join("\n"), ranges };
}

/**
 * The last build's papers.json, opened, and its entries by slug, unless it is missing or no longer as that build wrote
 * it. */
function openIfAsWritten(file: string, index: PapersJsonIndex) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || stat.size !== index.size || Math.abs(stat.mtimeMs - index.mtimeMs) >= 1) return undefined;
  // Each slug → where its range starts in `ranges`.
  const entries = new Map(index.slugs.split("\n").map((slug, i) => [slug, 2 * i]));
  return { fd: openSync(file, "r"), ranges: index.ranges, entries };
}
