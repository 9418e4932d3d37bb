// Incremental builds: a build with the last site and its cache present keeps
// what didn't change and updates the site in place, and its result is the very
// site a full build of the same inputs makes — every file, byte for byte, but
// for the build's timestamp, and no folder more.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { build as bundle } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type BuildManifest,
  buildFingerprint,
  readManifest,
  STAGE_PROGRAM,
  stageFingerprint,
  VERSION,
  writeManifest,
} from "../src/incremental/buildManifest.ts";
import { inputHashes } from "../src/incremental/stageCache.ts";
import { ROOT, runCli, SEED, tempDir } from "./support/cli.ts";

/** A text digest of real papers (from the topic validation set), as a curator would add one. */
async function textDigest(date: string, from: number, to: number) {
  const papers: { title: string; abstract: string }[] = parse(
    await readFile(join(ROOT, "tests/fixtures/topics-validation/papers.yaml"), "utf8"),
  );
  return `${date}\n\n${papers
    .slice(from, to)
    .map((p) => `${p.title}\n${p.abstract}`)
    .join("\n\n")}\n`;
}

async function build(digests: string, out: string, cache: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const result = await runCli(
    [
      "build",
      "--digests",
      digests,
      "--out",
      out,
      "--cache",
      cache,
      "--site-url",
      "https://digest.example.org",
      "--shard-size",
      "40",
      ...extra,
    ],
    { env },
  );
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Every file of a site → its text, with the one documented difference (when it
 * was built) blanked; and every folder ("path/"), so that one a removed page
 * leaves empty counts too.
 */
async function siteFiles(dir: string) {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isDirectory()) files.set(`${path}/`, "");
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(dir, path));
    files.set(
      path,
      bytes
        .toString("latin1")
        .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, "<lastBuildDate/>")
        .replace(/"generated":"[^"]*"/, '"generated":""'),
    );
  }
  return files;
}

async function expectSameSite(incremental: string, full: string) {
  const [a, b] = await Promise.all([siteFiles(incremental), siteFiles(full)]);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...a.keys()].filter((path) => a.get(path) !== b.get(path));
  expect(differ).toEqual([]);
}

const line = (stdout: string, stage: string) => stdout.split("\n").find((l) => l.startsWith(`${stage} `)) ?? "";

describe("incremental builds", () => {
  let digests: string;
  let out: string;
  let cache: string;
  let first: string;

  beforeAll(async () => {
    digests = await tempDir("pd-inc-digests-");
    await cp(SEED, join(digests, "2025-03-13.txt"));
    await cp(join(ROOT, "tests/fixtures/search/2024-10-25.json"), join(digests, "2024-10-25.json"));
    const work = await tempDir("pd-inc-");
    out = join(work, "site");
    cache = join(work, "cache");
    first = await build(digests, out, cache);
  });

  it("a first build, with no cache, is a full one", () => {
    expect(line(first, "cache")).toMatch(/full build: no previous build/);
  });

  it("adding a digest renders only what changed, and equals a full build of the same digests", async () => {
    await writeFile(join(digests, "2025-10-13.txt"), await textDigest("2025-10-13", 0, 30));
    const stdout = await build(digests, out, cache);
    expect(line(stdout, "cache")).toMatch(/^cache\s+incremental: (\d+) pages to render/);
    const [, toRender, unchanged] = /(\d+) pages to render, (\d+) unchanged/.exec(line(stdout, "cache"))!.map(Number);
    // The 30 new papers' pages and the pages that list or link to them. On an archive this small, 30
    // papers shift most related-paper lists; still, pages that didn't change are kept.
    expect(toRender).toBeGreaterThanOrEqual(30);
    expect(unchanged).toBeGreaterThan(0);
    // Classify and relate went on from the last build's state: only the 30 new papers were worked on.
    expect(line(stdout, "classify")).toMatch(/, 83 as last built/);
    expect(line(stdout, "relate")).toMatch(/, 83 papers' vectors as last built/);
    // Shards of at most 40 in blocks of 5, the newest 5–9 papers in the primary. 83 papers were 40 (0–39) +
    // 20 + 10 + 5 + 8 in the primary; 113 are 40 (kept) + 40 (40–79, its blocks merged) + 20 + 5 (new) and the
    // primary with the topic pages and the newest 8 (indexed again).
    expect(line(stdout, "pagefind")).toMatch(/in 5 shards, 4 shards indexed/);

    const full = join(await tempDir("pd-inc-full-"), "site");
    await build(digests, full, join(full, "..", "cache"));
    await expectSameSite(out, full);

    // A full build of a large archive renders its pages in several Eleventy runs (bounded memory): the same site.
    const batched = join(await tempDir("pd-inc-batched-"), "site");
    const inRuns = await build(digests, batched, join(batched, "..", "cache"), [], {
      PAPER_DIGEST_PAGES_PER_RUN: "50",
    });
    expect(line(inRuns, "cache")).toMatch(/full build/);
    await expectSameSite(batched, full);
  });

  it("removing a digest removes its papers' pages, and still equals a full build", async () => {
    expect((await siteFiles(out)).has("papers/2-olmo-2-furious/index.html")).toBe(true);
    await rm(join(digests, "2025-03-13.txt"));
    const stdout = await build(digests, out, cache);
    // Its 69 papers' pages and its digest page, at least, are gone from the generated pages.
    const removed = Number(/^cache\s+incremental: .*, (\d+) removed/.exec(line(stdout, "cache"))?.[1]);
    expect(removed).toBeGreaterThanOrEqual(70);
    // The archive no longer starts as the last one did: classify and relate start over.
    expect(line(stdout, "classify")).not.toMatch(/as last built/);
    const files = await siteFiles(out);
    expect(files.has("papers/2-olmo-2-furious/index.html")).toBe(false);
    expect(files.has("papers/2-olmo-2-furious/")).toBe(false);
    expect(files.has("digests/2025-03-13/index.html")).toBe(false);
    // The generated Markdown, written only where it changed, lost them too.
    const generated = (await readdir(join(ROOT, "content/generated"), { recursive: true })).map(String);
    expect(generated).not.toContain("papers/2-olmo-2-furious.md");
    expect(generated).not.toContain("digests/2025-03-13.md");
    expect(generated).toContain(`papers/${(await readdir(join(out, "papers")))[0]}.md`);

    const full = join(await tempDir("pd-inc-full-"), "site");
    await build(digests, full, join(full, "..", "cache"));
    await expectSameSite(out, full);
  });

  it("a build with nothing new keeps every page and indexes no shard", async () => {
    const stdout = await build(digests, out, cache);
    expect(line(stdout, "cache")).toMatch(/incremental: 0 pages to render/);
    expect(line(stdout, "pagefind")).toMatch(/0 shards indexed/);
  });

  it(
    "reads an edited topics file again (the last build's parsed copy is not used), and reports a broken " +
      "one by its line",
    async () => {
      const topics = join(await tempDir("pd-inc-topics-"), "topics.yaml");
      const text = await readFile(join(ROOT, "content/topics.yaml"), "utf8");
      await writeFile(topics, text);
      const [site, stages] = [join(dirname(out), "site-topics"), join(dirname(out), "cache-topics")];
      await build(digests, site, stages, ["--topics", topics]);
      // A new topic whose term is a word of the bundled digest: it gets papers and a page.
      await writeFile(
        topics,
        `${text.trimEnd()}\n  - slug: benchmarks-edited\n    name: Benchmarks edited\n    description: Papers that\
 introduce a benchmark.\n    terms:\n      benchmark: 5\n`,
      );
      await build(digests, site, stages, ["--topics", topics]);
      expect(await readFile(join(site, "topics/benchmarks-edited/index.html"), "utf8")).toContain("Benchmarks edited");
      await writeFile(topics, `${text.trimEnd()}\n  - slug: Not A Slug\n`);
      const broken = await runCli([
        "build",
        "--digests",
        digests,
        "--out",
        site,
        "--cache",
        stages,
        "--topics",
        topics,
        "--site-url",
        "https://digest.example.org",
      ]);
      expect(broken.code).toBe(1);
      const [error, ...more] = broken.stderr.trim().split("\n");
      expect(more).toEqual([]);
      expect(error.startsWith(`${topics}:`)).toBe(true);
      expect(error.slice(topics.length)).toMatch(/^:\d+: \S/);
    },
  );

  it("a site changed by hand, a damaged manifest or another site URL means a full build", async () => {
    const page = join(out, "papers", (await readdir(join(out, "papers")))[0], "index.html");
    await writeFile(page, "edited by hand");
    // One page among many is found while the day's pages render: the build says so and starts over, whole.
    const stdout = await build(digests, out, cache);
    expect(stdout).toMatch(/^cache\s+the last built site was changed or removed: building it whole$/m);
    expect(
      stdout
        .split("\n")
        .filter((l) => l.startsWith("cache "))
        .at(-1),
    ).toMatch(/full build: the last built site was changed/);
    expect(await readFile(page, "utf8")).not.toBe("edited by hand");
    // The first attempt's folder is gone (the last site's, swapped out, may still be on its way out).
    expect(await readdir(dirname(out))).not.toContainEqual(expect.stringMatching(/building-\w+$/));

    // A site gone (or copied without its files' times) is found before anything is built on it.
    await rm(out, { recursive: true });
    const again = await build(digests, out, cache);
    expect(line(again, "cache")).toMatch(/full build: the last built site was changed or removed/);
    expect(again).not.toMatch(/building it whole/);
    expect(await readFile(page, "utf8")).toContain("<html");

    // Cut short, as a full disk might leave it.
    const manifest = join(cache, "build", "manifest.v8");
    const whole = await readFile(manifest);
    await writeFile(manifest, whole.subarray(0, whole.length >> 1));
    expect(line(await build(digests, out, cache), "cache")).toMatch(/full build: the cache's manifest is unreadable/);

    const other = await runCli([
      "build",
      "--digests",
      digests,
      "--out",
      out,
      "--cache",
      cache,
      "--site-url",
      "https://elsewhere.example.org",
      "--shard-size",
      "40",
    ]);
    expect(line(other.stdout, "cache")).toMatch(
      /full build: the program, templates, configuration or dependencies changed/,
    );
    expect(await readFile(join(out, "index.html"), "utf8")).toContain("https://elsewhere.example.org/");
  });
});

describe("the build manifest", () => {
  it("reads back as it was written, and a damaged one is not trusted", async () => {
    const dir = await tempDir();
    const out = join(dir, "site");
    await mkdir(join(out, "papers/a"), { recursive: true });
    await writeFile(join(out, "papers/a/index.html"), "<html>a</html>");
    await writeFile(join(out, "__proto__"), "a file with an awkward name");
    const stamp = async (file: string): Promise<[number, number]> => {
      const s = await stat(join(out, file));
      return [s.size, s.mtimeMs];
    };
    // Shapes a real site has: a page with one file, one with two, one with none; a path named twice; a name that means
    // something to JavaScript.
    const manifest: BuildManifest = {
      version: VERSION,
      fingerprint: "print",
      out,
      pages: new Map([
        ["papers/a.md", "hashA"],
        ["feeds.md", "hashF"],
        ["empty.md", "hashE"],
      ]),
      outputs: new Map([
        ["papers/a.md", ["papers/a/index.html"]],
        ["feeds.md", ["feed.xml", "__proto__"]],
        ["empty.md", []],
      ]),
      documents: new Map([["papers/a/index.html", "docA"]]),
      shards: { pagefind: "shardKey" },
      files: new Map([
        ["papers/a/index.html", await stamp("papers/a/index.html")],
        ["__proto__", await stamp("__proto__")],
      ]),
      site: ["papers/a/index.html", "feed.xml", "__proto__", "cards/a.png"],
      papersJson: undefined,
    };
    const file = join(dir, "manifest.v8");
    writeManifest(file, manifest);
    const read = readManifest(file, "print", out);
    expect(typeof read).toBe("object");
    expect(read).toEqual(manifest);
    expect((read as BuildManifest).outputs.get("feeds.md")).toEqual(["feed.xml", "__proto__"]);
    expect([...(read as BuildManifest).files.keys()]).toEqual(["papers/a/index.html", "__proto__"]);

    expect(readManifest(file, "another print", out)).toMatch(
      /program, templates, configuration or dependencies changed/,
    );
    expect(readManifest(file, "print", join(dir, "elsewhere"))).toMatch(/another output folder/);
    // A number that points past the paths it names: the manifest is not used.
    const packed = deserialize(await readFile(file));
    const damaged = async (damage: (p: typeof packed) => void) => {
      const copy = deserialize(serialize(packed));
      damage(copy);
      await writeFile(file, serialize(copy));
      return readManifest(file, "print", out);
    };
    expect(await damaged((p) => (p.site[0] = p.paths.length))).toMatch(/incomplete or from another version/);
    // Counts of files that still add up, but one below nothing.
    const belowNothing = (p: typeof packed) => {
      p.outputs[1][0] = -1;
      p.outputs[1][1] += 2;
    };
    expect(await damaged(belowNothing)).toMatch(/incomplete or from another version/);
    expect(await damaged(() => {})).toEqual(read);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the stage cache's fingerprint", () => {
  it("covers every module the cached stages run, and no template or site helper", async () => {
    // What esbuild finds the stages import (and the parsers of the configuration files whose results they keep), as the
    // CLI's bundle would hold it.
    const { metafile } = await bundle({
      entryPoints: [
        "src/topics/assignTopics.ts",
        "src/related/relatedPapers.ts",
        "src/pages/paperExtras.ts",
        "src/search/vocabulary.ts",
        "src/incremental/stageCache.ts",
        "src/ingest/merge/textHash.ts",
        "src/topics/taxonomy.ts",
        "src/search/synonyms.ts",
      ].map((f) => join(ROOT, f)),
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outdir: "unused",
    });
    const imported = Object.keys(metafile.inputs);
    expect(imported.length).toBeGreaterThan(6);
    const covered = (file: string) => STAGE_PROGRAM.some((p) => file === p || file.startsWith(`${p}/`));
    expect(imported.filter((file) => !covered(file))).toEqual([]);
    expect(STAGE_PROGRAM.filter((p) => /^(layouts|content|src\/site)\b/.test(p))).toEqual([]);
  });

  it(
    "stays when a template or a site helper changes (a full build that keeps the stages), not when a " +
      "stage's source does",
    async () => {
      // Three copies of a few of the project's files: as they are, with a template and a helper edited, with a stage's
      // module edited.
      const files = [
        "src/topics/analyseText.ts",
        "src/site/shell.ts",
        "layouts/paper.11ty.ts",
        "content/404.11ty.ts",
        "package-lock.json",
      ];
      const project = async (...edited: string[]) => {
        const root = await tempDir("pd-print-");
        for (const file of files) {
          await mkdir(dirname(join(root, file)), { recursive: true });
          await writeFile(
            join(root, file),
            (await readFile(join(ROOT, file), "utf8")) + (edited.includes(file) ? "\n// edited\n" : ""),
          );
        }
        return root;
      };
      const [asIs, template, stage] = await Promise.all([
        project(),
        project("layouts/paper.11ty.ts", "src/site/shell.ts"),
        project("src/topics/analyseText.ts"),
      ]);
      const inputs = ["topics.yaml's text", "synonyms.yaml's text", "stages"];
      expect(stageFingerprint(inputs, template)).toBe(stageFingerprint(inputs, asIs));
      expect(buildFingerprint([], template)).not.toBe(buildFingerprint([], asIs));
      expect(stageFingerprint(inputs, stage)).not.toBe(stageFingerprint(inputs, asIs));
      expect(stageFingerprint(["another topics.yaml", ...inputs.slice(1)], asIs)).not.toBe(
        stageFingerprint(inputs, asIs),
      );
    },
  );
});

describe("the stage cache's input hashes", () => {
  // What decides whether classify and relate may go on from the last build: two different inputs must never hash alike.
  const hashOf = (items: unknown[]) => inputHashes(items).all;

  it("tell apart inputs that only differ in how their text is cut, spelled or typed", () => {
    const inputs: unknown[][] = [
      [["ab", "c"]],
      [["a", "bc"]],
      [["a", "b", "c"]],
      [[null]],
      [["null"]],
      [[undefined]],
      [{ title: "A", abstract: "B" }],
      [{ title: "AB" }],
      [{ title: "A", abstract: "B", authors: [] }],
      [["\ud800"]],
      [["\udc00"]],
      [["\ufffd"]],
      [["ab"], ["c"]],
      [[1]],
      [["1"]],
    ];
    const hashes = inputs.map(hashOf);
    expect(new Set(hashes).size).toBe(inputs.length);
  });

  it("give the first papers' hash as a build with only those papers computed it", () => {
    const items = [
      ["Paper one", "Abstract"],
      ["Paper two", "Another"],
      ["Paper three", "Third"],
    ];
    expect(inputHashes(items, 2).first).toBe(hashOf(items.slice(0, 2)));
    expect(inputHashes(items, 2).all).toBe(hashOf(items));
  });
});
