import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { SearchPage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/**
 * The search page: a plain form (it works as a link, /search/?q=…&topic=…) that
 * /assets/search.js brings to life with Pagefind's search API.
 */
export function render(data: LayoutData<SearchPage>): string {
  const main = html`<h1>Search papers</h1>
<form id="search-form" class="search-form" role="search" action="/search/" method="get">
<label for="q">Words from a title, an abstract or an author's name</label>
<div class="search-row">
<input id="q" name="q" type="search" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</div>
<label for="topic">Topic</label>
<select id="topic" name="topic">
<option value="">All topics</option>
${data.topics.map((t) => html`<option value="${t.name}">${t.name} (${t.count})</option>\n`)}</select>
</form>
<p id="search-notice" class="search-notice" aria-live="polite" hidden></p>
<p id="search-status" class="search-status" role="status"></p>
<p id="search-topic" class="search-topic" hidden></p>
<ol id="search-results" class="papers search-results"></ol>
<h2 id="search-older-heading" class="search-older" hidden>Older papers</h2>
<ol id="search-older" class="papers" aria-labelledby="search-older-heading" hidden></ol>
<button id="search-more" class="search-more" type="button" hidden>Show more papers</button>
<noscript><p class="notice">Search runs in your browser and needs JavaScript. \
Without it, browse <a href="/topics/">papers by topic</a> or <a href="/digests/">every digest</a>.</p></noscript>`;
  const head = html`<script src="/assets/search.js" defer></script>`;
  return shell({
    site: data.site,
    url: data.page.url,
    title: data.title,
    description: data.description,
    card: data.card,
    head,
    searchBox: false,
    main,
  });
}
