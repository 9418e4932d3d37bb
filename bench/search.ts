// Search budgets on a built site: `npx tsx bench/search.ts SITE_DIR`.
//
// Bytes a first search downloads (as served, and gzipped as a static host sends
// scripts and JSON) for a query whose words all match, for one with a typo and
// for a many-word question; and how long results take to show for a typed query
// once the index is warm, in this machine's Chromium.
import { serveSite } from "../src/cli/serveSite.ts";
import { launchChromium } from "../tests/support/chromium.ts";
import { firstSearchBytes } from "./searchBytes.ts";

const site = process.argv[2] ?? "_site";
const KB = (n: number) => (n / 1024).toFixed(1);
const queries = {
  correct: "language model",
  typo: "langauge modle",
  question: "how do language models learn to reason about code",
};
const rows: string[] = [];
for (const [kind, q] of Object.entries(queries)) {
  const r = await firstSearchBytes(site, q);
  rows.push(`| ${kind} | ${q} | ${KB(r.total)} | ${KB(r.wire)} | ${r.requests} |`);
}
console.log("| query | text | first search (KB) | gzipped (KB) | requests |\n| --- | --- | ---: | ---: | ---: |");
console.log(rows.join("\n"));

// Typed-query latency with a warm index: from the input event to the status line.
const server = await serveSite(site, 0);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.url}search/?q=warm`);
await page.waitForFunction(() =>
  /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
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
