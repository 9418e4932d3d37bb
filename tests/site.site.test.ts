import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { readDigestFile } from "../src/ingest/formats/readDigestFile.ts";
import type { DigestEntry } from "../src/model.ts";
import { texText } from "../src/tex/texText.ts";
import { buildWithCli, visible } from "./support/builtSite.ts";
import { SEED } from "./support/cli.ts";

let site: Awaited<ReturnType<typeof buildWithCli>>;
let entries: DigestEntry[];
let papersJson: {
  site: { url: string };
  papers: {
    slug: string;
    url: string;
    title: string;
    abstract: string;
    date: string;
    digests: string[];
    topics: string[];
    related: string[];
  }[];
  topics: { slug: string; name: string; url: string; count: number }[];
};

beforeAll(async () => {
  site = await buildWithCli(join(SEED, ".."));
  entries = (await readDigestFile(SEED)).entries;
  papersJson = JSON.parse(await readFile(join(site.out, "papers.json"), "utf8"));
});

describe("the seed site", () => {
  it("prints a progress line per stage with counts and seconds", () => {
    const lines = site.result.stdout.trim().split("\n");
    for (const stage of ["parse", "merge", "emit", "eleventy"]) {
      expect(lines.some((l) => l.startsWith(stage) && /\d/.test(l) && /\d+\.\d\ds$/.test(l))).toBe(true);
    }
    expect(lines.find((l) => l.startsWith("merge"))).toContain("69 papers");
  });

  it("has a page per paper whose title and abstract are the source text, character for character", async () => {
    const dirs = await readdir(join(site.out, "papers"));
    expect(dirs).toHaveLength(69);
    for (const paper of papersJson.papers) {
      const doc = await site.page(`/papers/${paper.slug}/`);
      const source = entries.find((e) => texText(e.title) === paper.title)!;
      expect(source, paper.title).toBeDefined();
      expect(visible(doc.querySelector("h1")?.textContent)).toBe(texText(source.title));
      // Text is text, and TeX reads as what it means (T\"ulu is Tülu, 75\% is 75%, -- an en dash).
      expect(visible(doc.querySelector(".abstract")?.textContent)).toBe(texText(source.abstract));
      expect(doc.querySelector("title")?.textContent).toContain(texText(source.title));
      expect(doc.querySelector(`a[href="/digests/2025-03-13/"]`)).not.toBeNull();
    }
  });

  it("links every paper from the home page, in digest order, with an excerpt", async () => {
    const doc = await site.page("/");
    const items = [...doc.querySelectorAll(".paper-item")];
    expect(items.map((li) => visible(li.querySelector("h2 a")?.textContent))).toEqual(
      entries.map((e) => texText(e.title)),
    );
    for (const [i, li] of items.entries()) {
      const excerpt = visible(li.querySelector(".excerpt")?.textContent);
      expect(excerpt.length).toBeGreaterThan(20);
      expect(texText(entries[i].abstract).startsWith(excerpt.replace(/…$/, ""))).toBe(true);
      const href = li.querySelector("h2 a")!.getAttribute("href")!;
      expect(href).toMatch(/^\/papers\/[a-z0-9-]+\/$/);
    }
  });

  it("links a paper to its neighbours in its first digest", async () => {
    const second = papersJson.papers[1];
    const doc = await site.page(`/papers/${second.slug}/`);
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(`/papers/${papersJson.papers[0].slug}/`);
    expect(doc.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(`/papers/${papersJson.papers[2].slug}/`);
    const first = await site.page(`/papers/${papersJson.papers[0].slug}/`);
    expect(first.querySelector('a[rel="prev"]')).toBeNull();
  });

  it("has the digest archive, the digest page and a 404 page", async () => {
    const archive = await site.page("/digests/");
    expect(archive.querySelector('a[href="/digests/2025-03-13/"]')).not.toBeNull();
    const digest = await site.page("/digests/2025-03-13/");
    expect(digest.querySelectorAll(".paper-item")).toHaveLength(69);
    const missing = await site.page("/404.html");
    expect(visible(missing.querySelector("h1")?.textContent)).toBe("Page not found");
  });

  it("reads its TeX as a reader expects: Tülu, bold where \\textbf was, 75% and en dashes", async () => {
    const olmo = await site.page("/papers/2-olmo-2-furious/");
    const abstract = visible(olmo.querySelector(".abstract")?.textContent);
    expect(abstract).toContain("practices from Tülu 3");
    expect(abstract).toContain("artifacts openly – models at 7B");
    expect(abstract).not.toMatch(/\\|--/);
    const lion = await site.page("/papers/symbolic-discovery-of-optimization-algorithms/");
    expect([...lion.querySelectorAll(".abstract strong")].map((s) => s.textContent)).toEqual(["Lved Sign Momentum"]);
    const parsel = papersJson.papers.find((p) => p.title.startsWith("Parsel"))!;
    expect(parsel.abstract).toContain("over 75% higher");
    expect(parsel.abstract).toContain("from 67% to 85%");
    // Plain-text outputs carry no markup: the meta description is text too.
    const description = olmo.querySelector('meta[name="description"]')?.getAttribute("content") ?? "";
    expect(description).not.toMatch(/[\\<]/);
    // No TeX in the bundled digest is math, so no page loads the math styles.
    expect(olmo.querySelector('link[href="/assets/math.css"]')).toBeNull();
  });

  it("lists the same 69 papers in papers.json, with absolute URLs from the site URL", () => {
    expect(papersJson.papers.map((p) => p.title)).toEqual(entries.map((e) => texText(e.title)));
    expect(papersJson.site.url).toBe("https://digest.example.org/");
    for (const p of papersJson.papers) {
      expect(p.url).toBe(`https://digest.example.org/papers/${p.slug}/`);
      expect(p.abstract).toBe(texText(entries.find((e) => texText(e.title) === p.title)!.abstract));
      expect(p.date).toBe("2025-03-13");
      expect(p.digests).toEqual(["2025-03-13"]);
    }
  });

  it(
    "runs two small deferred scripts on its reading pages (the reading list, offline reading; and the paper " +
      "page's copy button) and keeps all CSS under 11 KB and all JavaScript but search's under 4 KB gzipped",
    async () => {
      for (const url of ["/", "/digests/", "/digests/2025-03-13/", "/topics/", "/404.html"]) {
        const doc = await site.page(url);
        const scripts = [...doc.querySelectorAll("script")];
        expect(
          scripts.map((s) => [s.getAttribute("src"), s.hasAttribute("defer")]),
          url,
        ).toEqual([
          ["/assets/reading.js", true],
          ["/assets/offline.js", true],
        ]);
      }
      const paper = await site.page(`/papers/${papersJson.papers[0].slug}/`);
      const scripts = [...paper.querySelectorAll("script:not([type='application/ld+json'])")].map((s) =>
        s.getAttribute("src"),
      );
      expect(scripts).toEqual(["/assets/copy-link.js", "/assets/reading.js", "/assets/offline.js"]);
      const css = await readdir(join(site.out, "assets"));
      let bytes = 0;
      for (const f of css.filter((f) => f.endsWith(".css")))
        bytes += (await readFile(join(site.out, "assets", f))).length;
      expect(bytes).toBeGreaterThan(0);
      // 10 KB until the reading list's controls (Save, read marks) needed their own styles.
      expect(bytes).toBeLessThan(11 * 1024);
      const js = await Promise.all(
        ["copy-link.js", "reading.js", "offline.js"].map((f) => readFile(join(site.out, "assets", f))),
      );
      expect(gzipSync(Buffer.concat(js), { level: 9 }).length).toBeLessThan(4 * 1024);
    },
  );

  it("shows each paper's topics and five related papers, all linking to real pages", async () => {
    const slugs = new Set(papersJson.papers.map((p) => p.slug));
    const topicNames = new Map(papersJson.topics.map((t) => [t.slug, t.name]));
    for (const paper of papersJson.papers) {
      const doc = await site.page(`/papers/${paper.slug}/`);
      const chips = [...doc.querySelectorAll("article .chips a")];
      expect(chips.map((a) => a.getAttribute("href"))).toEqual(paper.topics.map((t) => `/topics/${t}/`));
      expect(chips.map((a) => visible(a.textContent))).toEqual(paper.topics.map((t) => topicNames.get(t)));
      const related = [...doc.querySelectorAll(".related > ol > li > a")].map((a) => a.getAttribute("href"));
      expect(related).toHaveLength(5);
      expect(related).toEqual(paper.related.map((s) => `/papers/${s}/`));
      expect(paper.related).not.toContain(paper.slug);
      for (const s of paper.related) expect(slugs.has(s)).toBe(true);
    }
    expect(papersJson.papers.filter((p) => p.topics.length > 0).length).toBeGreaterThan(60);
  });

  it("has a page per topic listing exactly that topic's papers, and an overview by size", async () => {
    for (const topic of papersJson.topics.filter((t) => t.count > 0)) {
      const doc = await site.page(`/topics/${topic.slug}/`);
      expect(visible(doc.querySelector("h1")?.textContent)).toBe(topic.name);
      const listed = [...doc.querySelectorAll(".paper-item h2 a")].map((a) => a.getAttribute("href")).sort();
      const expected = papersJson.papers
        .filter((p) => p.topics.includes(topic.slug))
        .map((p) => `/papers/${p.slug}/`)
        .sort();
      expect(listed).toEqual(expected);
      expect(topic.count).toBe(expected.length);
      expect(topic.url).toBe(`https://digest.example.org/topics/${topic.slug}/`);
    }
    const overview = await site.page("/topics/");
    const counts = [...overview.querySelectorAll(".topic-list .count")].map((c) => Number(c.textContent));
    expect(counts.length).toBe(papersJson.topics.filter((t) => t.count > 0).length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("shows topic chips on the home and digest pages", async () => {
    for (const url of ["/", "/digests/2025-03-13/"]) {
      const doc = await site.page(url);
      expect(doc.querySelectorAll(".paper-item .chips a").length).toBeGreaterThan(60);
    }
  });
});
