import { type CardPlan, planCards } from "../cards/planCards.ts";
import { DEFAULTS, SIZES } from "../config/settings.ts";
import { textHash } from "../ingest/merge/textHash.ts";
import type { Library, Paper, TopicInfo } from "../model.ts";
import { longDate, monthName } from "../site/dates.ts";
import type {
  GeneratedPage,
  ListPage,
  PaperItem,
  PaperPage,
  PaperRef,
  SiteData,
  SitemapEntry,
  TopicRef,
} from "../site/pageData.ts";
import { shortHash } from "../util/shortHash.ts";
import { bibtex } from "./bibtex.ts";
import { siteFeeds } from "./feeds.ts";
import { archiveMonths, monthlyCounts } from "./monthlyCounts.ts";
import { newestFirst } from "./newestFirst.ts";
import { paginate } from "./paginate.ts";
import { type PaperExtras, paperExtras } from "./paperExtras.ts";
import { sitemapFiles } from "./sitemap.ts";

const PER_PAGE = SIZES.listPage;
const withSynonyms = (terms: string[]) => (terms.length > 0 ? { alsoKnownAs: terms } : {});
/**
 * A generated page: JSON front matter (Eleventy's "---json"), then the body.
 * JSON.stringify escapes every string, nothing is typed by guesswork (a YAML
 * 2025-03-13 would become a Date), and both writing and Eleventy's reading are
 * ~10x faster than YAML on 10,000 pages.
 */
export const pageFile = (data: object, body = "") => `---json\n${JSON.stringify(data)}\n---\n${body}\n`;

/**
 * A file as eachSitePage hands it on: its text, or, for a paper's page or a list of papers, a key that
 * stands for its text (see the page keys in eachSitePage) and the way to make the text when it is wanted.
 */
export type SitePage = string | { key: string; make: () => string };
export const pageText = (page: SitePage) => (typeof page === "string" ? page : page.make());

/** What a paper's page shows beside the paper itself, looked up in the rest of the archive. */
export interface PaperContext {
  extras: PaperExtras;
  topics: TopicRef[];
  related: (PaperRef & { topics: TopicRef[] })[];
  prev?: PaperRef;
  next?: PaperRef;
  /** Its share card's URL. */
  card: string;
}

/** A paper's page, made from the paper and its context alone. */
function paperPage(paper: Paper, { extras, topics, related, prev, next, card }: PaperContext): PaperPage {
  const cite = bibtex(paper);
  return {
    layout: "paper",
    templateEngineOverride: "md",
    permalink: `/papers/${paper.slug}/`,
    title: paper.title,
    description: extras.excerpt,
    slug: paper.slug,
    abstract: paper.abstract,
    ...(paper.abstractTex ? { abstractTex: paper.abstractTex } : {}),
    source: paper.source,
    ...(cite ? { bibtex: cite } : {}),
    ...withSynonyms(extras.alsoKnownAs),
    firstSeen: paper.digests[0],
    digests: paper.digests,
    topics,
    related,
    ...(prev ? { prev } : {}),
    ...(next ? { next } : {}),
    card,
  };
}

/**
 * A hash of all a paper's own page shows of it, and all other pages show of it (as a related paper or a
 * neighbour): its words (by their textHash) and its other fields. What pages show beside them is worked
 * out from these and the configuration (its extras, its topics' names), which the build's fingerprint
 * covers. Not its related papers: a page shows those of its own paper alone (see the page keys in
 * eachSitePage), and they change for hundreds of old papers a day.
 */
export function paperHash(paper: Paper, words: string): string {
  return shortHash(
    `${words} ${JSON.stringify({ ...paper, title: undefined, abstract: undefined, related: undefined })}`,
  );
}

type Topics = readonly (TopicInfo & { terms?: { text: string }[] })[];

/**
 * Every generated file of the site, keyed by its path under the generated
 * folder: a Markdown page per paper, digest, topic (and page of a long list),
 * plus the data files the templates read. Pure: same library, same files.
 */
export function sitePages(
  library: Library,
  topics: Topics,
  site: SiteData,
  feedItems = DEFAULTS.feedItems,
  cards: CardPlan = planCards(library, topics, site.title),
  extras: ReadonlyMap<string, PaperExtras> = paperExtras(library.papers, () => []).extras,
): Map<string, string> {
  const files = new Map<string, string>();
  eachSitePage((path, page) => files.set(path, pageText(page)), library, topics, site, feedItems, cards, extras);
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
  feedItems: number,
  cards: CardPlan,
  extras: ReadonlyMap<string, PaperExtras>,
  /** Each paper's textHash by slug, when the caller has worked them out already. */
  words?: ReadonlyMap<string, string>,
) {
  const latest = library.digests.at(-1)?.date ?? site.generated.slice(0, 10);
  const sitemap: SitemapEntry[] = [];
  const bySlug = new Map(library.papers.map((p) => [p.slug, p]));
  const topicRef = new Map<string, TopicRef>(topics.map((t) => [t.slug, { slug: t.slug, name: t.name }]));
  // A paper's topics are shown on its page and wherever it is listed or related: looked up once.
  const topicRefs = new Map<Paper, TopicRef[]>();
  const refs = (p: Paper) => {
    let list = topicRefs.get(p);
    if (!list) topicRefs.set(p, (list = p.topics.flatMap((t) => topicRef.get(t) ?? [])));
    return list;
  };
  // A paper appears in several lists (digest, home, topics): build its list entry once.
  const items = new Map<Paper, PaperItem>();
  const item = (p: Paper): PaperItem => {
    let entry = items.get(p);
    if (!entry)
      items.set(
        p,
        (entry = {
          slug: p.slug,
          title: p.title,
          excerpt: extras.get(p.slug)!.excerpt,
          date: p.digests[0],
          topics: refs(p),
        }),
      );
    return entry;
  };
  // A later page or a month of a list shows its first page's card; a page without a card of its own, the site's.
  const cardOf = (permalink: string) => {
    const list = permalink.replace(/page\/\d+\/$/, "");
    return (
      cards.pages.get(permalink) ??
      cards.pages.get(list) ??
      cards.pages.get(list.replace(/\d{4}(-\d{2})?\/$/, "")) ??
      cards.home
    );
  };
  // Each paper's hash (see paperHash): what the keys of the pages that show it are made of.
  const hashes = new Map(library.papers.map((p) => [p.slug, paperHash(p, words?.get(p.slug) ?? textHash(p))]));
  const page = (path: string, data: GeneratedPage, body = "", lastmod = latest, period?: string) => {
    const full = { ...data, card: cardOf(data.permalink) };
    // A list shows each paper as its hash covers it: the list with its papers' hashes for items stands for its text.
    if (full.layout === "list")
      take(path, {
        key: shortHash(`${JSON.stringify({ ...full, items: full.items.map((i) => hashes.get(i.slug)) })}\n${body}`),
        make: () => pageFile(full, body),
      });
    else take(path, pageFile(full, body));
    sitemap.push({ url: `${site.url}${data.permalink}`, lastmod, ...(period ? { period } : {}) });
  };

  // Papers, each with its neighbours in the digest it first appeared in.
  const firstListing = new Map(library.digests.flatMap((d) => d.slugs.map((s, i) => [s, { d, i }] as const)).reverse());
  const ref = (slug?: string) => (slug ? { slug, title: bySlug.get(slug)!.title } : undefined);
  for (const paper of library.papers) {
    const { d, i } = firstListing.get(paper.slug)!;
    const permalink = `/papers/${paper.slug}/`;
    const [prev, next] = [d.slugs[i - 1], d.slugs[i + 1]];
    const card = cardOf(permalink);
    /**
     * A paper's page shows the paper, its related papers and its neighbours (each all paperHash covers)
     * and its card: their hashes are its key. The same key means the same page, for the same program
     * (which the build's fingerprint covers), so an incremental build makes only the pages whose key
     * changed. Making every page to hash its text cost ten times as much.
     */
    const key = shortHash(
      `${[paper.slug, ...paper.related, prev, next].map((s) => (s ? hashes.get(s) : "-")).join(" ")} ${card}`,
    );
    const make = () => {
      const context = {
        extras: extras.get(paper.slug)!,
        topics: refs(paper),
        related: paper.related.map((s) => ({ ...ref(s)!, topics: refs(bySlug.get(s)!) })),
        prev: ref(prev),
        next: ref(next),
        card,
      };
      return pageFile(paperPage(paper, context));
    };
    take(`papers/${paper.slug}.md`, { key, make });
    sitemap.push({
      url: `${site.url}${permalink}`,
      lastmod: paper.digests.at(-1)!,
      period: paper.digests[0].slice(0, 4),
    });
  }

  // Digests in their original order; the newest is also the home page.
  library.digests.forEach((digest, i) => {
    const prev = library.digests[i - 1];
    const next = library.digests[i + 1];
    const list: ListPage = {
      layout: "list",
      permalink: `/digests/${digest.date}/`,
      title: `Papers of ${longDate(digest.date)}`,
      description: `The ${digest.slugs.length} trending papers of ${longDate(digest.date)}.`,
      heading: `Papers of ${longDate(digest.date)}`,
      lede: `${digest.slugs.length} papers, in the order they were listed.`,
      neighbours: {
        ...(prev ? { prev: { url: `/digests/${prev.date}/`, label: longDate(prev.date) } } : {}),
        ...(next ? { next: { url: `/digests/${next.date}/`, label: longDate(next.date) } } : {}),
      },
      items: digest.slugs.map((s) => item(bySlug.get(s)!)),
      showDates: false,
    };
    page(`digests/${digest.date}.md`, list, "", digest.date, digest.date.slice(0, 4));
    if (!next) page("index.md", { ...list, permalink: "/", title: site.title, description: site.description });
  });

  // The archive, newest first: the newest PER_PAGE digests, then one page per year, which stops changing when the year ends.
  const newestDigests = [...library.digests].reverse();
  const years = new Map<string, typeof newestDigests>();
  for (const d of newestDigests) {
    const list = years.get(d.date.slice(0, 4));
    if (list) list.push(d);
    else years.set(d.date.slice(0, 4), [d]);
  }
  const split = newestDigests.length > PER_PAGE;
  const entry = (d: (typeof newestDigests)[number]) => ({ date: d.date, count: d.slugs.length });
  page("digests/index.md", {
    layout: "archive",
    permalink: "/digests/",
    title: "All digests",
    heading: "All digests",
    description: `Every daily digest of ${site.title}, newest first.`,
    digests: newestDigests.slice(0, PER_PAGE).map(entry),
    ...(split ? { years: [...years].map(([y, ds]) => ({ url: `/digests/${y}/`, label: y, count: ds.length })) } : {}),
  });
  if (split) {
    for (const [year, list] of years) {
      page(
        `digests/${year}.md`,
        {
          layout: "archive",
          permalink: `/digests/${year}/`,
          title: `Digests of ${year}`,
          heading: `Digests of ${year}`,
          description: `Every daily digest of ${site.title} in ${year}, newest first.`,
          digests: list.map(entry),
          back: { url: "/digests/", label: "All digests, newest first" },
        },
        "",
        list[0].date,
        year,
      );
    }
  }

  // Topics: one list per topic (newest papers first), and the overview.
  const newestPapers = newestFirst(library.papers);
  const months = archiveMonths(library.digests.map((d) => d.date));
  const counted = topics.map((t) => {
    const papers = newestPapers.filter((p) => p.topics.includes(t.slug));
    return { ...t, papers, chart: monthlyCounts(papers, months) };
  });
  /**
   * A list that grows every day, split so that old pages never move: its newest
   * PER_PAGE papers at `base`, and every month's papers (by the digest they first
   * appeared in) at `base` + YYYY-MM/, in pages of PER_PAGE. When a digest is
   * added only the first page and the current month's pages change.
   */
  const growingList = (
    base: string,
    dir: string,
    papers: Paper[],
    first: Omit<ListPage, "layout" | "permalink" | "items" | "showDates">,
  ) => {
    const months = new Map<string, Paper[]>();
    for (const p of papers) {
      const month = p.digests[0].slice(0, 7);
      const list = months.get(month);
      if (list) list.push(p);
      else months.set(month, [p]);
    }
    const split = papers.length > PER_PAGE;
    page(
      `${dir}/index.md`,
      {
        ...first,
        layout: "list",
        permalink: base,
        items: papers.slice(0, PER_PAGE).map(item),
        showDates: true,
        ...(split
          ? {
              months: [...months].map(([m, ps]) => ({
                url: `${base}${m}/`,
                label: monthName(`${m}-01`),
                count: ps.length,
              })),
            }
          : {}),
      },
      "",
      papers[0]?.digests.at(-1) ?? latest,
    );
    if (!split) return;
    for (const [month, list] of months) {
      const label = monthName(`${month}-01`);
      for (const { items, pager, permalink, n } of paginate(list, PER_PAGE, `${base}${month}/`)) {
        page(
          `${dir}/${month}-${n}.md`,
          {
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
          },
          "",
          list[0].digests[0],
          month.slice(0, 4),
        );
      }
    }
  };

  for (const topic of counted) {
    growingList(`/topics/${topic.slug}/`, `topics/${topic.slug}`, topic.papers, {
      title: topic.name,
      description: topic.description,
      heading: topic.name,
      lede: `${topic.description} ${topic.papers.length} ${topic.papers.length === 1 ? "paper" : "papers"}, newest first.`,
      feeds: [{ title: `${site.title}: ${topic.name}`, url: `/topics/${topic.slug}/feed.xml` }],
      // A topic's first page is itself a search result: its name, description and vocabulary.
      ...(topic.papers.length > 0
        ? {
            topicSearch: { count: topic.papers.length, terms: (topic.terms ?? []).map((t) => t.text) },
            chart: topic.chart,
          }
        : {}),
    });
  }
  // Papers no topic fits: the newest on the overview, all of them on pages of their own.
  const uncategorised = newestPapers.filter((p) => p.topics.length === 0);
  if (uncategorised.length > PER_PAGE) {
    growingList("/topics/uncategorised/", "topics/uncategorised", uncategorised, {
      title: "Uncategorised papers",
      description: "Papers that no topic fits well enough.",
      heading: "Uncategorised papers",
      lede: `${uncategorised.length} papers that no topic fits well enough, newest first.`,
    });
  }
  if (topics.length > 0) {
    page("topics/index.md", {
      layout: "topics",
      permalink: "/topics/",
      title: "Topics",
      description: `Browse the papers of ${site.title} by subject.`,
      topics: counted
        .filter((t) => t.papers.length > 0)
        .sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name))
        .map((t) => ({
          slug: t.slug,
          name: t.name,
          description: t.description,
          count: t.papers.length,
          chart: t.chart,
        })),
      uncategorised: uncategorised.slice(0, PER_PAGE).map(item),
      uncategorisedCount: uncategorised.length,
    });
  }

  const feeds = siteFeeds(library, topics, site, feedItems);
  page("subscribe.md", {
    layout: "subscribe",
    permalink: "/subscribe/",
    title: "Subscribe",
    description: `Follow ${site.title} in a feed reader: every paper, or one topic.`,
    siteFeeds: [
      { title: "Every paper (RSS)", url: "/feed.xml", kind: "RSS 2.0" },
      { title: "Every paper (JSON Feed)", url: "/feed.json", kind: "JSON Feed 1.1" },
    ],
    topicFeeds: counted.map((t) => ({ title: t.name, url: `/topics/${t.slug}/feed.xml`, count: t.papers.length })),
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
  take("sitemaps.json", JSON.stringify([...sitemapFiles(sitemap, site.url)].map(([path, xml]) => ({ path, xml }))));
}
