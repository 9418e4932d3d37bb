import { SIZES } from "../../config/settings.ts";
import type { Library } from "../../model.ts";
import { growingList } from "../growingList.ts";
import { archiveMonths, monthlyCounts } from "../monthlyCounts.ts";
import { newestFirst } from "../newestFirst.ts";
import type { PageContext, Topics } from "../pageContext.ts";

const PER_PAGE = SIZES.listPage;

/** Each topic with its papers, newest first, and their count per month (for its chart). */
export function countTopics(library: Library, topics: Topics) {
  const newestPapers = newestFirst(library.papers);
  const months = archiveMonths(library.digests.map((d) => d.date));
  const counted = topics.map((t) => {
    const papers = newestPapers.filter((p) => p.topics.includes(t.slug));
    return { ...t, papers, chart: monthlyCounts(papers, months) };
  });
  return { counted, uncategorised: newestPapers.filter((p) => p.topics.length === 0) };
}
export type CountedTopics = ReturnType<typeof countTopics>;

/** One list per topic (newest papers first), the uncategorised papers', and the overview of topics. */
export function topicPages(ctx: PageContext, topics: Topics, { counted, uncategorised }: CountedTopics) {
  const { page, item, site } = ctx;
  for (const topic of counted) {
    const count = topic.papers.length;
    growingList(ctx, `/topics/${topic.slug}/`, `topics/${topic.slug}`, topic.papers, {
      title: topic.name,
      description: topic.description,
      heading: topic.name,
      lede: `${topic.description} ${count} ${count === 1 ? "paper" : "papers"}, newest first.`,
      feeds: [{ title: `${site.title}: ${topic.name}`, url: `/topics/${topic.slug}/feed.xml` }],
      // A topic's first page is itself a search result: its name, description and vocabulary.
      ...(count > 0
        ? { topicSearch: { count, terms: (topic.terms ?? []).map((t) => t.text) }, chart: topic.chart }
        : {}),
    });
  }
  // Papers no topic fits: the newest on the overview, all of them on pages of their own.
  if (uncategorised.length > PER_PAGE) {
    growingList(ctx, "/topics/uncategorised/", "topics/uncategorised", uncategorised, {
      title: "Uncategorised papers",
      description: "Papers that no topic fits well enough.",
      heading: "Uncategorised papers",
      lede: `${uncategorised.length} papers that no topic fits well enough, newest first.`,
    });
  }
  if (topics.length === 0) return;
  page("topics/index.md", {
    layout: "topics",
    permalink: "/topics/",
    title: "Topics",
    description: `Browse the papers of ${site.title} by subject.`,
    topics: counted
      .filter((t) => t.papers.length > 0)
      .sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name))
      .map((t) => ({ slug: t.slug, name: t.name, description: t.description, count: t.papers.length, chart: t.chart })),
    uncategorised: uncategorised.slice(0, PER_PAGE).map(item),
    uncategorisedCount: uncategorised.length,
  });
}
