import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { dateFromFileName, readDigestFile } from "../digest/readDigestFile.ts";
import type { Digest } from "../model.ts";
import { UserError } from "../userError.ts";

/** Reads every `YYYY-MM-DD.txt` digest in a folder; other .txt names are a mistake worth saying. */
export async function readDigests(dir: string): Promise<Digest[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".txt")).sort();
  } catch {
    throw new UserError(dir, 1, "cannot read the digests folder");
  }
  if (names.length === 0) throw new UserError(dir, 1, "no digests (YYYY-MM-DD.txt files) in this folder");
  const digests: Digest[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (!dateFromFileName(file)) throw new UserError(file, 1, "a digest's file name must be its date, YYYY-MM-DD.txt");
    digests.push(await readDigestFile(file));
  }
  return digests;
}
