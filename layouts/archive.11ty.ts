import { dateTag, pagerNav } from "../src/site/fragments.ts";
import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { ArchivePage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** Every digest, newest first. */
export function render(data: LayoutData<ArchivePage>): string {
  const main = html`<h1>All digests</h1>
<ul class="archive">
${data.digests.map((d) => html`<li><a href="/digests/${d.date}/">${dateTag(d.date)}</a> <span class="count">${d.count} ${d.count === 1 ? "paper" : "papers"}</span></li>\n`)}</ul>
${pagerNav(data.pager)}`;
  return shell({ site: data.site, url: data.page.url, title: data.title, description: data.description, card: data.card, main });
}
