import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzip as gunzipAsync, gzip as gzipAsync } from "node:zlib";
import { type ChunkEntry, chunkList, splitChunk } from "./indexChunks.ts";

/**
 * Bytes of word entries (uncompressed) a piece of the index may end at; Pagefind's chunks hold
 * ~90 KB. Smaller pieces make a longer metadata file, which every search downloads whole. First
 * searches on a 10,000-paper site ("language model", "mixture of experts", "reinforcement
 * learning", in KB): Pagefind's chunks 330 / 454 / 329; 16 KB pieces 276 / 361 / 258; 8 KB 269 /
 * 346 / 232; 4 KB 269 / 337 / 221.
 */
const INDEX_PIECE_BYTES = 4_000;

/**
 * Cuts the word index Pagefind wrote in `dir` into smaller pieces (see
 * indexChunks) and rewrites its metadata to list them, under a new name that
 * its entry file points to. A shard whose files are not as expected (another
 * version of Pagefind) stays as Pagefind wrote it. Returns how many chunks were cut.
 * Reading, (de)compressing and writing happen on libuv's threads, so the build's
 * thread goes on with the next shard meanwhile.
 */
export async function splitSearchIndex(dir: string, target = INDEX_PIECE_BYTES): Promise<number> {
  const entryFile = join(dir, "pagefind-entry.json");
  // An index of pages without words has no word index to cut.
  if (!existsSync(join(dir, "index"))) return 0;
  const entry = JSON.parse(await readFile(entryFile, "utf8")) as { languages: Record<string, { hash: string }> };
  const taken = new Set((await readdir(join(dir, "index"))).map((f) => f.replace(/\.pf_index$/, "")));
  let cut = 0;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = chunkList(await gunzip(await readFile(metaFile)));
    if (!meta) continue;
    const files = meta.chunks.map(([, , hash]) => join(dir, "index", `${hash}.pf_index`));
    const chunks = await inParallel(files, async (file) => gunzip(await readFile(file)));
    // Named in order, so that a clash of short names resolves the same way in every build.
    const pieces = meta.chunks.map(([from, to], i) =>
      splitChunk(chunks[i], { from, to }, target)?.map((piece) => ({
        ...piece,
        name: uniqueName(language, piece.bytes, taken),
      })),
    );
    if (pieces.every((p) => p === undefined)) continue;
    const cutChunks = [...pieces.keys()].filter((i) => pieces[i]);
    await inParallel(
      cutChunks.flatMap((i) => pieces[i]!),
      async (piece) => writeFile(join(dir, "index", `${piece.name}.pf_index`), await gzip(piece.bytes)),
    );
    await inParallel(cutChunks, (i) => rm(files[i]));
    cut += cutChunks.length;
    const bytes = meta.replaced(
      meta.chunks.flatMap(
        (chunk, i) => pieces[i]?.map((piece): ChunkEntry => [piece.from, piece.to, piece.name]) ?? [chunk],
      ),
    );
    const hash = `${language}_${createHash("sha256").update(bytes).digest("hex").slice(0, 10)}`;
    await writeFile(join(dir, `pagefind.${hash}.pf_meta`), await gzip(bytes));
    await rm(metaFile);
    info.hash = hash;
  }
  if (cut > 0) await writeFile(entryFile, JSON.stringify(entry));
  return cut;
}

/**
 * `work` on each item, a few at a time (libuv has four threads, and thousands of files open at once could exceed the
 * limit). */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, width = 8): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

const gzip = promisify(gzipAsync);
const gunzip = promisify(gunzipAsync);

/** A piece's name as Pagefind names its chunks: the language, then 7 hex digits of a hash (more on a clash). */
function uniqueName(language: string, bytes: Uint8Array, taken: Set<string>): string {
  const hex = createHash("sha256").update(bytes).digest("hex");
  let length = 7;
  while (taken.has(`${language}_${hex.slice(0, length)}`)) length++;
  const name = `${language}_${hex.slice(0, length)}`;
  taken.add(name);
  return name;
}
