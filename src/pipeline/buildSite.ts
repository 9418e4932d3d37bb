import type { ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { startCardDrawer } from "../cards/renderCards.ts";
import { BUILD_LOCK, CHANGED_DIR } from "../config/paths.ts";
import { LAST_SITE_CHANGED, touchedFiles } from "../incremental/buildManifest.ts";
import { startEleventy } from "../render/runEleventy.ts";
import { type BuildConfig, type BuildOptions, buildConfig } from "./buildConfig.ts";
import { acquireBuildLock } from "./buildLock.ts";
import { removeInBackground } from "./publishSite.ts";
import { seconds, stages } from "./stage.ts";
import { startCards } from "./stages/cards.ts";
import { classify } from "./stages/classify.ts";
import { ingest } from "./stages/ingest.ts";
import { writePages } from "./stages/pages.ts";
import { publish } from "./stages/publish.ts";
import { relate } from "./stages/relate.ts";
import { pageOutputs, startRender } from "./stages/render.ts";
import { prepareSearch, writeSearchIndex } from "./stages/search.ts";
import { writeWords } from "./stages/words.ts";
import { takeTurns } from "./takeTurns.ts";

export type { BuildOptions } from "./buildConfig.ts";
export { StageError } from "./stage.ts";

/**
 * The whole pipeline, one build at a time per project (a second build refuses while the first runs):
 * ingest → classify → relate → pages → render ∥ cards → search → publish. Temporary folders that a killed
 * build left beside the output are removed beside it (see removeInBackground).
 */
export async function buildSite(options: BuildOptions) {
  const config = buildConfig(options);
  const release = acquireBuildLock(BUILD_LOCK);
  // Removed by a process of their own while this build runs, as a swapped-out site is: a killed full build of
  // 10,000 papers leaves 300 MB, which took 4.5 s to remove before the build could start. Listed before this
  // build makes a folder of its own that looks like them.
  for (const dir of leftoverFolders(config.outDir)) removeInBackground(dir);
  const attempt = async (distrust?: string) => {
    // A drawing process loads and warms up while the archive is read and classified (see startCardDrawer).
    const cardDrawer = startCardDrawer();
    try {
      return await runBuild(config, cardDrawer, distrust);
    } finally {
      // However the build ends, so does its drawing process (one that drew has ended already).
      cardDrawer.kill();
    }
  };
  try {
    return await attempt().catch((err) => {
      if (!(err instanceof LastSiteChanged)) throw err;
      config.progress(`${"cache".padEnd(9)} ${err.message}: building it whole`);
      return attempt(err.message);
    });
  } finally {
    release();
  }
}

/**
 * One attempt at the pipeline. The site is built into a temporary sibling of `outDir` and put in place only
 * when every stage succeeded. Eleventy loads while our stages run; the cards draw from the moment topics are
 * known; in a full build Pagefind indexes each shard of papers as soon as Eleventy has rendered it, and the
 * two take turns with their memory (see takeTurns). `distrust`: why the last build's site can't be kept.
 */
async function runBuild(config: BuildConfig, cardDrawer: ChildProcess, distrust?: string) {
  const started = performance.now();
  const stage = stages(config.progress, started);
  const ingested = await ingest(config, stage);
  const classified = await classify(config, stage, ingested);
  const cards = startCards(config, stage, classified.library, ingested.taxonomy, ingested.settings.site, cardDrawer);
  const temp = await siteFolder(config.outDir);
  const eleventy = startEleventy(temp);
  const search = prepareSearch(config, stage, temp, classified.library);
  try {
    const related = await relate(stage, ingested, classified);
    const pages = await writePages(config, stage, ingested, classified, related.library, cards, distrust);
    const { previous, kept } = pages.plan;
    // Pagefind beside Eleventy in a full build, but not beside a first build's backlog of cards, which draws on
    // every core beside Eleventy, then beside Pagefind: one after the other is faster than all at once.
    const pipelined = !previous && !cards.backlog;
    const turn = takeTurns();
    const render = startRender(stage, eleventy, temp, pages.plan, related.library, turn, pipelined);
    const { rendering } = render;
    const besideEleventy = pipelined && rendering.runs > 1;
    const indexEarly = pipelined
      ? search.index({ rendering, previous, kept: new Set(), touched: new Set(), turn, besideEleventy })
      : undefined;
    const words = () => writeWords(config, stage, temp, ingested, classified, related, pages);
    // An incremental build's Eleventy renders a few hundred pages: meanwhile this thread writes the words.
    // A full build's holds thousands: the words wait for their turn, so as never to add to the peak memory.
    const wordsEarly = previous ? await words() : undefined;
    // Whether the files the build keeps are still as the last build left them: asked while Eleventy renders (a
    // stat of each takes a quarter of a second). A site changed by hand is built whole after all (buildSite).
    const touched = previous ? touchedFiles(config.outDir, previous, previous.files.keys()) : new Set<string>();
    const keptFile = (file: string) => touched.has(file) || !previous!.files.has(file);
    if (kept.some((page) => previous!.outputs.get(page)!.some(keptFile))) throw new LastSiteChanged();
    const rendered = await render.done;
    const vocabulary = wordsEarly ?? (await turn(words));
    const { outputs, keptFiles } = pageOutputs(rendered, kept, previous);
    if (cards.backlog) await cards.drawing;
    const indexed =
      indexEarly ?? search.index({ rendering, previous, kept: keptFiles, touched, turn, besideEleventy: false });
    // The cards go into the site while Pagefind indexes; both are over before anything goes on.
    const placing = cards.place(temp, previous ? config.outDir : undefined);
    await Promise.allSettled([indexed, placing]);
    const index = await indexed;
    await placing;
    writeSearchIndex(temp, config.outDir, index);
    await publish(config, stage, temp, pages, cards, { outputs, index, papersJson: vocabulary.papersJson });
    config.progress(`${"built".padEnd(9)} ${config.outDir.padEnd(44)} ${seconds(started)}`);
    return related.library;
  } catch (err) {
    eleventy.stop();
    // Pagefind may still be writing into the folder.
    await search.stopped();
    await rm(temp, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(CHANGED_DIR, { recursive: true, force: true });
    // However the build ends, no drawing process still writes into the cache once it has.
    await cards.drawing.catch(() => {});
  }
}

/**
 * A temporary sibling of outDir, which the site is built in (a full build whole, an incremental one's changed files).
 * */
async function siteFolder(outDir: string) {
  await mkdir(dirname(outDir), { recursive: true });
  const temp = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.building-`));
  await chmod(temp, 0o755);
  return temp;
}

/** An incremental build found that the site it would keep pages of was changed since the last build. */
class LastSiteChanged extends Error {
  constructor() {
    super(LAST_SITE_CHANGED);
  }
}

/** `.<out>.building-*` folders beside the output: only a killed build leaves them, and we hold the lock. */
function leftoverFolders(outDir: string): string[] {
  const prefix = `.${basename(outDir)}.building-`;
  let names: string[];
  try {
    names = readdirSync(dirname(outDir));
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix)).map((n) => join(dirname(outDir), n));
}
