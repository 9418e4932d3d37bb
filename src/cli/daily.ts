import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import { DEFAULT_DIGESTS_DIR, ENRICHED_FILE, PROJECT_DIR, SITE_FILE } from "../config/paths.ts";
import { loadSiteFile } from "../config/siteFile.ts";
import { runDaily } from "../ingest/fetch/daily.ts";
import { enrich } from "../ingest/fetch/enrich.ts";
import { pacer } from "../ingest/fetch/pace.ts";
import { mergeDigests } from "../ingest/merge/mergeDigests.ts";
import { readDigests } from "../ingest/readDigests.ts";
import { UserError } from "../util/userError.ts";
import { args, dateFlag, urlFlag } from "./flags.ts";

/**
 * `paper-digest daily`: what a schedule runs. Every source of content/site.yaml for the day (UTC today by
 * default), one line each; with --enrich, then arXiv metadata for text-digest papers. Exit status 1 when any
 * source failed (the others' files are written all the same).
 */
export async function daily(argv: string[]): Promise<number> {
  const { values } = args(argv, {
    date: { type: "string" },
    config: { type: "string" },
    digests: { type: "string" },
    enriched: { type: "string" },
    enrich: { type: "boolean" },
    "hf-url": { type: "string" },
    "arxiv-url": { type: "string" },
    "arxiv-rss-url": { type: "string" },
  });
  const asked = dateFlag(values.date);
  const folder = resolve(values.digests ?? join(PROJECT_DIR, DEFAULT_DIGESTS_DIR));
  const { site } = await loadSiteFile(values.config ? resolve(values.config) : join(PROJECT_DIR, SITE_FILE));
  const arxivUrl = urlFlag(values["arxiv-url"], "--arxiv-url");
  // One pacer for the whole command: enrich's first request to arXiv waits for the listing's and the API's.
  const pace = pacer();
  let failed = await runDaily({
    pace,
    sources: site.sources,
    date: asked ?? DateTime.utc().startOf("day"),
    dateAsked: asked !== undefined,
    folder,
    hfUrl: urlFlag(values["hf-url"], "--hf-url"),
    arxivUrl,
    rssUrl: urlFlag(values["arxiv-rss-url"], "--arxiv-rss-url"),
    report: (line) => console.log(line),
    progress: (line) => console.error(line),
  });
  if (values.enrich) {
    const file = resolve(values.enriched ?? join(PROJECT_DIR, ENRICHED_FILE));
    try {
      const { papers } = mergeDigests(await readDigests(folder));
      const result = await enrich({ papers, file, apiUrl: arxivUrl, pace, progress: (line) => console.error(line) });
      console.log(
        `enrich: looked up ${result.looked}, ${result.found} found${result.found ? "" : " (file unchanged)"}`,
      );
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      failed++;
      console.log(`enrich: failed, nothing written for it: ${err.toString()}`);
    }
  }
  if (failed > 0) console.error(`paper-digest daily: ${failed} ${failed === 1 ? "source" : "sources"} failed`);
  return failed > 0 ? 1 : 0;
}
