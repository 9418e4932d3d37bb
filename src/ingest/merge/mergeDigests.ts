import type { Digest, DigestEntry, Library, Paper, PaperSource } from "../../model.ts";
import { texText } from "../../tex/texText.ts";
import { UserError } from "../../util/userError.ts";
import { sameDay } from "../formats/dateLine.ts";
import { mergeSource } from "./mergeSource.ts";
import { paperKey } from "./paperKey.ts";
import { titleSlug } from "./titleSlug.ts";

// Within one day, the curator's text listing sets the order; richer forms add to it.
const FORM_ORDER = [".txt", ".json", ".atom"];
const formRank = (file: string) => FORM_ORDER.findIndex((ext) => file.endsWith(ext));

/**
 * Merges digests into one library. A paper is one page however many digests
 * list it: it is known by its arXiv id when a source gives one, else by its
 * normalised title, and a text-digest paper and an imported paper with the same
 * title are the same paper. Slugs are handed out in order of first appearance
 * (digest date, then position), from the title as first listed; a taken slug
 * gets -2, -3, … Adding a newer digest therefore never changes an existing URL.
 *
 * `known` holds arXiv metadata found for papers that text digests list without
 * an id (`paper-digest enrich`), by normalised title. A paper first listed on or after `monthsFrom`
 * (content/site.yaml's paperMonthsFrom) gets a slug in its month's folder, "2026-12/<title>", so that no
 * folder of the site outgrows what a host allows (see docs/decisions/paper-folders.md).
 */
export function mergeDigests(
  digests: readonly Digest[],
  known: ReadonlyMap<string, PaperSource> = new Map(),
  monthsFrom?: string,
): Library {
  const sorted = [...digests].sort(
    (a, b) => a.date.toMillis() - b.date.toMillis() || formRank(a.file) - formRank(b.file),
  );
  sorted.forEach((digest, i) => {
    const previous = sorted[i - 1];
    if (previous && sameDay(previous.date, digest.date) && formRank(previous.file) === formRank(digest.file)) {
      throw new UserError(digest.file, 1, `another digest has the same date (${previous.file})`);
    }
  });

  const byId = new Map<string, Paper>();
  const byKey = new Map<string, Paper>();
  const takenSlugs = new Set<string>();
  const listings: { date: string; slugs: string[] }[] = [];
  for (const digest of sorted) {
    const date = digest.date.toISODate()!;
    if (listings.at(-1)?.date !== date) listings.push({ date, slugs: [] });
    const { slugs } = listings.at(-1)!;
    for (const entry of digest.entries) {
      const title = texText(entry.title);
      const key = paperKey(title);
      const source = entry.source ?? known.get(key);
      let paper = find(source?.arxivId, key);
      if (!paper) {
        const folder = monthsFrom && date >= monthsFrom ? `${date.slice(0, 7)}/` : "";
        paper = newPaper(entry, title, key, uniqueSlug(`${folder}${titleSlug(entry.title)}`, takenSlugs));
        if (!byKey.has(key)) byKey.set(key, paper);
      }
      if (source) {
        paper.source = mergeSource(paper.source, source);
        if (source.arxivId && !byId.has(source.arxivId)) byId.set(source.arxivId, paper);
      }
      // A paper listed twice in one day (or in two forms of it) is shown once.
      if (paper.digests.at(-1) !== date) {
        paper.digests.push(date);
        slugs.push(paper.slug);
      }
    }
  }
  return {
    papers: [...new Set([...byKey.values(), ...byId.values()])].sort(byFirstAppearance(listings)),
    digests: listings,
  };

  /** The paper this id or title names; two different ids never share a page, whatever their titles. */
  function find(id: string | undefined, key: string): Paper | undefined {
    if (id && byId.has(id)) return byId.get(id);
    const byTitle = byKey.get(key);
    return byTitle && (!id || !byTitle.source.arxivId) ? byTitle : undefined;
  }
}

function newPaper(entry: DigestEntry, title: string, key: string, slug: string): Paper {
  const abstract = texText(entry.abstract);
  return {
    key,
    slug,
    title,
    abstract,
    ...(abstract !== entry.abstract ? { abstractTex: entry.abstract } : {}),
    digests: [],
    topics: [],
    related: [],
    source: {},
  };
}

/** Papers in order of first appearance: digest date, then position in it. */
function byFirstAppearance(listings: readonly { slugs: string[] }[]) {
  const order = new Map(
    listings
      .flatMap((l) => l.slugs)
      .map((slug, i) => [slug, i] as const)
      .reverse(),
  );
  return (a: Paper, b: Paper) => order.get(a.slug)! - order.get(b.slug)!;
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
