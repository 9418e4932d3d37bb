// One folder per test run for the sites that several test files build alike (see builtSite.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "pd-shared-sites-"));
  process.env.PAPER_DIGEST_TEST_SITES = dir;
  return () => rm(dir, { recursive: true, force: true });
}
