// What the search index is made of: each page's indexed document and the shards
// they fall into. A shard is indexed again only when its documents change, so
// these decide how much a daily build re-indexes — and that nothing is missed.
import { readdirSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentKey, indexedDocument } from "../src/search/indexedDocument.ts";
import { splitSearchIndex } from "../src/search/pagefind/splitSearchIndex.ts";
import { planShards, shardKey } from "../src/search/searchShards.ts";
import { buildWithCli } from "./support/builtSite.ts";
import { SEED, tempDir } from "./support/cli.ts";

describe("a paper page's indexed document", () => {
  let page: string;
  let out: string;
  beforeAll(async () => {
    const digests = await tempDir("pd-shards-");
    await cp(SEED, join(digests, "2025-03-13.txt"));
    const site = await buildWithCli(digests);
    out = site.out;
    page = await readFile(join(site.out, "papers/2-olmo-2-furious/index.html"), "utf8");
  });

  it("holds what search finds and shows: title, abstract, date, topic filter and topics meta", () => {
    const doc = indexedDocument(page)!;
    expect(doc).toContain("2 OLMo 2 Furious");
    expect(doc).toContain("We present OLMo 2");
    expect(doc).toMatch(/data-pagefind-filter="topic">Large Language Models</);
    expect(doc).toMatch(/data-pagefind-meta="date:13 March 2025"/);
    // Nothing sorts by date (results are ranked), and a sort costs every shard's metadata a list of its pages.
    expect(doc).not.toContain("data-pagefind-sort");
    expect(doc).toMatch(/<meta name="keywords"[^>]*data-pagefind-meta="topics\[content\]">/);
    expect(doc).not.toContain("Related papers");
  });

  it(
    "goes into an index the build has cut finer than Pagefind writes it: cutting it again finds nothing " + "to cut",
    async () => {
      // The cut keeps a piece whole once it has it, so a second cut of the built index does nothing; an index
      // left as Pagefind wrote it would be cut now (tests/splitSearchIndex.browser.test.ts checks the cut itself).
      expect(readdirSync(join(out, "pagefind/index")).length).toBeGreaterThan(0);
      expect(await splitSearchIndex(join(out, "pagefind"))).toBe(0);
    },
  );

  it(
    "stays the same when only what search ignores changes: related papers, the digests it was in, its " +
      "digest count, where an author's name links",
    () => {
      const key = documentKey(indexedDocument(page)!);
      const otherRelated = page.replace(
        /<section class="related"[\s\S]*?<\/section>/,
        '<section class="related"><h2>Related papers</h2>' +
          '<ol><li><a href="/papers/x/">Another paper</a></li></ol></section>',
      );
      expect(otherRelated).not.toBe(page);
      expect(documentKey(indexedDocument(otherRelated)!)).toBe(key);
      const listedTwice = page.replace(/(<\/time>)/, "$1 · in 2 digests");
      expect(documentKey(indexedDocument(listedTwice)!)).toBe(key);
      // An author who gains a page: their name, on every paper of theirs, becomes a link.
      const named = page.replace("</h1>", '</h1><p class="authors"><span class="author">Ada Lovelace</span></p>');
      const linked = named.replace("Ada Lovelace", '<a href="/authors/ada-lovelace/">Ada Lovelace</a>');
      expect(documentKey(indexedDocument(linked)!)).toBe(documentKey(indexedDocument(named)!));
    },
  );

  it("changes when anything search reads changes: a word of the abstract, a topic", () => {
    const key = documentKey(indexedDocument(page)!);
    expect(documentKey(indexedDocument(page.replaceAll("We present OLMo 2", "We present OLMo 3"))!)).not.toBe(key);
    expect(
      documentKey(
        indexedDocument(
          page.replace('data-pagefind-filter="topic">Large Language Models', 'data-pagefind-filter="topic">Agents'),
        )!,
      ),
    ).not.toBe(key);
  });

  it("is undefined for a page search doesn't index", () => {
    expect(indexedDocument("<!doctype html><html><body><main><h1>About</h1></main></body></html>")).toBeUndefined();
  });
});

describe("search shards", () => {
  const papers = (n: number) => Array.from({ length: n }, (_, i) => `papers/p${i}/index.html`);
  const cut = (n: number, size: number) =>
    planShards([], papers(n), size)
      .slice(1)
      .map((s) => s.dir.replace("pagefind/papers-", ""));

  it(
    "puts topic pages and the newest papers in the primary index, the other papers in shards, oldest " +
      "first, each paper once",
    () => {
      // Shards of 16, blocks of 2: 16 + 2 blocks, and the unfinished block with the one before it in the primary.
      const shards = planShards(["topics/a/index.html"], papers(23), 16);
      expect(shards[0]).toEqual({ dir: "pagefind", pages: ["topics/a/index.html", ...papers(23).slice(20)] });
      expect([...shards.slice(1), shards[0]].flatMap((s) => s.pages).filter((p) => p.startsWith("papers/"))).toEqual(
        papers(23),
      );
    },
  );

  it("cuts full shards, then blocks of an eighth grouped by powers of two", () => {
    // Shards of 8, blocks of 1: 21 = 8 + 8 + 4 blocks + 1 in the primary.
    expect(cut(21, 8)).toEqual(["0-7", "8-15", "16-19"]);
    // Shards of 40, blocks of 5: 113 = 40 + 40 + (4 + 1) blocks + 8 in the primary.
    expect(cut(113, 40)).toEqual(["0-39", "40-79", "80-99", "100-104"]);
    expect(planShards([], papers(113), 40)[0].pages).toEqual(papers(113).slice(105));
    expect(cut(0, 40)).toEqual([]);
  });

  it("keeps the newest papers in the primary: at least a block of them, fewer than two", () => {
    for (let n = 0; n < 3000; n += 7) {
      const primary = planShards([], papers(n), 400)[0].pages;
      expect(primary, `at ${n}`).toEqual(papers(n).slice(n - primary.length));
      expect(primary.length, `at ${n}`).toBeGreaterThanOrEqual(Math.min(n, 50));
      expect(primary.length, `at ${n}`).toBeLessThan(100);
    }
  });

  it("keeps old shards as they were when papers are added, and stays few", () => {
    const keys = new Map(papers(30_000).map((p) => [p, `key-${p}`]));
    const shardsOf = (n: number) => new Map(planShards([], papers(n), 8000).map((s) => [s.dir, shardKey(s, keys)]));
    for (let n = 1; n < 30_000; n += 997) {
      const before = shardsOf(n);
      const after = shardsOf(n + 50);
      // Most shards are kept as they are: the primary changes, and a new block or merged blocks at most.
      const changed = [...after.keys()].filter((dir) => before.get(dir) !== after.get(dir));
      expect(changed.length, `at ${n}`).toBeLessThanOrEqual(2);
      expect(after.size, `at ${n}`).toBeLessThanOrEqual(Math.floor((n + 50) / 8000) + 4);
    }
  });
});
