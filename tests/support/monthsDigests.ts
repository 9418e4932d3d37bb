import { cp } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, SEED, tempDir } from "./cli.ts";

/** A digests folder spanning months (Oct 2024 to Mar 2025), so topic charts have a story to tell. */
export async function monthsDigests(): Promise<string> {
  const dir = await tempDir("pd-months-");
  await cp(SEED, join(dir, "2025-03-13.txt"));
  await cp(join(ROOT, "tests/fixtures/search/2024-10-25.json"), join(dir, "2024-10-25.json"));
  return dir;
}
