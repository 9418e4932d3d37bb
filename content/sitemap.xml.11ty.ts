import { readSitemap } from "../src/site/generatedData.ts";
import { escapeHtml } from "../src/site/html.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

export function render(): string {
  const urls = readSitemap().map((e) => `  <url><loc>${escapeHtml(e.url)}</loc><lastmod>${e.lastmod}</lastmod></url>\n`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("")}</urlset>\n`;
}
