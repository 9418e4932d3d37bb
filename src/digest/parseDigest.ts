import type { DateTime } from "luxon";
import type { Digest } from "../model.ts";
import { parseTextDigest } from "./parseTextDigest.ts";

/**
 * Parses a digest of any supported form. Today there is one, the text dump of a
 * trending-papers page; richer sources (daily-papers JSON, arXiv Atom) will be
 * further adapters chosen here by the file's form, all producing the same Digest.
 */
export function parseDigest(file: string, text: string, date?: DateTime): Digest {
  return parseTextDigest(file, text, date);
}
