import { z } from "zod";

/**
 * Every number the program chooses, once. The build's own options, which flags set, are checked by
 * this schema (the CLI parses its flags against it); the fixed sizes below them are shared by the
 * stages that must agree on them.
 */
export const BuildSettings = z.object({
  /** How many newest papers each feed holds. */
  feedItems: z.int().min(1).default(100),
  /** How many newest papers get a share card of their own; older ones share their topic's card. */
  cardLimit: z.int().min(0).default(15_000),
  /**
   * How many paper cards one build may draw: a paper whose card isn't drawn yet shows its topic's card until a
   * later build has drawn it (newest first). A cold 50,000-paper build drawing all 15,000 took 18 minutes on two
   * cores, past Netlify's 15; a daily build draws ~50.
   */
  newCards: z.int().min(0).default(3_000),
  /**
   * Papers in the largest search shard (one Pagefind index). Pagefind's memory grows with the pages of a run,
   * most of it while it writes the index: ~750 MB for 5,000 papers, ~1.2 GB for 8,000. So a full build of 10,000
   * papers stays under 1.2 GB in all, and a 50,000-paper archive needs no more of a builder.
   */
  shardSize: z.int().min(1).default(5_000),
});
export type BuildSettings = z.infer<typeof BuildSettings>;

/** The build's options as they are when nothing sets them. */
export const DEFAULTS: BuildSettings = BuildSettings.parse({});

/** Sizes that shape every site's pages; a change to one is a change to the program. */
export const SIZES = {
  /** Related papers listed on each paper's page. */
  relatedPerPaper: 5,
  /** Items on the first page of a list (a topic's newest papers, the newest digests). */
  listPage: 50,
  /** Papers in each week's item of the weekly feed, and the finished weeks it holds. */
  weeklyTop: 10,
  weeklyWeeks: 12,
  /** Paper pages of the newest digest a reader's browser keeps for reading offline (an arXiv day has hundreds). */
  offlinePapers: 100,
  /** Pages one Eleventy process renders at most: its memory grows with them (~1 GB per 10,000). */
  pagesPerEleventyRun: 5_000,
  /** An Eleventy process's heap cap, in MB: never more than a Netlify builder (8 GiB, shared) can give. */
  eleventyHeapMb: 5_120,
  /** Seconds between two requests to arXiv, as arXiv asks. */
  arxivDelaySeconds: 3,
  /** Entries one folder of the site may hold: Netlify refuses a deploy with a folder of more (its docs). */
  folderEntries: 54_000,
  /** The local preview server's port. */
  servePort: 8080,
} as const;
