import { type CardPlan, planCards } from "../cards/planCards.ts";
import { DEFAULTS, SIZES } from "../config/settings.ts";
import { SITE_DEFAULTS } from "../config/siteFile.ts";
import type { Library } from "../model.ts";
import type { SiteData } from "../site/pageData.ts";
import { type Authors, authorsOf } from "./authors.ts";
import { authorPages } from "./families/authorPages.ts";
import { archivePages, digestPages } from "./families/digestPages.ts";
import { paperPages } from "./families/paperPages.ts";
import { periodPages } from "./families/periodPages.ts";
import { type CountedTopics, countTopics, topicPages } from "./families/topicPages.ts";
import { siteFeeds } from "./feeds.ts";
import { type PageContext, pageContext, pageText, type SitePage, type Topics } from "./pageContext.ts";
import { type PaperExtras, paperExtras } from "./paperExtras.ts";
import { sitemapFiles } from "./sitemap.ts";

export type { SitePage } from "./pageContext.ts";
export { pageFile, pageText } from "./pageContext.ts";

/** What a curator sets that shapes the pages: the items of each feed, the papers that give an author a page. */
export interface PageOptions {
  feedItems: number;
  authorMinPapers: number;
}

/**
 * Every generated file of the site, keyed by its path under the generated
 * folder: a Markdown page per paper, digest, topic (and page of a long list),
 * plus the data files the templates read. Pure: same library, same files.
 */
export function sitePages(
  library: Library,
  topics: Topics,
  site: SiteData,
  options: PageOptions = { feedItems: DEFAULTS.feedItems, authorMinPapers: SITE_DEFAULTS.authorPages.minPapers },
  cards: CardPlan = planCards(library, topics, site.title, undefined, { description: site.description }),
  extras: ReadonlyMap<string, PaperExtras> = paperExtras(library.papers, () => []).extras,
): Map<string, string> {
  const files = new Map<string, string>();
  eachSitePage((path, page) => files.set(path, pageText(page)), library, topics, site, options, cards, extras);
  return files;
}

/**
 * sitePages, one file at a time: `take` receives each (path, text) as it is
 * made, so that a build can keep only the pages that changed. Tens of
 * thousands of page texts kept to the end cost far more (the garbage collector
 * moves every one of them) than texts dropped as soon as they are hashed.
 */
export function eachSitePage(
  take: (path: string, page: SitePage) => void,
  library: Library,
  topics: Topics,
  site: SiteData,
  { feedItems, authorMinPapers }: PageOptions,
  cards: CardPlan,
  extras: ReadonlyMap<string, PaperExtras>,
  /** Each paper's textHash by slug, when the caller has worked them out already. */
  words?: ReadonlyMap<string, string>,
) {
  const ctx = pageContext(take, library, topics, site, cards, extras, words);
  const authors = authorsOf(library, authorMinPapers);
  paperPages(ctx, library, authors);
  digestPages(ctx, library);
  archivePages(ctx, library);
  periodPages(ctx, library);
  const counted = countTopics(library, topics);
  topicPages(ctx, topics, counted);
  authorPages(ctx, authors, topics, feedItems);
  wholeSitePages(ctx, library, topics, feedItems, counted.counted, authors, authorMinPapers);
}

/** The pages of the whole site (subscribe, search) and the data files its templates read. */
function wholeSitePages(
  ctx: PageContext,
  library: Library,
  topics: Topics,
  feedItems: number,
  counted: CountedTopics["counted"],
  authors: Authors,
  authorMinPapers: number,
) {
  const { page, take, site, sitemap } = ctx;
  const feeds = siteFeeds(library, topics, site, feedItems);
  // Every feed, for /feeds.opml: the site's, the weekly, each topic's and each author's.
  const feedList = [
    ...feeds.map(({ title, self, link }) => ({ title, self, link })),
    ...[...authors.pages.values()].map((a) => ({
      title: `${site.title}: ${a.name}`,
      self: `${site.url}/authors/${a.slug}/feed.xml`,
      link: `${site.url}/authors/${a.slug}/`,
    })),
  ];
  page("subscribe.md", {
    layout: "subscribe",
    permalink: "/subscribe/",
    title: "Subscribe",
    description: `Follow ${site.title} in a feed reader: every paper, or one topic.`,
    siteFeeds: [
      { title: "Every paper (RSS)", url: "/feed.xml", kind: "RSS 2.0" },
      { title: "Every paper (JSON Feed)", url: "/feed.json", kind: "JSON Feed 1.1" },
      { title: "The week's best, one post a week (RSS)", url: "/weekly.xml", kind: "RSS 2.0" },
    ],
    topicFeeds: counted.map((t) => ({ title: t.name, url: `/topics/${t.slug}/feed.xml`, count: t.papers.length })),
    authorFeeds: { count: authors.pages.size, minPapers: authorMinPapers },
  });
  page("search.md", {
    layout: "search",
    permalink: "/search/",
    title: "Search",
    description: `Search every paper of ${site.title} by title, abstract and topic.`,
    topics: counted.filter((t) => t.papers.length > 0).map((t) => ({ name: t.name, count: t.papers.length })),
  });

  take("site.json", JSON.stringify(site));
  take("feeds.json", JSON.stringify(feeds));
  take("feedList.json", JSON.stringify(feedList));
  // What the service worker keeps on install, for reading offline: the newest digest and its papers.
  const newest = library.digests.at(-1);
  const offline = newest
    ? [`/digests/${newest.date}/`, ...newest.slugs.slice(0, SIZES.offlinePapers).map((s) => `/papers/${s}/`)]
    : [];
  take("offline.json", JSON.stringify({ pages: offline }));
  take("sitemaps.json", JSON.stringify([...sitemapFiles(sitemap, site.url)].map(([path, xml]) => ({ path, xml }))));
}
