import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { SITEMAP_LIMIT, sitemapFiles } from "../src/pages/sitemap.ts";
import type { SitemapEntry } from "../src/site/pageData.ts";

const SITE = "https://digest.example.org";
const xml = (text: string) => parseHTML(text).document;
const papers = (year: string, n: number): SitemapEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    url: `${SITE}/papers/${year}-${i}/`,
    lastmod: `${year}-0${1 + (i % 9)}-01`,
    period: year,
  }));
const sitePages: SitemapEntry[] = [
  { url: `${SITE}/`, lastmod: "2026-02-01" },
  { url: `${SITE}/topics/`, lastmod: "2026-02-01" },
];

describe("sitemaps", () => {
  it("keeps one /sitemap.xml while the site has at most 50,000 URLs", () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const files = sitemapFiles([...sitePages, ...papers("2025", 3)], SITE);
    expect([...files.keys()]).toEqual(["/sitemap.xml"]);
    expect(xml(files.get("/sitemap.xml")!).querySelectorAll("urlset > url")).toHaveLength(5);
  });

  it(
    "past the limit, writes a sitemap index of per-year sitemaps, each within the limit and holding " +
      "every URL once",
    () => {
      const entries = [...sitePages, ...papers("2024", 4), ...papers("2025", 7), ...papers("2026", 2)];
      const files = sitemapFiles(entries, SITE, 5);
      const index = xml(files.get("/sitemap.xml")!);
      expect(index.querySelector("sitemapindex")).not.toBeNull();
      const listed = [...index.querySelectorAll("sitemap")].map((s) => ({
        loc: s.querySelector("loc")!.textContent,
        lastmod: s.querySelector("lastmod")!.textContent,
      }));
      expect(listed.map((s) => s.loc)).toEqual([
        `${SITE}/sitemaps/site.xml`,
        `${SITE}/sitemaps/2024.xml`,
        `${SITE}/sitemaps/2025.xml`,
        `${SITE}/sitemaps/2025-2.xml`,
        `${SITE}/sitemaps/2026.xml`,
      ]);
      expect(listed[1].lastmod).toBe("2024-04-01");
      const urls: string[] = [];
      for (const { loc } of listed) {
        const file = files.get(loc!.slice(SITE.length))!;
        const locs = [...xml(file).querySelectorAll("urlset > url > loc")].map((l) => l.textContent!);
        expect(locs.length).toBeLessThanOrEqual(5);
        urls.push(...locs);
      }
      expect(urls.sort()).toEqual(entries.map((e) => e.url).sort());
    },
  );

  it("leaves a past year's sitemap byte-identical when a new day's papers arrive", () => {
    const before = sitemapFiles([...sitePages, ...papers("2024", 4), ...papers("2025", 3)], SITE, 5);
    const after = sitemapFiles([...sitePages, ...papers("2024", 4), ...papers("2025", 4)], SITE, 5);
    expect(after.get("/sitemaps/2024.xml")).toBe(before.get("/sitemaps/2024.xml"));
    expect(after.get("/sitemaps/2025.xml")).not.toBe(before.get("/sitemaps/2025.xml"));
  });

  it("escapes URLs as XML", () => {
    const files = sitemapFiles([{ url: `${SITE}/papers/a&b/`, lastmod: "2025-01-01" }], SITE);
    expect(files.get("/sitemap.xml")).toContain("/papers/a&amp;b/");
  });
});
