import { longDate, shortDate } from "./dates.ts";
import { html, trusted } from "./html.ts";
import type { Pager, PaperItem, TopicRef } from "./pageData.ts";

/** Topic chips: links to the topic pages (on a paper page, also its search filters). */
export const topicChips = (topics: readonly TopicRef[], searchFilter = false) => {
  if (topics.length === 0) return "";
  const filter = searchFilter ? html` data-pagefind-filter="topic"` : "";
  const chip = (t: TopicRef) => html`<li><a class="chip" href="/topics/${t.slug}/"${filter}>${t.name}</a></li>`;
  return html`<ul class="chips">${topics.map(chip)}</ul>`;
};

export const dateTag = (iso: string, short = false) =>
  html`<time datetime="${iso}">${short ? shortDate(iso) : longDate(iso)}</time>`;

/** A list of papers: linked title (an h2, or h3 under a section's h2), date, excerpt, topic chips. */
export const paperList = (items: readonly PaperItem[], showDates: boolean, level: 2 | 3 = 2) => html`<ol class="papers">
${items.map(
  (p) => html`<li class="paper-item" data-slug="${p.slug}" data-date="${p.date}">
${trusted(`<h${level} dir="auto">`)}<a href="/papers/${p.slug}/">${p.title}</a>${trusted(`</h${level}>`)}
${showDates ? html`<p class="meta">${dateTag(p.date, true)}</p>` : ""}
${aiSummary(p.aiSummary)}<p class="excerpt" dir="auto">${p.excerpt}</p>
${topicChips(p.topics)}
</li>
`,
)}</ol>`;

/** Hugging Face's AI summary of a paper, labelled as such; nothing when there is none. */
export const aiSummary = (summary: string | undefined) =>
  summary
    ? html`<p class="ai-summary" dir="auto" data-pagefind-ignore><span class="ai-label">AI summary \
(Hugging Face):</span> ${summary}</p>\n`
    : "";

/** "Page 2 of 5" with previous/next links. */
export const pagerNav = (pager?: Pager) =>
  !pager
    ? ""
    : html`<nav class="pager" aria-label="Pages">
${pager.prev ? html`<a rel="prev" href="${pager.prev}">← Newer</a>` : html`<span></span>`}
<span>Page ${pager.page} of ${pager.pages}</span>
${pager.next ? html`<a rel="next" href="${pager.next}">Older →</a>` : html`<span></span>`}
</nav>`;
