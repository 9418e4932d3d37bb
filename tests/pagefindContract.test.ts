// Pagefind behind a contract: we read and write files Pagefind keeps private (src/search/pagefind/FORMAT.md).
// This fails, rather than letting the build quietly leave the index uncut, when the installed Pagefind is not
// the pinned one or writes another format, or when the recorded 1.6.0 index no longer reads as expected.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { formatProblems, PAGEFIND_VERSION } from "../src/search/pagefind/contract.ts";
import { splitSearchIndex } from "../src/search/pagefind/splitSearchIndex.ts";
import { topicPageIds } from "../src/search/pagefind/topicPageIds.ts";
import { ROOT, tempDir } from "./support/cli.ts";
import { writePagefindIndex } from "./support/pagefindIndex.ts";

const RECORDED = join(ROOT, `tests/fixtures/pagefind-${PAGEFIND_VERSION}`);

describe("the Pagefind contract", () => {
  it("pins the one Pagefind whose formats the code reads, and that is the one installed", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
    expect(pkg.dependencies.pagefind).toBe(PAGEFIND_VERSION);
    const installed = JSON.parse(await readFile(join(ROOT, "node_modules/pagefind/package.json"), "utf8"));
    expect(installed.version, "upgrade Pagefind as FORMAT.md says").toBe(PAGEFIND_VERSION);
    // Not among the package's exports: checkPagefind reaches it by its path.
    const { resolveBinaryPath } = await import(join(ROOT, "node_modules/pagefind/lib/resolveBinary.js"));
    expect(resolveBinaryPath(["pagefind_extended", "pagefind"])).toMatch(/pagefind/);
  });

  it("reads the recorded index of the pinned version", async () => {
    expect(formatProblems(RECORDED)).toEqual([]);
    const site = await tempDir();
    await cp(RECORDED, join(site, "pagefind"), { recursive: true });
    expect(topicPageIds(site)).toHaveLength(1);
  });

  it("reads an index the installed Pagefind writes now, and cuts it as the build does", async () => {
    const dir = join(await tempDir(), "pagefind");
    await writePagefindIndex(dir);
    expect(formatProblems(dir)).toEqual([]);
    expect(await splitSearchIndex(dir, 1)).toBe(1);
    expect(formatProblems(dir)).toEqual([]);
  });

  it("names the file and what is wrong when a format moved", async () => {
    const tamper = async (file: string, change: (bytes: Buffer) => Buffer) => {
      const dir = join(await tempDir(), "pagefind");
      await cp(RECORDED, dir, { recursive: true });
      const path = join(dir, file.includes("*") ? await only(dir, file) : file);
      await writeFile(path, change(await readFile(path)));
      return formatProblems(dir);
    };
    const gz = (f: (text: Buffer) => Buffer) => (bytes: Buffer) => gzipSync(f(gunzipSync(bytes)));
    const resigned = gz((b) => Buffer.concat([Buffer.from("pagefind_xyz"), b.subarray(12)]));
    expect(
      await tamper("pagefind-entry.json", (b) => Buffer.from(b.toString().replace('"languages"', '"langs"'))),
    ).toEqual(["pagefind-entry.json: no languages"]);
    expect(await tamper("pagefind.*.pf_meta", resigned)).toEqual([
      expect.stringMatching(/^pagefind\.en_\w+\.pf_meta: not Pagefind's metadata/),
    ]);
    expect(await tamper("index/*.pf_index", resigned)).toEqual([
      expect.stringMatching(/^index\/en_\w+\.pf_index: not a word chunk/),
    ]);
    expect(
      await tamper(
        "index/*.pf_index",
        gz((b) => Buffer.concat([b, Buffer.from([0])])),
      ),
    ).toHaveLength(1);
    expect(
      await tamper(
        "fragment/*",
        gz((b) => b.subarray(12)),
      ),
    ).toEqual([expect.stringMatching(/^fragment\/en_\w+\.pf_fragment: not signed JSON/)]);
  });
});

/** The one file in `dir` a pattern like "index/*.pf_index" names (the first, for fragments). */
async function only(dir: string, pattern: string) {
  const { readdir } = await import("node:fs/promises");
  const [folder, glob] = pattern.includes("/") ? pattern.split("/") : ["", pattern];
  const [prefix, suffix] = glob.split("*");
  const names = (await readdir(join(dir, folder))).filter((n) => n.startsWith(prefix) && n.endsWith(suffix)).sort();
  return join(folder, names[0]);
}
