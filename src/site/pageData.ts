import type { PaperSource } from "../model.ts";
import type { MonthlyCounts } from "../pages/monthlyCounts.ts";

/**
 * The front matter that emit writes and the layouts read: one typed contract,
 * so a field missing on either side is a compile error, not a blank on a page.
 */

export interface TopicRef {
  slug: string;
  name: string;
}

interface Link {
  url: string;
  label: string;
}

export interface PaperRef {
  slug: string;
  title: string;
}

/** A paper as a list shows it. */
export interface PaperItem extends PaperRef {
  excerpt: string;
  /** Hugging Face's AI summary, when the paper has one. */
  aiSummary?: string;
  /** First-seen date, YYYY-MM-DD. */
  date: string;
  topics: TopicRef[];
}

export interface Pager {
  page: number;
  pages: number;
  prev?: string;
  next?: string;
}

interface PageBase {
  permalink: string;
  /** The document title (without the site name) and the meta description. */
  title: string;
  description: string;
  /** Feeds this page links with rel=alternate besides the site's own. */
  feeds?: { title: string; url: string }[];
  /** Its share card (og:image), root-relative: emit gives every page one. */
  card?: string;
}

export interface PaperPage extends PageBase {
  layout: "paper";
  templateEngineOverride: "md";
  slug: string;
  /**
   * The abstract as plain text (metadata and the search index), and its TeX source where that differs (the page renders
   * it). */
  abstract: string;
  abstractTex?: string;
  /** Authors, links, categories … from Daily Papers or arXiv; empty for a text-only paper. */
  source: PaperSource;
  /** The page of each author who has one, by their place in `source.authors`. */
  authorSlugs?: (string | null)[];
  /** arXiv-style BibTeX, for a paper with an arXiv id. */
  bibtex?: string;
  /** Synonyms and expansions of the paper's acronyms (content/synonyms.yaml): indexed for search, never shown. */
  alsoKnownAs?: string[];
  firstSeen: string;
  digests: string[];
  topics: TopicRef[];
  related: (PaperRef & { topics: TopicRef[] })[];
  prev?: PaperRef;
  next?: PaperRef;
}

export interface ListPage extends PageBase {
  layout: "list";
  heading: string;
  lede?: string;
  /** Shown above the list: the neighbouring digests (or weeks, or months), `of` naming which. */
  neighbours?: { of: "digest" | "week" | "month"; prev?: Link; next?: Link };
  /** On a digest: the best of its week and of its month. */
  best?: Link[];
  items: PaperItem[];
  showDates: boolean;
  pager?: Pager;
  /** On a topic's first page: what search indexes for the topic (the papers listed are indexed on their own pages). */
  topicSearch?: { count: number; terms: string[] };
  /** On a topic's first page: its papers per month. */
  chart?: MonthlyCounts;
  /** On a long list's first page: its earlier papers, one page per month, newest first. */
  months?: { url: string; label: string; count: number }[];
  /** On a month of a long list: the way back to its first page. */
  back?: { url: string; label: string };
}

export interface ArchivePage extends PageBase {
  layout: "archive";
  heading: string;
  digests: { date: string; count: number }[];
  /** On the archive's first page, when it doesn't hold every digest: one page per year. */
  years?: { url: string; label: string; count: number }[];
  /** On a year's page: the way back to the newest digests. */
  back?: { url: string; label: string };
  /** The best of each month and week of the digests shown, newest first. */
  months?: Link[];
  weeks?: Link[];
}

export interface TopicsPage extends PageBase {
  layout: "topics";
  topics: (TopicRef & { description: string; count: number; chart: MonthlyCounts })[];
  /** The newest papers no topic fits (a long tail has pages of its own). */
  uncategorised: PaperItem[];
  uncategorisedCount: number;
}

export interface SearchPage extends PageBase {
  layout: "search";
  /** Topic names (the search index's topic filter values) with their paper counts. */
  topics: { name: string; count: number }[];
}

export type GeneratedPage = PaperPage | ListPage | ArchivePage | TopicsPage | SubscribePage | SearchPage;

/** Site-wide data every layout sees (Eleventy global data `site`). */
export interface SiteData {
  title: string;
  description: string;
  language: string;
  /** Absolute, without a trailing slash. */
  url: string;
  /** Who runs the site, for the feeds. */
  author?: { name: string; email?: string; url?: string };
  /** ISO-8601 time of the build. */
  generated: string;
}

/** One item of a feed: a paper. URLs are absolute. */
export interface FeedItem {
  title: string;
  url: string;
  abstract: string;
  /** First-seen date, YYYY-MM-DD. */
  date: string;
  categories: string[];
  authors: string[];
  /** The paper itself (its arXiv page), beside our page. */
  externalUrl?: string;
  /** An item that is a list of papers (a week's best), shown in order instead of an abstract. */
  list?: { title: string; url: string }[];
}

/** A feed of the site: the whole site's or one topic's. URLs are absolute except `path`. */
export interface FeedModel {
  /** Where the RSS file is written: "/feed.xml", "/topics/<slug>/feed.xml". */
  path: string;
  title: string;
  description: string;
  /** The page the feed mirrors. */
  link: string;
  self: string;
  items: FeedItem[];
}

export interface SubscribePage extends PageBase {
  layout: "subscribe";
  siteFeeds: { title: string; url: string; kind: string }[];
  topicFeeds: { title: string; url: string; count: number }[];
  /** How many authors have a page (and a feed), and the papers that give an author one. */
  authorFeeds: { count: number; minPapers: number };
}

/** A feed as /feeds.opml lists it. URLs are absolute. */
export interface FeedListing {
  title: string;
  self: string;
  link: string;
}

export interface SitemapEntry {
  url: string;
  lastmod: string;
  /** The year a paper or digest page belongs to, for sitemaps split by period. */
  period?: string;
}

/** One sitemap file, as emit wrote it for the template to put in place. */
export interface SitemapFile {
  path: string;
  xml: string;
}
