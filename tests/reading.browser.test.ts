import { readFile } from "node:fs/promises";
import type { BrowserContext } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildIncrementally } from "./support/builtSite.ts";
import { LONG_AUTHORS, sourcesDigests } from "./support/sourcesDigests.ts";

// The reading list, read marks and offline reading, in Chromium on the site served with its real headers
// (its Content-Security-Policy included), built from the bundled digest with imported sources.
let out = "";
beforeAll(async () => {
  out = (await buildIncrementally(await sourcesDigests())).out;
});

const OLMO = { path: LONG_AUTHORS, slug: "2-olmo-2-furious", title: "2 OLMo 2 Furious" };
const DIGEST = "/digests/2025-03-13/";

describeInBrowser("the reader's own reading list, read marks and offline reading", () => {
  const browser = useBrowser(() => out);
  const at = (path: string) => new URL(path, browser.url).href;
  const withContext = async (run: (context: BrowserContext) => Promise<void>, javaScriptEnabled = true) => {
    const context = await browser.browser.newContext({ acceptDownloads: true, javaScriptEnabled });
    try {
      await run(context);
    } finally {
      await context.close();
    }
  };

  it(
    "saves a paper from its page to /saved/, exports BibTeX and RIS, marks it read on its digest, hides " +
      "read papers, and keeps it all over a reload",
    async () => {
      await withContext(async (context) => {
        const page = await context.newPage();
        await page.goto(at(OLMO.path));
        await page.getByRole("button", { name: `Save to your reading list: ${OLMO.title}` }).click();
        const saved = page.getByRole("button", { name: `Saved to your reading list: ${OLMO.title}` });
        expect(await saved.getAttribute("aria-pressed")).toBe("true");

        await page.goto(at("/saved/"));
        const entry = page.locator("#saved-list li").first();
        expect(await entry.locator("h2 a").textContent()).toBe(OLMO.title);
        expect(await entry.locator("h2 a").getAttribute("href")).toBe(`/papers/${OLMO.slug}/`);
        await expect.poll(() => entry.locator(".authors").textContent()).toContain("Luca Soldaini");
        const exported = async (name: string) => {
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.getByRole("button", { name }).click(),
          ]);
          return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
        };
        const bib = await exported("BibTeX");
        expect(bib.name).toBe("reading-list.bib");
        expect(bib.text).toMatch(/^@misc\{olmo2024olmo,/);
        expect(bib.text).toContain("title={2 OLMo 2 Furious}");
        expect(bib.text).toContain("eprint={2501.00656}");
        const ris = await exported("RIS");
        expect(ris.name).toBe("reading-list.ris");
        expect(ris.text).toContain("TI  - 2 OLMo 2 Furious\r\n");
        expect(ris.text).toContain("AU  - Kyle Lo\r\n");
        expect(ris.text).toContain("UR  - https://arxiv.org/abs/2501.00656\r\n");
        expect(ris.text.trim()).toMatch(/ER {2}-$/);

        await page.goto(at(DIGEST));
        const item = page.locator(`li.paper-item[data-slug="${OLMO.slug}"]`);
        expect(await item.getAttribute("class")).toContain("is-read");
        expect(await item.locator(".read-mark").textContent()).toBe(" (read)");
        const unread = page.locator("li.paper-item:not(.is-read)");
        expect(await unread.count()).toBeGreaterThan(60);
        await page.getByLabel("Hide papers I have read").check();
        expect(await item.isVisible()).toBe(false);
        expect(await unread.first().isVisible()).toBe(true);

        await page.reload();
        expect(await page.getByLabel("Hide papers I have read").isChecked()).toBe(true);
        expect(await item.isVisible()).toBe(false);
        await page.getByLabel("Hide papers I have read").uncheck();
        expect(await item.isVisible()).toBe(true);
        // Saved from a list too: the button on the list says it is saved already.
        expect(await item.getByRole("button").getAttribute("aria-pressed")).toBe("true");

        await page.goto(at("/saved/"));
        await page.getByRole("button", { name: `Remove from your reading list: ${OLMO.title}` }).click();
        expect(await page.locator("#saved-list li").count()).toBe(0);
        expect(await page.locator("#saved-empty").isVisible()).toBe(true);
        await page.reload();
        expect(await page.locator("#saved-list li").count()).toBe(0);
      });
    },
  );

  it("shows no control that cannot work when JavaScript is off", async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      for (const path of ["/", DIGEST, OLMO.path, "/saved/"]) {
        await page.goto(at(path));
        // The header's search form submits to /search/ without JavaScript: the one button a page shows.
        const buttons = await page.locator("button:visible").evaluateAll((bs) => bs.map((b) => b.textContent));
        expect(buttons, path).toEqual(["Search"]);
        expect(await page.locator("input[type=checkbox]").count(), path).toBe(0);
      }
      expect(await page.locator("noscript").count()).toBe(1);
    }, false);
  });

  it(
    "reads the home page and an opened paper offline, and shows the offline page for a page never " + "opened",
    async () => {
      await withContext(async (context) => {
        const page = await context.newPage();
        await page.goto(at("/"));
        // The worker takes over this first visit (clients.claim) once it has cached the shell and the newest digest.
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
        await page.goto(at(OLMO.path));
        const heading = await page.locator("h1").textContent();
        await context.setOffline(true);
        await page.goto(at("/"));
        expect(await page.locator("h1").textContent()).toBe(await titleOfNewestDigest());
        await page.goto(at(OLMO.path));
        expect(await page.locator("h1").textContent()).toBe(heading);
        await page.goto(at("/topics/"));
        expect(await page.locator("h1").textContent()).toBe("You are offline");
        expect(await page.getByRole("link", { name: "The newest papers" }).getAttribute("href")).toBe("/");
        await context.setOffline(false);
        await page.goto(at("/topics/"));
        expect(await page.locator("h1").textContent()).toBe("Topics");
      });
    },
  );
});

async function titleOfNewestDigest() {
  const html = await readFile(`${out}/index.html`, "utf8");
  return html.match(/<h1[^>]*>([^<]*)<\/h1>/)![1];
}
