import { DateTime } from "luxon";
import type { Library, Paper } from "../model.ts";
import { longDate, monthName } from "../site/dates.ts";

/** A week (ISO 8601, Monday to Sunday) or a calendar month of digests. */
export interface Period {
  kind: "week" | "month";
  /** "2025-W11", "2025-03". */
  id: string;
  url: string;
  /** "Week 11 of 2025", "March 2025". */
  label: string;
  /** "10–16 March 2025", "March 2025". */
  span: string;
  /** The period's digest dates, oldest first. */
  dates: string[];
  /** A digest of a later period exists: the period's pages and feed item will not change again. */
  finished: boolean;
}

/** How a period's papers are ranked, as its page says it. */
export const RANKING =
  "ranked by Hugging Face upvotes (the latest count of the period), then by how many of its digests " +
  "listed the paper, then by the order they were first listed";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
export const weekOf = (iso: string) => day(iso).toFormat("kkkk-'W'WW");
export const monthOf = (iso: string) => iso.slice(0, 7);
/** "2025-W11" → "Week 11 of 2025". */
export const weekLabel = (id: string) => `Week ${Number(id.slice(6))} of ${id.slice(0, 4)}`;

function weekSpan(id: string) {
  const monday = DateTime.fromISO(id, { zone: "utc" });
  const [from, to] = [monday.toISODate()!, monday.plus({ days: 6 }).toISODate()!];
  const full = longDate(from).split(" ");
  // "10–16 March 2025", "31 March – 6 April 2025", "29 December 2025 – 4 January 2026".
  if (from.slice(0, 7) === to.slice(0, 7)) return `${full[0]}–${longDate(to)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${full[0]} ${full[1]} – ${longDate(to)}`;
  return `${longDate(from)} – ${longDate(to)}`;
}

/** The library's weeks or months that have digests, oldest first. */
export function periodsOf(library: Library, kind: Period["kind"]): Period[] {
  const of = kind === "week" ? weekOf : monthOf;
  const byId = new Map<string, string[]>();
  for (const { date } of library.digests) {
    const id = of(date);
    const dates = byId.get(id);
    if (dates) dates.push(date);
    else byId.set(id, [date]);
  }
  const ids = [...byId.keys()].sort();
  return ids.map((id, i) => ({
    kind,
    id,
    url: `/${kind}s/${id}/`,
    label: kind === "week" ? weekLabel(id) : monthName(`${id}-01`),
    span: kind === "week" ? weekSpan(id) : monthName(`${id}-01`),
    dates: byId.get(id)!.sort(),
    finished: i < ids.length - 1,
  }));
}

/**
 * A period's papers, best first (see RANKING): upvotes from the newest snapshot inside the period (a paper
 * without one ranks after every paper with one), the number of the period's digests that listed it, then
 * the day and place it was first listed in the period. Depends on the period's digests alone, so a
 * finished period ranks the same for ever.
 */
export function rankPeriod(library: Library, period: Period, bySlug: ReadonlyMap<string, Paper>): Paper[] {
  const inPeriod = new Set(period.dates);
  const seen = new Map<string, { listed: number; order: number }>();
  let order = 0;
  for (const digest of library.digests) {
    if (!inPeriod.has(digest.date)) continue;
    for (const slug of digest.slugs) {
      const entry = seen.get(slug);
      if (entry) entry.listed++;
      else seen.set(slug, { listed: 1, order: order++ });
    }
  }
  const upvotes = (p: Paper) => {
    let latest: { date: string; upvotes?: number } | undefined;
    for (const s of p.source.snapshots ?? [])
      if (s.upvotes !== undefined && inPeriod.has(s.date) && !(latest && latest.date > s.date)) latest = s;
    return latest?.upvotes ?? -1;
  };
  const ranked = [...seen].map(([slug, s]) => ({ paper: bySlug.get(slug)!, ...s, upvotes: 0 }));
  for (const r of ranked) r.upvotes = upvotes(r.paper);
  ranked.sort((a, b) => b.upvotes - a.upvotes || b.listed - a.listed || a.order - b.order);
  return ranked.map((r) => r.paper);
}
