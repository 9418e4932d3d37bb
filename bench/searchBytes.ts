import { gzipSync } from "node:zlib";
import type { Request } from "playwright-core";
import { serveSite } from "../src/cli/serveSite.ts";
import { launchChromium } from "../tests/support/chromium.ts";
import { holdOlderShards } from "../tests/support/olderShards.ts";

/** Bytes and requests, as served and with scripts and JSON gzipped as a static host sends them. */
export interface Downloaded {
  total: number;
  wire: number;
  requests: number;
}

/**
 * What a reader's first search downloads for search: from /pagefind/, Pagefind's
 * script and WebAssembly, the index chunks and filters it needs and the result
 * fragments shown; from /search/words/, the vocabulary a typo needs. `first` is
 * what came before the first results showed (the older shards are held back until
 * then, so that nothing of theirs is counted), `complete` all of it once the search
 * has merged every shard.
 */
export async function firstSearchBytes(siteDir: string, query = "mixture of experts") {
  const server = await serveSite(siteDir, 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const finished: Request[] = [];
    page.on("requestfinished", (req) => {
      if (req.url().includes("/pagefind/") || req.url().includes("/search/words/")) finished.push(req);
    });
    const { release } = await holdOlderShards(page.context());
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector("#search-results[data-scope]", { state: "attached" });
    const first = await measured(finished);
    release();
    await page.waitForFunction(() =>
      /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    await page.waitForLoadState("networkidle");
    return { first, complete: await measured(finished) };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measured(requests: readonly Request[]): Promise<Downloaded> {
  const sizes = await Promise.all(
    requests.map(async (req) => {
      const body = (await (await req.response())?.body().catch(() => undefined)) ?? Buffer.alloc(0);
      // Pagefind's index files are gzipped already; a host compresses its scripts and JSON.
      const compressible = /\.(js|json)(\?|$)/.test(req.url());
      return { bytes: body.length, wire: compressible ? gzipSync(body).length : body.length };
    }),
  );
  return {
    total: sizes.reduce((n, s) => n + s.bytes, 0),
    wire: sizes.reduce((n, s) => n + s.wire, 0),
    requests: sizes.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { first, complete } = await firstSearchBytes(process.argv[2] ?? "_site", process.argv[3]);
  const kb = (d: Downloaded) =>
    `${(d.total / 1024).toFixed(1)} KB in ${d.requests} requests, ${(d.wire / 1024).toFixed(1)} KB with scripts\
 compressed`;
  console.log(`first results: ${kb(first)}\ncomplete search: ${kb(complete)}`);
}
