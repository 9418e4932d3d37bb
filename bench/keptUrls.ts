// Papers in a folder a month, at full size: `npx tsx bench/keptUrls.ts [--papers 10000]`.
//
// Builds a synthetic archive as a site is today (every paper in papers/), then one more day with
// paperMonthsFrom set to it, incrementally over the same site and cache, and checks that every URL of the
// first site still serves the same paper (its heading), that the day's new papers are in their month's
// folder, and how full the fullest folder is. tests/paperFolders.site.test.ts checks the same at a small scale.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseHTML } from "linkedom";
import { measure } from "./measure.ts";
import { nextDay, syntheticDigests } from "./syntheticDigests.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { papers: { type: "string", default: "10000" } } });
const n = Number(values.papers);
const work = await mkdtemp(join(tmpdir(), "pd-kept-"));
const papersOf = async () =>
  (
    JSON.parse(await readFile(join(work, "site", "papers.json"), "utf8")).papers as { url: string; title: string }[]
  ).map((p) => ({ path: new URL(p.url).pathname, title: p.title }));
async function build(config: string) {
  await writeFile(join(work, "site.yaml"), config);
  const run = await measure(process.execPath, [
    join(ROOT, "bin/paper-digest.js"),
    ...["build", "--digests", join(work, "digests"), "--out", join(work, "site"), "--cache", join(work, "cache")],
    ...["--config", join(work, "site.yaml"), "--new-cards", "0", "--site-url", "https://bench.example.org"],
  ]);
  if (run.code !== 0) throw new Error(`build failed:\n${run.stderr}`);
  return run.seconds;
}
try {
  await mkdir(join(work, "digests"));
  for (const [name, text] of syntheticDigests(n)) await writeFile(join(work, "digests", name), text);
  const flat = await build("title: Paper Digest\n");
  const before = await papersOf();
  const [name, text] = nextDay(n);
  await writeFile(join(work, "digests", name), text);
  const daily = await build(`title: Paper Digest\npaperMonthsFrom: ${name.replace(".txt", "")}\n`);
  const moved: string[] = [];
  for (const { path, title } of before) {
    const file = join(work, "site", path, "index.html");
    const heading = existsSync(file) ? parseHTML(await readFile(file, "utf8")).document.querySelector("h1") : null;
    if (heading?.textContent !== title) moved.push(path);
  }
  const added = (await papersOf()).filter((p) => !before.some((b) => b.path === p.path));
  const entries = new Map<string, number>();
  for (const entry of await readdir(join(work, "site"), { recursive: true, withFileTypes: true })) {
    const parent = relative(join(work, "site"), entry.parentPath);
    entries.set(parent, (entries.get(parent) ?? 0) + 1);
  }
  const [fullest, most] = [...entries].reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
  const monthly = added.filter((p) => /^\/papers\/\d{4}-\d{2}\//.test(p.path)).length;
  const not = moved.length ? ` (not: ${moved.slice(0, 5).join(", ")})` : "";
  console.log(
    `${n} papers built flat (${flat.toFixed(1)} s), then a day with paperMonthsFrom (${daily.toFixed(1)} s):\
 ${before.length - moved.length} of ${before.length} URLs serve the same paper${not};\
 ${monthly} of ${added.length} new papers in a month's folder; fullest folder ${fullest || "."} (${most} entries)`,
  );
  if (moved.length) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
