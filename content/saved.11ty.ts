import { html } from "../src/site/html.ts";
import type { SiteData } from "../src/site/pageData.ts";
import { shell } from "../src/site/shell.ts";

export const data = { permalink: "/saved/", eleventyExcludeFromCollections: true };

/** The reader's reading list: filled by /assets/reading.js from this browser's storage alone. */
export function render({ site }: { site: SiteData }): string {
  const main = html`<h1 id="saved-heading" tabindex="-1">Your reading list</h1>
<p class="lede">The papers you save, newest saved first. They are kept in this browser alone (its local storage): \
no account, no cookie, nothing is sent anywhere, and clearing this site's data in the browser empties the list.</p>
<noscript><p>Your reading list needs JavaScript, which is off: every paper page and list works without it.</p></noscript>
<p id="saved-empty" hidden>Nothing saved yet: press Save beside any paper, on a list or on its page.</p>
<div id="saved-list"></div>
<p id="saved-exports" hidden>Export the list for Zotero, BibDesk or JabRef: \
<button type="button" class="save" data-export="bib" hidden>BibTeX</button> \
<button type="button" class="save" data-export="ris" hidden>RIS</button></p>`;
  return shell({
    site,
    url: "/saved/",
    title: "Your reading list",
    description: `The papers you saved on ${site.title}, kept in your browser alone.`,
    main,
  });
}
