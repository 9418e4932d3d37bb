import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWithCli, readPage, visible } from "./support/builtSite.ts";
import { runCli, tempDir } from "./support/cli.ts";
import { HOSTILE_AUTHOR, readersDigests } from "./support/readersDigests.ts";

// Digests over two ISO weeks of March 2025 and a day of April: weeks and months ranked, the weekly feed,
// author pages at the threshold (two people named Ada Lovelace told apart by Hugging Face), and an
// author whose name is markup. See tests/support/readersDigests.ts for the data and what it exercises.
const SITE = "https://digest.example.org";
let out = "";
const read = (path: string) => readFile(join(out, path), "utf8");
const titles = async (url: string) =>
  [...(await readPage(out, url)).querySelectorAll(".paper-item h2 a")].map((a) => a.textContent);

beforeAll(async () => {
  out = (await buildWithCli(await readersDigests())).out;
});

describe("the best of each week and month", () => {
  it(
    "ranks a week by upvotes (the week's latest count), then digests listing the paper, then listing " + "order",
    async () => {
      expect(await titles("/weeks/2025-W11/")).toEqual([
        "Alpha: Sparse Mixtures That Route", // 40 upvotes on the week's last day (5 on its first)
        "Beta: Retrieval at Scale", // 30
        "Delta: Listed Twice, Never Upvoted", // no upvotes, in both of the week's digests
        "Gamma: Tokens Without Upvotes", // no upvotes, in one, though listed before Delta
      ]);
      // Alpha again in week 12, with the 1 upvote it had then: the week's own count, not week 11's.
      expect(await titles("/weeks/2025-W12/")).toEqual([
        "Zeta: The Second Ada Again",
        "Epsilon: A Second Ada",
        "Alpha: Sparse Mixtures That Route",
      ]);
      const week = await readPage(out, "/weeks/2025-W11/");
      expect(visible(week.querySelector("h1")!.textContent)).toBe("The best of week 11 of 2025");
      expect(visible(week.querySelector(".lede")!.textContent)).toBe(
        "10–16 March 2025: the 4 papers of 2 digests, ranked by Hugging Face upvotes (the latest count of the " +
          "period), then by how many of its digests listed the paper, then by the order they were first listed.",
      );
      expect(week.querySelector('a[rel="next"]')!.getAttribute("href")).toBe("/weeks/2025-W12/");
      expect(week.querySelector("title")!.textContent).toBe(
        "The best of week 11 of 2025 (10–16 March 2025) · Paper Digest",
      );
    },
  );

  it(
    "ranks a month the same way over all its digests, and links each period from its digests and the " + "archive",
    async () => {
      expect(await titles("/months/2025-03/")).toEqual([
        "Beta: Retrieval at Scale",
        "Zeta: The Second Ada Again",
        "Epsilon: A Second Ada",
        "Alpha: Sparse Mixtures That Route", // its latest count in March is 17 March's 1
        "Delta: Listed Twice, Never Upvoted",
        "Gamma: Tokens Without Upvotes",
      ]);
      expect(await titles("/months/2025-04/")).toEqual(["Eta: April's Paper"]);
      const digest = await readPage(out, "/digests/2025-03-14/");
      expect([...digest.querySelectorAll(".best a")].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
        ["/weeks/2025-W11/", "Week 11 of 2025"],
        ["/months/2025-03/", "March 2025"],
      ]);
      const archive = await readPage(out, "/digests/");
      const links = (id: string) =>
        [...archive.querySelectorAll(`nav[aria-labelledby="${id}"] a`)].map((a) => a.getAttribute("href"));
      expect(links("best-months")).toEqual(["/months/2025-04/", "/months/2025-03/"]);
      expect(links("best-weeks")).toEqual(["/weeks/2025-W14/", "/weeks/2025-W12/", "/weeks/2025-W11/"]);
    },
  );

  it("publishes /weekly.xml: one item per finished week, newest first, its best papers in order", async () => {
    const xml = await read("weekly.xml");
    const feed = parseFeed(xml).toJSON();
    expect(feed.self).toBe(`${SITE}/weekly.xml`);
    // Week 14 has a digest but no later one: not finished, not in the feed yet.
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([
      ["The best of week 12 of 2025 (17–23 March 2025)", `${SITE}/weeks/2025-W12/`],
      ["The best of week 11 of 2025 (10–16 March 2025)", `${SITE}/weeks/2025-W11/`],
    ]);
    // The description is HTML: an ordered list of links, in rank order, each title text.
    const items = new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName("item");
    const description = items[1].getElementsByTagName("description")[0].textContent;
    expect(description).toBe(
      `<ol><li><a href="${SITE}/papers/alpha-sparse-mixtures-that-route/">Alpha: Sparse Mixtures That Route</a></li>` +
        `<li><a href="${SITE}/papers/beta-retrieval-at-scale/">Beta: Retrieval at Scale</a></li>` +
        `<li><a href="${SITE}/papers/delta-listed-twice-never-upvoted/">Delta: Listed Twice, Never Upvoted</a></li>` +
        `<li><a href="${SITE}/papers/gamma-tokens-without-upvotes/">Gamma: Tokens Without Upvotes</a></li></ol>`,
    );
  });

  it("keeps a finished week's page byte for byte when later days are built incrementally", async () => {
    const work = await tempDir("pd-weeks-");
    const digests = await readersDigests("2025-04-01");
    const build = (dir: string) =>
      runCli(["build", "--digests", dir, "--out", join(work, "site"), "--cache", join(work, "cache")]);
    expect((await build(digests)).code).toBe(0);
    const before = await readFile(join(work, "site/weeks/2025-W11/index.html"), "utf8");
    const worker = () => readFile(join(work, "site/sw.js"), "utf8");
    const workerBefore = await worker();
    await cp(join(await readersDigests(), "2025-04-01.json"), join(digests, "2025-04-01.json"));
    const second = await build(digests);
    expect(second.stdout).toMatch(/^cache\s+incremental:/m);
    expect(await readFile(join(work, "site/weeks/2025-W11/index.html"), "utf8")).toBe(before);
    // The service worker of the new site is another version, which keeps the new day for reading offline.
    const version = (sw: string) => /^const VERSION = "([^"]+)";$/m.exec(sw)![1];
    expect(version(await worker())).not.toBe(version(workerBefore));
    expect(await worker()).toMatch(/^const NEWEST = \["\/digests\/2025-04-01\/","\/papers\/eta-april-s-paper\/"\];$/m);
  });
});

describe("authors", () => {
  const authorPages = async () =>
    (await readFile(join(out, "sitemap.xml"), "utf8").catch(() => ""))
      .match(/\/authors\/[^<]+/g)
      ?.map((u) => u.replace(/^.*?\/authors\//, "/authors/")) ?? [];

  it("has a page and a feed exactly for each author with two papers or more, newest first", async () => {
    const pages = new Set(await authorPages());
    expect([...pages].sort()).toEqual([
      "/authors/ad/ada-lovelace-ada-the-second/",
      "/authors/ad/ada-lovelace/",
      "/authors/ca/carol-king/",
      "/authors/da/dan-brown/",
      "/authors/sc/script-alert-1-script-site-title/",
    ]);
    expect(await titles("/authors/da/dan-brown/")).toEqual(["Eta: April's Paper", "Zeta: The Second Ada Again"]);
    // Both first listed on 13 March: in that digest's order.
    expect(await titles("/authors/ad/ada-lovelace/")).toEqual([
      "Alpha: Sparse Mixtures That Route",
      "Beta: Retrieval at Scale",
    ]);
    const page = await readPage(out, "/authors/ad/ada-lovelace/");
    expect(visible(page.querySelector(".lede")!.textContent)).toContain("two people of one name share a page");
    expect(page.querySelector('link[rel="alternate"][href="/authors/ad/ada-lovelace/feed.xml"]')).not.toBeNull();
    const feed = parseFeed(await read("authors/da/dan-brown/feed.xml")).toJSON();
    expect(feed.title).toBe("Paper Digest: Dan Brown");
    expect(feed.items.map((i) => i.title)).toEqual(["Eta: April's Paper", "Zeta: The Second Ada Again"]);
  });

  it("links each author with a page from a paper's page, and no other", async () => {
    const links = async (slug: string) =>
      [...(await readPage(out, `/papers/${slug}/`)).querySelectorAll(".authors .author")].map((a) => [
        a.textContent,
        a.querySelector("a")?.getAttribute("href") ?? null,
      ]);
    expect(await links("alpha-sparse-mixtures-that-route")).toEqual([
      ["Ada Lovelace", "/authors/ad/ada-lovelace/"],
      ["Bob Stone", null],
    ]);
    expect(await links("epsilon-a-second-ada")).toEqual([["Ada Lovelace", "/authors/ad/ada-lovelace-ada-the-second/"]]);
  });

  it("keeps an author's name text on their page, feed and the OPML file", async () => {
    const page = await readPage(out, "/authors/sc/script-alert-1-script-site-title/");
    expect(page.querySelector("h1")!.textContent).toBe(HOSTILE_AUTHOR);
    expect(page.querySelectorAll("main script")).toHaveLength(0);
    const feed = parseFeed(await read("authors/sc/script-alert-1-script-site-title/feed.xml")).toJSON();
    expect(feed.title).toBe(`Paper Digest: ${HOSTILE_AUTHOR}`);
    const opml = new DOMParser().parseFromString(await read("feeds.opml"), "text/xml");
    const outlines = Array.from(opml.getElementsByTagName("outline"));
    expect(outlines.map((o) => o.getAttribute("text"))).toContain(`Paper Digest: ${HOSTILE_AUTHOR}`);
    // Every feed of the site, and only those: the site's, the weekly, each topic's, each author's.
    const urls = outlines.map((o) => o.getAttribute("xmlUrl")!.slice(SITE.length));
    expect(urls).toContain("/weekly.xml");
    expect(urls.filter((u) => u.startsWith("/authors/"))).toHaveLength(5);
    for (const url of urls) expect((await read(url.slice(1))).startsWith("<?xml"), url).toBe(true);
  });

  it("gives every author with one paper a page when content/site.yaml says authorPages: {minPapers: 1}", async () => {
    const config = join(await tempDir("pd-authors-"), "site.yaml");
    await writeFile(config, "authorPages:\n  minPapers: 1\n");
    const site = await buildWithCli(await readersDigests(), ["--config", config]);
    const doc = await readPage(site.out, "/papers/alpha-sparse-mixtures-that-route/");
    expect([...doc.querySelectorAll(".authors a")].map((a) => a.getAttribute("href"))).toEqual([
      "/authors/ad/ada-lovelace/",
      "/authors/bo/bob-stone/",
    ]);
  });
});
