import { escapeHtml as x } from "./html.ts";
import type { FeedListing, SiteData } from "./pageData.ts";

/**
 * OPML 2.0 listing every feed of the site, which a feed reader imports in one step. Titles are text: every
 * value is escaped into its attribute.
 */
export function renderOpml(feeds: readonly FeedListing[], site: SiteData): string {
  const outline = (f: FeedListing) =>
    `    <outline type="rss" text="${x(f.title)}" title="${x(f.title)}" \
xmlUrl="${x(f.self)}" htmlUrl="${x(f.link)}"/>\n`;
  return `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head>
    <title>${x(`${site.title}: every feed`)}</title>
  </head>
  <body>
${feeds.map(outline).join("")}  </body>
</opml>
`;
}
