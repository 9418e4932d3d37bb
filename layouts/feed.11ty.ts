import type { FeedModel, SiteData } from "../src/site/pageData.ts";
import { renderRss } from "../src/site/rss.ts";

/** A feed that is a generated file of its own (an author's), so a build renders it only when it changed. */
export function render(data: { feed: FeedModel; site: SiteData }): string {
  return renderRss(data.feed, data.site);
}
