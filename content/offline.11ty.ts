import { html } from "../src/site/html.ts";
import type { SiteData } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

export const data = { permalink: "/offline/", eleventyExcludeFromCollections: true };

/** What the service worker shows for a page the reader has not opened while online. */
export function render({ site }: { site: SiteData }): string {
  const main = html`<h1>You are offline</h1>
<p>This page has not been saved on this device yet. The newest digest and its papers, and every page you \
opened while online, can be read offline.</p>
<ul>
<li><a href="/">The newest papers</a></li>
<li><a href="/saved/">Your reading list</a></li>
</ul>`;
  return shell({
    site,
    url: "/offline/",
    title: "Offline",
    description: "This page is not available offline.",
    main,
  });
}
