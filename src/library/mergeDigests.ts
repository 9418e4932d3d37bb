import type { Digest, Library, Paper } from "../model.ts";
import { UserError } from "../userError.ts";
import { paperKey } from "./paperKey.ts";
import { titleSlug } from "./titleSlug.ts";

/**
 * Merges digests into one library: a paper per normalised title, however many
 * digests it appears in, with slugs handed out in order of first appearance
 * (digest date, then position). A title whose slug is taken gets -2, -3, …
 * Adding a newer digest therefore never changes an existing paper's URL.
 */
export function mergeDigests(digests: readonly Digest[]): Library {
  const sorted = [...digests].sort((a, b) => a.date.toMillis() - b.date.toMillis());
  sorted.forEach((digest, i) => {
    const previous = sorted[i - 1];
    if (previous && previous.date.hasSame(digest.date, "day")) {
      throw new UserError(digest.file, 1, `another digest has the same date (${previous.file})`);
    }
  });

  const byKey = new Map<string, Paper>();
  const takenSlugs = new Set<string>();
  const listings = sorted.map((digest) => {
    const date = digest.date.toISODate()!;
    const slugs: string[] = [];
    for (const { title, abstract } of digest.entries) {
      const key = paperKey(title);
      let paper = byKey.get(key);
      if (!paper) {
        paper = { key, slug: uniqueSlug(titleSlug(title), takenSlugs), title, abstract, digests: [], topics: [], related: [] };
        byKey.set(key, paper);
      }
      // A paper listed twice in one digest is shown once.
      if (paper.digests.at(-1) !== date) {
        paper.digests.push(date);
        slugs.push(paper.slug);
      }
    }
    return { date, slugs };
  });
  return { papers: [...byKey.values()], digests: listings };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
