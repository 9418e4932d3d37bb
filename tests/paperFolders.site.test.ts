import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { syntheticDigests } from "../bench/syntheticDigests.ts";
import { crowdedFolder } from "../src/pipeline/crowdedFolder.ts";
import { readPage } from "./support/builtSite.ts";
import { runCli, tempDir } from "./support/cli.ts";

// A site outgrowing its papers' folder, at a small scale: the folder limit is 250 here (Netlify's is 54,000),
// search shards hold 100 pages and no card is drawn, so papers/ is the folder that fills up. Six days of 70
// papers (2024-01-01 to 06): the first three built as a site is today, then three more with paperMonthsFrom.
const LIMIT = "250";
let work = "";
let digests = "";
const papersOf = async (out: string) =>
  (JSON.parse(await readFile(join(out, "papers.json"), "utf8")).papers as { url: string; title: string }[]).map(
    (p) => ({ path: new URL(p.url).pathname, title: p.title }),
  );
const build = (out: string, config: string) =>
  runCli(
    ["build", "--digests", digests, "--out", join(work, out), "--cache", join(work, `${out}-cache`)].concat([
      "--config",
      config,
      "--shard-size",
      "100",
      "--cards",
      "0",
      "--site-url",
      "https://digest.example.org",
    ]),
    { env: { PAPER_DIGEST_FOLDER_LIMIT: LIMIT } },
  );

beforeAll(async () => {
  work = await tempDir("pd-folders-");
  digests = join(work, "digests");
  const files = [...syntheticDigests(360)];
  await mkdir(digests);
  for (const [name, text] of files.slice(0, 3)) await writeFile(join(digests, name), text);
  await writeFile(join(work, "before.yaml"), "title: Paper Digest\n");
  const first = await build("site", join(work, "before.yaml"));
  expect(first.code, first.stderr).toBe(0);
  for (const [name, text] of files.slice(3)) await writeFile(join(digests, name), text);
});

describe("papers in a folder a month (paperMonthsFrom)", () => {
  it("keeps every URL the site had, serving the same paper, and puts new papers in their month's folder", async () => {
    const before = await papersOf(join(work, "site"));
    expect(before.every((p) => /^\/papers\/[a-z0-9-]+\/$/.test(p.path))).toBe(true);
    await writeFile(join(work, "after.yaml"), "title: Paper Digest\npaperMonthsFrom: 2024-01-04\n");
    const r = await build("site", join(work, "after.yaml"));
    expect(r.code, r.stderr).toBe(0);
    const out = join(work, "site");
    for (const { path, title } of before) {
      const page = await readPage(out, path);
      expect(page.querySelector("h1")!.textContent, path).toBe(title);
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(
        `https://digest.example.org${path}`,
      );
    }
    const after = await papersOf(out);
    const added = after.filter((p) => !before.some((b) => b.path === p.path));
    expect(added.length).toBeGreaterThan(100);
    expect(added.every((p) => /^\/papers\/2024-01\/[a-z0-9-]+\/$/.test(p.path))).toBe(true);
    // Their pages, links, feed items and sitemap entries say the same.
    const home = await readPage(out, "/");
    // The newest digest lists new papers and, like any day, a few listed before (which keep their URLs).
    const items = [...home.querySelectorAll(".paper-item")];
    const links = items.map((li) => li.querySelector("h2 a")!.getAttribute("href"));
    const fresh = items.filter((li) => li.getAttribute("data-date")! >= "2024-01-04");
    expect(fresh.length).toBeGreaterThan(20);
    for (const li of fresh) expect(li.querySelector("h2 a")!.getAttribute("href")).toMatch(/^\/papers\/2024-01\//);
    for (const href of links) expect(existsSync(join(out, href!, "index.html")), href!).toBe(true);
    const sitemap = (await readdir(out)).filter((f) => f.startsWith("sitemap"));
    const urls = (await Promise.all(sitemap.map((f) => readFile(join(out, f), "utf8")))).join("");
    for (const { path } of added.slice(0, 20)) expect(urls).toContain(`https://digest.example.org${path}`);
    expect(await readFile(join(out, "feed.xml"), "utf8")).toContain(`https://digest.example.org${added.at(-1)!.path}`);
    const files = (await readdir(out, { recursive: true })).map(String);
    expect(crowdedFolder(files, Number(LIMIT))).toBeUndefined();
  });

  it("without it, the same archive stops in publish naming papers/ and the cure, and the last site stays", async () => {
    const r = await build("flat", join(work, "before.yaml"));
    expect(r.code).toBe(1);
    const errors = r.stderr.trim().split("\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^paper-digest: build publish failed: .*\/flat\/papers would hold \d+ entries; /);
    expect(errors[0]).toContain(
      "Netlify refuses a folder of more than 250 (set paperMonthsFrom in content/site.yaml to a day to come)",
    );
    expect(existsSync(join(work, "flat"))).toBe(false);
  });
});
