import type { DateTime } from "luxon";
import type { Digest } from "../../model.ts";
import { parseArxivAtom } from "./parseArxivAtom.ts";
import { parseDailyPapers } from "./parseDailyPapers.ts";
import { parseTextDigest } from "./parseTextDigest.ts";

/** The digest forms, by file extension: each adapter turns its file into the same Digest. */
export const DIGEST_EXTENSIONS = [".txt", ".json", ".atom"] as const;

/**
 * Parses a digest of any supported form, chosen by the file's extension: the
 * text dump of a trending page (.txt), a Hugging Face Daily Papers API response
 * (.json) or an arXiv API Atom response (.atom).
 */
export function parseDigest(file: string, text: string, date?: DateTime): Digest {
  const source = text.replace(/^\uFEFF/, "");
  if (file.endsWith(".json")) return parseDailyPapers(file, source, date);
  if (file.endsWith(".atom")) return parseArxivAtom(file, source, date);
  return parseTextDigest(file, source, date);
}
