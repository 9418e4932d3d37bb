import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveSite } from "../src/serveSite.ts";
import { describeInBrowser } from "./support/browser.ts";
import { CHROMIUM, CHROME_FLAGS } from "./support/chromium.ts";
import { runCli } from "./support/cli.ts";
import { headersFor, netlifyConfig } from "./support/netlifyHeaders.ts";

// Lighthouse 12.2.3 (the last to run on Node 20) against Debian's Chromium, with
// its default mobile emulation and simulated throttling. The site is built for
// the address it is served at, so canonical links point at the page itself.
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MINIMUM = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

let server: Awaited<ReturnType<typeof serveSite>>;
let paper = "";
const scores: Record<string, Record<string, number>> = {};

describeInBrowser("Lighthouse", () => {
  beforeAll(async () => {
    const out = join(await mkdtemp(join(tmpdir(), "pd-lh-")), "site");
    const { headers } = await netlifyConfig();
    server = await serveSite(out, 0, "127.0.0.1", (path) => headersFor(headers, path));
    const r = await runCli(["build", "--out", out, "--site-url", server.url.replace(/\/$/, "")]);
    expect(r.code, r.stderr).toBe(0);
    paper = JSON.parse(await (await fetch(new URL("/papers.json", server.url))).text()).papers[0].slug;
  });

  afterAll(async () => {
    await server?.close();
    if (Object.keys(scores).length > 0) console.log(`Lighthouse scores: ${JSON.stringify(scores)}`);
  });

  const pages = () => ({ home: "/", paper: `/papers/${paper}/`, search: "/search/?q=mixture%20of%20experts" });
  for (const name of ["home", "paper", "search"] as const) {
    it(`scores at least ${JSON.stringify(MINIMUM)} on the ${name} page`, async () => {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROME_FLAGS], userDataDir: await mkdtemp(join(tmpdir(), "pd-chrome-")) });
      try {
        const result = await lighthouse(new URL(pages()[name], server.url).href, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
        const lhr = result!.lhr;
        scores[name] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a.id);
        const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((m) => `${m}=${lhr.audits[m]?.displayValue}(${lhr.audits[m]?.score})`);
        if (process.env.LH_DEBUG) {
          console.log(name, metrics.join(" "), failing.join(","));
          const items = (lhr.audits["bootup-time"]?.details as { items?: { url: string; total: number; scripting: number }[] })?.items ?? [];
          console.log(items.map((i) => `${i.url.split("/").pop()} total=${Math.round(i.total)} scripting=${Math.round(i.scripting)}`).join("\n"));
        }
        for (const c of CATEGORIES) expect(scores[name][c], `${c} (failing audits: ${failing.join(", ")})`).toBeGreaterThanOrEqual(MINIMUM[c]);
      } finally {
        await chrome.kill();
      }
    });
  }
});


