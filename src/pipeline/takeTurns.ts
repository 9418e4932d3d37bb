/** Runs work when its turn comes: one at a time, in the order asked. */
export type Turn = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Turns for the parts of a build that hold hundreds of MB each — an Eleventy run,
 * Pagefind writing a shard — so that they never add up to its peak memory, while
 * lighter work (Pagefind parsing a shard's pages) goes on beside them.
 */
export function takeTurns(): Turn {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const mine = last.then(work);
    // The next turn comes when this one ends, well or not (its failure is its caller's).
    last = mine.catch(() => {});
    return mine;
  };
}

/** No turns: work runs at once. */
export const atOnce: Turn = (work) => work();
