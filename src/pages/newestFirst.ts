import type { Paper } from "../model.ts";

/**
 * Papers newest first by the day they were first listed; within a day, in the
 * digest's own order. (Sorting is stable and the library is in order of first
 * appearance, so only the day needs comparing.)
 */
export const newestFirst = (papers: readonly Paper[]): Paper[] =>
  [...papers].sort((a, b) => (a.digests[0] < b.digests[0] ? 1 : a.digests[0] > b.digests[0] ? -1 : 0));
