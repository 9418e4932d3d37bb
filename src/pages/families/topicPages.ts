import { SIZES } from "../../config/settings.ts";
import type { Library, Paper } from "../../model.ts";
import { monthName } from "../../site/dates.ts";
import type { ListPage } from "../../site/pageData.ts";
import { archiveMonths, monthlyCounts } from "../monthlyCounts.ts";
import { newestFirst } from "../newestFirst.ts";
import type { PageContext, Topics } from "../pageContext.ts";
import { paginate } from "../paginate.ts";

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

type FirstPage = Omit<ListPage, "layout" | "permalink" | "items" | "showDates">;

/**
 * A list that grows every day, split so that old pages never move: its newest PER_PAGE papers at `base`,
 * and every month's papers (by the digest they first appeared in) at `base` + YYYY-MM/, in pages of
 * PER_PAGE. When a digest is added only the first page and the current month's pages change.
 */
function growingList(ctx: PageContext, base: string, dir: string, papers: Paper[], first: FirstPage) {
  const { page, item } = ctx;
  const months = new Map<string, Paper[]>();
  for (const p of papers) {
    const month = p.digests[0].slice(0, 7);
    const list = months.get(month);
    if (list) list.push(p);
    else months.set(month, [p]);
  }
  const split = papers.length > PER_PAGE;
  const monthLinks = [...months].map(([m, ps]) => ({
    url: `${base}${m}/`,
    label: monthName(`${m}-01`),
    count: ps.length,
  }));
  page(
    `${dir}/index.md`,
    {
      ...first,
      layout: "list",
      permalink: base,
      items: papers.slice(0, PER_PAGE).map(item),
      showDates: true,
      ...(split ? { months: monthLinks } : {}),
    },
    "",
    papers[0]?.digests.at(-1) ?? ctx.latest,
  );
  if (!split) return;
  for (const [month, list] of months) {
    const label = monthName(`${month}-01`);
    for (const { items, pager, permalink, n } of paginate(list, PER_PAGE, `${base}${month}/`)) {
      const monthPage: ListPage = {
        layout: "list",
        permalink,
        title: `${first.heading}, ${label}${n === 1 ? "" : `, page ${n}`}`,
        description: first.description,
        heading: `${first.heading}: ${label}`,
        lede: `${list.length} ${list.length === 1 ? "paper" : "papers"} first listed in ${label}, newest first.`,
        back: { url: base, label: `All of ${first.heading}, newest first` },
        ...(first.feeds ? { feeds: first.feeds } : {}),
        items: items.map(item),
        showDates: true,
        ...(pager.pages > 1 ? { pager } : {}),
      };
      page(`${dir}/${month}-${n}.md`, monthPage, "", list[0].digests[0], month.slice(0, 4));
    }
  }
}
