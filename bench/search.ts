// Search budgets on a built site: `npx tsx bench/search.ts SITE_DIR`.
//
// Bytes a first search downloads (as served, and gzipped as a static host sends
// scripts and JSON) until its first results show and once complete, for a query
// whose words all match, one with a typo and a many-word question; how long the
// first results take on a slow phone connection; and how long results take to
// show for a typed query once the index is warm, in this machine's Chromium.
import type { Page } from "playwright-core";
import { serveSite } from "../src/cli/serveSite.ts";
import { launchChromium } from "../tests/support/chromium.ts";
import { firstSearchBytes } from "./searchBytes.ts";
import { type Network, SLOW_4G, slowNetwork } from "./slowNetwork.ts";

const site = process.argv[2] ?? "_site";
const KB = (n: number) => (n / 1024).toFixed(1);
const queries = {
  correct: "language model",
  typo: "langauge modle",
  question: "how do language models learn to reason about code",
};
const rows: string[] = [];
for (const [kind, q] of Object.entries(queries)) {
  const { first, complete } = await firstSearchBytes(site, q);
  rows.push(`| ${kind} | ${q} | ${KB(first.wire)} (${first.requests}) | ${KB(complete.wire)} (${complete.requests}) |`);
}
console.log("| query | text | first results: KB gzipped (requests) | complete search: KB gzipped (requests) |");
console.log("| --- | --- | ---: | ---: |");
console.log(rows.join("\n"));

const server = await serveSite(site, 0);
const browser = await launchChromium();
const done = /\bpapers? (for|in)\b|No papers found/;

/**
 * Milliseconds from a query typed on a loaded search page (or arriving with ?q=) to the first and complete results,
 * on a slow network in front of the site.
 */
async function onSlow4G(network: Network, q: string, arrive: boolean) {
  const slow = await slowNetwork(server.url, network);
  const page = await browser.newPage();
  try {
    const t0 = Date.now();
    if (arrive) await page.goto(`${slow.url}search/?q=${encodeURIComponent(q)}`, { waitUntil: "commit" });
    else {
      await page.goto(`${slow.url}search/`);
      await page.waitForLoadState("networkidle");
    }
    const typed = arrive ? t0 : await type(page, q);
    await page.waitForSelector("#search-results[data-scope]", { state: "attached", timeout: 120_000 });
    const first = Date.now() - typed;
    await page.waitForFunction(
      (re) => new RegExp(re).test(document.getElementById("search-status")!.textContent!),
      done.source,
      {
        timeout: 120_000,
      },
    );
    const complete = Date.now() - typed;
    // Pagefind debounces typing by 150 ms: that wait is the reader's, not the search's.
    return arrive ? { first, complete } : { first: first - 150, complete: complete - 150 };
  } finally {
    await page.close();
    await slow.close();
  }
}
async function type(page: Page, q: string) {
  const t = Date.now();
  await page.evaluate((query) => {
    const input = document.getElementById("q") as HTMLInputElement;
    input.value = query;
    input.dispatchEvent(new Event("input"));
  }, q);
  return t;
}
console.log("\n| Lighthouse's slow 4G | from | first results (ms) | complete (ms) |\n| --- | --- | ---: | ---: |");
for (const [name, network] of Object.entries(SLOW_4G)) {
  for (const arrive of [false, true]) {
    const r = await onSlow4G(network, queries.correct, arrive);
    console.log(
      `| ${name} | ${arrive ? "arriving with ?q=" : "typed on the loaded page"} | ${r.first} | ${r.complete} |`,
    );
  }
}

// Typed-query latency with a warm index: from the input event to the status line.
const page = await browser.newPage();
await page.goto(`${server.url}search/?q=warm`);
await page.waitForFunction(
  (re) => new RegExp(re).test(document.getElementById("search-status")!.textContent!),
  done.source,
);
const cold: number[] = [];
const times: number[] = [];
for (const q of [
  "mixture of experts",
  "transfomer",
  "graph neural network",
  "how to make language models faster",
  "reinforcement learning",
]) {
  // The first run of a query may fetch its words' index chunks; the second is warm.
  for (const list of [cold, times])
    list.push(
      await page.evaluate(async (query) => {
        const input = document.getElementById("q") as HTMLInputElement;
        const status = document.getElementById("search-status")!;
        status.textContent = "";
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event("input"));
        while (!/\bpapers? (for|in)\b|No papers found/.test(status.textContent ?? ""))
          await new Promise((r) => setTimeout(r, 5));
        // Pagefind debounces typing by 150 ms: that wait is the reader's, not the search's.
        return performance.now() - t0 - 150;
      }, q),
    );
}
console.log(
  `\ntyped-query latency after the 150 ms debounce (ms), first run: ${cold.map((t) => t.toFixed(0)).join(", ")}; warm:\
 ${times.map((t) => t.toFixed(0)).join(", ")}, max ${Math.max(...times).toFixed(0)}`,
);
await browser.close();
await server.close();
