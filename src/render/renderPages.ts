import { CHANGED_DIR, GENERATED_DIR } from "../config/paths.ts";
import { SIZES } from "../config/settings.ts";
import type { Turn } from "../pipeline/takeTurns.ts";
import { type EleventyAhead, type Rendered, startEleventy } from "./runEleventy.ts";
import { linkGenerated } from "./writeGenerated.ts";

/**
 * Pages one Eleventy run renders at most: its memory grows with the pages it holds
 * (about 1 GB per 10,000). PAPER_DIGEST_PAGES_PER_RUN changes it (the tests use it).
 */
const PAGES_PER_RUN = Number(process.env.PAPER_DIGEST_PAGES_PER_RUN) || SIZES.pagesPerEleventyRun;

/** Rendering under way: what it wrote, once it ends, and which site files its finished runs have written. */
export interface Rendering {
  /** How many Eleventy runs it takes. */
  runs: number;
  done: Promise<Rendered>;
  /** Settles once these site files are written (or rendering ended without them), or fails as rendering did. */
  ready(files: readonly string[]): Promise<void>;
}

/**
 * Renders generated pages into `outDir` with Eleventy: all of them in one run
 * when they are few and this is a full build, else those of `changed` (linked
 * from GENERATED_DIR) through CHANGED_DIR, in their order, at most PAGES_PER_RUN
 * a run, so no run holds the whole archive. Each run takes a `turn`. The
 * site-wide templates and copied files are rendered by the last run alone.
 */
export function renderPages(
  ahead: EleventyAhead,
  outDir: string,
  changed: readonly string[],
  incremental: boolean,
  turn: Turn,
): Rendering {
  const written = new Set<string>();
  const waiting = new Set<{ files: readonly string[]; settle: (err?: unknown) => void }>();
  let ended: { err?: unknown } | undefined;
  const wrote = (rendered: Rendered) => {
    for (const files of rendered.values()) for (const file of files) written.add(file);
    for (const wait of waiting) {
      if (wait.files.every((file) => written.has(file))) {
        waiting.delete(wait);
        wait.settle();
      }
    }
  };
  const done = runs(ahead, outDir, changed, incremental, turn, wrote);
  const end = (how: { err?: unknown }) => {
    ended = how;
    for (const wait of waiting) wait.settle(how.err);
    waiting.clear();
  };
  done.then(
    () => end({}),
    (err) => end({ err }),
  );
  return {
    runs: inOneRun(changed, incremental) ? 1 : Math.max(1, Math.ceil(changed.length / PAGES_PER_RUN)),
    done,
    ready: (files) =>
      new Promise((resolve, reject) => {
        const settle = (err?: unknown) => (err === undefined ? resolve() : reject(err));
        if (ended) settle(ended.err);
        else if (files.every((file) => written.has(file))) settle();
        else waiting.add({ files, settle });
      }),
  };
}

/** A full build of few pages renders them from GENERATED_DIR in one run. */
const inOneRun = (changed: readonly string[], incremental: boolean) => !incremental && changed.length <= PAGES_PER_RUN;

async function runs(
  ahead: EleventyAhead,
  outDir: string,
  changed: readonly string[],
  incremental: boolean,
  turn: Turn,
  wrote: (r: Rendered) => void,
): Promise<Rendered> {
  const rendered: Rendered = new Map();
  const add = (run: Rendered) => {
    for (const [input, files] of run) rendered.set(input, files);
    wrote(run);
  };
  if (inOneRun(changed, incremental)) {
    add(await turn(() => ahead.render()));
    return rendered;
  }
  let eleventy: EleventyAhead | undefined = ahead;
  for (let start = 0; eleventy; start += PAGES_PER_RUN) {
    const last = start + PAGES_PER_RUN >= changed.length;
    const run = eleventy;
    let next: EleventyAhead | undefined;
    try {
      add(
        await turn(async () => {
          // The next run's process loads (~0.6 s, ~100 MB) while this one renders, not while this one waits for
          // its turn: two idle processes beside Pagefind writing would add to the peak. It reads CHANGED_DIR only
          // once told to render.
          next = last ? undefined : startEleventy(outDir);
          linkGenerated(CHANGED_DIR, GENERATED_DIR, changed.slice(start, start + PAGES_PER_RUN));
          return run.render({ changedOnly: true, pagesOnly: !last });
        }),
      );
    } catch (err) {
      next?.stop();
      throw err;
    }
    eleventy = next;
  }
  return rendered;
}
