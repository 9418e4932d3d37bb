import { isAbsolute, relative } from "node:path";
import type { DateTime } from "luxon";
import type { ArxivSource, HuggingFaceSource, Source } from "../../config/siteFile.ts";
import { UserError } from "../../util/userError.ts";
import { ARXIV_RSS, type ArxivPick, pickFromListing, writeArxivDay } from "./arxivDay.ts";
import { ARXIV_API } from "./enrich.ts";
import { DAILY_PAPERS_API, fetchDay, NoPapersYet } from "./fetchDay.ts";
import type { GetOptions } from "./getText.ts";
import type { Pace } from "./pace.ts";

export interface DailyOptions extends GetOptions {
  sources: readonly Source[];
  /** Hugging Face's day; an arXiv listing announces its own, which must be this one when `dateAsked`. */
  date: DateTime;
  dateAsked: boolean;
  folder: string;
  hfUrl?: string;
  arxivUrl?: string;
  rssUrl?: string;
  /** The command's pacer (see pacer): arXiv's requests three seconds apart, whichever step makes them. */
  pace: Pace;
  /** One line per source, as soon as it is done. */
  report: (line: string) => void;
}

/**
 * The day's files from every configured source, each written whole or not at all. A source that fails writes
 * nothing and is counted; the others' files still land. Returns how many sources failed.
 */
export async function runDaily(options: DailyOptions): Promise<number> {
  const { sources, report } = options;
  const { pace } = options;
  let failed = 0;
  const fail = (name: string, err: unknown) => {
    if (!(err instanceof UserError)) throw err;
    failed++;
    report(`${name}: failed, nothing written for it: ${err.toString()}`);
  };
  // One Hugging Face source is all there is (its Daily Papers); naming it twice fetches it once.
  if (sources.some((s): s is HuggingFaceSource => "huggingface" in s)) {
    await huggingFace(options).then(report, (err) => fail("huggingface daily", err));
  }
  // arXiv's sources: each its listing, then one file a day with the papers they all kept.
  const picks: { source: ArxivSource; name: string; pick: ArxivPick }[] = [];
  for (const source of sources.filter((s): s is ArxivSource => "arxiv" in s)) {
    const name = `arxiv ${source.arxiv.join("+")}`;
    try {
      const pick = await pickFromListing(source, options.rssUrl ?? ARXIV_RSS, pace, options);
      const asked = options.date.toISODate();
      if (options.dateAsked && pick.day !== asked)
        throw new UserError("", 0, `the listing announces ${pick.day}, not ${asked}: it holds the newest day alone`);
      if (pick.announced === 0) report(`${name}: no papers announced on ${pick.day} (a weekend or a holiday)`);
      else if (pick.ids.length === 0) report(`${name}: ${pick.announced} announced on ${pick.day}, none kept`);
      else picks.push({ source, name, pick });
    } catch (err) {
      fail(name, err);
    }
  }
  for (const day of new Set(picks.map((p) => p.pick.day))) {
    const ofDay = picks.filter((p) => p.pick.day === day);
    const ids = [...new Set(ofDay.flatMap((p) => p.pick.ids))];
    try {
      const apiUrl = options.arxivUrl ?? ARXIV_API;
      const file = await writeArxivDay({ day, ids, folder: options.folder, apiUrl, pace, get: options });
      for (const { source, name, pick } of ofDay) {
        const filter = source.keywords ? ` with ${source.keywords.join(", ")}` : "";
        const kept = `${pick.announced} announced on ${day}, ${pick.ids.length} kept${filter}`;
        report(
          `${name}: ${kept}: ${shown(file.target)} ${file.changed ? "written" : "unchanged"}, ${papers(file.papers)}`,
        );
      }
    } catch (err) {
      for (const { name } of ofDay) fail(name, err);
    }
  }
  return failed;
}

const papers = (n: number) => `${n} ${n === 1 ? "paper" : "papers"}`;

/** A path as the user would type it: relative to where they are, when it is below. */
function shown(path: string) {
  const below = relative(process.cwd(), path);
  return below && !below.startsWith("..") && !isAbsolute(below) ? below : path;
}

async function huggingFace({ date, folder, hfUrl = DAILY_PAPERS_API, ...get }: DailyOptions) {
  try {
    // The day's answer replaces an earlier one: its upvotes and papers grow during the day.
    const { target, papers: count, changed } = await fetchDay({ date, folder, apiUrl: hfUrl, force: true, ...get });
    return `huggingface daily: ${shown(target)} ${changed ? "written" : "unchanged"}, ${papers(count)}`;
  } catch (err) {
    if (err instanceof NoPapersYet) return `huggingface daily: no papers announced for ${date.toISODate()} (yet?)`;
    throw err;
  }
}
