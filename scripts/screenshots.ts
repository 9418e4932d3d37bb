// Screenshots of every page type, light and dark, 360 px and 1280 px wide, for a
// person to look at: npx tsx scripts/screenshots.ts [SITE_DIR] [OUT_DIR]
// (PAGES=/a/,/b/ picks the pages; FULL=1 takes whole pages, not the first screen;
// END=1 the last screen, where long lists end; READ=slug,slug marks papers read and saves them, as a
// reader who opened them would have)
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveSite } from "../src/cli/serveSite.ts";
import { launchChromium } from "../tests/support/chromium.ts";

const site = resolve(process.argv[2] ?? "_site");
const out = resolve(process.argv[3] ?? "screenshots");
const pages = (
  process.env.PAGES ??
  "/,/papers/2-olmo-2-furious/,/digests/,/digests/2025-03-13/,/topics/,/search/?q=mixture%20of%20experts,/nope/"
).split(",");

await mkdir(out, { recursive: true });
const server = await serveSite(site, 0);
const browser = await launchChromium();
for (const scheme of ["light", "dark"] as const) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    const read = process.env.READ?.split(",") ?? [];
    if (read.length)
      await page.addInitScript((slugs) => {
        const saved = slugs.map((slug) => ({ slug, title: slug.replaceAll("-", " "), date: "2025-03-13" }));
        localStorage.setItem("paper-digest:read", JSON.stringify(slugs));
        localStorage.setItem("paper-digest:saved", JSON.stringify(saved));
      }, read);
    for (const path of pages) {
      await page.goto(new URL(path, server.url).href, { waitUntil: "load" });
      // A search page is ready when its status line has spoken.
      if (path.startsWith("/search/"))
        await page
          .waitForFunction(() => document.getElementById("search-status")?.textContent, null, { timeout: 10_000 })
          .catch(() => {});
      await page.waitForTimeout(800);
      if (process.env.END === "1") await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const name = (path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home").slice(0, 40);
      await page.screenshot({ path: join(out, `${name}-${width}-${scheme}.png`), fullPage: process.env.FULL === "1" });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
