import { DateTime } from "luxon";
import { random, syntheticPapers } from "./syntheticPapers.ts";

const PER_DAY = 70;
const REPEATS = 7; // about 10% of a day's listing were listed before

/**
 * Deterministic digests holding `papers` distinct papers: ~70 a day on
 * consecutive dates from 2024-01-01, ~10% of each day repeated from earlier days.
 * Returns file name → text, in the trending-page form the parser reads.
 */
export function syntheticDigests(papers: number, seed = 1): Map<string, string> {
  const next = random(seed + 1);
  const all = syntheticPapers(papers, seed);
  const files = new Map<string, string>();
  let date = DateTime.fromISO("2024-01-01", { zone: "utc" });
  for (let start = 0; start < all.length; date = date.plus({ days: 1 })) {
    const fresh = all.slice(start, start + PER_DAY - (start > 0 ? REPEATS : 0));
    const repeats = start > 0 ? Array.from({ length: REPEATS }, () => all[Math.floor(next() * start)]) : [];
    start += fresh.length;
    const listing = [...fresh, ...repeats].flatMap((p) => [p.title, "", p.abstract, ""]);
    files.set(`${date.toISODate()}.txt`, ["Trending papers", "", date.toFormat("LLL d"), "", ...listing].join("\n"));
  }
  return files;
}

/** The next day's digest after syntheticDigests(papers): `count` new papers, dated the day after its last. */
export function nextDay(papers: number, count = 50, seed = 1): [string, string] {
  const last = [...syntheticDigests(papers, seed).keys()].at(-1)!.replace(".txt", "");
  const date = DateTime.fromISO(last, { zone: "utc" }).plus({ days: 1 });
  const fresh = syntheticPapers(papers + count, seed).slice(papers);
  return [
    `${date.toISODate()}.txt`,
    ["Trending papers", "", date.toFormat("LLL d"), "", ...fresh.flatMap((p) => [p.title, "", p.abstract, ""])].join(
      "\n",
    ),
  ];
}
