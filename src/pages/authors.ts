import { titleSlug } from "../ingest/merge/titleSlug.ts";
import type { Library, Paper } from "../model.ts";
import { newestFirst } from "./newestFirst.ts";

/** An author with a page: their name as first printed, their URL segment, their papers newest first. */
interface Author {
  name: string;
  slug: string;
  papers: Paper[];
}

export interface Authors {
  /** Every author at the threshold, by slug. */
  pages: Map<string, Author>;
  /** The slug of a paper's author (by their place in its list of authors), when they have a page. */
  slugOf: (paper: Paper, index: number) => string | undefined;
}

/**
 * A name's URL path under /authors/: its words in lowercase ASCII (accents dropped, other scripts
 * transliterated), so "José García" and "Jose Garcia" are one author. A name with no letter or digit to
 * keep has no page.
 */
function nameSlug(name: string) {
  const slug = titleSlug(name);
  if (slug === "paper" && !/\bpaper\b/i.test(name)) return undefined;
  // In a folder by its first two characters ("ad/ada-lovelace"): an archive of 50,000 papers has ~50,000
  // authors with two papers or more, and Netlify refuses a folder of more than 54,000 entries.
  return `${slug.slice(0, 2)}/${slug}`;
}

/**
 * Authors by name: the same name (as nameSlug folds it) is the same author, since the sources name
 * people by name alone. Where Hugging Face ties one name to two or more users, each user is an author of
 * their own (the name's first user keeps the plain slug, later ones get "-<handle>"), and papers with no
 * user go with the first. Slugs follow first appearance, so a page's URL never moves as the archive grows.
 * Authors with at least `minPapers` papers get a page.
 */
export function authorsOf(library: Library, minPapers: number): Authors {
  // Each name's slug, worked out once: a name recurs on every paper of its author, and every paper page asks.
  const slugs = new Map<string, string | undefined>();
  const slugOfName = (name: string) => {
    if (!slugs.has(name)) slugs.set(name, nameSlug(name));
    return slugs.get(name);
  };
  // name slug → the Hugging Face users seen with it, in order of first appearance.
  const users = new Map<string, string[]>();
  const identity = (paper: Paper, index: number) => {
    const base = slugOfName(paper.source.authors![index]);
    if (!base) return undefined;
    const user = paper.source.authorUsers?.[index];
    const known = users.get(base) ?? [];
    // One user (or none) for the name: one author. Else the first user keeps the plain slug.
    if (!user || known.length < 2 || user === known[0]) return base;
    return `${base}-${titleSlug(user)}`;
  };
  for (const paper of library.papers)
    (paper.source.authors ?? []).forEach((name, i) => {
      const base = slugOfName(name);
      const user = paper.source.authorUsers?.[i];
      if (!base || !user) return;
      const seen = users.get(base) ?? [];
      if (!seen.includes(user)) seen.push(user);
      users.set(base, seen);
    });
  const all = new Map<string, Author>();
  for (const paper of library.papers)
    (paper.source.authors ?? []).forEach((name, index) => {
      const slug = identity(paper, index);
      if (!slug) return;
      const author = all.get(slug) ?? { name, slug, papers: [] };
      // A name printed twice on one paper counts once.
      if (author.papers.at(-1) !== paper) author.papers.push(paper);
      all.set(slug, author);
    });
  const pages = new Map<string, Author>();
  for (const [slug, author] of all)
    if (author.papers.length >= minPapers) pages.set(slug, { ...author, papers: newestFirst(author.papers) });
  return {
    pages,
    slugOf: (paper, index) => {
      const slug = identity(paper, index);
      return slug && pages.has(slug) ? slug : undefined;
    },
  };
}
