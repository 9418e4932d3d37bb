import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveSite } from "../src/cli/serveSite.ts";
import { describeInBrowser } from "./support/browser.ts";
import { CHROME_FLAGS, CHROMIUM } from "./support/chromium.ts";
import { runCli } from "./support/cli.ts";
import { headersFor, netlifyConfig } from "./support/netlifyHeaders.ts";
import { LONG_AUTHORS, sourcesDigests, WITH_MATH } from "./support/sourcesDigests.ts";

// Lighthouse 12.2.3 (the last to run on Node 20) against Debian's Chromium, with
// its default mobile emulation and simulated throttling. The site is built for
// the address it is served at, so canonical links point at the page itself.
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MINIMUM = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

let server: Awaited<ReturnType<typeof serveSite>>;

/** One Lighthouse run in a fresh Chromium: category scores (0–100), key metrics, failing binary audits. */
async function audit(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", ...CHROME_FLAGS],
    userDataDir: await mkdtemp(join(tmpdir(), "pd-chrome-")),
  });
  try {
    const lhr = (await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    }))!.lhr;
    return {
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]),
      ) as Record<(typeof CATEGORIES)[number], number>,
      metrics: [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
      ]
        .map((m) => `${m}=${lhr.audits[m]?.displayValue}`)
        .join(" "),
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}
let paper = "";
const scores: Record<string, Record<string, number>> = {};

describeInBrowser("Lighthouse", () => {
  beforeAll(async () => {
    const out = join(await mkdtemp(join(tmpdir(), "pd-lh-")), "site");
    const { headers } = await netlifyConfig();
    server = await serveSite(out, 0, "127.0.0.1", (path) => headersFor(headers, path));
    const r = await runCli([
      "build",
      "--digests",
      await sourcesDigests(),
      "--out",
      out,
      "--site-url",
      server.url.replace(/\/$/, ""),
    ]);
    expect(r.code, r.stderr).toBe(0);
    paper = JSON.parse(await (await fetch(new URL("/papers.json", server.url))).text()).papers[0].slug;
  });

  afterAll(async () => {
    await server?.close();
    if (Object.keys(scores).length > 0) console.log(`Lighthouse scores: ${JSON.stringify(scores)}`);
  });

  const pages = () => ({
    home: "/",
    paper: `/papers/${paper}/`,
    "paper with 40 authors": LONG_AUTHORS,
    "paper with math": WITH_MATH,
    search: "/search/?q=mixture%20of%20experts",
  });
  for (const name of ["home", "paper", "paper with 40 authors", "paper with math", "search"] as const) {
    it(`scores at least ${JSON.stringify(MINIMUM)} on the ${name} page (median of 5 runs when one falls\
 short)`, async () => {
      const url = new URL(pages()[name], server.url).href;
      const runs = [await audit(url)];
      // Scores on a shared 2-core machine vary from run to run (87 to 98 for one page in one
      // session): one run short of the bar is confirmed or refuted by the median of five, the
      // number Lighthouse's notes on variability suggest.
      if (CATEGORIES.some((c) => runs[0].scores[c] < MINIMUM[c]))
        for (let i = 0; i < 4; i++) runs.push(await audit(url));
      const median = (c: (typeof CATEGORIES)[number]) =>
        runs.map((r) => r.scores[c]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
      scores[name] = Object.fromEntries(CATEGORIES.map((c) => [c, median(c)]));
      if (process.env.LH_DEBUG) for (const r of runs) console.log(name, r.metrics, r.failing.join(","));
      for (const c of CATEGORIES)
        expect(
          scores[name][c],
          `${c} (runs: ${runs.map((r) => r.scores[c]).join(", ")}; failing audits: ${runs[0].failing.join(", ")})`,
        ).toBeGreaterThanOrEqual(MINIMUM[c]);
    });
  }
});
