import type { BuildManifest } from "../../incremental/buildManifest.ts";
import { type BuildPlan, generatedPage } from "../../incremental/planBuild.ts";
import type { Library } from "../../model.ts";
import { renderPages } from "../../render/renderPages.ts";
import type { EleventyAhead, Rendered } from "../../render/runEleventy.ts";
import { inStage, later, type Stage } from "../stage.ts";
import type { Turn } from "../takeTurns.ts";

/**
 * eleventy: the changed pages rendered into the site being built by `eleventy` (started ahead), taking
 * `turn`s with Pagefind's writes. A full build renders the papers first, in the order of their search
 * shards (see indexSearch), so that Pagefind can index a shard while the next one renders.
 */
export function startRender(
  stage: Stage,
  eleventy: EleventyAhead,
  temp: string,
  plan: BuildPlan,
  library: Library,
  turn: Turn,
  besidePagefind: boolean,
) {
  const { previous, kept } = plan;
  const pages = previous ? plan.changed : papersFirst(plan.changed, library);
  const rendering = renderPages(eleventy, temp, pages, Boolean(previous), turn);
  const done = later(
    stage(
      "eleventy",
      () => inStage("eleventy", () => rendering.done),
      (r) => {
        const files = [...r.values()].reduce((n, files) => n + files.length, 0);
        const turns = besidePagefind ? " (taking turns with Pagefind's writes)" : "";
        const runs = rendering.runs > 1 ? ` in ${rendering.runs} runs${turns}` : "";
        return `${files} files${runs}${previous ? `, ${kept.length} pages unchanged` : ""}`;
      },
    ),
  );
  return { rendering, done };
}

/**
 * Which site files each generated page made: this build's, and the unchanged pages' (which stay in the site
 * as they are, `keptFiles`).
 */
export function pageOutputs(rendered: Rendered, kept: readonly string[], previous: BuildManifest | undefined) {
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
  return { outputs, keptFiles };
}

/**
 * The generated pages, papers' first in the order they first appeared (that of their search shards), then the others.
 * */
function papersFirst(pages: readonly string[], library: Library): string[] {
  const papers = library.papers.map((p) => `papers/${p.slug}.md`);
  const paperSet = new Set(papers);
  const all = new Set(pages);
  return [...papers.filter((page) => all.has(page)), ...pages.filter((page) => !paperSet.has(page))];
}
