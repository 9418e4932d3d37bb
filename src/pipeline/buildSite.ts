import type { ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { planCards } from "../cards/planCards.ts";
import {
  A_DAYS_CARDS,
  cachedCards,
  drawCards,
  isCached,
  missingCards,
  placeCards,
  startCardDrawer,
} from "../cards/renderCards.ts";
import {
  BUILD_LOCK,
  CACHE_DIR,
  CHANGED_DIR,
  ENRICHED_FILE,
  GENERATED_DIR,
  OVERRIDES_FILE,
  SYNONYMS_FILE,
  TOPICS_FILE,
} from "../config/paths.ts";
import { DEFAULTS, SIZES } from "../config/settings.ts";
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_TITLE } from "../config/siteConfig.ts";
import {
  type BuildManifest,
  buildFingerprint,
  fileStamps,
  forgetManifest,
  LAST_SITE_CHANGED,
  readManifest,
  stageFingerprint,
  touchedFiles,
  VERSION,
  writeManifest,
} from "../incremental/buildManifest.ts";
import { filesIn, generatedPage, madeAlike, planBuild } from "../incremental/planBuild.ts";
import { inputHashes, readStageCache, usable, writeStageCache } from "../incremental/stageCache.ts";
import { readEnriched } from "../ingest/fetch/enrich.ts";
import { mergeDigests } from "../ingest/merge/mergeDigests.ts";
import { textHash } from "../ingest/merge/textHash.ts";
import { readDigests } from "../ingest/readDigests.ts";
import type { Library, Paper } from "../model.ts";
import { paperExtras } from "../pages/paperExtras.ts";
import { eachSitePage, pageText, type SitePage } from "../pages/sitePages.ts";
import { writePapersJson } from "../pages/writePapersJson.ts";
import { relate } from "../related/relatedPapers.ts";
import { renderPages } from "../render/renderPages.ts";
import { startEleventy } from "../render/runEleventy.ts";
import { generatedWriter, updateGenerated } from "../render/writeGenerated.ts";
import { indexSearch } from "../search/indexSearch.ts";
import { checkPagefind } from "../search/pagefind/runPagefind.ts";
import { loadSynonyms, synonymGroups, synonymIndex } from "../search/synonyms.ts";
import { topicPageIds } from "../search/topicPageIds.ts";
import { vocabularyChunks } from "../search/vocabulary.ts";
import { forgetTokens } from "../topics/analyseText.ts";
import { assignTopicsFrom, paperText } from "../topics/assignTopics.ts";
import { applyOverrides, loadOverrides } from "../topics/overrides.ts";
import { loadTaxonomy } from "../topics/taxonomy.ts";
import { shortHash } from "../util/shortHash.ts";
import { acquireBuildLock } from "./buildLock.ts";
import { removeInBackground, swapIn, updateInPlace } from "./publishSite.ts";
import { releaseMemory } from "./releaseMemory.ts";
import { takeTurns } from "./takeTurns.ts";

export interface BuildOptions {
  digestsDir: string;
  topicsFile?: string;
  /** A curator's per-paper topic corrections (a missing file is fine). */
  overridesFile?: string;
  /** arXiv metadata found by `enrich` (a missing file is fine). */
  enrichedFile?: string;
  /** Acronyms and synonyms that search should treat as one (a missing file is fine). */
  synonymsFile?: string;
  /** How many newest papers each feed holds. */
  feedItems?: number;
  /** How many newest papers get a share card of their own (older ones show their topic's). */
  cardLimit?: number;
  /** How many paper cards one build may draw (the rest wait for later builds). */
  newCards?: number;
  /** Where drawn cards and the last build's manifest are kept between builds. */
  cacheDir?: string;
  /** Papers per search shard (Pagefind index). */
  shardSize?: number;
  outDir: string;
  siteUrl: string;
  /** Receives one line per finished stage. */
  progress?: (line: string) => void;
}

/** A build that failed in a named stage (not through bad input); the previous site is untouched. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly cause: unknown,
  ) {
    super(`${stage} failed: ${reasons(cause).join(": ")}`);
  }
}

/**
 * The whole pipeline: parse → merge → classify → relate → emit → Eleventy
 * (with the share cards drawn beside it) → Pagefind → search vocabulary. The
 * site is built into a temporary sibling of `outDir` and put in place only when
 * every stage succeeded: swapped in whole, or, when only some pages changed,
 * their files moved in (publishSite.ts). Runs in the project folder (see cli.ts).
 */
async function runBuild(
  {
    digestsDir,
    topicsFile = TOPICS_FILE,
    overridesFile = OVERRIDES_FILE,
    enrichedFile = ENRICHED_FILE,
    synonymsFile = SYNONYMS_FILE,
    outDir,
    siteUrl,
    feedItems = DEFAULTS.feedItems,
    cardLimit = DEFAULTS.cardLimit,
    newCards = DEFAULTS.newCards,
    cacheDir = CACHE_DIR,
    shardSize = DEFAULTS.shardSize,
    progress = () => {},
  }: BuildOptions,
  cardDrawer: ChildProcess,
  /** Why the last build's site can't be kept, when buildSite found out in an earlier attempt. */
  distrust?: string,
) {
  const started = performance.now();
  const stage = async <T>(name: string, work: () => Promise<T> | T, describe: (r: T) => string): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    progress(
      `${name.padEnd(9)} ${describe(result).padEnd(44)} ${seconds(t0)}${process.env.DEBUG ? ` rss=${Math.round(process.memoryUsage().rss / 2 ** 20)}MB at=${seconds(started)}` : ""}`,
    );
    return result;
  };

  const digests = await stage(
    "parse",
    () => readDigests(digestsDir),
    (ds) => `${ds.length} digests, ${ds.reduce((n, d) => n + d.entries.length, 0)} entries`,
  );
  // Classify and relate go on from the last build's state when the archive only gained newer days.
  const stageFile = join(cacheDir, "build", "stages.v8");
  const stagePrint = stageFingerprint([readOptional(topicsFile), readOptional(synonymsFile), "stages"]);
  const stageCache = readStageCache(stageFile, stagePrint);
  // The topics and synonyms files as the last build read them, when their texts are the same (the
  // fingerprint covers them): parsing and checking the YAML took a quarter of a second.
  const taxonomy = stageCache?.taxonomy ?? (await loadTaxonomy(topicsFile));
  const overrides = await loadOverrides(overridesFile);
  const known = await readEnriched(enrichedFile);
  const merged = await stage(
    "merge",
    () => mergeDigests(digests, known),
    (l) => `${l.papers.length} papers, ${l.papers.filter((p) => p.source.arxivId).length} with an arXiv id`,
  );
  // Each paper's words hashed once, for every check below of whether they changed.
  const words = merged.papers.map(textHash);
  const classifyInputs = merged.papers.map((p, i) => [words[i], paperText(p).categories ?? null, p.digests[0]]);
  const classifyHashes = inputHashes(classifyInputs, stageCache?.classify?.state.count);
  const classifyRun = await stage(
    "classify",
    () => {
      const previous = usable(stageCache?.classify, classifyHashes);
      const run = assignTopicsFrom(merged.papers, taxonomy, previous);
      return {
        ...run,
        reused: previous?.count ?? 0,
        library: {
          ...merged,
          papers: applyOverrides(
            run.papers,
            overrides,
            taxonomy.map((t) => t.slug),
            overridesFile,
          ),
        },
      };
    },
    (r) =>
      `${taxonomy.length} topics, ${r.library.papers.filter((p) => p.topics.length === 0).length} papers uncategorised${overrides.length ? `, ${overrides.length} overridden` : ""}${r.reused ? `, ${r.reused} as last built` : ""}`,
  );
  const classified: Library = classifyRun.library;
  // The cards in the cache, listed once (a check per paper cost 10,000 file lookups).
  const cardDir = join(cacheDir, "cards");
  const cached = cachedCards(cardDir);
  const cards = planCards(classified, taxonomy, SITE_TITLE, cardLimit, {
    isDrawn: (card) => isCached(cached, card),
    budget: newCards,
  });
  const toDraw = missingCards(cards.cards, cached);
  // The day's cards are drawn into the cache by other processes while this thread goes on (they need
  // topics, not related papers, nor a site folder).
  const drawing = stage(
    "cards",
    () => inStage("cards", () => drawCards(toDraw, cardDir, undefined, [cardDrawer])),
    (n) =>
      `${n} drawn, ${cards.cards.size - n} from the cache${cards.waiting ? `, ${cards.waiting} for later builds` : ""}`,
  );
  // Awaited before publishing; until then a failure must not count as unhandled.
  drawing.catch(() => {});
  // The site is built in a temporary sibling of outDir (a full build whole, an incremental one its changed
  // files), which goes into place only when every stage succeeded.
  await mkdir(dirname(outDir), { recursive: true });
  const temp = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.building-`));
  await chmod(temp, 0o755);
  // Eleventy loads (~0.6 s) while our stages run, and renders once the pages are emitted.
  const eleventy = startEleventy(temp);
  // Whether Pagefind's binary runs, asked meanwhile too (its binary prints its version in ~0.01 s); awaited before indexing.
  const pagefindRuns = checkPagefind();
  pagefindRuns.catch(() => {});
  // Pagefind indexing into `temp`, once started: a failed build waits for it before removing the folder.
  let indexStarted: Promise<unknown> | undefined;
  try {
    const relateInputs = classified.papers.map((p) => ({
      title: p.title,
      abstract: p.abstract,
      topics: p.topics,
      authors: p.source.authors,
      category: p.source.primaryCategory,
      day: p.digests[0],
    }));
    const relateHashes = inputHashes(
      relateInputs.map(({ title, abstract, ...rest }, i) => [words[i], rest]),
      stageCache?.relate?.state.count,
    );
    const relateRun = await stage(
      "relate",
      () => {
        const previous = usable(stageCache?.relate, relateHashes);
        const run = relate(relateInputs, SIZES.relatedPerPaper, previous);
        return {
          ...run,
          reused: previous?.count ?? 0,
          library: {
            ...classified,
            papers: classified.papers.map((p, i) => ({
              ...p,
              related: run.lists[i].map((j) => classified.papers[j].slug),
            })),
          },
        };
      },
      (r) =>
        `${r.library.papers.reduce((n, p) => n + p.related.length, 0)} links${r.reused ? `, ${r.reused} papers' vectors as last built` : ""}`,
    );
    const library: Library = relateRun.library;
    // Relate was the last stage to read the papers' words: their memory goes to the page texts.
    forgetTokens();
    const site = {
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
      language: SITE_LANGUAGE,
      url: siteUrl,
      generated: new Date().toISOString(),
    };
    const synonymList = stageCache?.synonyms ?? (await loadSynonyms(synonymsFile));
    // What the last build left: pages whose text is unchanged stay in the site it built.
    const manifestFile = join(cacheDir, "build", "manifest.v8");
    const out = resolve(outDir);
    const fingerprint = buildFingerprint([
      readOptional(topicsFile),
      readOptional(synonymsFile),
      JSON.stringify({ ...site, generated: undefined }),
      `search shards of ${shardSize}`,
    ]);
    const manifest = distrust ?? readManifest(manifestFile, fingerprint, out);
    const extrasRun = paperExtras(
      library.papers,
      synonymIndex(synonymList),
      usable(stageCache?.extras, classifyHashes),
    );
    // A full build writes each page to the generated folder as it is made (see generatedWriter).
    const full = typeof manifest === "string" ? generatedWriter(GENERATED_DIR) : undefined;
    /**
     * Every page's hash (of its text, or the key of a paper's page or a list: what tells which pages
     * changed), and the texts to write: every file's in a full build, written as they are made; an
     * incremental one makes or keeps a page's text only when its hash says the last build didn't make
     * it so (see eachSitePage), and the data files.
     */
    const pageTexts = (last?: BuildManifest) => {
      const pages = new Map<string, string>();
      const hashes = new Map<string, string>();
      const keep = full ? full.write : (path: string, text: string) => void pages.set(path, text);
      const take = (path: string, page: SitePage) => {
        if (!path.endsWith(".md")) return keep(path, pageText(page));
        // A paper's page or a list comes with a key standing for its text: made only when the last build didn't make it.
        const hash = typeof page === "string" ? shortHash(page) : page.key;
        hashes.set(path, hash);
        if (!last || !madeAlike(last, path, hash)) keep(path, pageText(page));
      };
      eachSitePage(
        take,
        library,
        taxonomy,
        site,
        feedItems,
        cards,
        extrasRun.extras,
        new Map(merged.papers.map((p, i) => [p.slug, words[i]])),
      );
      return { pages, hashes };
    };
    const { pages, hashes } = await stage(
      "pages",
      () => pageTexts(typeof manifest === "string" ? undefined : manifest),
      (r) =>
        `${r.hashes.size} pages, ${full ? "every file made and written" : `${r.pages.size} files to write`}${extrasRun.reused ? `, ${extrasRun.reused} papers' extras as last built` : ""}`,
    );
    const plan = await stage(
      "cache",
      () => planBuild(manifest, hashes),
      (p) => p.describe,
    );
    await stage(
      "emit",
      () =>
        plan.previous
          ? { ...updateGenerated(GENERATED_DIR, pages, plan.removed), unchanged: plan.kept.length }
          : full!.finish(),
      (r) => `${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed`,
    );
    const { previous, kept } = plan;

    // Eleventy and Pagefind run as processes of their own: hand back what we no longer need (the
    // pages' texts are in the generated folder now).
    pages.clear();
    releaseMemory();

    // Pagefind: in a full build, each shard of papers as soon as Eleventy has rendered it, beside the next
    // run (see indexSearch); but not beside a first build's backlog of cards, which draws on every core beside
    // Eleventy, then beside Pagefind: one after the other is faster than all at once.
    const pipelined = !previous && toDraw.size <= A_DAYS_CARDS;
    // Eleventy's runs and Pagefind's writes, which hold hundreds of MB each, take turns (see takeTurns).
    const turn = takeTurns();
    // A full build renders the papers first, in the order of their search shards (see indexSearch).
    const rendering = renderPages(
      eleventy,
      temp,
      previous ? plan.changed : papersFirst(plan.changed, library),
      Boolean(previous),
      turn,
    );
    const renderStage = stage(
      "eleventy",
      () => inStage("eleventy", () => rendering.done),
      (r) =>
        `${[...r.values()].reduce((n, files) => n + files.length, 0)} files${rendering.runs > 1 ? ` in ${rendering.runs} runs${pipelined ? " (taking turns with Pagefind's writes)" : ""}` : ""}${previous ? `, ${kept.length} pages unchanged` : ""}`,
    );
    // Awaited below; until then a failure must not count as unhandled.
    renderStage.catch(() => {});
    const indexing = (keptFiles: ReadonlySet<string>, touched: ReadonlySet<string>) => {
      const search = stage(
        "pagefind",
        () =>
          inStage("pagefind", async () => {
            const run = await indexSearch(
              temp,
              outDir,
              library,
              rendering,
              keptFiles,
              previous,
              touched,
              shardSize,
              pagefindRuns,
              turn,
            );
            return { ...run, topicPages: topicPageIds(run.reindexed.has("pagefind") ? temp : outDir) };
          }),
        (r) =>
          `${r.pages} pages in ${r.shards.length} shards, ${r.reindexed.size} shards indexed${pipelined && rendering.runs > 1 ? ", beside Eleventy" : ""}`,
      );
      // Awaited below; until then a failure must not count as unhandled.
      search.catch(() => {});
      indexStarted = search;
      return search;
    };
    const searchEarly = pipelined ? indexing(new Set(), new Set()) : undefined;
    // What needs no rendered page: the search vocabulary, papers.json, and the stages' state for the next
    // build (a pure cache of their inputs: right whether or not this build ends well).
    const writeWords = () =>
      stage(
        "words",
        () => {
          const run = vocabularyChunks(library, usable(stageCache?.vocabulary, relateHashes));
          writeFiles(temp, new Map([...run.files, ["search/synonyms.json", synonymGroups(synonymList)]]));
          // Served as it is (through the generated folder, Eleventy would only copy it). A paper's entry
          // is a function of the paper, which its page's key covers: an unchanged key, an unchanged entry.
          const unchanged = (p: Paper) =>
            previous!.pages.get(`papers/${p.slug}.md`) === hashes.get(`papers/${p.slug}.md`);
          const last = previous?.papersJson && { file: join(outDir, "papers.json"), index: previous.papersJson };
          const papersJson = writePapersJson(join(temp, "papers.json"), library, taxonomy, site, unchanged, last);
          writeStageCache(stageFile, {
            fingerprint: stagePrint,
            taxonomy,
            synonyms: synonymList,
            classify: { inputs: classifyHashes.all, state: classifyRun.state },
            relate: { inputs: relateHashes.all, state: relateRun.state },
            extras: { inputs: classifyHashes.all, state: extrasRun.state },
            vocabulary: { inputs: relateHashes.all, state: run.state },
          });
          return { ...run, papersJson };
        },
        (r) =>
          `${r.files.size} vocabulary files for typo correction, ${synonymList.length} synonym groups, papers.json`,
      );
    // An incremental build's Eleventy renders a few hundred pages in its own process: meanwhile this thread
    // writes them. A full build's holds thousands: they wait for their turn, so that they never add to the
    // build's peak memory.
    const wordsEarly = previous ? await writeWords() : undefined;
    // Whether the files of the last build that this one keeps (its unchanged pages' and search shards') are
    // still as it left them: asked while Eleventy renders, as the stat of every one takes a quarter of a
    // second. A site changed by hand is built whole after all (see buildSite).
    const touched = previous ? touchedFiles(outDir, previous, previous.files.keys()) : new Set<string>();
    if (
      kept.some((page) => previous!.outputs.get(page)!.some((file) => touched.has(file) || !previous!.files.has(file)))
    )
      throw new LastSiteChanged();
    const rendered = await renderStage;
    const vocabularyRun = wordsEarly ?? (await turn(writeWords));

    // Which site files each generated page made: this build's, and the unchanged pages' (which stay in the site as they are).
    const outputs = new Map<string, readonly string[]>();
    for (const [input, files] of rendered) {
      const page = generatedPage(input);
      if (page) outputs.set(page, files);
    }
    const keptFiles = new Set<string>();
    for (const page of kept) {
      const files = previous!.outputs.get(page)!;
      outputs.set(page, files);
      for (const file of files) keptFiles.add(file);
    }

    if (toDraw.size > A_DAYS_CARDS) await drawing;
    const indexed = searchEarly ?? indexing(keptFiles, touched);
    // The cards have been drawing since planning; nothing before this needed them. They go into the site
    // while Pagefind indexes, and both are over before anything goes on (or the site is removed on a failure).
    const placing = drawing.then(() => placeCards(cards.cards, temp, cardDir, previous ? outDir : undefined));
    await Promise.allSettled([indexed, placing]);
    const index = await indexed;
    await placing;
    // What the search page merges, and each topic's page id in the primary index (for its filter).
    const searchIndex = {
      merge: index.shards.filter((dir) => dir !== "pagefind").map((dir) => `/${dir}/`),
      topicPages: index.topicPages,
    };
    writeFiles(temp, new Map([["search/index.json", JSON.stringify(searchIndex)]]));
    await stage(
      "publish",
      async () => {
        // Every file this build wrote; an incremental build's are the changed ones, the rest of the site stays.
        const made = filesIn(temp, "");
        const wrote = new Set(made);
        // Files a later build may keep: each page's outputs and the search shards, as they are now. One
        // this build didn't write is one the cache stage (or the shard check) found as the last build left it.
        const later = [...[...outputs.values()].flat(), ...index.files];
        const files = fileStamps(
          temp,
          later.filter((file) => wrote.has(file)),
        );
        for (const file of later) if (!files.has(file)) files.set(file, previous!.files.get(file)!);
        // Card paths are URL paths ("/cards/…"); the site's files are relative.
        const site = [...new Set([...made, ...later, ...[...cards.cards.keys()].map((url) => url.slice(1))])];
        const manifest: BuildManifest = {
          version: VERSION,
          fingerprint,
          out,
          pages: hashes,
          outputs,
          documents: index.documents,
          shards: index.keys,
          files,
          site,
          papersJson: vocabularyRun.papersJson,
        };
        // The old manifest describes the old site: gone before the site changes, so no crash in between leaves it trusted.
        forgetManifest(manifestFile);
        if (previous) {
          const now = new Set(site);
          updateInPlace(
            temp,
            outDir,
            made,
            previous.site.filter((file) => !now.has(file)),
          );
          await rm(temp, { recursive: true, force: true });
        } else await swapIn(temp, outDir);
        writeManifest(manifestFile, manifest);
        return { written: made.length, files: later.length, incremental: Boolean(previous) };
      },
      (r) =>
        `${r.incremental ? `${r.written} files updated in place` : "site swapped in"}, ${r.files} recorded for the next build`,
    );
    progress(`${"built".padEnd(9)} ${outDir.padEnd(44)} ${seconds(started)}`);
    return library;
  } catch (err) {
    eleventy.stop();
    // Pagefind may still be writing into the folder.
    await indexStarted?.catch(() => {});
    await rm(temp, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(CHANGED_DIR, { recursive: true, force: true });
    // However the build ends, no drawing process still writes into the cache once it has.
    await drawing.catch(() => {});
  }
}

/** The generated pages, papers' first in the order they first appeared (that of their search shards), then the others. */
function papersFirst(pages: readonly string[], library: Library): string[] {
  const papers = library.papers.map((p) => `papers/${p.slug}.md`);
  const paperSet = new Set(papers);
  const all = new Set(pages);
  return [...papers.filter((page) => all.has(page)), ...pages.filter((page) => !paperSet.has(page))];
}

/** A configuration file's text; a missing one is empty (the build would have stopped on one it needs). */
function readOptional(file: string) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Writes files (path → text) into the site being built (generatedWriter would remove Eleventy's pages there). */
function writeFiles(dir: string, files: ReadonlyMap<string, string>) {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * The whole pipeline (see runBuild), one build at a time per project: a second
 * build refuses while the first runs. Temporary folders that a killed build left
 * beside the output are removed beside it (see removeInBackground).
 */
export async function buildSite(options: BuildOptions) {
  const release = acquireBuildLock(BUILD_LOCK);
  // Removed by a process of their own while this build runs, as a swapped-out site is: a killed full build of
  // 10,000 papers leaves 300 MB, which took 4.5 s to remove before the build could start. Listed before this build
  // makes a folder of its own that looks like them.
  for (const dir of leftoverFolders(options.outDir)) removeInBackground(dir);
  const attempt = async (distrust?: string) => {
    // A drawing process loads and warms up while the archive is read and classified (see startCardDrawer).
    const cardDrawer = startCardDrawer();
    try {
      return await runBuild(options, cardDrawer, distrust);
    } finally {
      // However the build ends, so does its drawing process (one that drew has ended already).
      cardDrawer.kill();
    }
  };
  try {
    return await attempt().catch((err) => {
      if (!(err instanceof LastSiteChanged)) throw err;
      options.progress?.(`${"cache".padEnd(9)} ${err.message}: building it whole`);
      return attempt(err.message);
    });
  } finally {
    release();
  }
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

/** The messages of an error and of the errors it wraps (Eleventy nests the root cause). */
function reasons(err: unknown): string[] {
  const out: string[] = [];
  for (
    let e = err as { message?: string; cause?: unknown; originalError?: unknown } | undefined;
    e && out.length < 5;
    e = (e.originalError ?? e.cause) as typeof e
  ) {
    const message = String(e.message ?? e)
      .split("\n")[0]
      .trim();
    if (message && !out.includes(message)) out.push(message);
  }
  return out;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)}s`;

async function inStage<T>(stage: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new StageError(stage, err);
  }
}
