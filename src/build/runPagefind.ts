import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes a built site with Pagefind's own binary (through its Node API) and
 * writes the index into `<siteDir>/pagefind/`. Only pages that mark their body
 * with data-pagefind-body (the paper pages) are indexed.
 */
export async function runPagefind(siteDir: string) {
  // Pagefind's Node API logs a failing service with console.error and a stack;
  // keep its first line for our one-line message instead.
  const logged: string[] = [];
  const consoleError = console.error;
  if (!process.env.DEBUG) console.error = (...args: unknown[]) => logged.push(args.map(String).join(" "));
  const check = (errors: string[]) => {
    if (errors.length > 0) throw new Error(errors.join("; "));
  };
  try {
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    check(created.errors);
    const index = created.index!;
    check((await index.addDirectory({ path: siteDir })).errors);
    const outputPath = join(siteDir, "pagefind");
    check((await index.writeFiles({ outputPath })).errors);
    const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8"));
    return { pages: Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0) };
  } catch (err) {
    const detail = logged[0]?.split("\n")[0];
    throw new Error(`${(err as Error).message}${detail ? ` (${detail})` : ""}`);
  } finally {
    console.error = consoleError;
    await pagefind.close();
  }
}
