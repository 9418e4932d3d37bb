// A build killed with SIGKILL (the out-of-memory killer, a CI timeout) takes its helper processes with it,
// and the next build leaves no half-built folder behind.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticDigests } from "../bench/syntheticDigests.ts";
import { ROOT, runCli, tempDir } from "./support/cli.ts";

/** Every process below `pid`, from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      // "pid (comm) state ppid …": the command may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const parent = queue.shift()!;
    const children = [...parents].filter(([, ppid]) => ppid === parent).map(([child]) => child);
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

const alive = (pid: number) => {
  try {
    // A zombie has ended; only its parent hasn't reaped it.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts a build and resolves once its progress has printed a line starting with `stage`. */
async function buildUntil(args: string[], stage: RegExp) {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "bin/paper-digest.js"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((reached, failed) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (stage.test(out)) reached();
    });
    child.on("exit", () => failed(new Error(`the build ended before ${stage}:\n${out}`)));
  });
  return child;
}

/** Eleventy renders from the moment the pages are emitted, for seconds with this many papers. */
const rendering = (_work: string, _build: ChildProcess) => {
  const since = performance.now();
  return () => performance.now() - since > 500;
};

/** Whether Pagefind's own binary is running among the build's processes. */
const indexing = (_work: string, build: ChildProcess) => () =>
  descendants(build.pid!).some((pid) => {
    try {
      return /pagefind/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]);
    } catch {
      return false;
    }
  });

describe("a build killed with SIGKILL", () => {
  for (const [phase, busy] of [
    ["Eleventy", rendering],
    ["Pagefind", indexing],
  ] as const) {
    it(`during ${phase}: no process of its own alive a second later, nor a folder after the next build`, async () => {
      // Enough papers that Eleventy and Pagefind each work for seconds, long after the kill.
      const work = await tempDir("pd-killed-");
      const digests = join(work, "digests");
      await mkdir(digests);
      for (const [name, text] of syntheticDigests(3000)) await writeFile(join(digests, name), text);
      const site = ["--out", join(work, "site"), "--cache", join(work, "cache"), "--cards", "0"];
      const args = ["build", "--digests", digests, ...site];
      const build = await buildUntil(args, /^emit /m);
      const working = busy(work, build);
      while (!working()) await sleep(20);
      const helpers = descendants(build.pid!);
      expect(helpers.length).toBeGreaterThan(0);
      build.kill("SIGKILL");
      await sleep(1000);
      expect(helpers.filter(alive)).toEqual([]);
      const next = await runCli(args);
      expect(next.code).toBe(0);
      // The killed build's temporary folder is removed beside the next build; give that a moment to finish.
      await sleep(500);
      expect((await readdir(work)).filter((n) => n.includes(".building-"))).toEqual([]);
    });
  }
});
