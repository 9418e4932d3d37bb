import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { readDigestFile } from "../src/ingest/formats/readDigestFile.ts";
import { texText } from "../src/tex/texText.ts";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildIncrementally } from "./support/builtSite.ts";
import { SEED } from "./support/cli.ts";

let out = "";
beforeAll(async () => {
  out = (await buildIncrementally(join(SEED, ".."))).out;
});

describeInBrowser("search in a real browser", () => {
  const browser = useBrowser(() => out);
  const open = async (path: string, colorScheme: "light" | "dark" = "light") => {
    const page = await browser.browser.newPage({ colorScheme });
    await page.goto(new URL(path, browser.url).href);
    return page;
  };
  /** The result titles once the search has settled (the status line says how many, or none). */
  const resultTitles = async (page: Page) => {
    await page.waitForFunction(() =>
      /\bpapers? (for|in)\b|No papers found/.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    return page.$$eval("#search-results h2 a", (els) => els.map((e) => e.textContent?.trim() ?? ""));
  };

  it("finds a mixture-of-experts paper among the first results of a typed query", async () => {
    const page = await open("/search/");
    await page.fill("#q", "mixture of experts");
    const titles = await resultTitles(page);
    expect(titles.slice(0, 3).some((t) => /Mixture[- ]of[- ]Experts|MoE/.test(t))).toBe(true);
    // The query is written back to the address so the search can be shared.
    expect(new URL(page.url()).searchParams.get("q")).toBe("mixture of experts");
    await page.close();
  });

  it("runs the search in ?q= on arrival, without typing", async () => {
    const page = await open("/search/?q=code%20generation");
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.slice(0, 5).some((t) => /Code Generation/i.test(t))).toBe(true);
    expect(await page.inputValue("#q")).toBe("code generation");
    await page.close();
  });

  it("arrives from the header's plain search form", async () => {
    const page = await open("/");
    await page.fill("#site-search", "expressive power");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/\/search\/\?q=expressive\+power/);
    const titles = await resultTitles(page);
    expect(titles.slice(0, 3).some((t) => /Expressive Power/.test(t))).toBe(true);
    await page.close();
  });

  it("narrows results to one topic with the topic filter", async () => {
    const page = await open("/search/?q=model");
    const all = await resultTitles(page);
    const before = await page.textContent("#search-status");
    await page.selectOption("#topic", "Mixture of Experts");
    await page.waitForFunction((text) => document.getElementById("search-status")?.textContent !== text, before);
    const filtered = await resultTitles(page);
    expect(new URL(page.url()).searchParams.get("topic")).toBe("Mixture of Experts");
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    const papers = (await (await fetch(new URL("/papers.json", browser.url))).json()) as {
      papers: { title: string; topics: string[] }[];
    };
    const moe = new Set(papers.papers.filter((p) => p.topics.includes("mixture-of-experts")).map((p) => p.title));
    for (const title of filtered) expect(moe.has(title), title).toBe(true);
    await page.close();
  });

  it("runs search and the copy button under the production Content-Security-Policy without violations", async () => {
    const violations: string[] = [];
    const page = await browser.browser.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(new URL("/search/?q=reinforcement%20learning", browser.url).href);
    expect(response?.headers()["content-security-policy"]).toContain("wasm-unsafe-eval");
    expect((await resultTitles(page)).length).toBeGreaterThan(0);
    await page.goto(new URL(`/papers/2-olmo-2-furious/`, browser.url).href);
    expect(await page.isVisible("button.copy-link")).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it("says clearly when nothing matches", async () => {
    const page = await open("/search/?q=zzqxvj%20plorbtastic");
    expect(await resultTitles(page)).toEqual([]);
    expect(await page.textContent("#search-status")).toMatch(/^No papers found for “zzqxvj plorbtastic”/);
    await page.close();
  });

  it("finds every seed paper in the first five results from its name or the start of its title", async () => {
    const seed = (await readDigestFile(SEED)).entries;
    const page = await open("/search/");
    // A reader types a paper's name ("DeepSeekMoE", "ProSper") or the opening words of its title…
    const byName = seed.map((e) => {
      const name = e.title.split(/:| -- /)[0];
      return {
        e,
        q:
          name.length < e.title.length && name.split(" ").length <= 4 ? name : e.title.split(" ").slice(0, 5).join(" "),
      };
    });
    // …or the acronym an abstract defines.
    const acronyms = Object.entries({
      PPP: "Probabilistic Partitive",
      PEFT: "Parameter-Efficient Fine-Tuning",
      ICLL: "In-Context Language Learning",
      AMDPs: "Sample-efficient Learning",
      OFA: "Once-for-All",
      LOOP: "Sample-efficient Learning",
    });
    const byAcronym = acronyms.map(([q, start]) => ({ e: seed.find((e) => e.title.startsWith(start))!, q }));
    const entries = [...byName, ...byAcronym].map((x) => x.e);
    const queries = [...byName, ...byAcronym].map((x) => x.q);
    // Pagefind's own browser API, as the site serves it, counting paper pages as the search page
    // lists them (a string, so the test runner leaves the import alone).
    const ranks: string[][] = await page.evaluate(`(async (queries) => {
      const pagefind = await import("/pagefind/pagefind.js");
      const out = [];
      for (const q of queries) {
        const search = await pagefind.search(q);
        const top = (await Promise.all(search.results.slice(0, 8).map((r) => r.data()))).filter((d) =>\
 d.url.startsWith("/papers/")).slice(0, 5);
        out.push(top.map((d) => d.meta.title));
      }
      return out;
    })(${JSON.stringify(queries)})`);
    const missed = entries
      .map((e, i) => (ranks[i].includes(texText(e.title)) ? "" : `${queries[i]} → ${e.title}`))
      .filter(Boolean);
    expect(missed).toEqual([]);
    await page.close();
  });
});
