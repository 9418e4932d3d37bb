import { DEFAULTS } from "../config/settings.ts";
import { SITE_DEFAULTS } from "../config/siteFile.ts";
import type { Library, TopicInfo } from "../model.ts";
import { newestFirst } from "../pages/newestFirst.ts";
import { longDate } from "../site/dates.ts";
import type { Card } from "./drawCard.ts";

// Accent colours, one per topic in taxonomy order: dark enough for text on the card's light ground (≥ 4.5:1).
const ACCENTS = [
  "#1b57b5",
  "#b4233c",
  "#0f7b5f",
  "#7a3fa3",
  "#a34a06",
  "#0e6f86",
  "#9a1b9e",
  "#4b6f10",
  "#b3123a",
  "#1d45c9",
  "#05704f",
  "#6b35c9",
  "#b03c0b",
  "#036197",
  "#951b50",
  "#3f5f12",
  "#5a2bb0",
];
const NEUTRAL = "#5b5852";

export interface CardPlan {
  /** Every card to draw, by its root-relative URL ("/cards/papers/<slug>.png"). */
  cards: Map<string, Card>;
  /** The card each page shows, by the page's permalink; pages not listed show the home card. */
  pages: Map<string, string>;
  home: string;
  /** Papers that will get a card of their own once a later build has drawn it. */
  waiting: number;
}

/**
 * Which cards the site has and which page shows which: one per paper (the
 * newest `limit`), topic and digest, and one for the home page that every other
 * page shares. Pure: the same library draws the same cards.
 */
export function planCards(
  library: Library,
  topics: readonly TopicInfo[],
  siteTitle: string,
  limit = DEFAULTS.cardLimit,
  /**
   * Which paper cards are drawn already (the cache); the others count against `budget`. The site's
   * `description` goes on its own card.
   */
  {
    isDrawn = () => false,
    budget = Infinity,
    description = SITE_DEFAULTS.description,
  }: { isDrawn?: (card: Card) => boolean; budget?: number; description?: string } = {},
): CardPlan {
  const cards = new Map<string, Card>();
  const pages = new Map<string, string>();
  const accent = new Map(topics.map((t, i) => [t.slug, ACCENTS[i % ACCENTS.length]]));
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  const count = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "paper" : "papers"}`;
  // A site's or topic's count, to two figures past 100 ("1,200+ papers"): its card isn't redrawn every day.
  const roughly = (n: number) => {
    if (n < 100) return count(n);
    const step = 10 ** (Math.floor(Math.log10(n)) - 1);
    const shown = Math.floor(n / step) * step;
    return `${shown.toLocaleString("en-US")}${shown < n ? "+" : ""} papers`;
  };

  const home = "/cards/home.png";
  cards.set(home, {
    eyebrow: "Every day's papers",
    title: siteTitle,
    subtitle: description,
    footnote: `${roughly(library.papers.length)} so far`,
    site: siteTitle,
    accent: ACCENTS[0],
  });

  const topicCard = new Map<string, string>();
  for (const topic of topics) {
    const papers = library.papers.filter((p) => p.topics.includes(topic.slug)).length;
    if (papers === 0) continue;
    const path = `/cards/topics/${topic.slug}.png`;
    cards.set(path, {
      eyebrow: "Topic",
      title: topic.name,
      subtitle: topic.description,
      footnote: roughly(papers),
      site: siteTitle,
      accent: accent.get(topic.slug)!,
    });
    topicCard.set(topic.slug, path);
    pages.set(`/topics/${topic.slug}/`, path);
  }

  for (const digest of library.digests) {
    const path = `/cards/digests/${digest.date}.png`;
    cards.set(path, {
      eyebrow: "Daily digest",
      title: `Papers of ${longDate(digest.date)}`,
      footnote: count(digest.slugs.length),
      site: siteTitle,
      accent: ACCENTS[0],
    });
    pages.set(`/digests/${digest.date}/`, path);
  }

  let left = budget;
  let waiting = 0;
  newestFirst(library.papers).forEach((paper, i) => {
    const page = `/papers/${paper.slug}/`;
    const card: Card = {
      eyebrow:
        paper.topics
          .slice(0, 2)
          .map((t) => names.get(t) ?? t)
          .join(" · ") || "Paper",
      title: paper.title,
      footnote: `First listed ${longDate(paper.digests[0])}`,
      site: siteTitle,
      accent: accent.get(paper.topics[0]) ?? NEUTRAL,
    };
    let own = false;
    if (i < limit && isDrawn(card)) own = true;
    else if (i < limit && left > 0) {
      own = true;
      left--;
    } else if (i < limit) waiting++;
    if (!own) {
      pages.set(page, topicCard.get(paper.topics[0]) ?? home);
      return;
    }
    const path = `/cards/papers/${paper.slug}.png`;
    cards.set(path, card);
    pages.set(page, path);
  });
  return { cards, pages, home, waiting };
}
