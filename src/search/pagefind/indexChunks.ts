/**
 * Pagefind's word index, cut finer. Pagefind writes its index in chunks of
 * about 20,000 word locations (a constant of its own), and a search downloads,
 * for each word of the query, the whole chunk the word falls in: ~35 KB from
 * every shard, most of it other words. We cut each of its chunks again into
 * pieces of about `target` bytes, so a query downloads little more than its own
 * words' entries.
 *
 * A search matches a word and its extensions ("agent" finds "agentic") among
 * the chunks it loaded, and it loads one chunk per word. So a new cut only ever
 * falls between two words that share at most two leading characters: every word
 * beginning with a search term of three or more characters stays in the piece
 * that term loads, and such a search finds what it found before. Pagefind's own
 * cuts stay where they are. (Pagefind also loads the chunk of a word as typed,
 * "coding" beside its stem "code", and any word in it that extends the stem
 * matched too; a piece holds fewer such strangers. Of 266 queries on a
 * 10,000-paper site, "coding" alone found fewer papers: 7,957, as "code" does,
 * rather than 8,461.)
 *
 * A chunk is `pagefind_dcd` followed by CBOR: [[word, …]], each word an array
 * beginning with its text. A piece is the same, its words' bytes copied as
 * they are. The shard's metadata lists the chunks ([from, to, file name]) as
 * its third item. Anything else (another Pagefind's format) is left alone.
 */

const SIGNATURE = new TextEncoder().encode("pagefind_dcd");
const SHARED_AT_A_CUT = 2;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export interface ChunkRange {
  from: string;
  to: string;
}

export interface Piece extends ChunkRange {
  /** The piece as Pagefind reads it, uncompressed (signature and CBOR). */
  bytes: Uint8Array;
}

/**
 * A chunk's pieces of about `target` bytes each (the first `from` and the last
 * `to` are the chunk's own), or undefined when the chunk is not in the expected
 * format or needs no cut.
 */
export function splitChunk(chunk: Uint8Array, range: ChunkRange, target: number): Piece[] | undefined {
  const words = wordsOf(chunk);
  if (!words || words.length < 2) return undefined;
  const groups: Word[][] = [[]];
  let size = 0;
  for (const word of words) {
    const group = groups[groups.length - 1];
    const last = group[group.length - 1];
    if (last && size >= target && sharedPrefix(last.text, word.text) <= SHARED_AT_A_CUT) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(word);
    size += word.end - word.start;
  }
  if (groups.length === 1) return undefined;
  const pieces = groups.map((group) => ({ from: "", to: "", bytes: encodeChunk(chunk, group) }));
  pieces[0].from = range.from;
  pieces[pieces.length - 1].to = range.to;
  for (let i = 0; i + 1 < groups.length; i++) {
    // A search loads the piece whose range holds its word. Every word that begins with a search term
    // of three characters or more is at most the piece's last word, and at least the next piece's first
    // word cut one character past what the two share (as Pagefind cuts its own boundaries).
    const [last, first] = [groups[i][groups[i].length - 1].text, groups[i + 1][0].text];
    pieces[i].to = last;
    pieces[i + 1].from = [...first].slice(0, sharedPrefix(last, first) + 1).join("");
  }
  return pieces;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of a chunk with their byte spans, if the chunk re-encodes from them exactly. */
/** Whether a chunk of the word index (uncompressed) is in the format this module cuts. */
export const isWordChunk = (chunk: Uint8Array) => wordsOf(chunk) !== undefined;

function wordsOf(chunk: Uint8Array): Word[] | undefined {
  if (!startsWith(chunk, SIGNATURE)) return undefined;
  try {
    const reader = new Reader(chunk, SIGNATURE.length);
    if (reader.arrayLength() !== 1) return undefined;
    const count = reader.arrayLength();
    const words: Word[] = [];
    for (let i = 0; i < count; i++) {
      const start = reader.at;
      if (reader.arrayLength() < 1) return undefined;
      const text = reader.text();
      reader.at = start;
      reader.skip();
      words.push({ text, start, end: reader.at });
    }
    // The chunk is its head and its words, nothing else, so its pieces re-encode it exactly.
    const head = SIGNATURE.length + 1 + arrayHeader(count).length;
    return reader.at === chunk.length && words[0]?.start === head ? words : undefined;
  } catch {
    return undefined;
  }
}

function encodeChunk(chunk: Uint8Array, words: Word[]): Uint8Array {
  const head = [...SIGNATURE, 0x81, ...arrayHeader(words.length)];
  const out = new Uint8Array(head.length + words.reduce((n, w) => n + w.end - w.start, 0));
  out.set(head);
  let at = head.length;
  for (const w of words) {
    out.set(chunk.subarray(w.start, w.end), at);
    at += w.end - w.start;
  }
  return out;
}

/** A CBOR head (major type and length) in its shortest form, as Pagefind's encoder writes it. */
function head(major: number, n: number): number[] {
  const type = major << 5;
  if (n < 24) return [type | n];
  if (n < 0x100) return [type | 24, n];
  if (n < 0x10000) return [type | 25, n >> 8, n & 0xff];
  return [type | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

const arrayHeader = (n: number) => head(4, n);

function textItem(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [...head(3, bytes.length), ...bytes];
}

/** Characters (not UTF-16 units) two words begin with alike, as Pagefind counts them. */
/** A chunk as Pagefind's metadata lists it: the words it spans (boundaries cut short) and its file's name. */
export type ChunkEntry = [from: string, to: string, hash: string];

/**
 * The chunks a shard's metadata lists, and a function that writes the metadata
 * again with other chunks in their place (all else as it was); undefined if the
 * metadata is not [version, pages, chunks, …] or its list would not re-encode
 * exactly.
 */
export function chunkList(
  meta: Uint8Array,
): { chunks: ChunkEntry[]; replaced: (chunks: ChunkEntry[]) => Uint8Array } | undefined {
  if (!startsWith(meta, SIGNATURE)) return undefined;
  try {
    const reader = new Reader(meta, SIGNATURE.length);
    if (reader.arrayLength() < 3) return undefined;
    reader.skip();
    reader.skip();
    const start = reader.at;
    const chunks: ChunkEntry[] = [];
    for (let i = reader.arrayLength(); i > 0; i--) {
      if (reader.arrayLength() !== 3) return undefined;
      chunks.push([reader.text(), reader.text(), reader.text()]);
    }
    const end = reader.at;
    const encoded = encodeList(chunks);
    if (encoded.length !== end - start || !startsWith(meta.subarray(start), encoded)) return undefined;
    const replaced = (others: ChunkEntry[]) => {
      const list = encodeList(others);
      const out = new Uint8Array(meta.length - (end - start) + list.length);
      out.set(meta.subarray(0, start));
      out.set(list, start);
      out.set(meta.subarray(end), start + list.length);
      return out;
    };
    return { chunks, replaced };
  } catch {
    return undefined;
  }
}

function encodeList(chunks: ChunkEntry[]): Uint8Array {
  return new Uint8Array([
    ...arrayHeader(chunks.length),
    ...chunks.flatMap((entry) => [...arrayHeader(3), ...entry.flatMap(textItem)]),
  ]);
}

function sharedPrefix(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array) {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Just enough of CBOR to walk Pagefind's chunks: definite lengths, no tags. */
class Reader {
  /** The last head's major type. */
  private major = 0;

  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  /** Reads an item's head: its major type into `major`, its length or value returned. */
  private head(): number {
    const first = this.bytes[this.at++];
    if (first === undefined) throw new Error("truncated");
    this.major = first >> 5;
    const info = first & 31;
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error("indefinite or reserved length");
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + this.bytes[this.at++];
    if (this.at > this.bytes.length) throw new Error("truncated");
    return value;
  }

  arrayLength(): number {
    const length = this.head();
    if (this.major !== 4) throw new Error("not an array");
    return length;
  }

  text(): string {
    const length = this.head();
    if (this.major !== 3) throw new Error("not a text");
    const text = UTF8.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  /** Steps over one item and everything in it. */
  skip(): void {
    for (let items = 1; items > 0; items--) {
      const value = this.head();
      if (this.major === 2 || this.major === 3) this.at += value;
      else if (this.major === 4) items += value;
      else if (this.major === 5) items += 2 * value;
      else if (this.major === 6) throw new Error("tagged item");
      // 0, 1 and 7: the head is the item.
    }
    if (this.at > this.bytes.length) throw new Error("truncated");
  }
}
