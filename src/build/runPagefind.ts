import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_DIR } from "../paths.ts";
import { runProcess } from "./runProcess.ts";

/**
 * Indexes a built site with Pagefind's own binary (from its npm package) and
 * writes the index into `<siteDir>/pagefind/`. Only pages that mark their body
 * with data-pagefind-body (the paper pages) are indexed. Returns how many.
 */
export async function runPagefind(siteDir: string) {
  const cli = join(PROJECT_DIR, "node_modules/pagefind/lib/runner/bin.cjs");
  const { code, stdout, stderr } = await runProcess(process.execPath, [cli, "--site", siteDir, "--force-language", "en", "--silent"]);
  if (code !== 0) throw new Error((stderr || stdout).trim().split("\n")[0] || `Pagefind exited with status ${code} and said nothing`);
  // Pagefind also writes its ready-made search UIs; the site searches through its API alone.
  const unused = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];
  await Promise.all(unused.map((f) => rm(join(siteDir, "pagefind", f), { force: true })));
  const entry = JSON.parse(await readFile(join(siteDir, "pagefind", "pagefind-entry.json"), "utf8"));
  return { pages: Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0) };
}
