import { readFeedList } from "../src/site/generatedData.ts";
import { renderOpml } from "../src/site/opml.ts";
import type { SiteData } from "../src/site/pageData.ts";

/** /feeds.opml: every feed of the site at once, for a feed reader's import. */
export function data() {
  return { permalink: "/feeds.opml", eleventyExcludeFromCollections: true };
}

export function render({ site }: { site: SiteData }): string {
  return renderOpml(readFeedList(), site);
}
