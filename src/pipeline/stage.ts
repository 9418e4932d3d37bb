/** A build that failed in a named stage (not through bad input); the previous site is untouched. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly cause: unknown,
  ) {
    super(`${stage} failed: ${reasons(cause).join(": ")}`);
  }
}

/** Runs a stage and prints its line: name, what it did, seconds (with DEBUG, memory and time since the start). */
export type Stage = <T>(name: string, work: () => Promise<T> | T, describe: (result: T) => string) => Promise<T>;

/** The `stage` of one build, whose lines go to `progress`. */
export function stages(progress: (line: string) => void, started = performance.now()): Stage {
  return async (name, work, describe) => {
    const t0 = performance.now();
    const result = await work();
    const debug = process.env.DEBUG
      ? ` rss=${Math.round(process.memoryUsage().rss / 2 ** 20)}MB at=${seconds(started)}`
      : "";
    progress(`${name.padEnd(9)} ${describe(result).padEnd(44)} ${seconds(t0)}${debug}`);
    return result;
  };
}

/** Work whose failure is the named stage's (the CLI says which stage failed, and that the old site stays). */
export async function inStage<T>(stage: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new StageError(stage, err);
  }
}

/** A promise awaited later: until then its failure must not count as unhandled. */
export function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)}s`;

/** The messages of an error and of the errors it wraps (Eleventy nests the root cause). */
function reasons(err: unknown): string[] {
  const out: string[] = [];
  type Nested = { message?: string; cause?: unknown; originalError?: unknown } | undefined;
  for (let e = err as Nested; e && out.length < 5; e = (e.originalError ?? e.cause) as Nested) {
    const message = String(e.message ?? e)
      .split("\n")[0]
      .trim();
    if (message && !out.includes(message)) out.push(message);
  }
  return out;
}
