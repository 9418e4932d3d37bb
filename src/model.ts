import type { DateTime } from "luxon";

/** One title / abstract pair as it stands in a digest file. */
export interface DigestEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title in the source file. */
  line: number;
}

/** One parsed digest file. `date` is a calendar date (UTC midnight, never shifted). */
export interface Digest {
  file: string;
  date: DateTime;
  entries: DigestEntry[];
}

/** A paper of the library: one page, however many digests it appeared in. */
export interface Paper {
  /** Normalised title: the paper's identity across digests. */
  key: string;
  /** Stable URL segment: /papers/<slug>/. Never changes once published. */
  slug: string;
  title: string;
  abstract: string;
  /** ISO dates (YYYY-MM-DD) of every digest it appeared in, oldest first. */
  digests: string[];
  /** Topic slugs, best first (filled by the classify stage). */
  topics: string[];
  /** Slugs of the most similar papers, best first (filled by the relate stage). */
  related: string[];
}

/** A digest as the site shows it: its date and its papers' slugs in their original order. */
export interface DigestListing {
  date: string;
  slugs: string[];
}

export interface Library {
  /** Papers in order of first appearance (digest date, then position). */
  papers: Paper[];
  /** Digests oldest first. */
  digests: DigestListing[];
}

/** A topic of the taxonomy as pages show it. */
export interface TopicInfo {
  slug: string;
  name: string;
  description: string;
}
