import { SIZES } from "../../config/settings.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Seconds to leave before a request to `url`: arXiv's own hosts never get them faster than it asks. */
export const pauseFor = (url: string, delay: number) =>
  new URL(url).hostname.endsWith("arxiv.org") ? Math.max(delay, SIZES.arxivDelaySeconds) : delay;

/** Makes `request` (to `url`) when its pause since the end of the last one is over. */
export type Pace = <T>(url: string, request: () => Promise<T>) => Promise<T>;

/**
 * Requests to arXiv (its API and its listing feeds alike) one at a time, each at least three seconds after the
 * last one ended, as arXiv asks; `delay` seconds for any others (a test server: none). One pacer serves a
 * whole command, so consecutive steps (the listing, the API, enrich) keep the pause too.
 */
export function pacer(delay = 0, clock = { now: () => performance.now(), sleep }): Pace {
  let last = Number.NEGATIVE_INFINITY;
  return async (url, request) => {
    const wait = last + pauseFor(url, delay) * 1000 - clock.now();
    if (wait > 0) await clock.sleep(wait);
    try {
      return await request();
    } finally {
      last = clock.now();
    }
  };
}
