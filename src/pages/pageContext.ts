import type { CardPlan } from "../cards/planCards.ts";
import { textHash } from "../ingest/merge/textHash.ts";
import type { Library, Paper, TopicInfo } from "../model.ts";
import type { GeneratedPage, PaperItem, SiteData, SitemapEntry, TopicRef } from "../site/pageData.ts";
import { shortHash } from "../util/shortHash.ts";
import type { PaperExtras } from "./paperExtras.ts";

export type Topics = readonly (TopicInfo & { terms?: { text: string }[] })[];

/**
 * A file as eachSitePage hands it on: its text, or, for a paper's page or a list of papers, a key that
 * stands for its text (see the page keys in eachSitePage) and the way to make the text when it is wanted.
 */
export type SitePage = string | { key: string; make: () => string };
export const pageText = (page: SitePage) => (typeof page === "string" ? page : page.make());

/**
 * A generated page: JSON front matter (Eleventy's "---json"), then the body.
 * JSON.stringify escapes every string, nothing is typed by guesswork (a YAML
 * 2025-03-13 would become a Date), and both writing and Eleventy's reading are
 * ~10x faster than YAML on 10,000 pages.
 */
export const pageFile = (data: object, body = "") => `---json\n${JSON.stringify(data)}\n---\n${body}\n`;

/**
 * A hash of all a paper's own page shows of it, and all other pages show of it (as a related paper or a
 * neighbour): its words (by their textHash) and its other fields. What pages show beside them is worked
 * out from these and the configuration (its extras, its topics' names), which the build's fingerprint
 * covers. Not its related papers: a page shows those of its own paper alone (see the page keys in
 * eachSitePage), and they change for hundreds of old papers a day.
 */
function paperHash(paper: Paper, words: string): string {
  return shortHash(
    `${words} ${JSON.stringify({ ...paper, title: undefined, abstract: undefined, related: undefined })}`,
  );
}

export type PageContext = ReturnType<typeof pageContext>;

/**
 * What every family of pages shares: the archive's lookups (papers by slug, their topics and list entries,
 * each worked out once), each page's card, and `page`, which hands a page on to `take` with its key and
 * records it in the sitemap.
 */
export function pageContext(
  take: (path: string, page: SitePage) => void,
  library: Library,
  topics: Topics,
  site: SiteData,
  cards: CardPlan,
  extras: ReadonlyMap<string, PaperExtras>,
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
    if (!entry) {
      entry = {
        slug: p.slug,
        title: p.title,
        ...(p.source.aiSummary ? { aiSummary: p.source.aiSummary } : {}),
        excerpt: extras.get(p.slug)!.excerpt,
        date: p.digests[0],
        topics: refs(p),
      };
      items.set(p, entry);
    }
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
  return { take, site, extras, latest, sitemap, bySlug, refs, item, cardOf, hashes, page };
}
