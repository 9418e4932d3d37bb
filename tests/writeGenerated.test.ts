import { readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesIn as listFiles } from "../src/incremental/planBuild.ts";
import { generatedWriter, linkGenerated } from "../src/render/writeGenerated.ts";
import { tempDir } from "./support/cli.ts";

const filesIn = (dir: string) => listFiles(dir, "").sort();

/** A generated folder holding `files`, as a full build leaves it. */
function generate(dir: string, files: ReadonlyMap<string, string>) {
  const writer = generatedWriter(dir);
  for (const [path, text] of files) writer.write(path, text);
  return writer.finish();
}

describe("the pages one Eleventy run reads (a large build renders in several)", () => {
  it("are exactly the pages asked for, with the generated text, and none of the run before", async () => {
    const root = await tempDir("pd-link-");
    const generated = join(root, "generated");
    const pages = new Map([
      ["papers/a.md", '---json\n{"title":"A"}\n---\n\n'],
      ["papers/b.md", '---json\n{"title":"B"}\n---\n\n'],
      ["topics/c/index.md", '---json\n{"title":"C"}\n---\n\n'],
    ]);
    generate(generated, pages);
    const run = join(root, "changed");

    linkGenerated(run, generated, ["papers/a.md", "topics/c/index.md"]);
    expect(filesIn(run)).toEqual(["papers/a.md", "topics/c/index.md"]);
    for (const page of filesIn(run)) expect(readFileSync(join(run, page), "utf8")).toBe(pages.get(page));

    // The next run: its own pages alone, even where the folder held others (a killed build's, too).
    await mkdir(join(run, "digests"), { recursive: true });
    await writeFile(join(run, "digests/left-over.md"), "stale");
    linkGenerated(run, generated, ["papers/b.md"]);
    expect(filesIn(run)).toEqual(["papers/b.md"]);
    expect(readFileSync(join(run, "papers/b.md"), "utf8")).toBe(pages.get("papers/b.md"));
  });

  it("stop at a page missing from the generated folder, rather than render the run without it", async () => {
    const root = await tempDir("pd-link-");
    generate(join(root, "generated"), new Map([["papers/a.md", "text"]]));
    expect(() => linkGenerated(join(root, "changed"), join(root, "generated"), ["papers/gone.md"])).toThrow(/ENOENT/);
  });
});

describe("the generated folder, written a page at a time by a full build", () => {
  it("ends holding exactly the pages made, rewriting only those whose text changed", async () => {
    const dir = join(await tempDir("pd-gen-"), "generated");
    generate(
      dir,
      new Map([
        ["papers/kept.md", "same"],
        ["papers/changed.md", "old"],
        ["papers/gone.md", "gone"],
      ]),
    );
    const before = statSync(join(dir, "papers/kept.md")).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));

    const writer = generatedWriter(dir);
    writer.write("papers/kept.md", "same");
    writer.write("papers/changed.md", "new");
    writer.write("topics/new/index.md", "made");
    // Until the build finishes its pages, nothing is removed: a page may still come.
    expect(filesIn(dir)).toContain("papers/gone.md");
    expect(writer.finish()).toEqual({ written: 2, removed: 1, unchanged: 1 });

    expect(filesIn(dir)).toEqual(["papers/changed.md", "papers/kept.md", "topics/new/index.md"]);
    expect(readFileSync(join(dir, "papers/changed.md"), "utf8")).toBe("new");
    expect(statSync(join(dir, "papers/kept.md")).mtimeMs).toBe(before);
  });
});
