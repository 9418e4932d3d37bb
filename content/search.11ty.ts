import { html } from "../src/site/html.ts";
import type { SiteData } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

/** Pagefind's search UI; the query lives in ?q= so a search can be shared as a link. */
export function render({ site }: { site: SiteData }): string {
  const head = html`<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js" defer></script>
<script src="/assets/search.js" defer></script>`;
  const main = html`<h1>Search papers</h1>
<p class="lede">Every paper's title and abstract, searched in your browser. Filter by topic or month.</p>
<div id="search" class="search-ui"></div>
<noscript><p class="notice">Search runs in your browser and needs JavaScript. Without it, browse <a href="/topics/">papers by topic</a> or <a href="/digests/">every digest</a>.</p></noscript>`;
  return shell({ site, url: "/search/", title: "Search", description: `Search every paper of ${site.title} by title, abstract, topic and month.`, head, main });
}
