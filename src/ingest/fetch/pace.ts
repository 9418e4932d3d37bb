import { SIZES } from "../../config/settings.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Requests to arXiv (its API and its listing feeds alike) one at a time and at least three seconds apart, as
 * arXiv asks; `delay` seconds between any others (a test server: none). Await it before each request.
 */
export function pacer(delay = 0, clock = { now: () => performance.now(), sleep }) {
  let last = Number.NEGATIVE_INFINITY;
  return async (url: string) => {
    const pause = new URL(url).hostname.endsWith("arxiv.org") ? Math.max(delay, SIZES.arxivDelaySeconds) : delay;
    const wait = last + pause * 1000 - clock.now();
    if (wait > 0) await clock.sleep(wait);
    last = clock.now();
  };
}
