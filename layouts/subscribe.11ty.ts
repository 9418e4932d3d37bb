import { html } from "../src/site/html.ts";
import type { LayoutData } from "../src/site/layoutData.ts";
import type { SubscribePage } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

/** Every feed of the site, to paste into a feed reader. */
export function render(data: LayoutData<SubscribePage>): string {
  const absolute = (path: string) => `${data.site.url}${path}`;
  const count = (n: number) => html`<span class="count">${n} ${n === 1 ? "paper" : "papers"}</span>`;
  const topicFeed = (f: { url: string; title: string; count: number }) =>
    html`<li><a href="${f.url}">${f.title}</a> ${count(f.count)} <code>${absolute(f.url)}</code></li>\n`;
  const main = html`<h1>Subscribe</h1>
<p class="lede">Follow new papers in any feed reader: paste a feed's address into it. \
Each feed holds the newest papers, by the day they were first listed.</p>
<p>To follow them all at once, import <a href="/feeds.opml">every feed as one OPML file</a> into your \
reader: <code>${absolute("/feeds.opml")}</code></p>
<h2>Every paper</h2>
<ul class="feed-list">
${data.siteFeeds.map((f) => html`<li><a href="${f.url}">${f.title}</a> <code>${absolute(f.url)}</code></li>\n`)}</ul>
<h2>One topic</h2>
<ul class="feed-list">
${data.topicFeeds.map(topicFeed)}</ul>
<h2>One author</h2>
<p>${
    data.authorFeeds.count > 0
      ? `Every author with ${data.authorFeeds.minPapers} or more papers here (${data.authorFeeds.count} of them) has a \
page with a feed: follow the link on their name on any of their papers. The OPML file above lists every one.`
      : `An author with ${data.authorFeeds.minPapers} or more papers here gets a page with a feed; none has yet.`
  }</p>`;
  return shell({
    site: data.site,
    url: data.page.url,
    title: data.title,
    description: data.description,
    card: data.card,
    main,
  });
}
