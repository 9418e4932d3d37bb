import { dateTag, topicChips } from "../src/site/fragments.ts";
import { html, trusted } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { PaperPage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** One paper: title, abstract, topics, every digest it appeared in, related papers. */
export function render(data: LayoutData<PaperPage>): string {
  const { site, title, digests, topics, related, prev, next } = data;
  const main = html`<article class="paper">
<h1>${title}</h1>
<p class="meta">First listed ${dateTag(data.firstSeen)}${digests.length > 1 ? html` · in ${digests.length} digests` : ""}</p>
${topicChips(topics)}
<div class="abstract">
${trusted(data.content)}
</div>
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
  return shell({ site, url: data.page.url, title, description: data.description, main });
}
