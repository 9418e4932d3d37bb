import { SIZES } from "../../config/settings.ts";
import type { Library } from "../../model.ts";
import type { ListPage } from "../../site/pageData.ts";
import type { PageContext } from "../pageContext.ts";
import { paginate } from "../paginate.ts";
import { type Period, periodsOf, RANKING, rankPeriod } from "../periods.ts";

/**
 * The best of each week (/weeks/YYYY-Www/) and month (/months/YYYY-MM/): the period's papers ranked, in
 * pages of a list's length. A page is made from its period's digests alone (and its neighbours, known
 * once a later period has a digest), so a finished period's pages never change.
 */
export function periodPages(ctx: PageContext, library: Library) {
  for (const kind of ["week", "month"] as const) {
    const periods = periodsOf(library, kind);
    periods.forEach((period, i) => {
      periodPage(ctx, library, period, periods[i - 1], periods[i + 1]);
    });
  }
}

function periodPage(ctx: PageContext, library: Library, period: Period, prev?: Period, next?: Period) {
  const ranked = rankPeriod(library, period, ctx.bySlug);
  const count = `${ranked.length} ${ranked.length === 1 ? "paper" : "papers"}`;
  const heading = period.kind === "week" ? `The best of ${period.label.toLowerCase()}` : `The best of ${period.label}`;
  const digests = `${period.dates.length} ${period.dates.length === 1 ? "digest" : "digests"}`;
  for (const { items, pager, permalink, n } of paginate(ranked, SIZES.listPage, period.url)) {
    const list: ListPage = {
      layout: "list",
      permalink,
      title: `${heading}${period.kind === "week" ? ` (${period.span})` : ""}${n === 1 ? "" : `, page ${n}`}`,
      description: `The ${count} of ${period.span} on ${ctx.site.title}, best first.`,
      heading,
      lede: `${period.kind === "week" ? `${period.span}: the` : "The"} ${count} of ${digests}, ${RANKING}.`,
      neighbours: {
        of: period.kind,
        ...(prev ? { prev: { url: prev.url, label: prev.label } } : {}),
        ...(next ? { next: { url: next.url, label: next.label } } : {}),
      },
      items: items.map(ctx.item),
      showDates: true,
      ...(pager.pages > 1 ? { pager } : {}),
    };
    const file = `${period.kind}s/${period.id}${n === 1 ? "" : `-${n}`}.md`;
    ctx.page(file, list, "", period.dates.at(-1), period.id.slice(0, 4));
  }
}
