import { escapeHtml, escapeHtmlText, escapeHtml as x } from "./html.ts";
import type { FeedModel, SiteData } from "./pageData.ts";

/**
 * An ISO date or time ("2025-03-13", or the build's time) as RFC 822 dates are written: "Thu, 13 Mar 2025 00:00:00
 * +0000". */
const rfc822 = (iso: string) => new Date(iso).toUTCString().replace(/GMT$/, "+0000");

/** A week's papers as the HTML of an item's description: an ordered list of links, each title text. */
const listHtml = (list: readonly { title: string; url: string }[]) =>
  `<ol>${list.map((p) => `<li><a href="${escapeHtml(p.url)}">${escapeHtmlText(p.title)}</a></li>`).join("")}</ol>`;

/**
 * RSS 2.0 (escapeHtml's five entities are XML's too). Titles are plain text. A description is HTML by RSS convention,
 * so
 * the abstract is HTML-escaped once (a reader shows the literal text), and the
 * result is XML-escaped to sit in the file.
 */
export function renderRss(feed: FeedModel, site: SiteData): string {
  const items = feed.items.map(
    (item) => `    <item>
      <title>${x(item.title)}</title>
      <link>${x(item.url)}</link>
      <guid isPermaLink="true">${x(item.url)}</guid>
      <pubDate>${rfc822(item.date)}</pubDate>
${item.authors.map((a) => `      <dc:creator>${x(a)}</dc:creator>\n`).join("")}\
${item.categories.map((c) => `      <category>${x(c)}</category>\n`).join("")}\
      <description>${x(item.list ? listHtml(item.list) : escapeHtmlText(item.abstract))}</description>
    </item>
`,
  );
  // RSS names the editor by email address, with the name after it.
  const editor = site.author?.email && `${site.author.email} (${site.author.name})`;
  return `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${x(feed.title)}</title>
    <link>${x(feed.link)}</link>
    <description>${x(feed.description)}</description>
    <language>${x(site.language)}</language>
${editor ? `    <managingEditor>${x(editor)}</managingEditor>\n` : ""}\
    <lastBuildDate>${rfc822(site.generated)}</lastBuildDate>
    <atom:link href="${x(feed.self)}" rel="self" type="application/rss+xml"/>
${items.join("")}  </channel>
</rss>
`;
}

/** JSON Feed 1.1: plain text stays plain (content_text), and JSON.stringify does all escaping. */
export function renderJsonFeed(feed: FeedModel, site: SiteData): string {
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.link,
      feed_url: `${site.url}/feed.json`,
      description: feed.description,
      language: site.language,
      ...(site.author
        ? { authors: [{ name: site.author.name, ...(site.author.url ? { url: site.author.url } : {}) }] }
        : {}),
      items: feed.items.map((item) => ({
        id: item.url,
        url: item.url,
        ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
        title: item.title,
        content_text: item.abstract,
        date_published: `${item.date}T00:00:00Z`,
        tags: item.categories,
        ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
      })),
    },
    null,
    2,
  );
}
