import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/**
 * Makes `dir` hold exactly `files`: removes stale files, writes new ones and
 * rewrites only those whose content changed (so unchanged pages keep their mtime).
 * The folder belongs to this function alone.
 */
export async function writeGenerated(dir: string, files: ReadonlyMap<string, string>) {
  await mkdir(dir, { recursive: true });
  const existing = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
  const stale = existing.filter((f) => !files.has(f));
  await Promise.all(stale.map((f) => rm(join(dir, f))));

  const present = new Set(existing);
  let written = 0;
  const made = new Set<string>();
  for (const [path, content] of files) {
    const file = join(dir, path);
    if (present.has(path) && (await readFile(file, "utf8")) === content) continue;
    const parent = dirname(file);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await writeFile(file, content);
    written++;
  }
  return { written, removed: stale.length, unchanged: files.size - written };
}
