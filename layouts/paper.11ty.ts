import { longDate, monthName } from "../src/site/dates.ts";
import { dateTag, topicChips } from "../src/site/fragments.ts";
import { html, trusted } from "../src/site/html.ts";
import { jsonLd } from "../src/site/jsonLd.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { PaperPage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** One paper: title, abstract, topics, every digest it appeared in, related papers. */
export function render(data: LayoutData<PaperPage>): string {
  const { site, title, digests, topics, related, prev, next } = data;
  // Search indexes the article alone: title first (weighted), abstract, topic filters, date sort.
  const main = html`<article class="paper" data-pagefind-body>
<h1 dir="auto" data-pagefind-weight="10">${title}</h1>
<p class="meta" data-pagefind-ignore>First listed <time datetime="${data.firstSeen}" data-pagefind-meta="date:${longDate(data.firstSeen)}" data-pagefind-sort="date:${data.firstSeen}" data-pagefind-filter="month:${monthName(data.firstSeen)}">${longDate(data.firstSeen)}</time>${digests.length > 1 ? html` · in ${digests.length} digests` : ""}</p>
<div data-pagefind-ignore>${topicChips(topics, true)}</div>
<div class="abstract" dir="auto">
${trusted(data.content)}
</div>
<p class="permalink" data-pagefind-ignore>Permalink: <a href="${data.page.url}">${site.url}${data.page.url}</a> <button type="button" class="copy-link" data-copy="${site.url}${data.page.url}" hidden>Copy link</button></p>
</article>
<section class="appearances" aria-labelledby="appeared">
<h2 id="appeared">Listed in</h2>
<ul class="inline-list">${digests.map((d) => html`<li><a href="/digests/${d}/">${dateTag(d)}</a></li>`)}</ul>
</section>
${related.length === 0 ? "" : html`<section class="related" aria-labelledby="related">
<h2 id="related">Related papers</h2>
<ol>${related.map((r) => html`<li><a href="/papers/${r.slug}/">${r.title}</a>${topicChips(r.topics)}</li>`)}</ol>
</section>`}
${prev || next ? html`<nav class="neighbours" aria-label="Same digest">
${prev ? html`<a rel="prev" href="/papers/${prev.slug}/"><span>Previous</span> ${prev.title}</a>` : ""}
${next ? html`<a rel="next" href="/papers/${next.slug}/"><span>Next</span> ${next.title}</a>` : ""}
</nav>` : ""}`;
  const url = `${site.url}${data.page.url}`;
  const head = html`<meta property="article:published_time" content="${data.firstSeen}">
${topics.map((t) => html`<meta property="article:tag" content="${t.name}">
`)}<meta name="keywords" content="${topics.map((t) => t.name).join(", ")}" data-pagefind-meta="topics[content]">
<meta name="citation_title" content="${title}">
<meta name="citation_publication_date" content="${data.firstSeen.replaceAll("-", "/")}">
<script type="application/ld+json">${jsonLd({
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: title,
    abstract: data.abstract,
    datePublished: data.firstSeen,
    url,
    keywords: topics.map((t) => t.name),
    isPartOf: { "@type": "WebSite", name: site.title, url: `${site.url}/` },
  })}</script>
<script src="/assets/copy-link.js" defer></script>`;
  return shell({ site, url: data.page.url, title, description: data.description, head, ogType: "article", main });
}
