import { cp, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, SEED, tempDir } from "./support/cli.ts";
import { snapshot } from "./support/snapshot.ts";

const oneLineError = (stderr: string) => {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
};

describe("paper-digest check", () => {
  it("prints date and paper count per file", async () => {
    const r = await runCli(["check", SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${SEED}: 2025-03-13, 69 papers`);
  });

  it("reports each bad file on one FILE:LINE: line and exits 1", async () => {
    const dir = await tempDir();
    const bad = join(dir, "2025-03-14.txt");
    await writeFile(
      bad,
      "boilerplate\n\nMar 13\n\nA title\n\nAn abstract long enough to look like one, really it is, it " +
        "goes on for a while like an abstract does and more. ".repeat(1) +
        "x".repeat(200) +
        "\n",
    );
    const r = await runCli(["check", SEED, bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2025-03-13, 69 papers");
    expect(oneLineError(r.stderr)).toBe(`${bad}:3: the date line says 2025-03-13 but the file is dated 2025-03-14`);
  });

  it("takes the year from --date for a file not named by its date", async () => {
    const dir = await tempDir();
    const file = join(dir, "today.txt");
    await cp(SEED, file);
    expect((await runCli(["check", file])).code).toBe(1);
    const r = await runCli(["check", file, "--date", "2025-03-13"]);
    expect(r.stdout.trim()).toBe(`${file}: 2025-03-13, 69 papers`);
  });

  it("explains a bad flag in one line and the usage, without a stack trace", async () => {
    const r = await runCli(["build", "--nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^paper-digest: Unknown option '--nope'/);
    expect(r.stderr).toContain("Usage:");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("paper-digest build", () => {
  let out: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    out = join(await tempDir(), "nested", "site");
    const r = await runCli(["build", "--out", out, "--site-url", "https://example.org"]);
    expect(r.code, r.stderr).toBe(0);
    before = await snapshot(out);
  });

  it("builds into any folder, relative to where it is run", async () => {
    const cwd = await tempDir();
    const r = await runCli(["build", "--out", "rel-site", "--digests", join(ROOT, "content/digests")], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect((await stat(join(cwd, "rel-site", "index.html"))).isFile()).toBe(true);
  });

  it("leaves the last good site byte-identical when a digest is bad", async () => {
    const digests = await tempDir();
    await cp(SEED, join(digests, "2025-03-13.txt"));
    await writeFile(join(digests, "2025-03-14.txt"), "Mar 14\n\nTitle with no abstract\n");
    const r = await runCli(["build", "--digests", digests, "--out", out]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toBe(
      `${join(digests, "2025-03-14.txt")}:3: the title "Title with no abstract" has no abstract`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it("rejects a digest file not named by its date", async () => {
    const digests = await tempDir();
    await cp(SEED, join(digests, "march.txt"));
    await cp(SEED, join(digests, "2025-13-45.txt"));
    const r = await runCli(["build", "--digests", digests, "--out", out]);
    expect(r.code).toBe(1);
    // Names are read in order: a date that cannot exist is caught before the wordy name.
    expect(oneLineError(r.stderr)).toMatch(/2025-13-45\.txt:1: a digest's file name must be its date/);
    expect(await snapshot(out)).toEqual(before);
  });

  it("leaves the last good site byte-identical when topics.yaml is malformed", async () => {
    const topics = join(await tempDir(), "topics.yaml");
    await writeFile(
      topics,
      "topics:\n  - slug: a\n    name: A\n    description: About A.\n    terms:\n      alpha: many\n",
    );
    const r = await runCli(["build", "--topics", topics, "--out", out]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toBe(`${topics}:6: the weight of 'alpha' must be a positive number`);
    expect(await snapshot(out)).toEqual(before);
  });

  it("rejects a site URL that is not absolute", async () => {
    const r = await runCli(["build", "--out", out, "--site-url", "example.org"]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/site URL 'example\.org' is not an absolute URL/);
  });
});

describe("paper-digest add", () => {
  it("validates, then refuses to overwrite a different digest without --force", async () => {
    const dir = await tempDir();
    const file = join(dir, "2025-03-13.txt");
    await writeFile(file, (await readFile(SEED, "utf8")).replace("Mar 13", "Mar 12"));
    const r = await runCli(["add", file]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/2025-03-13\.txt:\d+: the date line says 2025-03-12/);

    const same = await runCli(["add", SEED]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("already there, unchanged");

    const other = join(dir, "other", "2025-03-13.txt");
    await mkdir(join(dir, "other"));
    await writeFile(other, (await readFile(SEED, "utf8")).replace("TimberVision", "TimberVision 2"));
    const refused = await runCli(["add", other]);
    expect(refused.code).toBe(1);
    expect(oneLineError(refused.stderr)).toMatch(/exists already .*--force/);
  });
});
