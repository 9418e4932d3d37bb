import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { CHANGED_DIR, GENERATED_DIR } from "../config/paths.ts";
import type { BuildManifest } from "./buildManifest.ts";

export interface BuildPlan {
  /** The last build's manifest, when this build may keep its pages (an incremental build). */
  previous?: BuildManifest;
  /** Generated pages to render. */
  changed: string[];
  /** Generated pages whose site files the last build made as they are (they stay in the site). */
  kept: string[];
  /** Generated pages the last build had and this one hasn't. */
  removed: string[];
  describe: string;
}

/**
 * Full or incremental: incremental when the last build's manifest is trustworthy (see readManifest).
 * `hashes`: each generated page → its text's hash. Whether the unchanged pages' files are still in the
 * site as that build left them is checked while Eleventy renders (see runBuild).
 */
export function planBuild(manifest: BuildManifest | string, hashes: ReadonlyMap<string, string>): BuildPlan {
  const all = [...hashes.keys()];
  if (typeof manifest === "string") return { changed: all, kept: [], removed: [], describe: `full build: ${manifest}` };
  const kept = all.filter((page) => madeAlike(manifest, page, hashes.get(page)!));
  const keep = new Set(kept);
  const changed = all.filter((page) => !keep.has(page));
  const removed = [...manifest.pages.keys()].filter((page) => !hashes.has(page));
  return {
    previous: manifest,
    changed,
    kept,
    removed,
    describe: `incremental: ${changed.length} pages to render, ${kept.length} unchanged, ${removed.length} removed`,
  };
}

/** Whether the last build made this page from a text with this hash (and recorded what it became). */
export const madeAlike = (manifest: BuildManifest, page: string, hash: string) =>
  manifest.pages.get(page) === hash && manifest.outputs.has(page);

/** The generated page (relative to the generated folder) an Eleventy input is, if it is one. */
export function generatedPage(input: string): string | undefined {
  for (const dir of [GENERATED_DIR, CHANGED_DIR]) if (input.startsWith(`${dir}/`)) return input.slice(dir.length + 1);
  return undefined;
}

/** Every file under `dir` of the site, relative to the site. */
export function filesIn(site: string, dir: string): string[] {
  try {
    return readdirSync(join(site, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(site, join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}
