import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second (USER_HZ), the unit of a process's CPU times in /proc. */
const TICKS = 100;

/**
 * A process and all its descendants (Linux /proc): their resident memory in all, in bytes, and each
 * one's CPU time so far (user + system), in seconds. Read synchronously: reading every process's stat
 * file through promises cost ~16 ms of CPU a sample here (a sixth of a core at 10 samples a second,
 * taken from the build it measures), synchronously ~1 ms.
 */
function tree(root: number): { rss: number; cpu: Map<number, number> } {
  const children = new Map<number, number[]>();
  const stats = new Map<number, { rss: number; cpu: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      stats.set(pid, { rss: Number(fields[21]) * 4096, cpu: (Number(fields[11]) + Number(fields[12])) / TICKS });
    } catch {
      // The process ended while we looked.
    }
  }
  let rss = 0;
  const cpu = new Map<number, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    rss += stats.get(pid)?.rss ?? 0;
    if (stats.has(pid)) cpu.set(pid, stats.get(pid)!.cpu);
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, cpu };
}

/**
 * Runs a command to its end, sampling its whole process tree every 100 ms: the peak resident memory, and
 * the CPU seconds of every process (as last seen: a process's last 100 ms, or one that lived less, may be missed).
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
) {
  return new Promise<{
    code: number;
    stdout: string;
    stderr: string;
    seconds: number;
    peakRss: number;
    cpuSeconds: number;
  }>((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    child.stdin.end(options.input ?? "");
    let stdout = "";
    let stderr = "";
    let peakRss = 0;
    const cpu = new Map<number, number>();
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setInterval(() => {
      if (!child.pid) return;
      const now = tree(child.pid);
      peakRss = Math.max(peakRss, now.rss);
      for (const [pid, seconds] of now.cpu) cpu.set(pid, seconds);
    }, 100);
    child.on("close", (code) => {
      clearInterval(timer);
      const cpuSeconds = [...cpu.values()].reduce((a, b) => a + b, 0);
      done({ code: code ?? 1, stdout, stderr, seconds: (performance.now() - started) / 1000, peakRss, cpuSeconds });
    });
  });
}
