import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Digest } from "../model.ts";
import { UserError } from "../util/userError.ts";
import { DIGEST_EXTENSIONS } from "./formats/parseDigest.ts";
import { dateFromFileName, readDigestFile } from "./formats/readDigestFile.ts";

/**
 * Reads every digest in a folder (`YYYY-MM-DD.txt`, `.json` or `.atom`); another
 * name with those extensions is a mistake worth saying. A day may have several
 * forms (a text dump and the same day's Daily Papers JSON): mergeDigests joins them.
 */
export async function readDigests(dir: string): Promise<Digest[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => DIGEST_EXTENSIONS.some((ext) => n.endsWith(ext))).sort();
  } catch {
    throw new UserError(dir, 1, "cannot read the digests folder");
  }
  if (names.length === 0)
    throw new UserError(dir, 1, "no digests (YYYY-MM-DD.txt, .json or .atom files) in this folder");
  const digests: Digest[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const date = dateFromFileName(file);
    if (!date) throw new UserError(file, 1, "a digest's file name must be its date, YYYY-MM-DD.txt (or .json, .atom)");
    digests.push(await readDigestFile(file, date));
  }
  return digests;
}
