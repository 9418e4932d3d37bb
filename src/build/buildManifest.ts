import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_DIR } from "../paths.ts";
import { MISSING, UNREADABLE, readCacheFile, writeCacheFile } from "./cacheFile.ts";
import type { PapersJsonIndex } from "./writePapersJson.ts";

/**
 * What a successful build leaves for the next one (in the cache), so that the
 * next build can keep what didn't change instead of rendering and indexing
 * it again. It is trusted only when it is whole, was written by this
 * very program for this output folder, and the files it vouches for are still
 * as it saw them; anything else means a full build.
 */
export interface BuildManifest {
  version: typeof VERSION;
  /** The program, templates, configuration, dependencies and options that built the site. */
  fingerprint: string;
  /** The output folder it describes. */
  out: string;
  /** Each generated page (relative to the generated folder) → a hash of its text. */
  pages: Record<string, string>;
  /** Each generated page → the site files Eleventy rendered from it. */
  outputs: Record<string, string[]>;
  /** Each indexed HTML file → its indexed document's key. */
  documents: Record<string, string>;
  /** Each search shard's folder → its key. */
  shards: Record<string, string>;
  /** Site files a later build may keep → [size, mtime in ms] when the site was finished. */
  files: Record<string, [number, number]>;
  /** Every file of the site: what an incremental build removes when it no longer makes it. */
  site: string[];
  /** Where each paper's entry is in papers.json, so the next build can copy those that didn't change. */
  papersJson?: PapersJsonIndex;
}

export const VERSION = 2;

// Everything of the program that decides how a page looks or what the search index holds.
const PROGRAM = ["bin", "src", "layouts", "content/assets", ".eleventy.js", "package.json", "package-lock.json", "content/favicon.svg", "content/feed.xsl"];

/**
 * What the cached stages (classify, relate, the papers' extras, the search vocabulary: stageCache.ts)
 * are made by: the modules they run and the build that feeds them, and the dependencies; not the
 * templates, assets or site helpers. After a change to a template every page is rendered again, and
 * the stages still go on from their cache. A test checks this list against the stages' imports.
 */
export const STAGE_PROGRAM = ["src/topics", "src/related", "src/library", "src/search", "src/emit/paperExtras.ts", "src/emit/excerpt.ts", "src/build/buildSite.ts", "src/build/stageCache.ts", "src/build/cacheFile.ts", "src/model.ts", "src/userError.ts", "src/shortHash.ts", "src/yamlDocument.ts", "package-lock.json"];

/**
 * A hash of the program (its sources, templates, assets, the lock file of its
 * dependencies and the Node version) and of `inputs` (configuration files and
 * options, as text). Any change to it makes the next build a full one.
 * `root` is the project (another one in tests).
 */
export function buildFingerprint(inputs: readonly string[], root = PROJECT_DIR): string {
  const templates = readdirSync(join(root, "content")).filter((n) => n.endsWith(".11ty.ts")).map((n) => `content/${n}`);
  return fingerprint([...PROGRAM, ...templates], inputs, root);
}

/** buildFingerprint for the cached stages: only a change to STAGE_PROGRAM's files (or to `inputs`) starts them over. */
export function stageFingerprint(inputs: readonly string[], root = PROJECT_DIR): string {
  return fingerprint(STAGE_PROGRAM, inputs, root);
}

function fingerprint(program: readonly string[], inputs: readonly string[], root: string): string {
  const hash = createHash("sha256").update(`${VERSION} ${process.version} ${programHash(program, root)}\n`);
  for (const input of inputs) hash.update(`${input}\n`);
  return hash.digest("base64url");
}

// The program's files are read once per process (a build asks for several fingerprints).
const programs = new Map<string, string>();
function programHash(paths: readonly string[], root: string): string {
  const key = [root, ...paths].join("\n");
  const known = programs.get(key);
  if (known) return known;
  const hash = createHash("sha256");
  const files = paths.flatMap((p) => filesUnder(join(root, p)));
  for (const file of files.sort()) hash.update(`${relative(root, file)}\n`).update(readFileSync(file)).update("\n");
  const digest = hash.digest("base64url");
  programs.set(key, digest);
  return digest;
}

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The manifest in `file`, if it is whole and was written by this program for `out`; else why not. */
export function readManifest(file: string, fingerprint: string, out: string): BuildManifest | string {
  const read = readCacheFile(file);
  if (read === MISSING) return "no previous build in the cache";
  if (read === UNREADABLE) return "the cache's manifest is unreadable";
  const manifest = read as BuildManifest;
  const whole = manifest && ["pages", "outputs", "documents", "shards", "files", "site"].every((k) => typeof (manifest as unknown as Record<string, unknown>)[k] === "object");
  if (!whole || manifest.version !== VERSION) return "the cache's manifest is incomplete or from another version";
  if (manifest.out !== out) return "the cache describes another output folder";
  if (manifest.fingerprint !== fingerprint) return "the program, templates, configuration or dependencies changed";
  // A site removed, or copied without its files' times, shows in any few of its files: found here, before
  // anything is built on it. (Every file a build keeps is checked while Eleventy renders; see runBuild.)
  if (touchedFiles(out, manifest, Object.keys(manifest.files).filter((_, i) => i % 1000 === 0)).size > 0) return LAST_SITE_CHANGED;
  return manifest;
}

export const LAST_SITE_CHANGED = "the last built site was changed or removed";

/** Written whole or not at all. */
export const writeManifest = (file: string, manifest: BuildManifest) => writeCacheFile(file, manifest);

export const forgetManifest = (file: string) => rmSync(file, { force: true });

/** Size and modification time of site files, as the manifest records them. */
export function fileStamps(dir: string, paths: Iterable<string>): Record<string, [number, number]> {
  const stamps: Record<string, [number, number]> = {};
  for (const path of paths) {
    const stat = statSync(join(dir, path));
    stamps[path] = [stat.size, stat.mtimeMs];
  }
  return stamps;
}

/** Those of `paths` in `dir` that are no longer as the manifest saw them: edited, removed, replaced, or never recorded. */
export function touchedFiles(dir: string, manifest: BuildManifest, paths: Iterable<string>): Set<string> {
  const touched = new Set<string>();
  for (const path of paths) {
    const seen = manifest.files[path];
    const stat = seen && statSync(join(dir, path), { throwIfNoEntry: false });
    // Within a millisecond: a copy that keeps modification times (Netlify's cache) may round them.
    if (!seen || !stat || stat.size !== seen[0] || Math.abs(stat.mtimeMs - seen[1]) >= 1) touched.add(path);
  }
  return touched;
}
