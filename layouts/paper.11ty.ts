import { longDate, monthName } from "../src/site/dates.ts";
import { aiSummary, dateTag, topicChips } from "../src/site/fragments.ts";
import { html, trusted } from "../src/site/html.ts";
import { jsonLd } from "../src/site/jsonLd.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { PaperPage } from "../src/site/pageData.ts";
import { authorList, citationMeta, findLinks, paperLinks, sourceFacts } from "../src/site/paperSource.ts";
import { shell } from "../src/site/shell.ts";
import { texHtml } from "../src/tex/texHtml.ts";

/** One paper: title, authors, links, abstract, topics, citation, every digest it appeared in, related papers. */
export function render(data: LayoutData<PaperPage>): string {
  const { site, title, digests, topics, related, prev, next, source } = data;
  const abstract = texHtml(data.abstractTex ?? data.abstract);
  const links = paperLinks(source);
  const facts = sourceFacts(source);
  const firstListed = html`<time datetime="${data.firstSeen}" data-pagefind-meta="date:${longDate(data.firstSeen)}" \
data-pagefind-filter="month:${monthName(data.firstSeen)}">${longDate(data.firstSeen)}</time>`;
  const listings = digests.length > 1 ? html` · in ${digests.length} digests` : "";
  const factList = facts.map((f, i) => html`${i > 0 ? " · " : ""}${f}`);
  const linkList = links.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`);
  const comment = source.comment ? html`<dt>Comment</dt><dd dir="auto">${source.comment}</dd>` : "";
  const journal = source.journalRef ? html`<dt>Journal reference</dt><dd dir="auto">${source.journalRef}</dd>` : "";
  const permalink = `${site.url}${data.page.url}`;
  // Search indexes the article alone: title first (weighted), authors, abstract, topic and month filters, the date
  // shown.
  // Where the abstract shows MathML, search reads the plain text instead (math as its TeX source: "O(n^2)").
  const main = html`<article class="paper" data-slug="${data.slug}" data-pagefind-body>
<h1 dir="auto" data-pagefind-weight="10">${title}</h1>
${aiSummary(source.aiSummary)}${authorList(source.authors ?? [], data.authorSlugs)}
<p class="meta" data-pagefind-ignore>First listed ${firstListed}${listings}</p>
${facts.length ? html`<p class="meta facts" data-pagefind-ignore>${factList}</p>` : ""}
${links.length ? html`<ul class="paper-links" data-pagefind-ignore>${linkList}</ul>` : ""}
<div data-pagefind-ignore>${topicChips(topics, true)}</div>
<div class="abstract" dir="auto"${abstract.math ? trusted(" data-pagefind-ignore") : ""}>
<p>${trusted(abstract.html)}</p>
</div>
${abstract.math ? html`<p hidden>${data.abstract}</p>` : ""}
${data.alsoKnownAs ? html`<p hidden data-pagefind-weight="0.5">${data.alsoKnownAs.join(", ")}</p>` : ""}
${source.comment || source.journalRef ? html`<dl class="notes" data-pagefind-ignore>${comment}${journal}</dl>` : ""}
<p class="permalink" data-pagefind-ignore>Permalink: <a href="${data.page.url}">${permalink}</a> \
<button type="button" class="copy-link" data-copy="${permalink}" hidden>Copy link</button></p>
</article>
${
  data.bibtex
    ? html`<section class="cite" aria-labelledby="cite" data-pagefind-ignore>
<h2 id="cite">Cite</h2>
<pre id="bibtex" tabindex="0" aria-label="BibTeX entry">${data.bibtex}</pre>
<button type="button" class="copy-link" data-copy-from="bibtex" hidden>Copy BibTeX</button>
</section>`
    : ""
}
${
  links.length
    ? ""
    : html`<section class="find" aria-labelledby="find" data-pagefind-ignore>
<h2 id="find">Find this paper</h2>
<ul class="inline-list">${findLinks(title).map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`)}</ul>
</section>`
}
<section class="appearances" aria-labelledby="appeared">
<h2 id="appeared">Listed in</h2>
<ul class="inline-list">${digests.map((d) => html`<li><a href="/digests/${d}/">${dateTag(d)}</a></li>`)}</ul>
</section>
${
  related.length === 0
    ? ""
    : html`<section class="related" aria-labelledby="related">
<h2 id="related">Related papers</h2>
<ol>${related.map((r) => html`<li><a href="/papers/${r.slug}/">${r.title}</a>${topicChips(r.topics)}</li>`)}</ol>
</section>`
}
${
  prev || next
    ? html`<nav class="neighbours" aria-label="Same digest">
${prev ? html`<a rel="prev" href="/papers/${prev.slug}/"><span>Previous</span> ${prev.title}</a>` : ""}
${next ? html`<a rel="next" href="/papers/${next.slug}/"><span>Next</span> ${next.title}</a>` : ""}
</nav>`
    : ""
}`;
  const url = `${site.url}${data.page.url}`;
  const sameAs = links.map((l) => l.url);
  const head = html`<meta property="article:published_time" content="${data.firstSeen}">
${(source.authors ?? []).map((a) => html`<meta property="article:author" content="${a}">\n`)}${topics.map(
  (t) => html`<meta property="article:tag" content="${t.name}">
`,
)}<meta name="keywords" content="${topics.map((t) => t.name).join(", ")}" data-pagefind-meta="topics[content]">
${citationMeta(title, data.firstSeen, source)}<script type="application/ld+json">${jsonLd({
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: title,
    abstract: data.abstract,
    datePublished: source.published ?? data.firstSeen,
    url,
    ...(source.authors?.length ? { author: source.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(source.arxivId ? { identifier: { "@type": "PropertyValue", propertyID: "arXiv", value: source.arxivId } } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    keywords: topics.map((t) => t.name),
    isPartOf: { "@type": "WebSite", name: site.title, url: `${site.url}/` },
  })}</script>
${abstract.math ? html`<link rel="stylesheet" href="/assets/math.css">\n` : ""}\
<script src="/assets/copy-link.js" defer></script>`;
  return shell({
    site,
    url: data.page.url,
    title,
    description: data.description,
    card: data.card,
    head,
    ogType: "article",
    main,
  });
}
