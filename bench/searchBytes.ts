import { gzipSync } from "node:zlib";
import { serveSite } from "../src/cli/serveSite.ts";
import { launchChromium } from "../tests/support/chromium.ts";

/**
 * What a reader's first search downloads for search: from /pagefind/, Pagefind's
 * script and WebAssembly, the index chunks and filters it needs and the result
 * fragments shown; from /search/words/, the vocabulary a typo needs.
 */
export async function firstSearchBytes(siteDir: string, query = "mixture of experts") {
  const server = await serveSite(siteDir, 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: { url: string; bytes: number; wire: number }[] = [];
    page.on("response", async (res) => {
      if (!res.url().includes("/pagefind/") && !res.url().includes("/search/words/")) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      // Pagefind's index files are gzipped already; a host compresses its scripts and JSON.
      const compressible = /\.(js|json)(\?|$)/.test(res.url());
      sizes.push({ url: res.url(), bytes: body.length, wire: compressible ? gzipSync(body).length : body.length });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() =>
      /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    await page.waitForLoadState("networkidle");
    const total = sizes.reduce((n, s) => n + s.bytes, 0);
    const wire = sizes.reduce((n, s) => n + s.wire, 0);
    return { total, wire, requests: sizes.length };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await firstSearchBytes(process.argv[2] ?? "_site", process.argv[3]);
  console.log(
    `first search: ${(result.total / 1024).toFixed(1)} KB in ${result.requests} requests,\
 ${(result.wire / 1024).toFixed(1)} KB with scripts compressed`,
  );
}
