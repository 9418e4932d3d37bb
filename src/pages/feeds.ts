import type { Library, Paper, TopicInfo } from "../model.ts";
import type { FeedItem, FeedModel, SiteData } from "../site/pageData.ts";
import { newestFirst } from "./newestFirst.ts";

/**
 * The site's feeds: one for every paper and one per topic, each the `limit`
 * newest papers by first-seen date (within a day, in digest order).
 */
export function siteFeeds(library: Library, topics: readonly TopicInfo[], site: SiteData, limit: number): FeedModel[] {
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  const newest = newestFirst(library.papers);
  const item = (p: Paper): FeedItem => ({
    title: p.title,
    url: `${site.url}/papers/${p.slug}/`,
    abstract: p.abstract,
    date: p.digests[0],
    categories: p.topics.map((t) => names.get(t) ?? t),
    authors: p.source.authors ?? [],
    ...(p.source.links?.arxiv ? { externalUrl: p.source.links.arxiv } : {}),
  });
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
