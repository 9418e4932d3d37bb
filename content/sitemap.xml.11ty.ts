import { readSitemaps } from "../src/site/generatedData.ts";
import type { SitemapFile } from "../src/site/pageData.ts";

/** /sitemap.xml, and past 50,000 URLs the per-year sitemaps it indexes (src/pages/sitemap.ts). */
export function data() {
  return {
    sitemaps: readSitemaps(),
    pagination: { data: "sitemaps", size: 1, alias: "sitemap" },
    permalink: ({ sitemap }: { sitemap: SitemapFile }) => sitemap.path,
    eleventyExcludeFromCollections: true,
  };
}

export function render({ sitemap }: { sitemap: SitemapFile }): string {
  return sitemap.xml;
}
