import type { Library, Paper } from "../../model.ts";
import type { PaperPage, PaperRef, TopicRef } from "../../site/pageData.ts";
import { shortHash } from "../../util/shortHash.ts";
import type { Authors } from "../authors.ts";
import { bibtex } from "../bibtex.ts";
import { type PageContext, pageFile } from "../pageContext.ts";
import type { PaperExtras } from "../paperExtras.ts";

/** What a paper's page shows beside the paper itself, looked up in the rest of the archive. */
interface PaperContext {
  extras: PaperExtras;
  topics: TopicRef[];
  related: (PaperRef & { topics: TopicRef[] })[];
  prev?: PaperRef;
  next?: PaperRef;
  /** Its share card's URL. */
  card: string;
  authorSlugs: (string | null)[];
}

/** Every paper's page, each with its neighbours in the digest it first appeared in. */
export function paperPages(ctx: PageContext, library: Library, authors: Authors) {
  const { bySlug, hashes, refs, extras, site, take, sitemap } = ctx;
  const firstListing = new Map(library.digests.flatMap((d) => d.slugs.map((s, i) => [s, { d, i }] as const)).reverse());
  const ref = (slug?: string) => (slug ? { slug, title: bySlug.get(slug)!.title } : undefined);
  for (const paper of library.papers) {
    const { d, i } = firstListing.get(paper.slug)!;
    const permalink = `/papers/${paper.slug}/`;
    const [prev, next] = [d.slugs[i - 1], d.slugs[i + 1]];
    const card = ctx.cardOf(permalink);
    // Which of its authors have a page: an author's second paper links their name on the first.
    const authorSlugs = (paper.source.authors ?? []).map((_, i) => authors.slugOf(paper, i) ?? null);
    /**
     * A paper's page shows the paper, its related papers and its neighbours (each all paperHash covers)
     * and its card: their hashes are its key. The same key means the same page, for the same program
     * (which the build's fingerprint covers), so an incremental build makes only the pages whose key
     * changed. Making every page to hash its text cost ten times as much.
     */
    const key = shortHash(
      `${[paper.slug, ...paper.related, prev, next].map((s) => (s ? hashes.get(s) : "-")).join(" ")} ${card} ` +
        authorSlugs.join(","),
    );
    const make = () => {
      const context = {
        extras: extras.get(paper.slug)!,
        topics: refs(paper),
        related: paper.related.map((s) => ({ ...ref(s)!, topics: refs(bySlug.get(s)!) })),
        prev: ref(prev),
        next: ref(next),
        card,
        authorSlugs,
      };
      return pageFile(paperPage(paper, context));
    };
    take(`papers/${paper.slug}.md`, { key, make });
    sitemap.push({
      url: `${site.url}${permalink}`,
      lastmod: paper.digests.at(-1)!,
      period: paper.digests[0].slice(0, 4),
    });
  }
}

const withSynonyms = (terms: string[]) => (terms.length > 0 ? { alsoKnownAs: terms } : {});

/** A paper's page, made from the paper and its context alone. */
function paperPage(paper: Paper, { extras, topics, related, prev, next, card, authorSlugs }: PaperContext): PaperPage {
  const cite = bibtex(paper);
  return {
    layout: "paper",
    templateEngineOverride: "md",
    permalink: `/papers/${paper.slug}/`,
    title: paper.title,
    description: extras.excerpt,
    slug: paper.slug,
    abstract: paper.abstract,
    ...(paper.abstractTex ? { abstractTex: paper.abstractTex } : {}),
    source: paper.source,
    ...(authorSlugs.some(Boolean) ? { authorSlugs } : {}),
    ...(cite ? { bibtex: cite } : {}),
    ...withSynonyms(extras.alsoKnownAs),
    firstSeen: paper.digests[0],
    digests: paper.digests,
    topics,
    related,
    ...(prev ? { prev } : {}),
    ...(next ? { next } : {}),
    card,
  };
}
