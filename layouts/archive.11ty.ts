import { dateTag } from "../src/site/fragments.ts";
import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { ArchivePage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** Digests, newest first: the newest on /digests/ with a link per year, or one year's. */
export function render(data: LayoutData<ArchivePage>): string {
  const papers = (n: number) => `${n} ${n === 1 ? "paper" : "papers"}`;
  const digest = (d: { date: string; count: number }) =>
    html`<li><a href="/digests/${d.date}/">${dateTag(d.date)}</a> <span class="count">${papers(d.count)}</span></li>\n`;
  const year = (y: { url: string; label: string; count: number }) =>
    html`<li><a href="${y.url}">${y.label}</a> <span class="count">${y.count}</span></li>`;
  const links = (list: readonly { url: string; label: string }[]) =>
    list.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`);
  const best = (id: string, heading: string, list?: readonly { url: string; label: string }[]) =>
    list?.length
      ? html`<nav class="by-month" aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
<ul>${links(list)}</ul>
</nav>
`
      : "";
  const main = html`<h1>${data.heading}</h1>
${data.back ? html`<p class="back"><a href="${data.back.url}">← ${data.back.label}</a></p>` : ""}
<ul class="archive">
${data.digests.map(digest)}</ul>
${best("best-months", "The best of each month", data.months)}\
${best("best-weeks", "The best of each week", data.weeks)}${
  data.years?.length
    ? html`<nav class="by-month" aria-labelledby="by-year">
<h2 id="by-year">All digests, by year</h2>
<ul>${data.years.map(year)}</ul>
</nav>`
    : ""
}`;
  return shell({
    site: data.site,
    url: data.page.url,
    title: data.title,
    description: data.description,
    card: data.card,
    main,
  });
}
