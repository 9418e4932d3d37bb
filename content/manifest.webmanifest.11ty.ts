import type { SiteData } from "../src/site/pageData.ts";

/** The web app manifest: the site can be installed, and opens on its newest digest. */
export const data = { permalink: "/manifest.webmanifest", eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteData }): string {
  return JSON.stringify(
    {
      name: site.title,
      short_name: site.title.length <= 12 ? site.title : site.title.split(/\s+/)[0].slice(0, 12),
      description: site.description,
      lang: site.language,
      start_url: "/",
      scope: "/",
      display: "standalone",
      background_color: "#fdfcfa",
      theme_color: "#1b57b5",
      icons: [{ src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
    },
    null,
    2,
  );
}
