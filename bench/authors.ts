// What author pages cost: `npx tsx bench/authors.ts [--sizes 10000,50000] [--rounds 3]`.
// For each size, the main bench's synthetic digests (bench/syntheticDigests.ts) with authors for every
// paper, from an arXiv Atom file as `paper-digest enrich` writes it (bench/syntheticAuthors.ts). Two
// sites are built from them: one with author pages (content/site.yaml's authorPages.minPapers: 2, the
// default) and one without (minPapers above any author's count). Each gets a full build, then the daily
// build (one more digest of 50 papers) from a copy of its state, `--rounds` times, the two alternated so
// that the ratio of each round compares runs minutes apart. Weeks and months are built by both. Share
// cards are off (`--cards 0`): they are not what is measured. Prints a Markdown table.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure } from "./measure.ts";
import { syntheticAtom } from "./syntheticAuthors.ts";
import { nextDay, syntheticDigests } from "./syntheticDigests.ts";

const ROOT = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { sizes: { type: "string", default: "10000,50000" }, rounds: { type: "string", default: "3" } },
});
const ROUNDS = Math.max(1, Number(values.rounds));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function build(work: string, site: string) {
  const run = await measure(process.execPath, [
    join(ROOT, "bin/paper-digest.js"),
    "build",
    ...["--digests", join(work, "digests"), "--out", join(work, "site"), "--cache", join(work, "cache")],
    ...["--config", site, "--enriched", join(work, "authors.atom"), "--cards", "0"],
    ...["--site-url", "https://bench.example.org"],
  ]);
  if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

const count = async (dir: string) => (await readdir(dir).catch(() => [])).length;

const rows: string[] = [];
for (const n of values.sizes!.split(",").map(Number)) {
  const root = await mkdtemp(join(tmpdir(), `pd-bench-authors-${n}-`));
  const [dayName, dayText] = nextDay(n);
  const { atom, stats } = syntheticAtom(n + 50);
  const variants = { with: 2, without: 1_000_000 };
  const state: Record<string, { work: string; site: string; full: Awaited<ReturnType<typeof build>> }> = {};
  for (const [name, minPapers] of Object.entries(variants)) {
    const work = join(root, name);
    await mkdir(join(work, "digests"), { recursive: true });
    for (const [file, text] of syntheticDigests(n)) await writeFile(join(work, "digests", file), text);
    await writeFile(join(work, "authors.atom"), atom);
    const site = join(work, "site.yaml");
    await writeFile(site, `authorPages:\n  minPapers: ${minPapers}\n`);
    const full = await build(work, site);
    await mkdir(join(root, `${name}-before`));
    execFileSync("cp", ["-a", ...["site", "cache", "digests"].map((d) => join(work, d)), join(root, `${name}-before`)]);
    state[name] = { work, site, full };
  }
  const dailies: Record<string, number[]> = { with: [], without: [] };
  const peaks: Record<string, number[]> = { with: [], without: [] };
  let pages = { authors: 0, weeks: 0, months: 0 };
  for (let round = 0; round < ROUNDS; round++)
    for (const name of Object.keys(variants)) {
      const { work, site } = state[name];
      await Promise.all(["site", "cache", "digests"].map((d) => rm(join(work, d), { recursive: true, force: true })));
      // As the full build left them, times too (the daily build checks them).
      execFileSync("cp", ["-a", ...["site", "cache", "digests"].map((d) => join(root, `${name}-before`, d)), work]);
      await writeFile(join(work, "digests", dayName), dayText);
      execFileSync("sync");
      const run = await build(work, site);
      dailies[name].push(run.seconds);
      if (process.env.VERBOSE) console.error(`${n} ${name} daily:\n${run.stdout}`);
      peaks[name].push(run.peakRss);
      if (name === "with")
        pages = {
          authors: await count(join(work, "site/authors")),
          weeks: await count(join(work, "site/weeks")),
          months: await count(join(work, "site/months")),
        };
    }
  const ratios = dailies.with.map((s, i) => s / dailies.without[i]);
  rows.push(
    `| ${n} | ${stats.authors} (${stats.perPaper.toFixed(1)} a paper; ${stats.twoOrMore} with 2+) | ` +
      `${pages.authors} | ${pages.weeks} / ${pages.months} | ` +
      `${state.with.full.seconds.toFixed(1)} / ${state.without.full.seconds.toFixed(1)} | ` +
      `${median(dailies.with).toFixed(1)} (${dailies.with.map((s) => s.toFixed(1)).join(" / ")}) | ` +
      `${median(dailies.without).toFixed(1)} (${dailies.without.map((s) => s.toFixed(1)).join(" / ")}) | ` +
      `${median(ratios).toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(" / ")}) | ` +
      `${(median(peaks.with) / 2 ** 20).toFixed(0)} / ${(median(peaks.without) / 2 ** 20).toFixed(0)} |`,
  );
  await rm(root, { recursive: true, force: true });
}
console.log(
  "| papers | authors | author pages | week / month pages | full build with / without (s) | daily with (s; runs) | " +
    "daily without (s; runs) | daily with / without (rounds) | daily peak RSS with / without (MB) |\n" +
    "| ---: | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
);
console.log(rows.join("\n"));
