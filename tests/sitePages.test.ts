import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/digest/dateLine.ts";
import { sitePages } from "../src/emit/sitePages.ts";
import { mergeDigests } from "../src/library/mergeDigests.ts";
import type { Digest } from "../src/model.ts";

// 130 papers over two days: 70 in topic "alpha", 60 in no topic.
const digests: Digest[] = ["2025-03-13", "2025-03-14"].map((date, d) => ({
  file: `${date}.txt`,
  date: parseIsoDate(date)!,
  entries: Array.from({ length: 65 }, (_, i) => ({ title: `Paper ${d}-${i}`, abstract: `Abstract ${d} ${i}. More.`, line: 1 })),
}));
const merged = mergeDigests(digests);
const library = { ...merged, papers: merged.papers.map((p, i) => ({ ...p, topics: i % 13 < 7 ? ["alpha"] : [] })) };
const site = { title: "T", description: "D", language: "en", url: "https://x.example", generated: "2025-03-14T00:00:00Z" };
const files = sitePages(library, [{ slug: "alpha", name: "Alpha", description: "About alpha." }], site);
const front = (path: string) => JSON.parse(files.get(path)!.split("\n")[1]);

describe("long lists", () => {
  it("split into pages of 50 with links to the neighbouring pages", () => {
    const count = library.papers.filter((p) => p.topics.includes("alpha")).length;
    expect(count).toBe(70);
    const first = front("topics/alpha/index-1.md");
    const second = front("topics/alpha/index-2.md");
    expect(first.items).toHaveLength(50);
    expect(second.items).toHaveLength(20);
    expect(first.pager).toEqual({ page: 1, pages: 2, next: "/topics/alpha/page/2/" });
    expect(second.pager).toEqual({ page: 2, pages: 2, prev: "/topics/alpha/" });
    expect(second.permalink).toBe("/topics/alpha/page/2/");
    // Newest first, every paper once.
    const slugs = [...first.items, ...second.items].map((i: { slug: string }) => i.slug);
    expect(new Set(slugs).size).toBe(70);
    expect(first.items[0].date).toBe("2025-03-14");
  });

  it("put the newest day first and keep each day in its digest's order, in topic pages and feeds alike", () => {
    const topicSlugs = [...front("topics/alpha/index-1.md").items, ...front("topics/alpha/index-2.md").items].map((i: { slug: string }) => i.slug);
    const listed = (day: number) => library.digests[day].slugs.filter((s) => library.papers.find((p) => p.slug === s)!.topics.includes("alpha"));
    expect(topicSlugs).toEqual([...listed(1), ...listed(0)]);
    const feeds = JSON.parse(files.get("feeds.json")!) as { path: string; items: { url: string }[] }[];
    const alphaFeed = feeds.find((f) => f.path === "/topics/alpha/feed.xml")!;
    expect(alphaFeed.items.map((i) => i.url)).toEqual(topicSlugs.map((s) => `https://x.example/papers/${s}/`));
  });

  it("keep the topics overview short: the newest uncategorised papers and a link to all of them", () => {
    const overview = front("topics/index.md");
    expect(overview.uncategorisedCount).toBe(60);
    expect(overview.uncategorised).toHaveLength(50);
    expect(front("topics/uncategorised/index-2.md").items).toHaveLength(10);
  });
});
