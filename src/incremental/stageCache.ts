import { createHash } from "node:crypto";
import type { ExtrasState } from "../pages/paperExtras.ts";
import type { RelateState } from "../related/relatedPapers.ts";
import type { SynonymGroup } from "../search/synonyms.ts";
import type { VocabularyState } from "../search/vocabulary.ts";
import type { ClassifyState } from "../topics/assignTopics.ts";
import type { TopicSpec } from "../topics/taxonomy.ts";
import { readCacheFile, writeCacheFile } from "./cacheFile.ts";

/**
 * What classify, relate, the papers' extras and the search vocabulary left in the last build (and the
 * configuration files they read, parsed), so that a build whose
 * archive only adds newer days works on the new papers alone. Each state is
 * stored with a hash of the inputs it covers (the first papers of the archive):
 * it is used only when today's first papers hash the same, and only by a
 * program with the same fingerprint; otherwise the stage runs on everything.
 */
export interface StageCache {
  version: typeof VERSION;
  fingerprint: string;
  /** The topics and synonyms files, parsed and checked (the fingerprint covers their texts). */
  taxonomy?: TopicSpec[];
  synonyms?: SynonymGroup[];
  classify?: { inputs: string; state: ClassifyState };
  relate?: { inputs: string; state: RelateState };
  /** Keyed by classify's inputs, which include the titles and abstracts the extras come from. */
  extras?: { inputs: string; state: ExtrasState };
  /** Keyed by relate's inputs, which include the titles, abstracts and authors the words come from. */
  vocabulary?: { inputs: string; state: VocabularyState };
}

const VERSION = 1;

/**
 * Hashes of a stage's inputs (each item fed whole, see feed): of them all, and of the first `count` (the cached
 * state's). */
export interface InputHashes {
  all: string;
  first?: string;
}

/**
 * One pass over the inputs gives both hashes: the first `count` items' is read off a copy on the way.
 * The items are written out (see encode) and hashed a long stretch at a time: a hash update per part
 * cost three times as much (200,000 calls into the hash for a day of 10,000 papers).
 */
export function inputHashes(items: readonly unknown[], count?: number): InputHashes {
  const hash = createHash("sha256");
  let first: string | undefined;
  let text = "";
  for (let i = 0; i <= items.length; i++) {
    if (i === count || text.length > 1 << 16 || i === items.length) {
      hash.update(text, "utf16le");
      text = "";
    }
    if (i === count) first = hash.copy().digest("base64url");
    if (i < items.length) text += encode(items[i]);
  }
  return { all: hash.digest("base64url"), first };
}

/**
 * A value (strings, numbers, booleans, null or undefined, arrays and plain objects of them) written out
 * so that two different values never come out alike: each part says its kind and size. Hashed as
 * UTF-16, every string goes in exactly, lone surrogates too.
 */
function encode(value: unknown): string {
  if (typeof value === "string") return `s${value.length}:${value}`;
  if (Array.isArray(value)) {
    let text = `a${value.length}:`;
    for (const item of value) text += encode(item);
    return text;
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    let text = `o${keys.length}:`;
    for (const key of keys) text += encode(key) + encode((value as Record<string, unknown>)[key]);
    return text;
  }
  return `${typeof value}:${String(value)};`;
}

/** The cached state, when the file is whole and was written with `fingerprint`. */
export function readStageCache(file: string, fingerprint: string): StageCache | undefined {
  const cache = readCacheFile(file) as StageCache | symbol;
  return typeof cache === "object" && cache?.version === VERSION && cache.fingerprint === fingerprint
    ? cache
    : undefined;
}

/** A state, if it covers exactly the first papers of today's inputs. */
export function usable<S extends { count: number }>(
  cached: { inputs: string; state: S } | undefined,
  hashes: InputHashes,
): S | undefined {
  return cached && hashes.first === cached.inputs ? cached.state : undefined;
}

/** Written whole or not at all. */
export const writeStageCache = (file: string, cache: Omit<StageCache, "version">) =>
  writeCacheFile(file, { version: VERSION, ...cache });
