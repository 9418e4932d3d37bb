import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./support/cli.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const LOCK = join(ROOT, ".paper-digest.lock");
// One card cache for the file: the second test's build reuses the first's cards.
const cache = tempDir("pd-cache-");
const args = (digests: string, out: string, cache: string) => [
  "build",
  "--digests",
  digests,
  "--out",
  out,
  "--cache",
  cache,
  "--site-url",
  "https://digest.example.org",
];

describe("one build at a time", () => {
  it(
    "refuses a second build of the project while the first runs, in one line, and the first still " + "succeeds",
    async () => {
      const digests = await sourcesDigests();
      const first = spawn(
        process.execPath,
        [join(ROOT, "bin/paper-digest.js"), ...args(digests, join(await tempDir(), "site"), await cache)],
        { cwd: ROOT },
      );
      let stdout = "";
      first.stdout.on("data", (chunk) => (stdout += chunk));
      const done = new Promise<number>((resolve) => first.on("close", (code) => resolve(code ?? 1)));
      // Wait until the first build is under way (it draws cards on a cold cache for seconds).
      while (!/^merge/m.test(stdout)) await new Promise((r) => setTimeout(r, 50));
      const second = await runCli(args(digests, join(await tempDir(), "site"), await cache));
      expect(second.code).toBe(1);
      const refusal = /^.*\.paper-digest\.lock:1: another paper-digest build is running \(pid \d+, since .+\): wait/;
      expect(second.stderr.trim()).toMatch(refusal);
      expect(second.stderr.trim()).toMatch(/: wait for it to finish$/);
      expect(await done).toBe(0);
      expect(existsSync(LOCK)).toBe(false);
    },
  );

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
      // Removed by a process the build starts (as a swapped-out site is), which may outlive it by a moment.
      for (let waited = 0; existsSync(leftover) && waited < 20_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(join(parent, "site", "index.html"))).toBe(true);
      expect(existsSync(LOCK)).toBe(false);
    } finally {
      await rm(LOCK, { force: true });
    }
  });

  it(
    "ends its drawing process with it when a build is killed, so no card is drawn for a build that " + "is gone",
    async () => {
      // A cold card cache: the build draws its cards for seconds.
      const cards = await tempDir("pd-cache-");
      const build = spawn(
        process.execPath,
        [join(ROOT, "bin/paper-digest.js"), ...args(await sourcesDigests(), join(await tempDir(), "site"), cards)],
        { cwd: ROOT },
      );
      // Its exit, not its streams' close: a drawing process left behind would hold those open.
      const ended = new Promise((resolve) => build.on("exit", resolve));
      // Killed once it has drawn its first card.
      const drawn = () =>
        readdirSync(join(cards, "cards"), { withFileTypes: true }).filter((f) => f.name.endsWith(".png")).length;
      while (!existsSync(join(cards, "cards")) || drawn() === 0) await new Promise((r) => setTimeout(r, 20));
      const drawers = childrenOf(build.pid!).filter((pid) => commandOf(pid).includes("cardProcess"));
      expect(drawers.length).toBeGreaterThan(0);
      build.kill("SIGKILL");
      await ended;
      for (let waited = 0; drawers.some(alive) && waited < 1_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(drawers.filter(alive)).toEqual([]);
    },
  );
});

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};

/** Running (a zombie, ended but not yet reaped, counts as gone). */
const alive = (pid: number) => {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
