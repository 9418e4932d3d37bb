import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DateTime } from "luxon";
import { UserError } from "../../util/userError.ts";
import { writeFileAtomic } from "../../util/writeFileAtomic.ts";
import { parseDailyPapers } from "../formats/parseDailyPapers.ts";
import { type GetOptions, getText } from "./getText.ts";

export const DAILY_PAPERS_API = "https://huggingface.co/api/daily_papers";

/** Daily Papers has no papers for the day (yet, or at all: weekends). */
export class NoPapersYet extends UserError {}

/**
 * Downloads one day's Daily Papers response into `<folder>/<date>.json`, kept
 * verbatim. It is validated as a digest first, so a broken or empty answer
 * never reaches the folder; the file appears whole or not at all.
 */
export async function fetchDay(
  options: { date: DateTime; folder: string; apiUrl?: string; force?: boolean } & GetOptions,
) {
  const { date, folder, apiUrl = DAILY_PAPERS_API, force = false } = options;
  const day = date.toISODate()!;
  const url = new URL(apiUrl);
  url.searchParams.set("date", day);
  const body = await getText(url.href, options);
  const target = join(folder, `${day}.json`);
  let digest: ReturnType<typeof parseDailyPapers>;
  try {
    digest = parseDailyPapers(url.href, body, date);
  } catch (err) {
    if (err instanceof UserError && /no papers/.test(err.message))
      throw new NoPapersYet("", 0, `${url.href}: no papers for ${day} on Daily Papers (yet?)`);
    throw err;
  }
  const existing = await readFile(target, "utf8").catch(() => undefined);
  if (existing === body) return { target, papers: digest.entries.length, changed: false };
  if (existing !== undefined && !force)
    throw new UserError(
      target,
      1,
      `a digest for ${day} exists already; pass --force to replace it with today's answer`,
    );
  await writeFileAtomic(target, body);
  return { target, papers: digest.entries.length, changed: true };
}
