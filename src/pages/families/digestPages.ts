import { SIZES } from "../../config/settings.ts";
import type { Library } from "../../model.ts";
import { longDate, monthName } from "../../site/dates.ts";
import type { ListPage } from "../../site/pageData.ts";
import type { PageContext } from "../pageContext.ts";
import { monthOf, weekLabel, weekOf } from "../periods.ts";

/** Each digest's page, in their original order; the newest is also the home page. */
export function digestPages({ page, item, bySlug, site }: PageContext, library: Library) {
  library.digests.forEach((digest, i) => {
    const prev = library.digests[i - 1];
    const next = library.digests[i + 1];
    const list: ListPage = {
      layout: "list",
      permalink: `/digests/${digest.date}/`,
      title: `Papers of ${longDate(digest.date)}`,
      description: `The ${digest.slugs.length} papers of ${longDate(digest.date)}.`,
      heading: `Papers of ${longDate(digest.date)}`,
      lede: `${digest.slugs.length} papers, in the order they were listed.`,
      neighbours: {
        of: "digest",
        ...(prev ? { prev: { url: `/digests/${prev.date}/`, label: longDate(prev.date) } } : {}),
        ...(next ? { next: { url: `/digests/${next.date}/`, label: longDate(next.date) } } : {}),
      },
      best: [
        { url: `/weeks/${weekOf(digest.date)}/`, label: weekLabel(weekOf(digest.date)) },
        { url: `/months/${monthOf(digest.date)}/`, label: monthName(digest.date) },
      ],
      items: digest.slugs.map((s) => item(bySlug.get(s)!)),
      showDates: false,
    };
    page(`digests/${digest.date}.md`, list, "", digest.date, digest.date.slice(0, 4));
    if (!next) page("index.md", { ...list, permalink: "/", title: site.title, description: site.description });
  });
}

/**
 * The archive, newest first: the newest digests (a list page's worth), then one page per year, which stops
 * changing when the year ends.
 */
export function archivePages({ page, site }: PageContext, library: Library) {
  const newestDigests = [...library.digests].reverse();
  const years = new Map<string, typeof newestDigests>();
  for (const d of newestDigests) {
    const list = years.get(d.date.slice(0, 4));
    if (list) list.push(d);
    else years.set(d.date.slice(0, 4), [d]);
  }
  const split = newestDigests.length > SIZES.listPage;
  const entry = (d: (typeof newestDigests)[number]) => ({ date: d.date, count: d.slugs.length });
  // The best of each week and month of the digests a page shows, newest first.
  const best = (list: typeof newestDigests) => ({
    months: [...new Set(list.map((d) => monthOf(d.date)))].map((m) => ({
      url: `/months/${m}/`,
      label: monthName(`${m}-01`),
    })),
    weeks: [...new Set(list.map((d) => weekOf(d.date)))].map((w) => ({ url: `/weeks/${w}/`, label: weekLabel(w) })),
  });
  page("digests/index.md", {
    layout: "archive",
    permalink: "/digests/",
    title: "All digests",
    heading: "All digests",
    description: `Every daily digest of ${site.title}, newest first.`,
    digests: newestDigests.slice(0, SIZES.listPage).map(entry),
    ...best(newestDigests.slice(0, SIZES.listPage)),
    ...(split ? { years: [...years].map(([y, ds]) => ({ url: `/digests/${y}/`, label: y, count: ds.length })) } : {}),
  });
  if (!split) return;
  for (const [year, list] of years) {
    const yearPage = {
      layout: "archive" as const,
      permalink: `/digests/${year}/`,
      title: `Digests of ${year}`,
      heading: `Digests of ${year}`,
      description: `Every daily digest of ${site.title} in ${year}, newest first.`,
      digests: list.map(entry),
      ...best(list),
      back: { url: "/digests/", label: "All digests, newest first" },
    };
    page(`digests/${year}.md`, yearPage, "", list[0].date, year);
  }
}
