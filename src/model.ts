import type { DateTime } from "luxon";

/** What a richer source (Daily Papers JSON, arXiv Atom) knows of a paper beyond its text. Every field is optional. */
export interface PaperSource {
  /** arXiv identifier without its version suffix ("2501.00656", "hep-th/9901001"). */
  arxivId?: string;
  /** The arXiv version listed ("v2" → 2). */
  version?: number;
  /** Authors in the order the paper lists them. */
  authors?: string[];
  /** Hugging Face user handles of those authors, by their place in `authors` (null: none known). */
  authorUsers?: (string | null)[];
  /** First published on arXiv, YYYY-MM-DD. */
  published?: string;
  primaryCategory?: string;
  /** Every category, the primary first. */
  categories?: string[];
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** Hugging Face's AI-written one-line summary, shown as such, never in place of the abstract. */
  aiSummary?: string;
  /** Absolute http(s) URLs only: checked where they are read. */
  links?: { arxiv?: string; pdf?: string; huggingFace?: string; code?: string; project?: string };
  /** Popularity as a digest saw it that day. */
  snapshots?: { date: string; upvotes?: number; stars?: number }[];
}

/** One title / abstract pair as it stands in a digest file. */
export interface DigestEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title (or of the item) in the source file. */
  line: number;
  source?: PaperSource;
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
  /** Title and abstract as readable plain text: TeX accents and dashes as Unicode, math as its TeX source. */
  title: string;
  abstract: string;
  /** The abstract's TeX source, where it differs from `abstract`: paper pages render it (emphasis, MathML). */
  abstractTex?: string;
  /** ISO dates (YYYY-MM-DD) of every digest it appeared in, oldest first. */
  digests: string[];
  /** Topic slugs, best first (filled by the classify stage). */
  topics: string[];
  /** Slugs of the most similar papers, best first (filled by the relate stage). */
  related: string[];
  /** What richer sources told us, merged over every digest (empty for a text-only paper). */
  source: PaperSource;
}

/** A digest as the site shows it: its date and its papers' slugs in their original order. */
interface DigestListing {
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
