import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Runs a full garbage collection so the heap that the pipeline's own stages grew
 * (hundreds of MB for 10,000 papers) is returned before Eleventy and Pagefind,
 * which run as processes of their own, need the memory.
 */
export function releaseMemory() {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}
