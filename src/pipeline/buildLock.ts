import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { UserError } from "../util/userError.ts";

interface Holder {
  pid: number;
  started: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * One build at a time per project: two builds would write the generated folder
 * at once. The lock is a file holding the builder's pid; a second build refuses
 * with one line, and a lock whose process is gone (a killed build) is taken over.
 * Returns the function that releases it.
 */
export function acquireBuildLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, started: new Date().toISOString() } satisfies Holder), {
        flag: "wx",
      });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      holder = undefined;
    }
    if (holder && alive(holder.pid) && holder.pid !== process.pid) {
      throw new UserError(
        file,
        1,
        `another paper-digest build is running (pid ${holder.pid}, since ${holder.started}): wait for it to finish`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new UserError(file, 1, "cannot take the build lock");
}
