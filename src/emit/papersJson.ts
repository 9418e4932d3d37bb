import type { Library, TopicInfo } from "../model.ts";
import type { SiteData } from "../site/pageData.ts";

/** The machine-readable index at /papers.json: every URL absolute. */
export function papersJson(library: Library, topics: readonly TopicInfo[], site: SiteData) {
  const counts = new Map<string, number>();
  for (const p of library.papers) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    site: { title: site.title, url: `${site.url}/`, generated: site.generated },
    papers: library.papers.map((p) => ({
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
    })),
    topics: topics.map((t) => ({ slug: t.slug, name: t.name, url: `${site.url}/topics/${t.slug}/`, count: counts.get(t.slug) ?? 0 })),
    digests: library.digests.map((d) => ({ date: d.date, url: `${site.url}/digests/${d.date}/`, papers: d.slugs })),
  };
}

/**
 * papersJson as its JSON text, a paper at a time: the very bytes of
 * JSON.stringify(papersJson(…)), without the whole text (35 MB at 14,000
 * papers, written every build) and its encoded copy in memory at once.
 */
export function* papersJsonText(library: Library, topics: readonly TopicInfo[], site: SiteData): Generator<string> {
  const { site: about, papers, topics: topicList, digests } = papersJson(library, topics, site);
  yield `{"site":${JSON.stringify(about)},"papers":[`;
  for (let i = 0; i < papers.length; i++) yield `${i > 0 ? "," : ""}${JSON.stringify(papers[i])}`;
  yield `],"topics":${JSON.stringify(topicList)},"digests":${JSON.stringify(digests)}}`;
}
