import { cp } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, SEED, tempDir } from "./cli.ts";

export const SOURCES = join(ROOT, "tests/fixtures/sources");
/** Pages of that folder's site that show what richer sources add. */
export const LONG_AUTHORS = "/papers/2-olmo-2-furious/";
export const WITH_MATH = "/papers/flashattention-fast-and-memory-efficient-exact-attention-with-io-awareness/";

/**
 * A digests folder as a curator who imports real sources has it: the bundled
 * text digest, the same day's Daily Papers JSON and the next day's arXiv Atom.
 */
export async function sourcesDigests(): Promise<string> {
  const dir = await tempDir("pd-sources-");
  await cp(SEED, join(dir, "2025-03-13.txt"));
  await cp(SOURCES, dir, { recursive: true });
  return dir;
}
