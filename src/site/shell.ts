import { type Html, html } from "./html.ts";
import type { SiteData } from "./pageData.ts";

/** The site's own share card, for pages without one of their own (404, search …). */
const HOME_CARD = "/cards/home.png";
const CARD_WIDTH = 1200;
const CARD_HEIGHT = 630;

export interface ShellProps {
  site: SiteData;
  /** Root-relative URL of this page. */
  url: string;
  title: string;
  description: string;
  feeds?: { title: string; url: string }[];
  /** Extra elements for <head> (metadata, scripts of pages that need them). */
  head?: Html;
  /** Open Graph type: "article" for a paper, "website" elsewhere. */
  ogType?: "article" | "website";
  /** The share card (og:image), root-relative: the page's own, else the site's. */
  card?: string;
  /** The header's search box (the search page has its own). */
  searchBox?: boolean;
  main: Html;
}

/** The frame every page shares: head, header with navigation and search, footer. */
export function shell({
  site,
  url,
  title,
  description,
  feeds = [],
  head,
  ogType = "website",
  card = HOME_CARD,
  searchBox = true,
  main,
}: ShellProps): string {
  const fullTitle = url === "/" ? site.title : `${title} · ${site.title}`;
  const canonical = `${site.url}${url}`;
  const nav = [
    ["/digests/", "Digests"],
    ["/topics/", "Topics"],
    ["/search/", "Search"],
    ["/subscribe/", "Subscribe"],
  ];
  const current = (href: string) => (url.startsWith(href) ? html` aria-current="page"` : "");
  const cardAlt = card === HOME_CARD ? `${site.title}: ${site.description}` : `${title} · ${site.title}`;
  return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<meta name="color-scheme" content="light dark">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="${ogType}">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
<meta property="og:image" content="${site.url}${card}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${CARD_WIDTH}">
<meta property="og:image:height" content="${CARD_HEIGHT}">
<meta property="og:image:alt" content="${cardAlt}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="${site.title}" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="/feed.json">
${feeds.map((f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${f.url}">\n`)}\
${head ?? ""}
<script src="/assets/reading.js" defer></script>
<script src="/assets/offline.js" defer></script>
<link rel="manifest" href="/manifest.webmanifest">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header" data-pagefind-ignore>
<a class="brand" href="/">${site.title}</a>
<nav aria-label="Site">
<ul>${nav.map(([href, label]) => html`<li><a href="${href}"${current(href)}>${label}</a></li>`)}</ul>
</nav>
${
  searchBox
    ? html`<form class="search-box" role="search" action="/search/" method="get">
<label for="site-search" class="visually-hidden">Search papers</label>
<input id="site-search" type="search" name="q" placeholder="Search papers" autocomplete="off">
<button type="submit">Search</button>
</form>`
    : ""
}
</header>
<main id="main">
${main}
</main>
<footer class="site-footer" data-pagefind-ignore>
<p>${site.title}: ${site.description} \
<a href="/subscribe/">Feeds</a> · <a href="/saved/">Your reading list</a> · <a href="/papers.json">papers.json</a></p>
</footer>
</body>
</html>
`.value;
}
