import { pagerNav, paperList } from "../src/site/fragments.ts";
import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import { monthChart } from "../src/site/monthChart.ts";
import type { ListPage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** On a digest: "Best of Week 11 of 2025 · March 2025". */
const bestOf = (best?: readonly { url: string; label: string }[]) =>
  best?.length
    ? html`<p class="best">Best of ${best.map((b, i) => html`${i ? " · " : ""}<a href="${b.url}">${b.label}</a>`)}</p>`
    : "";

/** A list of papers: the home page, a digest, a topic. */
export function render(data: LayoutData<ListPage>): string {
  const { site, heading, lede, neighbours, best, items, showDates, pager, topicSearch, chart, months, back } = data;
  // A topic's first page is found by search as the topic itself: its heading, description and vocabulary, not its list.
  const topicStart = topicSearch ? html`<div data-pagefind-body data-pagefind-meta="kind:topic">` : "";
  const count = topicSearch ? html` data-pagefind-meta="count:${topicSearch.count}"` : "";
  const topicEnd = topicSearch
    ? html`<p hidden data-pagefind-weight="0.5">${topicSearch.terms.join(", ")}</p></div>`
    : "";
  const link = (rel: string, label: string, to?: { url: string; label: string }) =>
    to ? html`<a rel="${rel}" href="${to.url}"><span>${label}</span> ${to.label}</a>` : "";
  const main = html`${topicStart}<h1${count}>${heading}</h1>
${lede ? html`<p class="lede">${lede}</p>` : ""}${topicEnd}
${chart ? html`<div data-pagefind-ignore>${monthChart(chart, heading)}</div>` : ""}
${
  neighbours && (neighbours.prev || neighbours.next)
    ? html`<nav class="neighbours" aria-label="Other ${neighbours.of}s">
${link("prev", `Earlier ${neighbours.of}`, neighbours.prev)}
${link("next", `Later ${neighbours.of}`, neighbours.next)}
</nav>`
    : ""
}
${bestOf(best)}
${back ? html`<p class="back"><a href="${back.url}">← ${back.label}</a></p>` : ""}
${items.length === 0 ? html`<p>No papers yet.</p>` : paperList(items, showDates)}
${pagerNav(pager)}
${
  months?.length
    ? html`<nav class="by-month" aria-labelledby="by-month">
<h2 id="by-month">All papers, by month</h2>
<ul>${months.map((m) => html`<li><a href="${m.url}">${m.label}</a> <span class="count">${m.count}</span></li>`)}</ul>
</nav>`
    : ""
}`;
  return shell({
    site,
    url: data.page.url,
    title: data.title,
    description: data.description,
    card: data.card,
    feeds: data.feeds,
    main,
  });
}
