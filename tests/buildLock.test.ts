import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./support/cli.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const LOCK = join(ROOT, ".paper-digest.lock");
// One card cache for the file: the second test's build reuses the first's cards.
const cache = tempDir("pd-cache-");
const args = (digests: string, out: string, cache: string) => ["build", "--digests", digests, "--out", out, "--cache", cache, "--site-url", "https://digest.example.org"];

describe("one build at a time", () => {
  it("refuses a second build of the project while the first runs, in one line, and the first still succeeds", async () => {
    const digests = await sourcesDigests();
    const first = spawn(process.execPath, [join(ROOT, "bin/paper-digest.js"), ...args(digests, join(await tempDir(), "site"), await cache)], { cwd: ROOT });
    let stdout = "";
    first.stdout.on("data", (chunk) => (stdout += chunk));
    const done = new Promise<number>((resolve) => first.on("close", (code) => resolve(code ?? 1)));
    // Wait until the first build is under way (it draws cards on a cold cache for seconds).
    while (!/^merge/m.test(stdout)) await new Promise((r) => setTimeout(r, 50));
    const second = await runCli(args(digests, join(await tempDir(), "site"), await cache));
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^.*\.paper-digest\.lock:1: another paper-digest build is running \(pid \d+, since .+\): wait for it to finish$/);
    expect(await done).toBe(0);
    expect(existsSync(LOCK)).toBe(false);
  });

  it("takes over the lock of a build that was killed, and removes the folders it left half-built", async () => {
    // A process that has ended: its pid holds the lock no more.
    const dead = Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).toString());
    await writeFile(LOCK, JSON.stringify({ pid: dead, started: "2026-01-01T00:00:00.000Z" }));
    const parent = await tempDir();
    const leftover = join(parent, ".site.building-abc123");
    await mkdir(join(leftover, "papers"), { recursive: true });
    try {
      const result = await runCli(args(await sourcesDigests(), join(parent, "site"), await cache));
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(join(parent, "site", "index.html"))).toBe(true);
      expect(existsSync(LOCK)).toBe(false);
    } finally {
      await rm(LOCK, { force: true });
    }
  });
});
