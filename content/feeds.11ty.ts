import { readFeeds } from "../src/site/generatedData.ts";
import type { FeedModel, SiteData } from "../src/site/pageData.ts";
import { renderRss } from "../src/site/rss.ts";

/** /feed.xml and /topics/<slug>/feed.xml: one RSS file per feed that emit described. */
export function data() {
  return {
    feeds: readFeeds(),
    pagination: { data: "feeds", size: 1, alias: "feed" },
    permalink: ({ feed }: { feed: FeedModel }) => feed.path,
    eleventyExcludeFromCollections: true,
  };
}

export function render({ feed, site }: { feed: FeedModel; site: SiteData }): string {
  return renderRss(feed, site);
}
