// The word index cut finer: a search must still find every word that begins
// with its term, in the one piece it loads; anything unexpected is left as Pagefind wrote it.
import { decode, encode } from "cborg";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChunkEntry, chunkList, type Piece, splitChunk } from "../src/search/pagefind/indexChunks.ts";

const SIGNATURE = Buffer.from("pagefind_dcd");

/** A chunk as Pagefind writes one: [[[word, [[page, [locations], []], …]], …]], words sorted. */
function chunkOf(words: [string, number][]): Uint8Array {
  const entries = words.map(([word, pages]) => [
    word,
    Array.from({ length: pages }, (_, page) => [page, [page * 3, page * 3 + 40], []]),
  ]);
  return Buffer.concat([SIGNATURE, encode([entries])]);
}

// A chunk standing for the whole index, so that every term falls in its range.
const WHOLE = { from: "", to: "\uffff" };

const wordsIn = (piece: Piece): string[] =>
  (decode(Buffer.from(piece.bytes).subarray(SIGNATURE.length)) as [[string, unknown][]])[0].map(([w]) => w);

/** The piece a search term loads: the first whose range holds it (Pagefind's strict lookup). */
const pieceFor = (pieces: Piece[], term: string) => pieces.find((p) => term >= p.from && term <= p.to);

const vocabulary = fc
  .uniqueArray(
    fc.tuple(
      fc.string({ unit: fc.constantFrom(..."abcdeé"), minLength: 1, maxLength: 7 }),
      fc.integer({ min: 1, max: 60 }),
    ),
    { selector: ([w]) => w, minLength: 2, maxLength: 120 },
  )
  .map((words) => words.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

describe("a chunk of Pagefind's word index, cut into pieces", () => {
  it("keeps every word once, in order, with its bytes as they were", () => {
    fc.assert(
      fc.property(vocabulary, fc.integer({ min: 1, max: 3000 }), (words, target) => {
        const chunk = chunkOf(words);
        const pieces = splitChunk(chunk, WHOLE, target);
        if (!pieces) return;
        expect(pieces.flatMap(wordsIn)).toEqual(words.map(([w]) => w));
        const entries = (decode(Buffer.from(chunk).subarray(SIGNATURE.length)) as unknown[][])[0];
        expect(
          pieces.flatMap((p) => (decode(Buffer.from(p.bytes).subarray(SIGNATURE.length)) as unknown[][])[0]),
        ).toEqual(entries);
      }),
    );
  });

  it(
    "never parts two words that share three leading characters, so a term of three or more finds all " +
      "its extensions in the piece it loads",
    () => {
      fc.assert(
        fc.property(vocabulary, fc.integer({ min: 1, max: 3000 }), (words, target) => {
          const pieces = splitChunk(chunkOf(words), WHOLE, target);
          if (!pieces) return;
          for (const [word] of words) {
            const chars = [...word];
            for (let n = 3; n <= chars.length; n++) {
              const term = chars.slice(0, n).join("");
              const loaded = pieceFor(pieces, term);
              expect(loaded, `"${term}" loads a piece`).toBeDefined();
              const extensions = words.map(([w]) => w).filter((w) => w.startsWith(term));
              expect(wordsIn(loaded!)).toEqual(expect.arrayContaining(extensions));
            }
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  it("cuts a large chunk into pieces of about the size asked for", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const words = Array.from({ length: 400 }, (_, i): [string, number] => [
      `${letters[Math.floor(i / 26)]}${letters[i % 26]}q`,
      5,
    ]);
    const pieces = splitChunk(chunkOf(words), { from: "aa", to: "pj" }, 2000)!;
    expect(pieces.length).toBeGreaterThan(5);
    // Every piece but the last reaches the size; none runs far past it (one word's entry is ~40 bytes).
    for (const piece of pieces.slice(0, -1)) expect(piece.bytes.length).toBeGreaterThanOrEqual(2000);
    for (const piece of pieces) expect(piece.bytes.length).toBeLessThan(2000 + 100);
    // The chunk's own bounds stay, so the chunks around it are found as before.
    expect(pieces[0].from).toBe("aa");
    expect(pieces[pieces.length - 1].to).toBe("pj");
  });

  it("leaves alone a chunk it does not recognise", () => {
    const chunk = chunkOf([
      ["alpha", 40],
      ["beta", 40],
      ["gamma", 40],
    ]);
    expect(splitChunk(chunk.subarray(1), { from: "a", to: "g" }, 10)).toBeUndefined();
    expect(splitChunk(Buffer.concat([chunk, Buffer.from([0])]), { from: "a", to: "g" }, 10)).toBeUndefined();
    expect(splitChunk(Buffer.concat([SIGNATURE, encode({ words: [] })]), { from: "a", to: "g" }, 10)).toBeUndefined();
    expect(splitChunk(chunk.subarray(0, chunk.length - 3), { from: "a", to: "g" }, 10)).toBeUndefined();
  });
});

describe("a shard's metadata, its list of chunks replaced", () => {
  const metaOf = (chunks: ChunkEntry[]) =>
    Buffer.concat([
      SIGNATURE,
      encode([
        "1.6.0",
        [
          ["en_956721a", 257, ""],
          ["en_cf8282c", 251, ""],
        ],
        chunks,
        [["topic", "en_b540b7f"]],
        [],
        ["date", "title"],
      ]),
    ]);
  const decoded = (bytes: Uint8Array) => decode(Buffer.from(bytes).subarray(SIGNATURE.length));

  it("lists the chunks and writes everything else back as it was", () => {
    const chunks: ChunkEntry[] = [
      ["0", "m", "en_aaaaaaa"],
      ["mo", "zzz", "en_bbbbbbb"],
    ];
    const meta = chunkList(metaOf(chunks))!;
    expect(meta.chunks).toEqual(chunks);
    // A list long enough to need a longer CBOR head, with a word outside ASCII.
    const pieces: ChunkEntry[] = Array.from({ length: 300 }, (_, i) => [
      `é${i}`,
      `é${i}z`,
      `en_${String(i).padStart(7, "0")}`,
    ]);
    expect(decoded(meta.replaced(pieces))).toEqual(decoded(metaOf(pieces)));
  });

  it("leaves alone metadata of another shape", () => {
    expect(chunkList(Buffer.concat([SIGNATURE, encode(["1.6.0", []])]))).toBeUndefined();
    expect(chunkList(Buffer.concat([SIGNATURE, encode(["1.6.0", [], [["a", "b"]]])]))).toBeUndefined();
    expect(chunkList(Buffer.concat([SIGNATURE, encode({ version: "2.0" })]))).toBeUndefined();
    expect(chunkList(encode(["1.6.0", [], []]))).toBeUndefined();
  });
});
