import { spawn } from "node:child_process";
import { mkdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { rename } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * Two ways a finished build becomes the site. A full build is made whole in a
 * temporary folder and swapped in (swapIn). An incremental build made only the
 * files that changed, so it moves them into the site where it stands and removes
 * the files the site no longer has (updateInPlace): a day's few hundred files
 * instead of linking tens of thousands into a new folder.
 */

/** Replaces `outDir` with `built`, keeping the old folder until the new one is in place. */
export async function swapIn(built: string, outDir: string) {
  const old = `${built}.old`;
  const hadOld = await rename(outDir, old).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return false;
      throw err;
    },
  );
  await rename(built, outDir);
  if (hadOld) removeInBackground(old);
}

/**
 * Moves every one of `made` (files relative to `built`) into `outDir`, replacing
 * the file there, then removes `gone` from `outDir` (and folders left empty).
 * Each file is replaced at once (a rename), never written in place, so a hard
 * link to the old file (the card cache's) keeps its content. Folders are made
 * before anything moves, so a full disk stops the update before the site changes.
 */
export function updateInPlace(built: string, outDir: string, made: readonly string[], gone: readonly string[]) {
  for (const dir of new Set(made.map((file) => dirname(join(outDir, file))))) mkdirSync(dir, { recursive: true });
  for (const file of made) renameSync(join(built, file), join(outDir, file));
  const emptied = new Set<string>();
  for (const file of gone) {
    rmSync(join(outDir, file), { force: true });
    emptied.add(dirname(file));
  }
  // Deepest first, so a folder whose only content was an emptied folder goes too.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) removeIfEmpty(outDir, dir);
}

function removeIfEmpty(root: string, dir: string) {
  for (let d = dir; d !== "." && d !== ""; d = dirname(d)) {
    try {
      rmdirSync(join(root, d));
    } catch {
      return; // not empty (or gone already)
    }
  }
}

/**
 * Removes a folder the site no longer uses (a swapped-out site, a killed build's
 * leftovers) in a process of its own, which may outlive this one: tens of
 * thousands of files take seconds that a build need not wait for. Its name
 * starts like a half-built folder's, so should the removal be cut short, the next
 * build removes what is left.
 */
export function removeInBackground(dir: string) {
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  try {
    spawn(process.execPath, ["-e", script, dir], { detached: true, stdio: "ignore" }).unref();
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}
