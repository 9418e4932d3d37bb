import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { RelateState } from "../related/relatedPapers.ts";
import type { ClassifyState } from "../topics/assignTopics.ts";

/**
 * What classify and relate left in the last build, so that a build whose
 * archive only adds newer days works on the new papers alone. Each state is
 * stored with a hash of the inputs it covers (the first papers of the archive):
 * it is used only when today's first papers hash the same, and only by a
 * program with the same fingerprint; otherwise the stage runs on everything.
 */
export interface StageCache {
  version: typeof VERSION;
  fingerprint: string;
  classify?: { inputs: string; state: ClassifyState };
  relate?: { inputs: string; state: RelateState };
}

const VERSION = 1;

/** A hash of the first `count` items (each as JSON), to tell whether a cached state covers the same inputs. */
export function prefixHash(items: readonly unknown[], count = items.length): string {
  const hash = createHash("sha256");
  for (let i = 0; i < count; i++) hash.update(JSON.stringify(items[i])).update("\n");
  return hash.digest("base64url");
}

/** The cached state, when the file is whole and was written with `fingerprint`. */
export function readStageCache(file: string, fingerprint: string): StageCache | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, "utf8")) as StageCache;
    return cache.version === VERSION && cache.fingerprint === fingerprint ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** A state, if it covers exactly the first papers of today's `inputs`. */
export function usable<S extends { count: number }>(cached: { inputs: string; state: S } | undefined, inputs: readonly unknown[]): S | undefined {
  if (!cached || cached.state.count > inputs.length) return undefined;
  return prefixHash(inputs, cached.state.count) === cached.inputs ? cached.state : undefined;
}

/** Written whole or not at all. */
export function writeStageCache(file: string, cache: Omit<StageCache, "version">) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ version: VERSION, ...cache }));
  renameSync(`${file}.tmp`, file);
}
