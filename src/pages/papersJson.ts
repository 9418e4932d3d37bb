import type { Library, Paper, TopicInfo } from "../model.ts";
import type { SiteData } from "../site/pageData.ts";

/** One paper's entry in papers.json: a function of the paper and the site's URL alone. */
const paperEntry = (p: Paper, site: SiteData) => ({
  slug: p.slug,
  url: `${site.url}/papers/${p.slug}/`,
  title: p.title,
  abstract: p.abstract,
  date: p.digests[0],
  digests: p.digests,
  topics: p.topics,
  related: p.related,
  // What Daily Papers or arXiv told us: arxivId, version, authors, published, categories, links, snapshots …
  ...p.source,
});

/** The machine-readable index at /papers.json: every URL absolute. */
export function papersJson(library: Library, topics: readonly TopicInfo[], site: SiteData) {
  const { site: about, topics: topicList, digests } = around(library, topics, site);
  return { site: about, papers: library.papers.map((p) => paperEntry(p, site)), topics: topicList, digests };
}

/** All of papers.json but the papers. */
function around(library: Library, topics: readonly TopicInfo[], site: SiteData) {
  const counts = new Map<string, number>();
  for (const p of library.papers) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    site: { title: site.title, url: `${site.url}/`, generated: site.generated },
    topics: topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      url: `${site.url}/topics/${t.slug}/`,
      count: counts.get(t.slug) ?? 0,
    })),
    digests: library.digests.map((d) => ({ date: d.date, url: `${site.url}/digests/${d.date}/`, papers: d.slugs })),
  };
}

/**
 * papersJson as its JSON text in parts: the very bytes of JSON.stringify(papersJson(…)) are `head`,
 * each paper's `entry` (comma-separated), then `tail`. A build writes it a paper at a time (35 MB at
 * 14,000 papers, every build), and copies the entries of unchanged papers from the last build's file.
 */
export function papersJsonParts(library: Library, topics: readonly TopicInfo[], site: SiteData) {
  const { site: about, topics: topicList, digests } = around(library, topics, site);
  return {
    head: `{"site":${JSON.stringify(about)},"papers":[`,
    entry: (p: Paper) => JSON.stringify(paperEntry(p, site)),
    tail: `],"topics":${JSON.stringify(topicList)},"digests":${JSON.stringify(digests)}}`,
  };
}
