// The word index cut finer, end to end: the real Pagefind binary indexes a few
// hundred pages; a copy of its index is cut (splitSearchIndex); Pagefind's own
// search, in Chromium, must find the same pages in the same order in both, and
// download less from the cut one.
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveSite } from "../src/cli/serveSite.ts";
import { splitSearchIndex } from "../src/search/pagefind/splitSearchIndex.ts";
import { describeInBrowser } from "./support/browser.ts";
import { launchChromium } from "./support/chromium.ts";
import { tempDir } from "./support/cli.ts";

// Made-up words that English stemming leaves as they are (no vowel e/i/y, ending in k, x or z), so
// each query term is the word indexed. Some have extensions ("bakok", "bakokax") to test prefix matches.
const consonants = "bdgkmnprtv";
const vowels = "aou";
const ends = "kxz";
function word(n: number): string {
  let w = "";
  for (let k = n, i = 0; i < 2 || k > 0; i++, k = Math.floor(k / 30))
    w += consonants[k % 10] + vowels[Math.floor(k / 10) % 3];
  return w + ends[n % 3];
}
const base = Array.from({ length: 600 }, (_, i) => word(i));
const vocabulary = [...base, ...base.slice(0, 120).flatMap((w, i) => [`${w}ak`, `${w}${consonants[i % 10]}ox`])];

// Deterministic pseudo-random numbers, so every run indexes the same pages.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
// Zipf-like: a few words on most pages, as "model" or "language" are in an archive of papers.
const weights = vocabulary.map((_, i) => 1 / (i + 1));
const total = weights.reduce((a, b) => a + b, 0);
function pick(): string {
  let r = random() * total;
  for (const [i, w] of weights.entries()) if ((r -= w) <= 0) return vocabulary[i];
  return vocabulary[vocabulary.length - 1];
}

const queries = [
  base[0],
  base[1],
  `${base[0]} ${base[2]}`,
  ...[15, 40, 90, 200, 350, 520].map((i) => base[i]),
  ...[3, 30, 75, 110].map((i) => base[i]),
  `${base[3]}ak`,
  ...[5, 60, 100].map((i) => base[i].slice(0, 3)),
  ...[8, 45, 115].map((i) => base[i].slice(0, 4)),
];

let own: string;
let cut: string;
let browser: Browser;

describeInBrowser("a search on the index cut finer", () => {
  beforeAll(async () => {
    const root = await tempDir("pd-split-");
    own = join(root, "own");
    cut = join(root, "cut");
    const { index } = await pagefind.createIndex({ forceLanguage: "en" });
    for (let page = 0; page < 500; page++) {
      const text = Array.from({ length: 60 }, pick).join(" ");
      await index!.addHTMLFile({
        sourcePath: `p/${page}/index.html`,
        content: `<html lang="en"><body><h1>Page ${page}</h1><p>${text}</p></body></html>`,
      });
    }
    await index!.writeFiles({ outputPath: join(own, "pagefind") });
    await pagefind.close();
    // The page searches with Pagefind's own script, as the site does.
    const search = `window.search = async (q) =>\
 (await (await import("/pagefind/pagefind.js")).search(q)).results.map((r) => r.id);`;
    await writeFile(
      join(own, "index.html"),
      `<!doctype html><title>search</title><script type="module">${search}</script>`,
    );
    await mkdir(cut);
    await cp(own, cut, { recursive: true });
    expect(await splitSearchIndex(join(cut, "pagefind"))).toBeGreaterThan(0);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** Each query's results (all of them, in order) and the bytes of index chunks it downloaded, each in a fresh page. */
  async function searchAll(site: string) {
    const server = await serveSite(site, 0);
    const page = await browser.newPage();
    let bodies: Promise<Buffer>[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith(".pf_index")) bodies.push(r.body());
    });
    const results: Record<string, string[]> = {};
    const downloaded: Record<string, number> = {};
    try {
      for (const q of queries) {
        bodies = [];
        await page.goto(server.url);
        await page.waitForFunction(() => "search" in window);
        results[q] = await page.evaluate(
          (q) => (window as unknown as { search: (q: string) => Promise<string[]> }).search(q),
          q,
        );
        // Pagefind's search resolves once the chunks it needs have arrived.
        downloaded[q] = (await Promise.all(bodies)).reduce((n, b) => n + b.length, 0);
      }
    } finally {
      await page.close();
      await server.close();
    }
    return { results, downloaded };
  }

  it("finds the same pages in the same order, extensions of a term included, and downloads less", async () => {
    const before = await searchAll(own);
    const after = await searchAll(cut);
    for (const q of queries) expect(after.results[q], `results for "${q}"`).toEqual(before.results[q]);
    // The queries find something, and terms find their extensions.
    expect(before.results[base[0]].length).toBeGreaterThan(100);
    expect(before.results[`${base[3]}ak`].length).toBeGreaterThan(0);
    expect(after.results[base[3]]).toEqual(expect.arrayContaining(after.results[`${base[3]}ak`]));
    const sum = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
    expect(sum(after.downloaded)).toBeLessThan(sum(before.downloaded) * 0.7);
  });
});
