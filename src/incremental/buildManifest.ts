import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_DIR } from "../config/paths.ts";
import type { PapersJsonIndex } from "../pages/writePapersJson.ts";
import { MISSING, readCacheFile, UNREADABLE, writeCacheFile } from "./cacheFile.ts";

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
  pages: ReadonlyMap<string, string>;
  /** Each generated page → the site files Eleventy rendered from it. */
  outputs: ReadonlyMap<string, readonly string[]>;
  /** Each indexed HTML file → its indexed document's key. */
  documents: ReadonlyMap<string, string>;
  /** Each search shard's folder → its key. */
  shards: Record<string, string>;
  /** Site files a later build may keep → [size, mtime in ms] when the site was finished. */
  files: ReadonlyMap<string, readonly [number, number]>;
  /** Every file of the site: what an incremental build removes when it no longer makes it. */
  site: string[];
  /** Where each paper's entry is in papers.json, so the next build can copy those that didn't change. */
  papersJson?: PapersJsonIndex;
}

export const VERSION = 3;

// Everything of the program that decides how a page looks or what the search index holds.
const PROGRAM = [
  "bin",
  "src",
  "layouts",
  "content/assets",
  ".eleventy.js",
  "package.json",
  "package-lock.json",
  "content/favicon.svg",
  "content/feed.xsl",
  "content/offline",
];

/**
 * What the cached stages (classify, relate, the papers' extras, the search vocabulary: stageCache.ts)
 * are made by: the modules they run and the build that feeds them, and the dependencies; not the
 * templates, assets or site helpers. After a change to a template every page is rendered again, and
 * the stages still go on from their cache. A test checks this list against the stages' imports.
 */
export const STAGE_PROGRAM = [
  "src/topics",
  "src/related",
  "src/ingest/merge",
  "src/search",
  "src/pages/paperExtras.ts",
  "src/pages/excerpt.ts",
  "src/pipeline/buildSite.ts",
  "src/incremental/stageCache.ts",
  "src/incremental/cacheFile.ts",
  "src/config/settings.ts",
  "src/model.ts",
  "src/util/userError.ts",
  "src/util/shortHash.ts",
  "src/util/yamlDocument.ts",
  "package-lock.json",
];

/**
 * A hash of the program (its sources, templates, assets, the lock file of its
 * dependencies and the Node version) and of `inputs` (configuration files and
 * options, as text). Any change to it makes the next build a full one.
 * `root` is the project (another one in tests).
 */
export function buildFingerprint(inputs: readonly string[], root = PROJECT_DIR): string {
  const templates = readdirSync(join(root, "content"))
    .filter((n) => n.endsWith(".11ty.ts"))
    .map((n) => `content/${n}`);
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
  for (const file of files.sort())
    hash
      .update(`${relative(root, file)}\n`)
      .update(readFileSync(file))
      .update("\n");
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
  const packed = read as PackedManifest;
  if (packed?.version !== VERSION || !isPacked(packed))
    return "the cache's manifest is incomplete or from another version";
  if (packed.out !== out) return "the cache describes another output folder";
  if (packed.fingerprint !== fingerprint) return "the program, templates, configuration or dependencies changed";
  const manifest = unpack(packed);
  // A site removed, or copied without its files' times, shows in any few of its files: found here, before
  // anything is built on it. (Every file a build keeps is checked while Eleventy renders; see runBuild.)
  if (
    touchedFiles(
      out,
      manifest,
      [...manifest.files.keys()].filter((_, i) => i % 1000 === 0),
    ).size > 0
  )
    return LAST_SITE_CHANGED;
  return manifest;
}

export const LAST_SITE_CHANGED = "the last built site was changed or removed";

/** Written whole or not at all. */
export const writeManifest = (file: string, manifest: BuildManifest) => writeCacheFile(file, pack(manifest));

export const forgetManifest = (file: string) => rmSync(file, { force: true });

/**
 * The manifest as the cache keeps it: every path it names (site files, generated pages) once, in `paths`,
 * and everything else as numbers pointing into it, with the files' stamps in one array of numbers. As
 * objects, the same manifest was 8.5 MB at 10,000 papers and took 200–250 ms to read in a fresh process
 * (a daily build waits for it): V8 reads each of its 110,000 strings and 22,000 two-number arrays one by
 * one. Packed it is 4.7 MB and is read, checked and unpacked in 140–150 ms; it writes as fast. Unpacked, its
 * records are Maps: as objects, each of their 53,000 keys was a string to intern, 180 ms of a daily build.
 */
interface PackedManifest extends Omit<BuildManifest, "pages" | "outputs" | "documents" | "files" | "site"> {
  paths: string[];
  site: Int32Array;
  pages: [pages: Int32Array, hashes: string[]];
  outputs: [pages: Int32Array, counts: Int32Array, files: Int32Array];
  documents: [files: Int32Array, keys: string[]];
  files: [files: Int32Array, stamps: Float64Array];
}

function pack({ pages, outputs, documents, files, site, ...rest }: BuildManifest): PackedManifest {
  const ids = new Map<string, number>();
  const numbered = (paths: readonly string[]) => {
    const numbers = new Int32Array(paths.length);
    for (let i = 0; i < paths.length; i++) {
      let id = ids.get(paths[i]);
      if (id === undefined) ids.set(paths[i], (id = ids.size));
      numbers[i] = id;
    }
    return numbers;
  };
  const lists = [...outputs.values()];
  const stamps = new Float64Array(files.size * 2);
  let i = 0;
  for (const stamp of files.values()) stamps.set(stamp, 2 * i++);
  const packed = {
    ...rest,
    site: numbered(site),
    pages: [numbered([...pages.keys()]), [...pages.values()]] as [Int32Array, string[]],
    outputs: [numbered([...outputs.keys()]), Int32Array.from(lists, (list) => list.length), numbered(lists.flat())] as [
      Int32Array,
      Int32Array,
      Int32Array,
    ],
    documents: [numbered([...documents.keys()]), [...documents.values()]] as [Int32Array, string[]],
    files: [numbered([...files.keys()]), stamps] as [Int32Array, Float64Array],
  };
  // Listed once every part is numbered.
  return { ...packed, paths: [...ids.keys()] };
}

function unpack({ paths, site, pages, outputs, documents, files, ...rest }: PackedManifest): BuildManifest {
  const named = (ids: Int32Array) => Array.from(ids, (i) => paths[i]);
  /** The paths `ids` names, each with its value. */
  const keyed = <T>(ids: Int32Array, value: (i: number) => T) => {
    const map = new Map<string, T>();
    for (let i = 0; i < ids.length; i++) map.set(paths[ids[i]], value(i));
    return map;
  };
  const [outputPages, counts, outputFiles] = outputs;
  let next = 0;
  return {
    ...rest,
    site: named(site),
    pages: keyed(pages[0], (i) => pages[1][i]),
    outputs: keyed(outputPages, (i) => {
      const files = named(outputFiles.subarray(next, next + counts[i]));
      next += counts[i];
      return files;
    }),
    documents: keyed(documents[0], (i) => documents[1][i]),
    files: keyed(files[0], (i) => [files[1][i * 2], files[1][i * 2 + 1]] as const),
  };
}

/**
 * Whether a manifest read from the cache has every part, each of the right kind and length, every number a
 * path of its list and every page's count of files whole (else it isn't trusted: the build is a full one).
 */
function isPacked(m: PackedManifest) {
  const named = (ids: unknown): ids is Int32Array =>
    ids instanceof Int32Array && ids.every((i) => i >= 0 && i < m.paths.length);
  const beside = (ids: Int32Array, values: unknown) => Array.isArray(values) && values.length === ids.length;
  const [outputPages, counts, outputFiles] = m.outputs ?? [];
  return (
    Array.isArray(m.paths) &&
    typeof m.shards === "object" &&
    named(m.site) &&
    named(m.pages?.[0]) &&
    beside(m.pages[0], m.pages[1]) &&
    named(m.documents?.[0]) &&
    beside(m.documents[0], m.documents[1]) &&
    named(m.files?.[0]) &&
    m.files[1] instanceof Float64Array &&
    m.files[1].length === m.files[0].length * 2 &&
    named(outputPages) &&
    named(outputFiles) &&
    counts instanceof Int32Array &&
    counts.length === outputPages.length &&
    counts.every((n) => n >= 0) &&
    counts.reduce((a, b) => a + b, 0) === outputFiles.length
  );
}

/** Size and modification time of site files, as the manifest records them. */
export function fileStamps(dir: string, paths: Iterable<string>): Map<string, readonly [number, number]> {
  const stamps = new Map<string, readonly [number, number]>();
  for (const path of paths) {
    const stat = statSync(join(dir, path));
    stamps.set(path, [stat.size, stat.mtimeMs]);
  }
  return stamps;
}

/**
 * Those of `paths` in `dir` that are no longer as the manifest saw them: edited, removed, replaced, or never recorded.
 * */
export function touchedFiles(dir: string, manifest: BuildManifest, paths: Iterable<string>): Set<string> {
  const touched = new Set<string>();
  for (const path of paths) {
    const seen = manifest.files.get(path);
    // Joined as they are (the manifest's paths are relative and plain): path.join, which normalises each one,
    // added 15–70 ms to statting 22,000 files.
    const stat = seen && statSync(`${dir}/${path}`, { throwIfNoEntry: false });
    // Within a millisecond: a copy that keeps modification times (Netlify's cache) may round them.
    if (!seen || !stat || stat.size !== seen[0] || Math.abs(stat.mtimeMs - seen[1]) >= 1) touched.add(path);
  }
  return touched;
}
