import type { Paper } from "../model.ts";

/** Papers per calendar month, for a topic's chart: months oldest first (YYYY-MM), a count each. */
export interface MonthlyCounts {
  months: string[];
  counts: number[];
}

/** How many months a chart shows at most: three years, the newest. */
const CHART_MONTHS = 36;

/** Every month from the archive's first digest to its last (at most the newest CHART_MONTHS), gaps included. */
export function archiveMonths(digestDates: readonly string[]): string[] {
  if (digestDates.length === 0) return [];
  const sorted = [...digestDates].sort();
  let [year, month] = sorted[0].split("-").map(Number);
  const last = sorted.at(-1)!.slice(0, 7);
  const months: string[] = [];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) break;
    if (month === 12) {
      year += 1;
      month = 1;
    } else month += 1;
  }
  return months.slice(-CHART_MONTHS);
}

/** Counts papers by the month they first appeared in a digest. */
export function monthlyCounts(papers: readonly Paper[], months: readonly string[]): MonthlyCounts {
  const index = new Map(months.map((m, i) => [m, i]));
  const counts = months.map(() => 0);
  for (const p of papers) {
    const i = index.get(p.digests[0]?.slice(0, 7));
    if (i !== undefined) counts[i]++;
  }
  return { months: [...months], counts };
}
