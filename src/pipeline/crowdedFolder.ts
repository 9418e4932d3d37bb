import { SIZES } from "../config/settings.ts";

/**
 * Netlify refuses a whole deploy when one folder of the publish directory holds more than 54,000 entries.
 * PAPER_DIGEST_FOLDER_LIMIT changes it (the tests use it).
 */
const FOLDER_LIMIT = Number(process.env.PAPER_DIGEST_FOLDER_LIMIT) || SIZES.folderEntries;

/** The fullest folder of a site (its files, relative), when it holds more entries than a host accepts. */
export function crowdedFolder(files: readonly string[], limit = FOLDER_LIMIT) {
  // Every file and folder once (a folder's ancestors are added with it), then one entry each in its parent.
  const paths = new Set<string>();
  for (const file of files) {
    for (let path = file; path && !paths.has(path); path = path.slice(0, Math.max(0, path.lastIndexOf("/")))) {
      paths.add(path);
    }
  }
  const entries = new Map<string, number>();
  for (const path of paths) {
    const parent = path.slice(0, Math.max(0, path.lastIndexOf("/")));
    entries.set(parent, (entries.get(parent) ?? 0) + 1);
  }
  let fullest: { dir: string; entries: number } | undefined;
  for (const [dir, count] of entries) {
    if (count > limit && count > (fullest?.entries ?? 0)) fullest = { dir, entries: count };
  }
  return fullest && { ...fullest, limit };
}
