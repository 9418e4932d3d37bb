import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { linkOrCopy } from "../util/linkOrCopy.ts";

/**
 * A full build's emit: makes `dir` hold exactly the files written through it.
 * Each page is written as soon as it is made, and only if its content changed
 * (so an unchanged page keeps its mtime); no page's text outlives it. Kept to
 * the end, 10,000 pages' texts cost a third of their making in the garbage
 * collector, which copies the young ones that survive. `finish` removes what
 * was not written. Synchronous on purpose: thousands of small files go several
 * times faster without a promise per call.
 */
export function generatedWriter(dir: string) {
  mkdirSync(dir, { recursive: true });
  const present = new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name))),
  );
  const made = new Set<string>();
  const wanted = new Set<string>();
  let written = 0;
  return {
    write(path: string, content: string) {
      wanted.add(path);
      const file = join(dir, path);
      if (present.has(path) && readFileSync(file, "utf8") === content) return;
      const parent = dirname(file);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      writeFileSync(file, content);
      written++;
    },
    finish() {
      const stale = [...present].filter((f) => !wanted.has(f));
      for (const f of stale) rmSync(join(dir, f));
      return { written, removed: stale.length, unchanged: wanted.size - written };
    },
  };
}

/**
 * An incremental build's emit: writes `files` (the changed pages and the data
 * files), removes the pages in `removed`, and leaves the other pages as the
 * last build wrote them, unread. Only a full build renders the generated
 * folder as a whole, and it goes through generatedWriter, which compares every
 * page; so the pages left unread here can never reach the site.
 */
export function updateGenerated(dir: string, files: ReadonlyMap<string, string>, removed: readonly string[]) {
  for (const path of removed) rmSync(join(dir, path), { force: true });
  const made = new Set<string>();
  for (const [path, text] of files) {
    const file = join(dir, path);
    if (!made.has(dirname(file))) {
      mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    writeFileSync(file, text);
  }
  return { written: files.size, removed: removed.length };
}

/**
 * Makes `dir` hold exactly the pages `paths` of the generated folder `from`, as hard links to them
 * (linkOrCopy): an Eleventy run over a part of the archive reads them there. Linking
 * 5,000 pages takes a fraction of the time reading and writing them took.
 */
export function linkGenerated(dir: string, from: string, paths: readonly string[]) {
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const path of paths) {
    const file = join(dir, path);
    if (!made.has(dirname(file))) {
      mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    linkOrCopy(join(from, path), file);
  }
}
