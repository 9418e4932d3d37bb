import { copyFileSync, linkSync } from "node:fs";

/**
 * A file at a second path: a hard link (ten thousand cost milliseconds, and no bytes are copied), or a
 * copy where the file system can't link (another device, or links not allowed).
 */
export function linkOrCopy(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM") throw err;
    copyFileSync(from, to);
  }
}
