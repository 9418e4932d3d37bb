import { SIZES } from "../config/settings.ts";

/**
 * Netlify refuses a whole deploy when one folder of the publish directory holds more than 54,000 entries.
 * PAPER_DIGEST_FOLDER_LIMIT changes it (the tests use it).
 */
const FOLDER_LIMIT = Number(process.env.PAPER_DIGEST_FOLDER_LIMIT) || SIZES.folderEntries;

/** The fullest folder of a site (its files, relative), when it holds more entries than a host accepts. */
export function crowdedFolder(files: readonly string[], limit = FOLDER_LIMIT) {
  const entries = new Map<string, Set<string>>();
  for (const file of files) {
    const parts = file.split("/");
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/");
      let names = entries.get(dir);
      if (!names) entries.set(dir, (names = new Set()));
      names.add(parts[depth]);
    }
  }
  let fullest: { dir: string; entries: number } | undefined;
  for (const [dir, names] of entries) {
    if (names.size > limit && names.size > (fullest?.entries ?? 0)) fullest = { dir, entries: names.size };
  }
  return fullest && { ...fullest, limit };
}
