// A first search at the same cost on any archive: the search page shows the newest
// papers' results from the primary index alone, then merges the older shards and
// completes the list. Here the older shard's files are held back by the browser
// until the test lets them through, so "first" is seen for certain.
import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildIncrementally } from "./support/builtSite.ts";
import { ROOT } from "./support/cli.ts";
import { holdOlderShards } from "./support/olderShards.ts";
import { plainTopFive } from "./support/plainSearch.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

let out = "";
// The papers in the older shard: the 40 that appeared first (papers.json lists papers in that order).
let older = new Set<string>();
beforeAll(async () => {
  const archive = await sourcesDigests();
  await cp(join(ROOT, "tests/fixtures/search/2024-10-25.json"), join(archive, "2024-10-25.json"));
  // As tests/searchForgiving.browser.test.ts builds it: 86 papers, the 46 newest in the primary index.
  out = (await buildIncrementally(archive, ["--shard-size", "320"])).out;
  const papers = JSON.parse(await readFile(join(out, "papers.json"), "utf8")).papers as { url: string }[];
  older = new Set(papers.slice(0, 40).map((p) => new URL(p.url).pathname));
});

const settled = (page: Page) =>
  page.waitForFunction(() =>
    /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
  );
const hrefs = (page: Page, list = "#search-results") =>
  page.$$eval(`${list} h2 a`, (els) => els.map((e) => e.getAttribute("href")!));

describeInBrowser("a first search shows the newest papers first", () => {
  const browser = useBrowser(() => out);

  /** The search page for `q`, with the older shard's files held until `release` is called. */
  async function held(q: string) {
    const page = await browser.browser.newPage({ viewport: { width: 360, height: 720 } });
    const { requests: shardRequests, release } = await holdOlderShards(page.context());
    await page.goto(new URL(`/search/?q=${encodeURIComponent(q)}`, browser.url).href);
    await page.waitForSelector('#search-results[data-scope="newest"]', { state: "attached" });
    return { page, release, shardRequests };
  }

  it("shows the newest papers' results before the older shard has answered, then all, ranked", async () => {
    expect(older.size).toBe(40);
    const { page, release } = await held("model");
    const first = await hrefs(page);
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((h) => older.has(h))).toEqual([]);
    expect(await page.textContent("#search-status")).toMatch(
      /^\d+ of the newest papers match “model”; searching older papers…$/,
    );
    expect(await page.getAttribute("#search-results", "aria-busy")).toBe("true");
    const newest = Number(/^\d+/.exec((await page.textContent("#search-status"))!)![0]);
    release();
    await settled(page);
    expect(await page.textContent("#search-status")).toMatch(/^\d+ papers for “model”\.$/);
    expect(Number(/^\d+/.exec((await page.textContent("#search-status"))!)![0])).toBeGreaterThan(newest);
    expect(await page.getAttribute("#search-results", "aria-busy")).toBeNull();
    // Every page of results, as a reader pressing "Show more papers" to the end sees them.
    await page.evaluate(async () => {
      const more = document.getElementById("search-more")!;
      for (let n = 0; !more.hidden && n < 20; n++) {
        const count = document.querySelectorAll("#search-results li").length;
        more.click();
        while (document.querySelectorAll("#search-results li").length === count)
          await new Promise(requestAnimationFrame);
      }
    });
    expect((await hrefs(page)).some((h) => older.has(h))).toBe(true);
    expect(await page.isHidden("#search-older-heading")).toBe(true);
    await page.close();
  });

  it("ranks as Pagefind does over the whole index once complete: the same first five", async () => {
    const queries = ["model", "language model", "attention", "reinforcement learning", "reasoning", "vision"];
    const page = await browser.browser.newPage();
    await page.goto(new URL("/search/", browser.url).href);
    // The page's own Pagefind, before any search: every shard merged at once, as the page merged them before.
    const whole = await plainTopFive(page, queries);
    for (const [i, q] of queries.entries()) {
      // Each query a first search: a page of its own.
      const fresh = await browser.browser.newPage();
      await fresh.goto(new URL(`/search/?q=${encodeURIComponent(q)}`, browser.url).href);
      await settled(fresh);
      expect(whole[i].length, q).toBe(5);
      expect((await hrefs(fresh)).slice(0, 5), q).toEqual(whole[i]);
      await fresh.close();
    }
    await page.close();
  });

  it("keeps the first results where they are once the reader touches them, the older papers below", async () => {
    const { page, release } = await held("model");
    const first = await hrefs(page);
    const boxes = async (selectors: string[]) =>
      Promise.all(selectors.map(async (h) => (await page.locator(`#search-results a[href="${h}"]`).boundingBox())!.y));
    const before = await boxes(first);
    // A finger comes down on the second result.
    await page.dispatchEvent("#search-results li:nth-child(2)", "pointerdown");
    release();
    await settled(page);
    expect(await hrefs(page)).toEqual(first);
    expect(await boxes(first)).toEqual(before);
    expect(await page.textContent("#search-older-heading")).toBe("Older papers");
    const below = await hrefs(page, "#search-older");
    expect(below.length).toBeGreaterThan(0);
    expect(below.some((h) => older.has(h))).toBe(true);
    expect(below.filter((h) => first.includes(h))).toEqual([]);
    await page.close();
  });

  it("keeps the newest papers' results and says so when an older shard can't be loaded", async () => {
    const page = await browser.browser.newPage();
    await page.context().route(/\/pagefind\/papers-[^/]+\//, (route) => route.abort());
    await page.goto(new URL("/search/?q=model", browser.url).href);
    await page.waitForFunction(() =>
      /could not be loaded/.test(document.getElementById("search-status")!.textContent!),
    );
    expect(await page.textContent("#search-status")).toBe(
      "Part of the search index could not be loaded. Reload the page to search every paper.",
    );
    expect((await hrefs(page)).length).toBeGreaterThan(0);
    expect(await page.getAttribute("#search-results", "aria-busy")).toBeNull();
    await page.close();
  });

  it("searches every shard at once after the first search: a later query has no first stage", async () => {
    const { page, release, shardRequests } = await held("model");
    release();
    await settled(page);
    expect(shardRequests.length).toBeGreaterThan(0);
    await page.fill("#q", "attention");
    await page.waitForFunction(() => /for “attention”/.test(document.getElementById("search-status")!.textContent!));
    expect(await page.getAttribute("#search-results", "data-scope")).toBe("all");
    expect((await hrefs(page)).some((h) => older.has(h))).toBe(true);
    await page.close();
  });
});
