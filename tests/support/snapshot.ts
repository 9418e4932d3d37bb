import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Every file under a folder with its bytes, to prove a folder was left untouched. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), (await readFile(path)).toString("base64"));
    }
  }
  return files;
}
