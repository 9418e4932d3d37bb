import { join } from "node:path";
import { CONTENT_DIR, PROJECT_DIR } from "../paths.ts";
import { runProcess } from "./runProcess.ts";

/**
 * Renders content/ into `outDir` with .eleventy.js, in a process of its own (with
 * TypeScript support loaded), so that its memory is returned before Pagefind runs.
 * Returns the number of files written; a failure becomes an error naming its cause.
 */
export async function runEleventy(outDir: string): Promise<number> {
  const cli = join(PROJECT_DIR, "node_modules/@11ty/eleventy/cmd.cjs");
  // A large archive needs more than V8's default heap (Eleventy holds every page's data), but never more
  // than a Netlify builder (8 GiB in all, shared with Pagefind and the cards) can give: 5 GB.
  const args = ["--max-old-space-size=5120", "--import", "tsx", cli, "--config=.eleventy.js", `--input=${CONTENT_DIR}`, `--output=${outDir}`, "--quiet"];
  const { code, stdout, stderr } = await runProcess(process.execPath, args, { cwd: PROJECT_DIR });
  if (code !== 0) {
    // Eleventy explains a failure as numbered causes: "[11ty] 1. Having trouble … (via X)".
    const causes = [...new Set([...stderr.matchAll(/^\[11ty\] \d+\. (.+?)(?: \(via \w+\))?$/gm)].map((m) => m[1]))];
    throw new Error(causes.length > 0 ? causes.join(": ") : stderr.trim().split("\n")[0] || `exit status ${code}`);
  }
  return Number(/Wrote (\d+) files?/.exec(stdout + stderr)?.[1] ?? 0);
}
