import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ArxivSource } from "../../config/siteFile.ts";
import { UserError } from "../../util/userError.ts";
import { writeFileAtomic } from "../../util/writeFileAtomic.ts";
import { parseIsoDate } from "../formats/dateLine.ts";
import { parseArxivAtom } from "../formats/parseArxivAtom.ts";
import { type ListedPaper, parseArxivRss } from "../formats/parseArxivRss.ts";
import { type GetOptions, getText } from "./getText.ts";
import { hasKeyword } from "./keywords.ts";
import type { Pace } from "./pace.ts";

export const ARXIV_RSS = "https://rss.arxiv.org/rss/";
/** The API takes at most this many ids a request (and answers slowly for more). */
const IDS_PER_REQUEST = 100;

/** What one arXiv source kept of its listing. */
export interface ArxivPick {
  day: string;
  /** New papers and cross-lists, before the keywords and the limit. */
  announced: number;
  ids: string[];
}

/**
 * One arXiv source's day: its categories' listing feed (`<rssBase><cat>+<cat>`), its new papers and
 * cross-lists (not replacements), those with a keyword in their title or abstract, at most `limit`, in
 * listing order.
 */
export async function pickFromListing(
  source: ArxivSource,
  rssBase: string,
  pace: Pace,
  get: GetOptions,
): Promise<ArxivPick> {
  const url = `${rssBase.endsWith("/") ? rssBase : `${rssBase}/`}${source.arxiv.join("+")}`;
  const listing = parseArxivRss(url, await pace(url, () => getText(url, get)));
  const fresh = listing.papers.filter((p) => p.announceType === "new" || p.announceType === "cross");
  const matching = (p: ListedPaper) => !source.keywords || hasKeyword(`${p.title}\n${p.abstract}`, source.keywords);
  const kept = [...new Set(fresh.filter(matching).map((p) => p.id))].slice(0, source.limit ?? Infinity);
  return { day: listing.day, announced: fresh.length, ids: kept };
}

/**
 * The API's entries for `ids` (`apiUrl?id_list=…`, at most 100 a request), saved as one Atom document:
 * the first answer as it came, with the entries of any others added to it as they came. It is read as a
 * digest of `day` before it is written, whole or not at all; an identical file is left alone.
 */
export async function writeArxivDay(options: {
  day: string;
  ids: readonly string[];
  folder: string;
  apiUrl: string;
  pace: Pace;
  get: GetOptions;
}) {
  const { day, ids, folder, apiUrl, pace, get } = options;
  const answers: string[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const url = new URL(apiUrl);
    const batch = ids.slice(i, i + IDS_PER_REQUEST);
    url.searchParams.set("id_list", batch.join(","));
    url.searchParams.set("max_results", String(batch.length));
    answers.push(await pace(url.href, () => getText(url.href, get)));
  }
  const text = joinAtom(answers);
  const target = join(folder, `${day}.atom`);
  const digest = parseArxivAtom(target, text, parseIsoDate(day));
  const existing = await readFile(target, "utf8").catch(() => undefined);
  if (existing === text) return { target, papers: digest.entries.length, changed: false };
  await writeFileAtomic(target, text);
  return { target, papers: digest.entries.length, changed: true };
}

/** Several Atom answers as one: the first whole, the others' <entry> elements added before its end. */
export function joinAtom(answers: string[]): string {
  const [first, ...rest] = answers;
  if (rest.length === 0) return first;
  const end = first.lastIndexOf("</feed>");
  if (end < 0) throw new UserError("", 0, "the arXiv API's answer is not an Atom feed (no </feed>)");
  const entries = rest.flatMap((answer) => answer.match(/<entry[\s>][\s\S]*?<\/entry>/g) ?? []);
  return `${first.slice(0, end)}${entries.map((e) => `  ${e}\n`).join("")}${first.slice(end)}`;
}
