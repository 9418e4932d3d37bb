import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseHTML } from "linkedom";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWithCli } from "./support/builtSite.ts";
import { SEED } from "./support/cli.ts";
import { headersFor, netlifyConfig } from "./support/netlifyHeaders.ts";

const SITE = "https://digest.example.org";
let out = "";
let papers: { slug: string; url: string; title: string; abstract: string; date: string; topics: string[] }[];
let topics: { slug: string; name: string; count: number }[];
const read = (path: string) => readFile(join(out, path), "utf8");

beforeAll(async () => {
  out = (await buildWithCli(join(SEED, ".."))).out;
  ({ papers, topics } = JSON.parse(await read("papers.json")));
});

describe("the site's RSS feed", () => {
  it("parses as a feed with the channel fields a reader needs", async () => {
    const feed = parseFeed(await read("feed.xml")).toJSON();
    expect(feed.title).toBe("Paper Digest");
    expect(feed.description).toBeTruthy();
    expect(feed.url).toBe(`${SITE}/`);
    expect(feed.self).toBe(`${SITE}/feed.xml`);
    expect(feed.language).toBe("en");
    expect(Math.abs(Date.now() - new Date(feed.updated!).getTime())).toBeLessThan(10 * 60 * 1000);
  });

  it("has one item per paper, newest first, with permalink, guid, date, topics and the literal abstract", async () => {
    const xml = await read("feed.xml");
    const feed = parseFeed(xml).toJSON();
    expect(feed.items).toHaveLength(papers.length);
    const bySlugUrl = new Map(papers.map((p) => [p.url, p]));
    for (const item of feed.items) {
      const paper = bySlugUrl.get(item.url!)!;
      expect(paper, item.url ?? "").toBeDefined();
      expect(item.id).toBe(paper.url);
      expect(item.title).toBe(paper.title);
      // The parser hands over the description as a reader shows it: the HTML's text.
      expect(item.description).toBe(paper.abstract);
      expect(new Date(item.published!).toISOString().slice(0, 10)).toBe(paper.date);
      expect(item.categories.map((c) => c.label ?? c.term)).toEqual(
        paper.topics.map((t) => topics.find((x) => x.slug === t)!.name),
      );
    }
    // The dates are RFC 822, as RSS 2.0 requires.
    for (const [, date] of xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g))
      expect(DateTime.fromRFC2822(date).isValid, date).toBe(true);
    expect(xml).toContain('<guid isPermaLink="true">');
    expect(xml).toMatch(/<\?xml-stylesheet type="text\/xsl" href="\/feed\.xsl"\?>/);
  });

  it("holds at most the configured number of newest items", async () => {
    const small = await buildWithCli(join(SEED, ".."), ["--feed-items", "10"]);
    const feed = parseFeed(await readFile(join(small.out, "feed.xml"), "utf8")).toJSON();
    expect(feed.items).toHaveLength(10);
    const json = JSON.parse(await readFile(join(small.out, "feed.json"), "utf8"));
    expect(json.items).toHaveLength(10);
  });
});

describe("topic feeds", () => {
  it("exist for every topic and hold only that topic's papers", async () => {
    for (const topic of topics) {
      const feed = parseFeed(await read(`topics/${topic.slug}/feed.xml`)).toJSON();
      const expected = papers
        .filter((p) => p.topics.includes(topic.slug))
        .map((p) => p.url)
        .sort();
      expect(feed.items.map((i) => i.url).sort()).toEqual(expected);
      expect(feed.self).toBe(`${SITE}/topics/${topic.slug}/feed.xml`);
      expect(feed.title).toContain(topic.name);
    }
  });

  it("are linked from the topic page and the subscribe page", async () => {
    const subscribe = parseHTML(await read("subscribe/index.html")).document;
    for (const topic of topics) {
      expect(subscribe.querySelector(`a[href="/topics/${topic.slug}/feed.xml"]`), topic.slug).not.toBeNull();
      const page = parseHTML(await read(`topics/${topic.slug}/index.html`)).document;
      expect(page.querySelector(`link[rel="alternate"][href="/topics/${topic.slug}/feed.xml"]`)).not.toBeNull();
    }
  });
});

describe("the JSON Feed", () => {
  it("is JSON Feed 1.1 with plain-text content equal to the source", async () => {
    const feed = JSON.parse(await read("feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.items).toHaveLength(papers.length);
    for (const item of feed.items) {
      const paper = papers.find((p) => p.url === item.id)!;
      expect(item.title).toBe(paper.title);
      expect(item.content_text).toBe(paper.abstract);
      expect(item.date_published).toBe(`${paper.date}T00:00:00Z`);
    }
  });
});

describe("absolute URLs and permalink metadata", () => {
  it("uses the configured site URL for every URL in feeds, sitemap and papers.json", async () => {
    const urls: string[] = [];
    for (const path of ["feed.xml", ...topics.map((t) => `topics/${t.slug}/feed.xml`)]) {
      const feed = parseFeed(await read(path)).toJSON();
      urls.push(feed.url!, feed.self!, ...feed.items.flatMap((i) => [i.url!, i.id!]));
    }
    const json = JSON.parse(await read("feed.json"));
    urls.push(
      json.home_page_url,
      json.feed_url,
      ...json.items.flatMap((i: { id: string; url: string }) => [i.id, i.url]),
    );
    urls.push(...[...parseHTML(await read("sitemap.xml")).document.querySelectorAll("loc")].map((l) => l.textContent!));
    const index = JSON.parse(await read("papers.json"));
    urls.push(
      index.site.url,
      ...index.papers.map((p: { url: string }) => p.url),
      ...index.topics.map((t: { url: string }) => t.url),
      ...index.digests.map((d: { url: string }) => d.url),
    );
    expect(urls.length).toBeGreaterThan(500);
    for (const url of urls) expect(url?.startsWith(`${SITE}/`), url).toBe(true);
  });

  it("lists every page in the sitemap, with a date, and points robots.txt at it", async () => {
    const sitemap = parseHTML(await read("sitemap.xml")).document;
    const locs = [...sitemap.querySelectorAll("url")].map((u) => ({
      loc: u.querySelector("loc")!.textContent!,
      lastmod: u.querySelector("lastmod")!.textContent!,
    }));
    for (const p of papers) expect(locs.some((l) => l.loc === p.url)).toBe(true);
    for (const url of ["/", "/digests/", "/topics/", "/search/", "/subscribe/", "/digests/2025-03-13/"])
      expect(
        locs.some((l) => l.loc === `${SITE}${url}`),
        url,
      ).toBe(true);
    for (const l of locs) {
      expect(l.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Every sitemap entry is a page that exists.
      const path = new URL(l.loc).pathname;
      await expect(readFile(join(out, path, "index.html"))).resolves.toBeTruthy();
    }
    expect(await read("robots.txt")).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it("gives every paper page canonical, Open Graph, Twitter, Scholar and JSON-LD metadata", async () => {
    for (const paper of papers) {
      const doc = parseHTML(await read(`papers/${paper.slug}/index.html`)).document;
      const meta = (sel: string) => doc.querySelector(`meta[${sel}]`)?.getAttribute("content");
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(paper.url);
      expect(meta('property="og:type"')).toBe("article");
      expect(meta('property="og:title"')).toBe(paper.title);
      expect(meta('property="og:url"')).toBe(paper.url);
      expect(meta('property="og:site_name"')).toBe("Paper Digest");
      expect(paper.abstract.startsWith(meta('property="og:description"')!.replace(/…$/, ""))).toBe(true);
      expect(meta('property="article:published_time"')).toBe(paper.date);
      expect([...doc.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute("content"))).toEqual(
        paper.topics.map((t) => topics.find((x) => x.slug === t)!.name),
      );
      // A large-image card of its own, which X reads with the Open Graph title and description.
      expect(meta('name="twitter:card"')).toBe("summary_large_image");
      expect(meta('property="og:image"')).toBe(
        `${paper.url.replace(/\/papers\/.*/, "")}/cards/papers/${paper.slug}.png`,
      );
      expect(meta('property="og:image:alt"')).toBe(`${paper.title} · Paper Digest`);
      expect(meta('name="citation_title"')).toBe(paper.title);
      expect(meta('name="citation_publication_date"')).toBe(paper.date.replaceAll("-", "/"));
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(ld).toMatchObject({
        "@type": "ScholarlyArticle",
        headline: paper.title,
        abstract: paper.abstract,
        datePublished: paper.date,
        url: paper.url,
      });
      // The permalink works without JavaScript.
      expect(doc.querySelector(`.permalink a[href="/papers/${paper.slug}/"]`)).not.toBeNull();
    }
  });

  it("links the site feeds from every page", async () => {
    const pages = [
      "index.html",
      "digests/index.html",
      "topics/index.html",
      "search/index.html",
      "404.html",
      `papers/${papers[0].slug}/index.html`,
    ];
    for (const page of pages) {
      const doc = parseHTML(await read(page)).document;
      expect(
        doc.querySelector('link[rel="alternate"][type="application/rss+xml"][href="/feed.xml"]'),
        page,
      ).not.toBeNull();
      expect(
        doc.querySelector('link[rel="alternate"][type="application/feed+json"][href="/feed.json"]'),
        page,
      ).not.toBeNull();
    }
  });
});

describe("netlify.toml, read by Netlify's own parser", () => {
  it("builds with the npm build script into _site on Node 20", async () => {
    const config = await netlifyConfig();
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish.endsWith("_site")).toBe(true);
    expect(config.build.environment.NODE_VERSION).toBe("20");
  });

  it("sends security headers on every page and lets search run WebAssembly", async () => {
    const { headers } = await netlifyConfig();
    for (const path of ["/", "/papers/x/", "/search/", "/feed.xml"]) {
      const h = headersFor(headers, path);
      expect(h["Content-Security-Policy"], path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(h["Content-Security-Policy"]).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBeTruthy();
      expect(h["Permissions-Policy"]).toBeTruthy();
    }
  });

  it("gives feeds their content types, caches hashed search files for a year and HTML briefly", async () => {
    const { headers } = await netlifyConfig();
    expect(headersFor(headers, "/feed.xml")["Content-Type"]).toMatch(/xml/);
    expect(headersFor(headers, "/topics/agents/feed.xml")["Content-Type"]).toMatch(/xml/);
    expect(headersFor(headers, "/feed.json")["Content-Type"]).toMatch(/^application\/feed\+json/);
    const fragments = await readdir(join(out, "pagefind/fragment"));
    expect(headersFor(headers, `/pagefind/fragment/${fragments[0]}`)["Cache-Control"]).toMatch(
      /max-age=31536000, immutable/,
    );
    expect(headersFor(headers, "/papers/x/")["Cache-Control"]).toMatch(/max-age=0/);
    expect(headersFor(headers, "/pagefind/pagefind.js")["Cache-Control"]).not.toMatch(/immutable/);
    // A paper shard of a larger archive (this one fits the primary) is cached the same way.
    expect(headersFor(headers, `/pagefind/papers-0-7999/fragment/${fragments[0]}`)["Cache-Control"]).toMatch(
      /max-age=31536000, immutable/,
    );
    expect(headersFor(headers, "/pagefind/papers-0-7999/pagefind-entry.json")["Cache-Control"]).not.toMatch(
      /immutable/,
    );
  });
});

describe("/feeds.opml", () => {
  it("lists every feed of the site once, for a reader's import, and /subscribe/ links it", async () => {
    const { DOMParser } = await import("@xmldom/xmldom");
    const opml = new DOMParser().parseFromString(await read("feeds.opml"), "text/xml");
    expect(opml.documentElement?.getAttribute("version")).toBe("2.0");
    expect(opml.getElementsByTagName("title")[0]?.textContent).toBe("Paper Digest: every feed");
    const outlines = Array.from(opml.getElementsByTagName("outline"));
    const listed = outlines.map((o) => o.getAttribute("xmlUrl"));
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith("feed.xml") || f === "weekly.xml");
    expect(listed.sort()).toEqual(files.map((f) => `${SITE}/${f}`).sort());
    expect(outlines.every((o) => o.getAttribute("type") === "rss" && o.getAttribute("text"))).toBe(true);
    const subscribe = parseHTML(await read("subscribe/index.html")).document;
    expect(subscribe.querySelector('a[href="/feeds.opml"]')).not.toBeNull();
    const { headers } = await netlifyConfig();
    expect(headersFor(headers, "/feeds.opml")["Content-Type"]).toMatch(/^text\/x-opml/);
  });
});
