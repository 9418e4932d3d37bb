import type { SiteData } from "../src/site/pageData.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteData }): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`;
}
