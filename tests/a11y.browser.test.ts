import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildIncrementally, buildWithCli } from "./support/builtSite.ts";
import { tempDir } from "./support/cli.ts";
import { monthsDigests } from "./support/monthsDigests.ts";
import { LONG_AUTHORS, sourcesDigests, WITH_MATH } from "./support/sourcesDigests.ts";

let out = "";
let paper = "";
let months = "";
beforeAll(async () => {
  // Six months of digests, so topic pages and /topics/ draw their charts.
  months = (await buildWithCli(await monthsDigests(), ["--cards", "0"])).out;
  // The bundled digest with imported sources: every seed page, plus authors, links, BibTeX and math; every
  // author with a page (content/site.yaml's authorPages.minPapers at 1), so author pages are checked too.
  const config = join(await tempDir("pd-a11y-"), "site.yaml");
  await writeFile(config, "authorPages:\n  minPapers: 1\n");
  const site = await buildIncrementally(await sourcesDigests(), ["--config", config]);
  out = site.out;
  paper = (await site.page("/")).querySelector(".paper-item h2 a")!.getAttribute("href")!;
});

const pageTypes = () => ({
  home: "/",
  paper,
  "paper with 40 authors": LONG_AUTHORS,
  "paper with math": WITH_MATH,
  topic: "/topics/mixture-of-experts/",
  topics: "/topics/",
  digest: "/digests/2025-03-13/",
  archive: "/digests/",
  search: "/search/?q=language%20models",
  subscribe: "/subscribe/",
  week: "/weeks/2025-W11/",
  month: "/months/2025-03/",
  author: "/authors/ky/kyle-lo/",
  "reading list": "/saved/",
  offline: "/offline/",
  "404": "/no-such-page/",
});

describeInBrowser("accessibility in a real browser", () => {
  const browser = useBrowser(() => out);

  for (const scheme of ["light", "dark"] as const) {
    it(`has no axe violations on any page type in ${scheme} mode`, async () => {
      const found: string[] = [];
      for (const [type, path] of Object.entries(pageTypes())) {
        const context = await browser.browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(new URL(path, browser.url).href);
        if (type === "search") await page.waitForSelector("#search-results .paper-item a");
        const { violations } = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
          .analyze();
        for (const v of violations) found.push(`${type}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }

  it("reaches the search box and every link by Tab, each with a visible focus ring", async () => {
    for (const path of ["/", paper, LONG_AUTHORS]) {
      const page = await browser.browser.newPage();
      await page.goto(new URL(path, browser.url).href);
      // Number every element a keyboard user must be able to reach.
      const focusable = await page.$$eval(
        'a[href], input, button:not([hidden]), summary, [tabindex="0"]',
        (els) =>
          els.filter((e, i) => {
            e.setAttribute("data-tab-check", String(i));
            // A folded list's links (authors past the tenth) are reached once its summary opens it.
            const folded = e.tagName !== "SUMMARY" && e.closest("details:not([open])") !== null;
            return !folded && ((e as HTMLElement).offsetParent !== null || e.classList.contains("skip"));
          }).length,
      );
      const reached = new Set<string>();
      const unringed: string[] = [];
      for (let i = 0; i < focusable + 2; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
          return {
            key: `${el.getAttribute("data-tab-check")} ${el.tagName} ${el.getAttribute("href") ?? el.id}`,
            ring,
          };
        });
        if (!focused) continue;
        reached.add(focused.key);
        if (!focused.ring) unringed.push(focused.key);
      }
      expect(reached.size, path).toBe(focusable);
      expect([...reached].some((k) => k.endsWith(" INPUT site-search"))).toBe(true);
      expect(unringed, path).toEqual([]);
      await page.close();
    }
  });
});

describeInBrowser("accessibility of the monthly charts", () => {
  const browser = useBrowser(() => months);

  for (const scheme of ["light", "dark"] as const) {
    it(`has no axe violations on a topic page and /topics/ with charts in ${scheme} mode, and its bars are\
 visible`, async () => {
      const found: string[] = [];
      for (const path of ["/topics/large-language-models/", "/topics/"]) {
        const context = await browser.browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(new URL(path, browser.url).href);
        const { violations } = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
          .analyze();
        for (const v of violations) found.push(`${path}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
        // Bars take the accent colour, which differs from the page background in both schemes.
        const colours = await page.$eval(path === "/topics/" ? ".sparkline" : ".month-chart svg", (svg) => ({
          bar: getComputedStyle(svg).fill,
          bg: getComputedStyle(document.body).backgroundColor,
          box: svg.getBoundingClientRect().height,
        }));
        expect(colours.bar, path).not.toBe(colours.bg);
        expect(colours.box, path).toBeGreaterThan(10);
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
