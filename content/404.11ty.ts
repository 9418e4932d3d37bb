import { html } from "../src/site/html.ts";
import type { SiteData } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteData }): string {
  const main = html`<h1>Page not found</h1>
<p>There is no page at this address. Papers keep their address for good, so the link may have a typo.</p>
<ul>
<li><a href="/">Today's papers</a></li>
<li><a href="/digests/">Every digest</a></li>
<li><a href="/topics/">Browse by topic</a></li>
<li><a href="/search/">Search all papers</a></li>
</ul>`;
  return shell({
    site,
    url: "/404.html",
    title: "Page not found",
    description: "There is no page at this address.",
    main,
  });
}
