import { SIZES } from "../config/settings.ts";
import type { Paper } from "../model.ts";
import { monthName } from "../site/dates.ts";
import type { ListPage } from "../site/pageData.ts";
import type { PageContext } from "./pageContext.ts";
import { paginate } from "./paginate.ts";

const PER_PAGE = SIZES.listPage;

type FirstPage = Omit<ListPage, "layout" | "permalink" | "items" | "showDates">;

/**
 * A list that grows every day, split so that old pages never move: its newest PER_PAGE papers at `base`,
 * and every month's papers (by the digest they first appeared in) at `base` + YYYY-MM/, in pages of
 * PER_PAGE. When a digest is added only the first page and the current month's pages change.
 */
export function growingList(ctx: PageContext, base: string, dir: string, papers: Paper[], first: FirstPage) {
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
