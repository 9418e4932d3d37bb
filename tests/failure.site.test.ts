import { cp, mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, SEED, tempDir } from "./support/cli.ts";
import { snapshot } from "./support/snapshot.ts";

describe("a build that fails in a later stage", () => {
  let out: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    out = join(await tempDir(), "site");
    expect((await runCli(["build", "--out", out])).code).toBe(0);
    before = await snapshot(out);
  });

  const expectUntouched = async () => {
    expect(await snapshot(out)).toEqual(before);
    // No half-built folder is left beside it either.
    expect(await readdir(dirname(out))).toEqual(["site"]);
  };

  it("with a folder Netlify would refuse: names it on one line, exits 1 and leaves the last site", async () => {
    const cache = join(await tempDir(), "cache");
    const r = await runCli(["build", "--out", out, "--cache", cache], { env: { PAPER_DIGEST_FOLDER_LIMIT: "50" } });
    expect(r.code).toBe(1);
    const errors = r.stderr.trim().split("\n");
    expect(errors).toHaveLength(1);
    // The fullest folder: Pagefind's fragments (one per page) or the papers' own.
    expect(errors[0]).toMatch(/^paper-digest: build publish failed: .*\/site\/(pagefind\/fragment|papers) would hold /);
    expect(errors[0]).toMatch(
      / \d+ entries; Netlify refuses a folder of more than 50 \(the previous site is untouched\)$/,
    );
    await expectUntouched();
  });

  it("in Pagefind: says so on one line, exits 1 and leaves the last site byte-identical", async () => {
    // A cache of its own: with the last build's, nothing would need indexing and Pagefind wouldn't run.
    const r = await runCli(["build", "--out", out, "--cache", join(await tempDir(), "cache")], {
      env: { PAGEFIND_BINARY_PATH: "/bin/false", PAGEFIND_EXTENDED_BINARY_PATH: "/bin/false" },
    });
    expect(r.code).toBe(1);
    const errors = r.stderr.trim().split("\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^paper-digest: build pagefind failed: .*the previous site is untouched/);
    expect(r.stdout).toMatch(/^eleventy /m);
    await expectUntouched();
  });

  it(
    "in Pagefind during an incremental build (which would update the site in place): leaves the last " +
      "site byte-identical",
    async () => {
      const work = await tempDir();
      const [site, cache, digests] = [join(work, "site"), join(work, "cache"), join(work, "digests")];
      await mkdir(digests);
      await cp(SEED, join(digests, "2025-03-13.txt"));
      const build = (env = {}) => runCli(["build", "--digests", digests, "--out", site, "--cache", cache], { env });
      expect((await build()).code).toBe(0);
      const last = await snapshot(site);
      await cp(join(ROOT, "tests/fixtures/search/2024-10-25.json"), join(digests, "2024-10-25.json"));
      const r = await build({ PAGEFIND_BINARY_PATH: "/bin/false", PAGEFIND_EXTENDED_BINARY_PATH: "/bin/false" });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^cache\s+incremental: [1-9]/m);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(await snapshot(site)).toEqual(last);
      expect((await readdir(work)).sort()).toEqual(["cache", "digests", "site"]);
    },
  );

  it(
    "in Eleventy (a broken hand-written template): names the template, exits 1 and leaves the last site " +
      "byte-identical",
    async () => {
      // A copy of the project with one broken template, as a curator might write it.
      const project = join(await tempDir(), "project");
      for (const part of ["bin", "src", "layouts", "content", ".eleventy.js", "package.json", "tsconfig.json"]) {
        await cp(join(ROOT, part), join(project, part), {
          recursive: true,
          filter: (src) => !src.includes("content/generated"),
        });
      }
      await symlink(join(ROOT, "node_modules"), join(project, "node_modules"));
      await writeFile(
        join(project, "content/broken.11ty.ts"),
        'export function render() { throw new Error("the broken template"); }\n',
      );
      await mkdir(join(project, "content/digests"), { recursive: true });
      await cp(SEED, join(project, "content/digests/2025-03-13.txt"));

      const r = await runCli(["build", "--out", out], { cwd: project, bin: join(project, "bin/paper-digest.js") });
      expect(r.code).toBe(1);
      const errors = r.stderr.trim().split("\n");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^paper-digest: build eleventy failed: .*broken.*the previous site is untouched/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      await expectUntouched();
    },
  );
});
