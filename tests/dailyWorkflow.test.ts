// The scheduled job: .github/workflows/daily.yml runs scripts/daily.sh, which these tests run in temporary
// git repositories with a bare remote, against recorded answers on 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { validateWorkflow } from "@action-validator/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "./support/cli.ts";
import { type DailyAnswers, dailyServer, RETRIEVAL_MORNING } from "./support/dailyServer.ts";

const run = promisify(execFile);
const WORKFLOW = join(ROOT, ".github/workflows/daily.yml");
const answers: DailyAnswers = { listing: "2024-10-25" };
let server: Awaited<ReturnType<typeof dailyServer>>;

beforeAll(async () => {
  server = await dailyServer(answers);
});
afterAll(() => server.close());

const git = async (cwd: string, ...args: string[]) => (await run("git", args, { cwd })).stdout.trim();
const IDENTITY = ["-c", "user.name=Curator", "-c", "user.email=curator@example.org"];

/** A bare remote holding a site with site.yaml, and a clone of it, as the workflow's checkout is. */
async function repository() {
  const dir = await tempDir("pd-git-");
  const remote = join(dir, "remote.git");
  await run("git", ["init", "-q", "--bare", "-b", "main", remote]);
  const seed = join(dir, "seed");
  await mkdir(join(seed, "content/digests"), { recursive: true });
  await git(seed, "init", "-q", "-b", "main");
  await writeFile(join(seed, "content/site.yaml"), RETRIEVAL_MORNING);
  await writeFile(join(seed, "content/digests/.gitkeep"), "");
  await git(seed, "add", "-A");
  await git(seed, ...IDENTITY, "commit", "-q", "-m", "A site");
  await git(seed, "push", "-q", remote, "main");
  const work = join(dir, "work");
  await run("git", ["clone", "-q", remote, work]);
  return { dir, remote, work };
}

/** Runs the job's script in a clone; no git identity of its own, as on GitHub's runners. */
async function dailyJob(work: string, ...args: string[]) {
  const env = {
    ...process.env,
    PAPER_DIGEST_CLI: `${process.execPath} ${join(ROOT, "bin/paper-digest.js")}`,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const script = join(ROOT, "scripts/daily.sh");
  return run("bash", [script, "--date", "2024-10-25", ...server.flags, ...args], { cwd: work, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr,
    }),
  );
}

const remoteFiles = (remote: string) => git(remote, "ls-tree", "-r", "--name-only", "main");

describe("the daily job (scripts/daily.sh)", () => {
  it("commits a new day's files and pushes them, then finds nothing new on a second run", async () => {
    const { remote, work } = await repository();
    const first = await dailyJob(work);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^daily: committed and pushed 2024-10-25\.atom 2024-10-25\.json$/m);
    expect(await remoteFiles(remote)).toContain("content/digests/2024-10-25.json");
    expect(await remoteFiles(remote)).toContain("content/digests/2024-10-25.atom");
    expect(await git(remote, "log", "-1", "--format=%s|%an", "main")).toBe(
      "Daily papers: 2024-10-25.atom 2024-10-25.json|github-actions[bot]",
    );
    const head = await git(remote, "rev-parse", "main");
    const second = await dailyJob(work);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^daily: nothing new to commit$/m);
    expect(await git(remote, "rev-parse", "main")).toBe(head);
  });

  it("commits nothing for a source answering 500, pushes the others' files, and fails the job", async () => {
    const { remote, work } = await repository();
    answers.failing = "huggingface";
    try {
      const job = await dailyJob(work);
      expect(job.code).toBe(1);
      expect(job.stdout).toMatch(/^huggingface daily: failed, nothing written for it: .*HTTP 500/m);
      const files = await remoteFiles(remote);
      expect(files).toContain("content/digests/2024-10-25.atom");
      expect(files).not.toContain("content/digests/2024-10-25.json");
    } finally {
      answers.failing = undefined;
    }
  });

  it("rebases onto a remote that moved meanwhile, and pushes", async () => {
    const { dir, remote, work } = await repository();
    // A curator edits the site while the job runs.
    const other = join(dir, "other");
    await run("git", ["clone", "-q", remote, other]);
    await writeFile(join(other, "content/overrides.yaml"), "overrides: {}\n");
    await git(other, "add", "-A");
    await git(other, ...IDENTITY, "commit", "-q", "-m", "A curator's edit");
    await git(other, "push", "-q", "origin", "main");
    const job = await dailyJob(work);
    expect(job.code).toBe(0);
    expect(job.stdout).toMatch(/^daily: main moved on the remote; rebasing onto it \(attempt 1 of 3\)$/m);
    expect(job.stdout).toMatch(/^daily: committed and pushed/m);
    const log = (await git(remote, "log", "--format=%s", "main")).split("\n");
    expect(log).toEqual(["Daily papers: 2024-10-25.atom 2024-10-25.json", "A curator's edit", "A site"]);
  });
});

describe("the daily workflow", () => {
  it("is a valid GitHub Actions workflow", async () => {
    expect(validateWorkflow(await readFile(WORKFLOW, "utf8")).errors).toEqual([]);
  });

  it("runs the script on a schedule off the hour and by hand, one run at a time, allowed only to push", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8"));
    const [minute] = workflow.on.schedule[0].cron.split(" ");
    expect(Number(minute)).not.toBe(0);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.permissions).toEqual({ contents: "write" });
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
    const steps = workflow.jobs.daily.steps.map((s: { run?: string }) => s.run ?? "");
    expect(steps.some((s: string) => s.startsWith("scripts/daily.sh"))).toBe(true);
    // The dispatch's date reaches the shell as data (an environment variable), never spliced into the script.
    expect(steps.join("\n")).not.toMatch(/\$\{\{/);
  });
});
