import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import type { Socket } from "node:net";
import { join, relative, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { CONTENT_DIR, PROJECT_DIR } from "../config/paths.ts";
import { SIZES } from "../config/settings.ts";

/** What Eleventy wrote: each template (relative to the project) and the files it rendered (relative to the output). */
export type Rendered = Map<string, string[]>;

/** An Eleventy process waiting to render into its output folder: told once, or stopped. */
export interface EleventyAhead {
  /**
   * Renders; with `changedOnly`, the generated pages are those in CHANGED_DIR alone; with `pagesOnly`, the
   * site-wide templates and copied files are left to another run.
   */
  render(options?: { changedOnly?: boolean; pagesOnly?: boolean }): Promise<Rendered>;
  /** Ends the process without rendering (the build stopped before it needed it). */
  stop(): void;
}

/**
 * Starts Eleventy on content/ and .eleventy.js, rendering into `outDir`, in a
 * process of its own (loading our TypeScript as eleventyAhead.mjs says) so that its memory is
 * returned before Pagefind runs. It loads Eleventy and the site's plugins and
 * layouts at once (eleventyAhead.mjs), ~0.6 s of work done while the build
 * still emits, and renders when told. A failure becomes an error naming its cause.
 */
export function startEleventy(outDir: string): EleventyAhead {
  const cli = join(PROJECT_DIR, "node_modules/@11ty/eleventy/cmd.cjs");
  const resultsFile = `${outDir}.rendered.json`;
  // A large archive needs more than V8's default heap (Eleventy holds every page's data), but never more
  // than a Netlify builder (8 GiB in all, shared with Pagefind and the cards) can give: 5 GB.
  const args = [
    `--max-old-space-size=${SIZES.eleventyHeapMb}`,
    "--import",
    "./src/render/eleventyAhead.mjs",
    cli,
    "--config=.eleventy.js",
    `--input=${CONTENT_DIR}`,
    `--output=${outDir}`,
    "--quiet",
  ];
  // Eleventy registers a module resolver of its own to reload edited files in watch mode; a build has no use
  // for it, and it sends every import through the loader thread.
  const env = {
    ...process.env,
    PAPER_DIGEST_RENDERED: resultsFile,
    PAPER_DIGEST_LIFELINE: "3",
    ELEVENTY_SKIP_ESM_RESOLVER: "1",
  };
  // fd 3 is its lifeline (see eleventyAhead.mjs): held open here, never written, closed by the system when this
  // process ends however it ends, and the Eleventy process ends with it.
  const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, env, stdio: ["pipe", "ignore", "pipe", "pipe"] });
  const [stdin, , stderrStream, lifeline] = child.stdio as unknown as [Writable, null, Readable, Socket | null];
  lifeline?.on("error", () => {});
  lifeline?.unref();
  let stderr = "";
  stderrStream.on("data", (d) => (stderr += d));
  // A process that died early (see its stderr) can't read its order: that is reported as its exit, below.
  stdin.on("error", () => {});
  const exited = new Promise<number>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => done(code ?? 1));
  });
  exited.catch(() => {});

  return {
    async render({ changedOnly = false, pagesOnly = false } = {}) {
      const order = {
        PAPER_DIGEST_CHANGED_ONLY: changedOnly ? "1" : "",
        PAPER_DIGEST_PAGES_ONLY: pagesOnly ? "1" : "",
      };
      stdin.end(`${JSON.stringify(order)}\n`);
      try {
        const code = await exited;
        if (code !== 0) {
          // Eleventy explains a failure as numbered causes: "[11ty] 1. Having trouble … (via X)".
          const causes = [
            ...new Set([...stderr.matchAll(/^\[11ty\] \d+\. (.+?)(?: \(via \w+\))?$/gm)].map((m) => m[1])),
          ];
          throw new Error(
            causes.length > 0 ? causes.join(": ") : stderr.trim().split("\n")[0] || `exit status ${code}`,
          );
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
    },
    stop() {
      stdin.end();
      child.kill();
    },
  };
}
