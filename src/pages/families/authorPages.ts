import type { FeedModel } from "../../site/pageData.ts";
import { shortHash } from "../../util/shortHash.ts";
import type { Authors } from "../authors.ts";
import { feedItem } from "../feeds.ts";
import { growingList } from "../growingList.ts";
import { type PageContext, pageFile, type Topics } from "../pageContext.ts";

/** What an author's page says of who it is about. */
const SAME_NAME =
  "Papers are matched to authors by name, as the sources print it: two people of one name share a page, " +
  "unless Hugging Face tells them apart.";

/**
 * Each author's page (/authors/<slug>/, their papers newest first, split by month past a list's length)
 * and feed (/authors/<slug>/feed.xml).
 */
export function authorPages(ctx: PageContext, authors: Authors, topics: Topics, feedItems: number) {
  const { site } = ctx;
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  for (const author of authors.pages.values()) {
    const base = `/authors/${author.slug}/`;
    const feed: FeedModel = {
      path: `${base}feed.xml`,
      title: `${site.title}: ${author.name}`,
      description: `Papers by ${author.name} on ${site.title}, newest first.`,
      link: `${site.url}${base}`,
      self: `${site.url}${base}feed.xml`,
      items: [],
    };
    const count = author.papers.length;
    growingList(ctx, base, `authors/${author.slug}`, author.papers, {
      title: author.name,
      description: `${count} papers by ${author.name} on ${site.title}, newest first.`,
      heading: author.name,
      lede: `${count} papers, newest first. ${SAME_NAME}`,
      feeds: [{ title: feed.title, url: feed.path }],
    });
    // Not a page (no sitemap entry, no card): RSS, rendered by layouts/feed.11ty.ts. Its key stands for its
    // text (its papers as their hashes cover them), so a daily build makes only the feeds that changed.
    const shown = author.papers.slice(0, feedItems);
    ctx.take(`authors/${author.slug}/feed.md`, {
      key: shortHash(
        `${author.slug} ${author.name} ${feedItems} ${shown.map((p) => ctx.hashes.get(p.slug)).join(" ")}`,
      ),
      make: () =>
        pageFile({
          layout: "feed",
          permalink: feed.path,
          eleventyExcludeFromCollections: true,
          feed: { ...feed, items: shown.map((p) => feedItem(p, site, names)) },
        }),
    });
  }
}
