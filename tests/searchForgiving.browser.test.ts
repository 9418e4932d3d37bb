import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildIncrementally, buildWithCli } from "./support/builtSite.ts";
import { ROOT, SEED, tempDir } from "./support/cli.ts";
import { plainTopFive } from "./support/plainSearch.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

// Search as a new reader uses it: typos, paraphrases, acronyms, questions and
// author names (tests/fixtures/search/queries.yaml), on the bundled digest alone
// and on an archive of two digests of real papers.
const queries = parse(await readFile(join(ROOT, "tests/fixtures/search/queries.yaml"), "utf8")) as {
  q: string;
  want: string;
  kind: string;
}[];
const sites: { seed: string; archive: string } = { seed: "", archive: "" };
const report: string[] = [];

beforeAll(async () => {
  const cache = await tempDir("pd-cache-");
  sites.seed = (await buildWithCli(join(SEED, ".."), ["--cache", cache])).out;
  const archive = await sourcesDigests();
  await cp(join(ROOT, "tests/fixtures/search/2024-10-25.json"), join(archive, "2024-10-25.json"));
  // Its 86 papers cut as a large archive's are, in proportion (shards of 320, blocks of 40): the 46 newest in the
  // primary index, the 40 oldest in a shard. Every query shows the newest papers' results first, then all.
  sites.archive = (await buildIncrementally(archive, ["--shard-size", "320"])).out;
});
afterAll(() => {
  if (report.length) console.log(`Search hit@5 (plain Pagefind → ours):\n${report.join("\n")}`);
});

/** Waits for the search page to settle and gives the first five results' URLs. */
async function topFive(page: Page) {
  await page.waitForFunction(() =>
    /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
  );
  return page.$$eval("#search-results h2 a", (els) => els.slice(0, 5).map((e) => e.getAttribute("href")));
}

for (const name of ["seed", "archive"] as const) {
  describeInBrowser(`forgiving search on the ${name === "seed" ? "bundled digest" : "two-digest archive"}`, () => {
    const browser = useBrowser(() => sites[name]);

    it(
      "puts the wanted paper among the first five for every query of the relevance set, where plain " +
        "Pagefind misses many",
      async () => {
        const page = await browser.browser.newPage();
        await page.goto(new URL("/search/", browser.url).href);
        const slugs = new Set(
          (JSON.parse(await readFile(join(sites[name], "papers.json"), "utf8")).papers as { slug: string }[]).map(
            (p) => p.slug,
          ),
        );
        const set = queries.filter((x) => slugs.has(x.want));
        expect(set.length).toBeGreaterThanOrEqual(name === "seed" ? 20 : 40);
        // Plain Pagefind over the whole index: every shard merged, as the search page has it once complete.
        const plain = await plainTopFive(
          page,
          set.map((x) => x.q),
        );
        const missed: string[] = [];
        let plainHits = 0;
        for (const [i, { q, want, kind }] of set.entries()) {
          if (plain[i].includes(`/papers/${want}/`)) plainHits++;
          await page.goto(new URL(`/search/?q=${encodeURIComponent(q)}`, browser.url).href);
          if (!(await topFive(page)).includes(`/papers/${want}/`)) missed.push(`[${kind}] ${q} → ${want}`);
        }
        report.push(`${name}: ${plainHits}/${set.length} → ${set.length - missed.length}/${set.length}`);
        expect(missed).toEqual([]);
        expect(plainHits).toBeLessThan(set.length);
        await page.close();
      },
    );
  });
}

describeInBrowser("what the search page shows and fetches", () => {
  const browser = useBrowser(() => sites.archive);
  const open = async (path: string) => {
    const page = await browser.browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(new URL(path, browser.url).href);
    return { page, fetched };
  };

  it("corrects a typo, says so in one line, and offers the words as typed", async () => {
    const { page, fetched } = await open("/search/?q=graph%20atention%20networks");
    const top = await topFive(page);
    expect(top[0]).toBe("/papers/graph-attention-networks/");
    expect(await page.textContent("#search-notice")).toBe(
      "Showing results for graph attention networks. Search instead for graph atention networks.",
    );
    expect(await page.textContent("#search-status")).toMatch(/^\d+ papers? for “graph attention networks”/);
    expect(await page.getAttribute("#search-notice", "aria-live")).toBe("polite");
    // Only the vocabulary of the word that needed it was fetched.
    expect(fetched.filter((p) => p.startsWith("/search/words/"))).toEqual(["/search/words/a.json"]);
    await page.click("#search-notice a");
    await page.waitForFunction(() => !document.getElementById("search-notice")!.textContent);
    expect(new URL(page.url()).searchParams.get("exact")).toBe("1");
    expect(await page.inputValue("#q")).toBe("graph atention networks");
    await page.close();
  });

  it("fetches no vocabulary and no filter index for a query whose words all match", async () => {
    const { page, fetched } = await open("/search/?q=graph%20attention%20networks");
    await topFive(page);
    await page.waitForLoadState("networkidle");
    // No shard's filter index either (the primary's at /pagefind/filter/, the papers' at
    // /pagefind/papers-<first>-<last>/filter/).
    expect(
      fetched.some((p) => /^\/pagefind\/(papers-[\d-]+\/)?pf_index|^\/pagefind\/(papers-[\d-]+\/)?index\//.test(p)),
    ).toBe(true);
    expect(
      fetched.filter((p) => p.startsWith("/search/words/") || /^\/pagefind\/(papers-[\d-]+\/)?filter\//.test(p)),
    ).toEqual([]);
    expect(await page.isHidden("#search-notice")).toBe(true);
    await page.close();
  });

  it("follows the papers with every word by those with some, marked and counted", async () => {
    const { page } = await open("/search/?q=how%20can%20I%20make%20attention%20faster%20on%20GPUs");
    await topFive(page);
    expect(await page.textContent("#search-status")).toMatch(
      /^\d+ papers? for “how can I make attention faster on GPUs” with every word, and \d+ with some of its words\.$/,
    );
    const marks = await page.$$eval("#search-results .partial .match", (els) => els.map((e) => e.textContent));
    expect(marks.length).toBeGreaterThan(0);
    // Of its four meaningful words: "how", "can", "I" and "on" are too common to count.
    expect(marks[0]).toMatch(/^Matches [1-3] of 4 words$/);
    await page.close();
  });

  it("shows a matching topic once above the papers, without taking a paper's place", async () => {
    const { page } = await open("/search/?q=MoE");
    const top = await topFive(page);
    expect(await page.textContent("#search-topic")).toMatch(/^Topic · Mixture of Experts · \d+ papers$/);
    expect(await page.getAttribute("#search-topic a", "href")).toBe("/topics/mixture-of-experts/");
    expect(top.every((u) => u!.startsWith("/papers/"))).toBe(true);
    // An acronym finds the papers that only spell it out.
    expect(top.length).toBe(5);
    await page.close();
  });

  it("finds papers by an author's name and shows authors beside results", async () => {
    const { page } = await open("/search/?q=Kaiming%20He");
    const top = await topFive(page);
    expect(top[0]).toBe("/papers/focal-loss-for-dense-object-detection/");
    expect(await page.textContent("#search-results .paper-item .meta")).toMatch(
      /^Tsung-Yi Lin · Priya Goyal · Ross Girshick et al\. · /,
    );
    await page.close();
  });
});
