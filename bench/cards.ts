// The share-card benchmark: `npx tsx bench/cards.ts [--cold 400] [--archive 10000]`.
//
// 1. Cold: draws `--cold` distinct paper cards through renderCards (drawing processes,
//    empty cache) and reports the wall time per card, and what a cold build of
//    10k / 50k papers spends on cards with and without the default --cards cap.
// 2. Daily: an archive of `--archive` papers whose cards are all cached but for
//    the newest digest's 50: the time renderCards adds to that day's build.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Card } from "../src/cards/drawCard.ts";
import { planCards } from "../src/cards/planCards.ts";
import { cardKey, renderCards } from "../src/cards/renderCards.ts";
import { DEFAULTS } from "../src/config/settings.ts";
import type { Library } from "../src/model.ts";
import { syntheticPapers } from "./syntheticPapers.ts";

const { values } = parseArgs({
  options: { cold: { type: "string", default: "400" }, archive: { type: "string", default: "10000" } },
});
const cold = Number(values.cold);
const archive = Number(values.archive);
const work = mkdtempSync(join(tmpdir(), "pd-bench-cards-"));
const topics = [
  { slug: "large-language-models", name: "Large Language Models", description: "" },
  { slug: "computer-vision", name: "Computer Vision", description: "" },
];

/** A library of n synthetic papers, 50 a day, each with a topic. */
function library(n: number): Library {
  const papers = syntheticPapers(n).map((p, i) => ({
    key: `k${i}`,
    slug: `p${i}`,
    title: p.title,
    abstract: p.abstract,
    digests: [new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10)],
    topics: [topics[i % 2].slug],
    related: [],
    source: {},
  }));
  const days = new Map<string, string[]>();
  for (const p of papers) days.set(p.digests[0], [...(days.get(p.digests[0]) ?? []), p.slug]);
  return { papers, digests: [...days].map(([date, slugs]) => ({ date, slugs })) };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

// 1. Cold drawing.
const coldCards = new Map(
  [...planCards(library(cold), topics, "Paper Digest", cold).cards].filter(([path]) =>
    path.startsWith("/cards/papers/"),
  ),
);
const t0 = performance.now();
const drawn = await renderCards(coldCards, join(work, "cold-out"), join(work, "cold-cache"));
const coldSeconds = seconds(t0);
const perCard = coldSeconds / drawn.drawn;
const bytes = readdirSync(join(work, "cold-cache")).length;

// 2. A daily build: every card cached but the newest 50 papers'.
const plan = planCards(library(archive), topics, "Paper Digest", DEFAULTS.cardLimit);
const cache = join(work, "daily-cache");
mkdirSync(cache, { recursive: true });
const sample = join(work, "cold-cache", readdirSync(join(work, "cold-cache"))[0]);
const newest = new Set(
  plan.cards.size ? [...plan.cards.keys()].filter((p) => p.startsWith("/cards/papers/")).slice(0, 50) : [],
);
// What yesterday's build left: every card but today's papers', today's digest, and the counters that grew (home,
// topics).
const today = `/cards/digests/${[...plan.cards.keys()]
  .filter((p) => p.startsWith("/cards/digests/"))
  .sort()
  .at(-1)!
  .slice(15)}`;
const cached = [...plan.cards].filter(
  ([path]) => !newest.has(path) && path !== today && path !== "/cards/home.png" && !path.startsWith("/cards/topics/"),
);
for (const [, card] of cached) copyFileSync(sample, join(cache, `${cardKey(card as Card)}.png`));
const t1 = performance.now();
const daily = await renderCards(plan.cards, join(work, "daily-out"), cache);
const dailySeconds = seconds(t1);

const threads = availableParallelism();
const project = (n: number, limit = Infinity) => (Math.min(n, limit) * perCard).toFixed(0);
console.log(
  `| cold cards drawn | processes | seconds | per card (ms, wall) | cold 10k, every card (s) | cold 50k, every card\
 (s) | cold 50k, default --cards ${DEFAULTS.cardLimit} (s) | daily at ${archive}: drawn / from cache | daily added (s)\
 |`,
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
console.log(
  `| ${drawn.drawn} | ${threads} | ${coldSeconds.toFixed(1)} | ${(perCard * 1000).toFixed(1)} | ${project(10_000)} |\
 ${project(50_000)} | ${project(50_000, DEFAULTS.cardLimit)} | ${daily.drawn} / ${daily.cached} |\
 ${dailySeconds.toFixed(2)} |`,
);
console.log(
  `(${bytes} cards in the cold cache; projections are cards × the measured wall time per card, on this machine's\
 ${threads} cores)`,
);
rmSync(work, { recursive: true, force: true });
