import type { Page } from "playwright-core";

/**
 * Plain Pagefind, as the site serves it, over the whole index (every shard merged at once, as the search page
 * has it once complete): the first five papers' URLs for each query. `page` is a search page that has not
 * searched yet (its Pagefind is the one this merges into). The script is a string, so the test runner leaves
 * its import alone.
 */
export function plainTopFive(page: Page, queries: readonly string[]): Promise<string[][]> {
  return page.evaluate(`(async (qs) => {
    const pagefind = await import("/pagefind/pagefind.js");
    for (const shard of (await (await fetch("/search/index.json")).json()).merge) await pagefind.mergeIndex(shard);
    const out = [];
    for (const q of qs) {
      const found = await pagefind.search(q);
      const pages = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
      out.push(pages.map((d) => d.url).filter((u) => u.startsWith("/papers/")).slice(0, 5));
    }
    return out;
  })(${JSON.stringify(queries)})`);
}
