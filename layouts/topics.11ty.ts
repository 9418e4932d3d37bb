import { paperList } from "../src/site/fragments.ts";
import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import { monthSparkline } from "../src/site/monthChart.ts";
import type { TopicsPage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** Every topic with its paper count, largest first; then the papers no topic fits. */
export function render(data: LayoutData<TopicsPage>): string {
  const topic = (t: (typeof data.topics)[number]) =>
    html`<li><div class="topic-head"><a href="/topics/${t.slug}/">${t.name}</a> <span class="count">${t.count}</span>\
${monthSparkline(t.chart, t.name)}</div><p>${t.description}</p></li>\n`;
  const all = data.uncategorisedCount > data.uncategorised.length;
  const main = html`<h1>Topics</h1>
<ul class="topic-list">
${data.topics.map(topic)}</ul>
${
  data.uncategorised.length === 0
    ? ""
    : html`<section aria-labelledby="uncategorised">
<h2 id="uncategorised">Uncategorised</h2>
<p class="lede">Papers that no topic fits well enough.</p>
${paperList(data.uncategorised, true, 3)}
${all ? html`<p><a href="/topics/uncategorised/">All ${data.uncategorisedCount} uncategorised papers</a></p>` : ""}
</section>`
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
