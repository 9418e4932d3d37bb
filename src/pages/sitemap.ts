import { escapeHtml } from "../site/html.ts";
import type { SitemapEntry } from "../site/pageData.ts";

/** The sitemap protocol's limit on URLs per file (it also caps a file at 50 MB; ours stay far below). */
export const SITEMAP_LIMIT = 50_000;

/**
 * The site's sitemap files, path → XML. Up to the limit, one /sitemap.xml as
 * always. Past it, /sitemap.xml becomes a sitemap index pointing at one file for
 * the pages that have no period (home, topics, search…) and one per year of
 * papers and digests: a past year's file no longer changes when a digest is added.
 */
export function sitemapFiles(
  entries: readonly SitemapEntry[],
  siteUrl: string,
  limit = SITEMAP_LIMIT,
): Map<string, string> {
  if (entries.length <= limit) return new Map([["/sitemap.xml", urlset(entries)]]);
  const periods = new Map<string, SitemapEntry[]>();
  for (const e of entries) {
    const key = e.period ?? "site";
    const list = periods.get(key);
    if (list) list.push(e);
    else periods.set(key, [e]);
  }
  const files = new Map<string, string>();
  const index: { loc: string; lastmod: string }[] = [];
  for (const key of [...periods.keys()].sort((a, b) => (a === "site" ? -1 : b === "site" ? 1 : a.localeCompare(b)))) {
    const all = periods.get(key)!;
    // A period larger than the limit (no year has come close) is split in order.
    for (let part = 0; part * limit < all.length; part++) {
      const chunk = all.slice(part * limit, (part + 1) * limit);
      const path = `/sitemaps/${key}${part === 0 ? "" : `-${part + 1}`}.xml`;
      files.set(path, urlset(chunk));
      index.push({
        loc: `${siteUrl}${path}`,
        lastmod: chunk.reduce((max, e) => (e.lastmod > max ? e.lastmod : max), ""),
      });
    }
  }
  const items = index.map(
    (s) => `  <sitemap><loc>${escapeHtml(s.loc)}</loc><lastmod>${s.lastmod}</lastmod></sitemap>\n`,
  );
  files.set("/sitemap.xml", `${XML}<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join("")}</sitemapindex>\n`);
  return files;
}

function urlset(entries: readonly SitemapEntry[]) {
  const urls = entries.map((e) => `  <url><loc>${escapeHtml(e.url)}</loc><lastmod>${e.lastmod}</lastmod></url>\n`);
  return `${XML}<urlset xmlns="${SITEMAP_NS}">\n${urls.join("")}</urlset>\n`;
}

const XML = '<?xml version="1.0" encoding="utf-8"?>\n';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
