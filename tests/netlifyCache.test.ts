import { cp, mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { onPostBuild, onPreBuild } from "../plugins/netlify-cache/index.js";
import { buildWithCli } from "./support/builtSite.ts";
import { tempDir } from "./support/cli.ts";
import { netlifyConfig } from "./support/netlifyHeaders.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * A stand-in for Netlify's utils.cache (@netlify/cache-utils) with its documented
 * behaviour: save copies a path into the store (false when the path is missing);
 * restore copies it back unless it exists locally already (false when nothing was saved).
 */
function standInCache(cwd: string, store: string) {
  return {
    async save(path: string) {
      if (!(await exists(join(cwd, path)))) return false;
      await rm(join(store, path), { recursive: true, force: true });
      await cp(join(cwd, path), join(store, path), { recursive: true });
      return true;
    },
    async restore(path: string) {
      if ((await exists(join(cwd, path))) || !(await exists(join(store, path)))) return false;
      await cp(join(store, path), join(cwd, path), { recursive: true });
      return true;
    },
  };
}

describe("the Netlify cache plugin", () => {
  it("is declared in netlify.toml as a local plugin that Netlify's own parser reads", async () => {
    const config = await netlifyConfig();
    expect(config.plugins.map((p: { package: string }) => p.package)).toContain("./plugins/netlify-cache");
  });

  it("keeps drawn cards between deploys, so the next build draws none; a cleared cache costs one full draw", async () => {
    const project = await tempDir("pd-netlify-");
    const store = await tempDir("pd-netlify-store-");
    const utils = { cache: standInCache(project, store) };
    const digests = await sourcesDigests();
    const build = () => buildWithCli(digests, ["--cache", join(project, ".cache")]);
    const log: string[] = [];
    const quiet = { log: console.log };
    console.log = (line: string) => log.push(line);
    try {
      await onPreBuild({ utils });
      const cold = await build();
      expect(cold.result.stdout).toMatch(/cards\s+[1-9]\d* drawn, 0 from the cache/);
      await onPostBuild({ utils });

      // The next deploy starts on a fresh machine: only Netlify's cache carries over.
      await rm(join(project, ".cache"), { recursive: true });
      await onPreBuild({ utils });
      expect(await exists(join(project, ".cache/cards"))).toBe(true);
      expect((await build()).result.stdout).toMatch(/cards\s+0 drawn, [1-9]\d* from the cache/);

      // Someone clears the cache in Netlify's UI: one cold build, and nothing breaks.
      await rm(join(project, ".cache"), { recursive: true });
      await rm(store, { recursive: true });
      await mkdir(store);
      await onPreBuild({ utils });
      expect((await build()).result.stdout).toMatch(/cards\s+[1-9]\d* drawn, 0 from the cache/);
    } finally {
      console.log = quiet.log;
    }
    expect(log).toEqual([
      "paper-digest: no .cache cached yet: this build starts cold",
      "paper-digest: saved .cache for the next deploy",
      "paper-digest: restored .cache from the previous deploy",
      "paper-digest: no .cache cached yet: this build starts cold",
    ]);
  });
});
