import { cp, mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { onPostBuild, onPreBuild } from "../plugins/netlify-cache/index.js";
import { runCli, tempDir } from "./support/cli.ts";
import { netlifyConfig } from "./support/netlifyHeaders.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * A stand-in for Netlify's utils.cache (@netlify/cache-utils) with its documented
 * behaviour: save copies a path into the store (false when the path is missing);
 * restore copies it back unless it exists locally already (false when nothing was saved).
 * It copies with cpy, which keeps the files' modification times, as this does.
 */
function standInCache(cwd: string, store: string) {
  return {
    async save(path: string) {
      if (!(await exists(join(cwd, path)))) return false;
      await rm(join(store, path), { recursive: true, force: true });
      await cp(join(cwd, path), join(store, path), { recursive: true, preserveTimestamps: true });
      return true;
    },
    async restore(path: string) {
      if ((await exists(join(cwd, path))) || !(await exists(join(store, path)))) return false;
      await cp(join(store, path), join(cwd, path), { recursive: true, preserveTimestamps: true });
      return true;
    },
  };
}

describe("the Netlify cache plugin", () => {
  it("is declared in netlify.toml as a local plugin that Netlify's own parser reads", async () => {
    const config = await netlifyConfig();
    expect(config.plugins.map((p: { package: string }) => p.package)).toContain("./plugins/netlify-cache");
  });

  it(
    "keeps drawn cards and the site between deploys, so the next build is incremental and draws none; a " +
      "cleared cache costs one full build",
    async () => {
      const project = await tempDir("pd-netlify-");
      const store = await tempDir("pd-netlify-store-");
      const utils = { cache: standInCache(project, store) };
      const constants = { PUBLISH_DIR: "_site" };
      const digests = await sourcesDigests();
      const build = async () => {
        const result = await runCli([
          "build",
          "--digests",
          digests,
          "--out",
          join(project, "_site"),
          "--cache",
          join(project, ".cache"),
          "--site-url",
          "https://digest.example.org",
        ]);
        if (result.code !== 0) throw new Error(result.stderr);
        return result.stdout;
      };
      const log: string[] = [];
      const quiet = { log: console.log };
      console.log = (line: string) => log.push(line);
      try {
        await onPreBuild({ utils, constants });
        const cold = await build();
        expect(cold).toMatch(/cards\s+[1-9]\d* drawn, 0 from the cache/);
        expect(cold).toMatch(/cache\s+full build: no previous build/);
        await onPostBuild({ utils, constants });

        // The next deploy starts on a fresh machine: only Netlify's cache carries over.
        await rm(join(project, ".cache"), { recursive: true });
        await rm(join(project, "_site"), { recursive: true });
        await onPreBuild({ utils, constants });
        expect(await exists(join(project, ".cache/cards"))).toBe(true);
        const next = await build();
        expect(next).toMatch(/cards\s+0 drawn, [1-9]\d* from the cache/);
        expect(next).toMatch(/cache\s+incremental: 0 pages to render/);
        await onPostBuild({ utils, constants });

        // Someone clears the cache in Netlify's UI: one cold, full build, and nothing breaks.
        await rm(join(project, ".cache"), { recursive: true });
        await rm(join(project, "_site"), { recursive: true });
        await rm(store, { recursive: true });
        await mkdir(store);
        await onPreBuild({ utils, constants });
        const cleared = await build();
        expect(cleared).toMatch(/cards\s+[1-9]\d* drawn, 0 from the cache/);
        expect(cleared).toMatch(/cache\s+full build/);
      } finally {
        console.log = quiet.log;
      }
      expect(log).toEqual([
        "paper-digest: nothing cached yet: this build starts cold",
        "paper-digest: saved .cache and _site for the next deploy",
        "paper-digest: restored .cache and _site from the previous deploy",
        "paper-digest: saved .cache and _site for the next deploy",
        "paper-digest: nothing cached yet: this build starts cold",
      ]);
    },
  );
});
