import { SIZES } from "../config/settings.ts";
import type { Library, Paper, TopicInfo } from "../model.ts";
import type { FeedItem, FeedModel, SiteData } from "../site/pageData.ts";
import { newestFirst } from "./newestFirst.ts";
import { periodsOf, RANKING, rankPeriod } from "./periods.ts";

/** A paper as a feed's item. */
export const feedItem = (p: Paper, site: SiteData, topicNames: ReadonlyMap<string, string>): FeedItem => ({
  title: p.title,
  url: `${site.url}/papers/${p.slug}/`,
  abstract: p.abstract,
  date: p.digests[0],
  categories: p.topics.map((t) => topicNames.get(t) ?? t),
  authors: p.source.authors ?? [],
  ...(p.source.links?.arxiv ? { externalUrl: p.source.links.arxiv } : {}),
});

/**
 * The site's feeds: one for every paper and one per topic, each the `limit`
 * newest papers by first-seen date (within a day, in digest order).
 */
export function siteFeeds(library: Library, topics: readonly TopicInfo[], site: SiteData, limit: number): FeedModel[] {
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  const newest = newestFirst(library.papers);
  const item = (p: Paper) => feedItem(p, site, names);
  const all: FeedModel = {
    path: "/feed.xml",
    title: site.title,
    description: site.description,
    link: `${site.url}/`,
    self: `${site.url}/feed.xml`,
    items: newest.slice(0, limit).map(item),
  };
  return [
    all,
    weeklyFeed(library, site),
    ...topics.map((t) => ({
      path: `/topics/${t.slug}/feed.xml`,
      title: `${site.title}: ${t.name}`,
      description: t.description,
      link: `${site.url}/topics/${t.slug}/`,
      self: `${site.url}/topics/${t.slug}/feed.xml`,
      items: newest
        .filter((p) => p.topics.includes(t.slug))
        .slice(0, limit)
        .map(item),
    })),
  ];
}

/**
 * /weekly.xml: one item a week, its best papers in order, for readers who want one post a week. Finished
 * weeks only (a later digest exists), so an item never changes once a reader has it.
 */
function weeklyFeed(library: Library, site: SiteData): FeedModel {
  const bySlug = new Map(library.papers.map((p) => [p.slug, p]));
  const weeks = periodsOf(library, "week").filter((w) => w.finished);
  return {
    path: "/weekly.xml",
    title: `${site.title}: the week's best`,
    description: `The ${SIZES.weeklyTop} best papers of each week, ${RANKING}.`,
    link: `${site.url}/digests/`,
    self: `${site.url}/weekly.xml`,
    items: weeks
      .slice(-SIZES.weeklyWeeks)
      .reverse()
      .map((week) => ({
        title: `The best of ${week.label.toLowerCase()} (${week.span})`,
        url: `${site.url}${week.url}`,
        abstract: "",
        date: week.dates.at(-1)!,
        categories: [],
        authors: [],
        list: rankPeriod(library, week, bySlug)
          .slice(0, SIZES.weeklyTop)
          .map((p) => ({ title: p.title, url: `${site.url}/papers/${p.slug}/` })),
      })),
  };
}
