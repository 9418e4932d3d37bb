import { readFile, rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { CONTENT_DIR, PROJECT_DIR } from "../paths.ts";
import { runProcess } from "./runProcess.ts";

/** What Eleventy wrote: each template (relative to the project) and the files it rendered (relative to the output). */
export type Rendered = Map<string, string[]>;

/**
 * Renders content/ into `outDir` with .eleventy.js, in a process of its own (with
 * TypeScript support loaded), so that its memory is returned before Pagefind runs.
 * With `changedOnly`, the generated pages are those in CHANGED_DIR alone (the
 * site-wide templates and copied files are always rendered). Returns what each
 * template wrote; a failure becomes an error naming its cause.
 */
export async function runEleventy(outDir: string, { changedOnly = false } = {}): Promise<Rendered> {
  const cli = join(PROJECT_DIR, "node_modules/@11ty/eleventy/cmd.cjs");
  const resultsFile = `${outDir}.rendered.json`;
  // A large archive needs more than V8's default heap (Eleventy holds every page's data), but never more
  // than a Netlify builder (8 GiB in all, shared with Pagefind and the cards) can give: 5 GB.
  const args = ["--max-old-space-size=5120", "--import", "tsx", cli, "--config=.eleventy.js", `--input=${CONTENT_DIR}`, `--output=${outDir}`, "--quiet"];
  const env = { ...process.env, PAPER_DIGEST_RENDERED: resultsFile, PAPER_DIGEST_CHANGED_ONLY: changedOnly ? "1" : "" };
  try {
    const { code, stderr } = await runProcess(process.execPath, args, { cwd: PROJECT_DIR, env });
    if (code !== 0) {
      // Eleventy explains a failure as numbered causes: "[11ty] 1. Having trouble … (via X)".
      const causes = [...new Set([...stderr.matchAll(/^\[11ty\] \d+\. (.+?)(?: \(via \w+\))?$/gm)].map((m) => m[1]))];
      throw new Error(causes.length > 0 ? causes.join(": ") : stderr.trim().split("\n")[0] || `exit status ${code}`);
    }
    const results: [string, string | false][] = JSON.parse(await readFile(resultsFile, "utf8"));
    const rendered: Rendered = new Map();
    for (const [input, output] of results) {
      if (output === false) continue;
      const key = relative(PROJECT_DIR, resolve(PROJECT_DIR, input));
      rendered.set(key, [...(rendered.get(key) ?? []), relative(outDir, resolve(PROJECT_DIR, output))]);
    }
    return rendered;
  } finally {
    await rm(resultsFile, { force: true });
  }
}
