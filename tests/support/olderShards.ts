import type { BrowserContext } from "playwright-core";

/**
 * Holds back every request for an older search shard (/pagefind/papers-…/) in `context` until `release` is
 * called, so that what a search page shows from its primary index alone can be seen for certain. On the
 * context, not the page: Pagefind fetches from its web worker, whose requests a page's own routes miss.
 */
export async function holdOlderShards(context: BrowserContext) {
  const requests: string[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(/\/pagefind\/papers-[^/]+\//, async (route) => {
    requests.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { requests, release: () => release() };
}
