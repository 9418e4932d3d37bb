import { readFeeds } from "../src/site/generatedData.ts";
import type { SiteData } from "../src/site/pageData.ts";
import { renderJsonFeed } from "../src/site/rss.ts";

export const data = { permalink: "/feed.json", eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteData }): string {
  return renderJsonFeed(readFeeds().find((f) => f.path === "/feed.xml")!, site);
}
