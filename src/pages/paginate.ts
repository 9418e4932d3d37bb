import type { Pager } from "../site/pageData.ts";

/** The URL of page n of a list that lives at `base` (page 1 is the base itself). */
const pageUrl = (base: string, n: number) => (n === 1 ? base : `${base}page/${n}/`);

/** Splits a list into pages of `size`, each with its URL and links to its neighbours. */
export function paginate<T>(list: readonly T[], size: number, base: string) {
  const pages = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    const pager: Pager = {
      page: n,
      pages,
      ...(n > 1 ? { prev: pageUrl(base, n - 1) } : {}),
      ...(n < pages ? { next: pageUrl(base, n + 1) } : {}),
    };
    return { n, permalink: pageUrl(base, n), items: list.slice(i * size, n * size), pager };
  });
}
