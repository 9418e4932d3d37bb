// The build benchmark: `npm run bench [-- --sizes 1000,10000,25000]`.
//
// For each size it writes deterministic synthetic digests, builds them with the
// real `paper-digest build`, and measures the same number of pages through the
// floor: Eleventy alone rendering pre-written Markdown through a one-line layout,
// then Pagefind over its output. It prints a Markdown table and writes it to
// bench/results.md, with our total as a ratio to the floor so the figures hold
// on any machine.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measure } from "./measure.ts";
import { firstSearchBytes } from "./searchBytes.ts";
import { nextDay, syntheticDigests } from "./syntheticDigests.ts";
import { syntheticPapers } from "./syntheticPapers.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// "cards" are drawn beside the build from classify on (their seconds overlap the stages after it); "words" writes the
// search vocabulary and papers.json.
// "pages" builds every page's text and hashes it; "cache" compares them with the last build's; "publish" puts the site
// in place.
const STAGES = [
  "parse",
  "merge",
  "classify",
  "relate",
  "pages",
  "cache",
  "emit",
  "eleventy",
  "pagefind",
  "cards",
  "words",
  "publish",
] as const;
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,25000" },
    keep: { type: "boolean" },
    search: { type: "boolean", default: true },
    dailies: { type: "string", default: "3" },
    fulls: { type: "string", default: "1" },
  },
});
// The daily build is run this many times from the same state, and the median reported: a single run drifts by up to
// ~45% here.
const DAILIES = Math.max(1, Number(values.dailies));
// The full build and both floors are run this many times, one after the other: the row is the median full build,
// with the floors of its round, and each ratio is the median of the rounds' (every round's shown beside it).
const FULLS = Math.max(1, Number(values.fulls));
const sizes = values.sizes!.split(",").map(Number);

const MB = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const KB = (bytes: number) => (bytes / 1024).toFixed(0);

/** The middle one of `xs` by `by` (the lower of the two middle ones of an even number). */
function median<T>(xs: readonly T[], by: (x: T) => number): T {
  return [...xs].sort((a, b) => by(a) - by(b))[Math.floor((xs.length - 1) / 2)];
}

async function folderStats(dir: string) {
  let bytes = 0;
  let files = 0;
  let html = 0;
  let largestHtml = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = (await stat(join(entry.parentPath, entry.name))).size;
    bytes += size;
    files++;
    if (entry.name.endsWith(".html")) {
      html++;
      largestHtml = Math.max(largestHtml, size);
    }
  }
  // The fullest folder: what a host's limit on entries a folder (Netlify's 54,000) is measured against.
  const entries = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const parent = relative(dir, entry.parentPath);
    entries.set(parent, (entries.get(parent) ?? 0) + 1);
  }
  const [folder, most] = [...entries].reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
  return { bytes, files, html, largestHtml, largestFolder: { dir: folder, entries: most } };
}

/**
 * One `paper-digest build` of the digests in `work`, with the seconds of each stage as its progress lines report them.
 * */
async function ours(work: string, options: string[] = []) {
  const out = join(work, "site");
  // A cache of its own: the first build draws its cards cold.
  const run = await measure(process.execPath, [
    join(ROOT, "bin/paper-digest.js"),
    "build",
    "--digests",
    join(work, "digests"),
    "--out",
    out,
    "--cache",
    join(work, "cache"),
    "--site-url",
    "https://bench.example.org",
    "--config",
    join(work, "site.yaml"),
    ...options,
  ]);
  if (run.code !== 0) throw new Error(`build failed:\n${run.stderr}`);
  const stages = Object.fromEntries(
    run.stdout
      .split("\n")
      .map((line) => /^(\w+)\s.*\s(\d+\.\d+)s$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m![1], Number(m![2])]),
  );
  return { run, out, stages };
}

/** The floor: the same number of Markdown pages through Eleventy alone, then Pagefind. */
async function floor(n: number, work: string) {
  const src = join(work, "floor", "src");
  await rm(join(work, "floor"), { recursive: true, force: true });
  await mkdir(join(src, "_includes"), { recursive: true });
  await writeFile(
    join(src, "_includes", "one.njk"),
    "<!doctype html><html lang=en><title>{{ title }}</title><main data-pagefind-body><h1>{{ title " +
      "}}</h1>{{ content | safe }}</main></html>\n",
  );
  const papers = syntheticPapers(n);
  for (const [i, p] of papers.entries()) {
    writeFileSync(
      join(src, `p${i}.md`),
      `---\ntitle: ${JSON.stringify(p.title)}\nlayout: one.njk\n---\n${p.abstract}\n`,
    );
  }
  const eleventy = await measure(
    process.execPath,
    [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=out", "--quiet"],
    { cwd: join(work, "floor") },
  );
  if (eleventy.code !== 0) throw new Error(`floor Eleventy failed: ${eleventy.stderr}`);
  const pagefind = await measure(join(ROOT, "node_modules/.bin/pagefind"), ["--site", "out", "--silent"], {
    cwd: join(work, "floor"),
  });
  if (pagefind.code !== 0) throw new Error(`floor Pagefind failed: ${pagefind.stderr}`);
  return { eleventy, pagefind };
}

/** A floor's two runs, as floor and floorOnOurPages measure them. */
type Floor = Awaited<ReturnType<typeof floor>>;
const floorSeconds = (f: Floor) => f.eleventy.seconds + f.pagefind.seconds;
const floorCell = (f: Floor) =>
  `${f.eleventy.seconds.toFixed(1)} + ${f.pagefind.seconds.toFixed(1)} = ${floorSeconds(f).toFixed(1)}`;

/**
 * The floor on our own pages: the site the full build just rendered (its generated pages, still in the
 * project's content/), rendered again by Eleventy alone in one run, our templates loaded as the build loads
 * them, then Pagefind's command-line over all of it: what the two tools cost on exactly our pages, with none
 * of our build around them (no stages of ours, no shards, runs or turns, and no bound on memory). Undefined
 * when it fails, as one Eleventy run of a large archive may (its heap is capped at 5 GB, as the build's).
 */
async function floorOnOurPages(work: string) {
  const out = join(work, "floor-ours");
  // The bundle the build runs (see bin/paper-digest.js): the layouts compiled as the build loads them.
  const said = await measure(process.execPath, [
    "--import",
    "data:text/javascript,process.on('exit',()=>console.error('BUNDLE='+process.env.PAPER_DIGEST_BUNDLE))",
    join(ROOT, "bin/paper-digest.js"),
    "--version",
  ]);
  // "undefined" when it couldn't bundle and ran the sources through tsx: eleventyAhead.mjs then does too.
  const bundle = /^BUNDLE=(.+)$/m.exec(said.stderr)?.[1];
  try {
    const cli = join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
    const env = {
      ...(bundle && bundle !== "undefined" && { PAPER_DIGEST_BUNDLE: bundle }),
      ELEVENTY_SKIP_ESM_RESOLVER: "1",
    };
    // eleventyAhead.mjs loads the layouts, then renders as its one line on stdin says: everything.
    const args = [
      "--max-old-space-size=5120",
      "--import",
      "./src/render/eleventyAhead.mjs",
      cli,
      "--config=.eleventy.js",
      "--input=content",
      `--output=${out}`,
      "--quiet",
    ];
    const eleventy = await measure(process.execPath, args, { cwd: ROOT, env, input: "{}\n" });
    if (eleventy.code !== 0) return undefined;
    const pagefind = await measure(join(ROOT, "node_modules/.bin/pagefind"), ["--site", out, "--silent"]);
    return pagefind.code === 0 ? { eleventy, pagefind } : undefined;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const header = [
  "| papers | build | pages | parse | merge | classify | relate | page texts | cache | emit | Eleventy | " +
    "Pagefind | cards (beside the build) | words | publish | total (s; CPU s) | ours: parse→emit (s) | " +
    "peak RSS (MB) | output (MB) | cache (MB) | largest page (KB) | largest folder (entries) | index (files / KB) | " +
    "search: first results / complete (KB gzip) | floor: Eleventy + Pagefind (s) | floor peak RSS (MB) | " +
    "total / floor | floor on our pages: Eleventy + Pagefind (s; peak) | total / floor on our pages | measured at |",
  "| ---: | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | " +
    "---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :--- |",
];
console.log(header.join("\n"));
// Rows of earlier runs stay in bench/results.md unless this run measures the same size again.
const resultsFile = join(ROOT, "bench/results.md");
const previous = await readFile(resultsFile, "utf8").catch(() => "");
const columns = header[0].split("|").length;
const rowKey = (row: string) =>
  row
    .split("|")
    .slice(1, 3)
    .map((c) => c.trim())
    .join(" ");
const ORDER = ["cold", "full", "daily"];
// Rows measured before the floor on our pages was: its two cells, "–", before "measured at"; before the largest
// folder was: "–" after the largest page.
const FOLDER_CELL = header[0].split("|").findIndex((c) => c.trim() === "largest folder (entries)");
// Rows measured before the first search showed the newest papers first: their cell was a complete search, raw / gzip.
const SEARCH_CELL = header[0].split("|").findIndex((c) => c.includes("first results / complete"));
const wholeSearches = previous.includes("first search (KB, raw / gzip)");
const widened = (row: string) => {
  let l = row;
  if (l.split("|").length === columns - 3) l = l.replace(/\|([^|]*)\|\s*$/, "| – | – |$1|");
  if (l.split("|").length === columns - 1) {
    const cells = l.split("|");
    cells.splice(FOLDER_CELL, 0, " – ");
    l = cells.join("|");
  }
  if (wholeSearches && l.split("|").length === columns) {
    const cells = l.split("|");
    cells[SEARCH_CELL] = cells[SEARCH_CELL].replace(/^\s*\S+ \/ (\S+)\s*$/, " – / $1 ");
    l = cells.join("|");
  }
  return l;
};
const rowsByKey = new Map(
  previous
    .split("\n")
    .map(widened)
    .filter((l) => /^\| \d+ \|/.test(l) && l.split("|").length === columns)
    .map((l) => [rowKey(l), l]),
);
// Which code each row measured: the commit, marked when the sources differ from it.
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
const changed =
  git(
    "status",
    "--porcelain",
    "--",
    "src",
    "bin",
    "layouts",
    "content",
    "bench",
    "package-lock.json",
    ":!bench/results.md",
  ) !== "";
const measuredAt = `${git("rev-parse", "--short", "HEAD")}${changed ? " + changes" : ""},\
 ${new Date().toISOString().slice(0, 10)}`;
for (const n of sizes) {
  const work = await mkdtemp(join(tmpdir(), `pd-bench-${n}-`));
  try {
    await mkdir(join(work, "digests"), { recursive: true });
    for (const [name, text] of syntheticDigests(n)) await writeFile(join(work, "digests", name), text);
    // A site started now: papers in a folder a month from its first day (see content/site.yaml).
    await writeFile(join(work, "site.yaml"), "paperMonthsFrom: 2024-01-01\n");
    // cold: nothing cached (cards drawn, up to the build's cap); full: its cards and the stages' state cached but
    // no manifest (as after a template change); daily: one more 50-paper digest, the last site and cache present.
    // Each build's site is measured before the next build replaces it, once the last site's background
    // removal has ended and the kernel has written its files out, so that neither slows the next build
    // (as a day apart).
    const settled = async () => {
      while ((await readdir(work)).some((name) => name.startsWith(".site.building-")))
        await new Promise((r) => setTimeout(r, 200));
      execFileSync("sync");
    };
    const measured = async (build: Awaited<ReturnType<typeof ours>>) => {
      await settled();
      return { ...build, site: await folderStats(build.out) };
    };
    const cold = await measured(await ours(work));
    // Past the first builds the card backlog is drawn, and a day draws only its own papers' cards:
    // full and daily are measured in that steady state (no backlog; the day's 50 cards).
    const round = async () => {
      await rm(join(work, "cache", "build", "manifest.v8"), { force: true });
      const full = await measured(await ours(work, ["--new-cards", "0"]));
      // Both floors right after the full build, the ratios' other side: timings drift within minutes here.
      return { full, onOurPages: await floorOnOurPages(work), base: await floor(n, work) };
    };
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let i = 0; i < FULLS; i++) rounds.push(await round());
    const { full, onOurPages, base } = median(rounds, (r) => r.full.run.seconds);
    // A round whose floor on our pages failed has no ratio to it.
    const ratios = (floorOf: (r: (typeof rounds)[number]) => Floor | undefined) => {
      const each = rounds.flatMap((r) => {
        const f = floorOf(r);
        return f ? [r.full.run.seconds / floorSeconds(f)] : [];
      });
      if (each.length === 0) return "–";
      const middle = median(each, (x) => x).toFixed(2);
      return each.length > 1 ? `${middle} (${each.map((x) => x.toFixed(2)).join(" / ")})` : middle;
    };
    const [name, text] = nextDay(n);
    await writeFile(join(work, "digests", name), text);
    // Each daily run starts from the full build's site and cache, copied back as they were (times too, which
    // the daily build checks); the median run is the row, and every run's total is shown beside it.
    const before = join(work, "before-daily");
    const copy = (from: string, to: string) => execFileSync("cp", ["-a", join(from, "site"), join(from, "cache"), to]);
    if (DAILIES > 1) await mkdir(before).then(() => copy(work, before));
    const dailies = [];
    for (let i = 0; i < DAILIES; i++) {
      if (i > 0) {
        await Promise.all(["site", "cache"].map((dir) => rm(join(work, dir), { recursive: true, force: true })));
        copy(before, work);
      }
      // Every run starts with the copies written out: their dirty pages would otherwise be flushed during it.
      await settled();
      dailies.push(await measured(await ours(work, ["--new-cards", "50"])));
    }
    await rm(before, { recursive: true, force: true });
    const runs = dailies.map((d) => d.run.seconds);
    const daily = median(dailies, (d) => d.run.seconds);

    const index = await folderStats(join(daily.out, "pagefind"));
    const search = values.search
      ? await firstSearchBytes(daily.out, "language model").catch(() => undefined)
      : undefined;
    const cache = await folderStats(join(work, "cache"));
    for (const [kind, build] of [
      ["cold", cold],
      ["full", full],
      ["daily", daily],
    ] as const) {
      const site = build.site;
      const s = (stage: (typeof STAGES)[number]) => (build.stages[stage] ?? 0).toFixed(2);
      const own = (["parse", "merge", "classify", "relate", "pages", "cache", "emit"] as const).reduce(
        (sum, st) => sum + (build.stages[st] ?? 0),
        0,
      );
      const row = [
        n,
        kind,
        site.html,
        ...STAGES.map(s),
        `${build.run.seconds.toFixed(1)} (CPU\
 ${build.run.cpuSeconds.toFixed(1)})${
   kind === "daily" && runs.length > 1
     ? `; runs\
 ${runs.map((r) => r.toFixed(1)).join(" / ")}`
     : ""
 }`,
        own.toFixed(2),
        MB(build.run.peakRss),
        MB(site.bytes),
        kind === "daily"
          ? `${MB(cache.bytes)} (manifest ${KB((await stat(join(work, "cache", "build", "manifest.v8"))).size)} KB)`
          : "–",
        KB(site.largestHtml),
        `${site.largestFolder.entries} (${site.largestFolder.dir || "."})`,
        kind === "daily" ? `${index.files} / ${KB(index.bytes)}` : "–",
        kind === "daily" && search ? `${KB(search.first.wire)} / ${KB(search.complete.wire)}` : "–",
        kind === "full" ? floorCell(base) : "–",
        kind === "full" ? MB(Math.max(base.eleventy.peakRss, base.pagefind.peakRss)) : "–",
        kind === "cold"
          ? (build.run.seconds / floorSeconds(base)).toFixed(2)
          : kind === "full"
            ? ratios((r) => r.base)
            : "–",
        kind === "full" && onOurPages
          ? `${floorCell(onOurPages)} (${MB(Math.max(onOurPages.eleventy.peakRss, onOurPages.pagefind.peakRss))} MB)`
          : "–",
        kind === "full" ? ratios((r) => r.onOurPages) : "–",
        measuredAt,
      ].join(" | ");
      rowsByKey.set(`${n} ${kind}`, `| ${row} |`);
      console.log(`| ${row} |`);
    }
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

const rows = [...rowsByKey]
  .sort(
    ([a], [b]) => parseInt(a, 10) - parseInt(b, 10) || ORDER.indexOf(a.split(" ")[1]) - ORDER.indexOf(b.split(" ")[1]),
  )
  .map(([, row]) => row);
const results = `# Build benchmark

Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}. \`npm run bench -- --sizes …\`\
 writes the rows of the sizes it measures and keeps the others; "measured at" says which commit and day each row\
 measured. Each size's rows were measured in one run, its floor beside them.
Synthetic digests from the bundled digest's vocabulary: ~70 papers a day, ~10% repeated from earlier days,\
 ~1,600-character abstracts (bench/syntheticDigests.ts), in a site whose papers are in a folder a month from its\
 first day (\`paperMonthsFrom: 2024-01-01\`; rows before the "largest folder" column had every paper in papers/).
Three builds per size, one after another in the same folder: **cold** (nothing cached: share cards drawn, at most\
 3,000 a build, as on a first deploy), **full** (no manifest, as after a change to a template: every page rendered and\
 indexed, classify and relate as last built; \`--new-cards 0\`, as once the card backlog is drawn) and **daily** (one\
 more digest of 50 new papers with the last site and the cache present, an incremental build; \`--new-cards 50\`: the\
 day's own cards). The daily build runs ${DAILIES} times (\`--dailies\`), each from a copy of the same site and cache;\
 its row is the median run, with every run's total beside it. The full build runs\
 ${FULLS} time${FULLS > 1 ? "s" : ""} (\`--fulls\`), each followed by both floors; its row is the median run with the\
 floors of its round, and each ratio the median of the rounds' ratios, every round's beside it.
Stage columns are seconds ("page texts": every generated page's hash or key, and the texts of those that changed,\
 which a full build also writes as it goes; "emit": the texts written, or in a full build the stale files removed;\
 "cache": the last build's manifest read and checked; "publish": a full build's folder swapped in, or a daily build's\
 files moved into the site; a full build's "Pagefind" starts with its "Eleventy", as it indexes each shard of papers\
 beside the next Eleventy run, so the two overlap). "total" is the whole \`paper-digest build\` process, start to\
 exit, and the CPU seconds its process tree used (Node, the card drawing processes, Eleventy, Pagefind; on two cores a\
 build can use at most twice its seconds); peak RSS sums the build's process tree, sampled every 100 ms, as is its CPU\
 (a little may be missed). "cache" is \`.cache/\` after the daily build (cards and the build manifest).
The floor renders the same number of pre-written Markdown pages with Eleventy alone through a one-line layout, then\
 runs Pagefind over them; compare the ratio, not seconds from another run (timings drift by up to ~45% on these\
 machines). The floor on our pages renders the full build's own pages again, with our templates, in one Eleventy run,\
 then runs Pagefind's command line over that site: the two tools alone on exactly our pages, with no bound on memory\
 (its peak is beside it).
"search" is what a browser downloads from /pagefind/ (and the typo vocabulary) for a first query ("language model") on\
 the daily build's site, with scripts and JSON gzipped as a static host serves them (Pagefind's index files are\
 gzipped already): until the first results show (the newest papers', from the primary index alone) and for the\
 complete search (every shard merged). Rows measured before the first results came first have "–" for them.

${header.join("\n")}
${rows.join("\n")}
`;
await writeFile(resultsFile, results);
