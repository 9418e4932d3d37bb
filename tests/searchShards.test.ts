// What the search index is made of: each page's indexed document and the shards
// they fall into. A shard is indexed again only when its documents change, so
// these decide how much a daily build re-indexes — and that nothing is missed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentKey, indexedDocument } from "../src/search/indexedDocument.ts";
import { planShards, shardKey } from "../src/search/searchShards.ts";
import { buildWithCli } from "./support/builtSite.ts";
import { SEED, tempDir } from "./support/cli.ts";
import { cp } from "node:fs/promises";

describe("a paper page's indexed document", () => {
  let page: string;
  beforeAll(async () => {
    const digests = await tempDir("pd-shards-");
    await cp(SEED, join(digests, "2025-03-13.txt"));
    const site = await buildWithCli(digests);
    page = await readFile(join(site.out, "papers/2-olmo-2-furious/index.html"), "utf8");
  });

  it("holds what search finds and shows: title, abstract, date, topic filter and topics meta", () => {
    const doc = indexedDocument(page)!;
    expect(doc).toContain("2 OLMo 2 Furious");
    expect(doc).toContain("We present OLMo 2");
    expect(doc).toMatch(/data-pagefind-filter="topic">Large Language Models</);
    expect(doc).toMatch(/data-pagefind-sort="date:2025-03-13"/);
    expect(doc).toMatch(/<meta name="keywords"[^>]*data-pagefind-meta="topics\[content\]">/);
    expect(doc).not.toContain("Related papers");
  });

  it("stays the same when only what search ignores changes: related papers, the digests it was in, its digest count", () => {
    const key = documentKey(indexedDocument(page)!);
    const otherRelated = page.replace(/<section class="related"[\s\S]*?<\/section>/, '<section class="related"><h2>Related papers</h2><ol><li><a href="/papers/x/">Another paper</a></li></ol></section>');
    expect(otherRelated).not.toBe(page);
    expect(documentKey(indexedDocument(otherRelated)!)).toBe(key);
    const listedTwice = page.replace(/(<\/time>)/, "$1 · in 2 digests");
    expect(documentKey(indexedDocument(listedTwice)!)).toBe(key);
  });

  it("changes when anything search reads changes: a word of the abstract, a topic", () => {
    const key = documentKey(indexedDocument(page)!);
    expect(documentKey(indexedDocument(page.replaceAll("We present OLMo 2", "We present OLMo 3"))!)).not.toBe(key);
    expect(documentKey(indexedDocument(page.replace('data-pagefind-filter="topic">Large Language Models', 'data-pagefind-filter="topic">Agents'))!)).not.toBe(key);
  });

  it("is undefined for a page search doesn't index", () => {
    expect(indexedDocument("<!doctype html><html><body><main><h1>About</h1></main></body></html>")).toBeUndefined();
  });
});

describe("search shards", () => {
  const papers = Array.from({ length: 5 }, (_, i) => `papers/p${i}/index.html`);

  it("puts topic pages in the primary index and papers in fixed-size shards, oldest first", () => {
    expect(planShards(["topics/a/index.html"], papers, 2)).toEqual([
      { dir: "pagefind", pages: ["topics/a/index.html"] },
      { dir: "pagefind/papers-0", pages: papers.slice(0, 2) },
      { dir: "pagefind/papers-1", pages: papers.slice(2, 4) },
      { dir: "pagefind/papers-2", pages: papers.slice(4) },
    ]);
  });

  it("keeps full shards as they were when papers are added", () => {
    const keys = new Map([...papers, "papers/p5/index.html"].map((p) => [p, `key-${p}`]));
    const before = planShards([], papers, 2).map((s) => shardKey(s, keys));
    const after = planShards([], [...papers, "papers/p5/index.html"], 2).map((s) => shardKey(s, keys));
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3)); // the primary and the two full shards
    expect(after[3]).not.toBe(before[3]); // the newest shard gained a paper
  });
});
