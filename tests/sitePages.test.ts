import { readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { planCards } from "../src/cards/planCards.ts";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { mergeDigests } from "../src/ingest/merge/mergeDigests.ts";
import type { Digest } from "../src/model.ts";
import { paperExtras } from "../src/pages/paperExtras.ts";
import { papersJson } from "../src/pages/papersJson.ts";
import { eachSitePage, type SitePage, sitePages } from "../src/pages/sitePages.ts";
import { writePapersJson } from "../src/pages/writePapersJson.ts";
import { longDate, monthName, shortDate, shortMonth } from "../src/site/dates.ts";
import { tempDir } from "./support/cli.ts";

// 130 papers over two days: 70 in topic "alpha", 60 in no topic.
const digests: Digest[] = ["2025-03-13", "2025-03-14"].map((date, d) => ({
  file: `${date}.txt`,
  date: parseIsoDate(date)!,
  entries: Array.from({ length: 65 }, (_, i) => ({
    title: `Paper ${d}-${i}`,
    abstract: `Abstract ${d} ${i}. More.`,
    line: 1,
  })),
}));
const merged = mergeDigests(digests);
const library = { ...merged, papers: merged.papers.map((p, i) => ({ ...p, topics: i % 13 < 7 ? ["alpha"] : [] })) };
const site = {
  title: "T",
  description: "D",
  language: "en",
  url: "https://x.example",
  generated: "2025-03-14T00:00:00Z",
};
const files = sitePages(library, [{ slug: "alpha", name: "Alpha", description: "About alpha." }], site);
const front = (path: string) => JSON.parse(files.get(path)!.split("\n")[1]);

describe("long lists", () => {
  it("show the newest 50 on the first page and every paper once on pages by month", () => {
    const count = library.papers.filter((p) => p.topics.includes("alpha")).length;
    expect(count).toBe(70);
    const first = front("topics/alpha/index.md");
    expect(first.permalink).toBe("/topics/alpha/");
    expect(first.items).toHaveLength(50);
    expect(first.items[0].date).toBe("2025-03-14");
    expect(first.months).toEqual([{ url: "/topics/alpha/2025-03/", label: "March 2025", count: 70 }]);
    const march = [front("topics/alpha/2025-03-1.md"), front("topics/alpha/2025-03-2.md")];
    expect(march.map((m) => m.permalink)).toEqual(["/topics/alpha/2025-03/", "/topics/alpha/2025-03/page/2/"]);
    expect(march[0].pager).toEqual({ page: 1, pages: 2, next: "/topics/alpha/2025-03/page/2/" });
    expect(march[0].back).toEqual({ url: "/topics/alpha/", label: "All of Alpha, newest first" });
    const slugs = march.flatMap((m) => m.items.map((i: { slug: string }) => i.slug));
    expect(new Set(slugs).size).toBe(70);
  });

  it("put the newest day first and keep each day in its digest's order, in topic pages and feeds alike", () => {
    const topicSlugs = [front("topics/alpha/2025-03-1.md"), front("topics/alpha/2025-03-2.md")].flatMap((m) =>
      m.items.map((i: { slug: string }) => i.slug),
    );
    const listed = (day: number) =>
      library.digests[day].slugs.filter((s) => library.papers.find((p) => p.slug === s)!.topics.includes("alpha"));
    expect(topicSlugs).toEqual([...listed(1), ...listed(0)]);
    expect(front("topics/alpha/index.md").items.map((i: { slug: string }) => i.slug)).toEqual(topicSlugs.slice(0, 50));
    const feeds = JSON.parse(files.get("feeds.json")!) as { path: string; items: { url: string }[] }[];
    const alphaFeed = feeds.find((f) => f.path === "/topics/alpha/feed.xml")!;
    expect(alphaFeed.items.map((i) => i.url)).toEqual(topicSlugs.map((s) => `https://x.example/papers/${s}/`));
  });

  it("leave every past month's pages and past year's archive byte-identical when a digest is added", () => {
    // Three months of days, then one more day in a fourth month.
    const days = ["2024-11-05", "2024-12-10", "2025-01-07", "2025-01-20"].map((date, d) => ({
      file: `${date}.txt`,
      date: parseIsoDate(date)!,
      entries: Array.from({ length: 40 }, (_, i) => ({
        title: `Item ${d}-${i}`,
        abstract: `Text ${d} ${i}.`,
        line: 1,
      })),
    }));
    const build = (n: number) => {
      const m = mergeDigests(days.slice(0, n));
      const lib = { ...m, papers: m.papers.map((p) => ({ ...p, topics: ["alpha"] })) };
      return sitePages(lib, [{ slug: "alpha", name: "Alpha", description: "About alpha." }], {
        ...site,
        generated: "2025-02-01T00:00:00Z",
      });
    };
    const before = build(3);
    const after = build(4);
    const moved = [...before.keys()].filter((path) => path.endsWith(".md") && before.get(path) !== after.get(path));
    // Only the first pages of the lists, the current month and the overviews change; November and December don't.
    expect(moved.filter((p) => /topics\/alpha\/2024-/.test(p))).toEqual([]);
    expect(before.has("topics/alpha/2024-11-1.md")).toBe(true);
    expect(moved).toContain("topics/alpha/index.md");
    expect(moved).toContain("topics/alpha/2025-01-1.md");
    // The card and the sitemap entry of a past month stay put too.
    const entry = (files: Map<string, string>) =>
      JSON.parse(files.get("sitemaps.json")!)[0].xml.match(
        /<url><loc>[^<]*\/topics\/alpha\/2024-11\/<\/loc><lastmod>[^<]*<\/lastmod><\/url>/,
      )?.[0];
    expect(entry(after)).toBeDefined();
    expect(entry(after)).toBe(entry(before));
  });

  it("keep the archive's newest 50 digests on /digests/ and the rest on a page per year", () => {
    const many: Digest[] = Array.from({ length: 60 }, (_, i) => {
      const date = DateTime.fromISO("2024-12-01", { zone: "utc" }).plus({ days: i }).toISODate()!;
      return {
        file: `${date}.txt`,
        date: parseIsoDate(date)!,
        entries: [{ title: `Daily ${i}`, abstract: `Text ${i}.`, line: 1 }],
      };
    });
    const m = mergeDigests(many);
    const out = sitePages(
      { ...m, papers: m.papers.map((p) => ({ ...p, topics: [] })) },
      [{ slug: "alpha", name: "Alpha", description: "A." }],
      site,
    );
    const get = (path: string) => JSON.parse(out.get(path)!.split("\n")[1]);
    const archive = get("digests/index.md");
    expect(archive.digests).toHaveLength(50);
    expect(archive.digests[0].date).toBe("2025-01-29");
    expect(archive.years).toEqual([
      { url: "/digests/2025/", label: "2025", count: 29 },
      { url: "/digests/2024/", label: "2024", count: 31 },
    ]);
    expect(get("digests/2024.md").digests).toHaveLength(31);
    expect(get("digests/2024.md").permalink).toBe("/digests/2024/");
  });

  it("keep the topics overview short: the newest uncategorised papers and a link to all of them", () => {
    const overview = front("topics/index.md");
    expect(overview.uncategorisedCount).toBe(60);
    expect(overview.uncategorised).toHaveLength(50);
    expect(front("topics/uncategorised/index.md").items).toHaveLength(50);
    expect(front("topics/uncategorised/2025-03-2.md").items).toHaveLength(10);
  });
});

describe("papers.json", () => {
  const topics = [{ slug: "alpha", name: "Alpha", description: "About alpha." }];
  // Titles and abstracts a piecewise writer could mangle: quotes, backslashes, line separators, emoji, a lone
  // surrogate.
  const awkward = {
    ...library,
    papers: library.papers.map((p, i) =>
      i === 3 ? { ...p, title: 'A "quoted" \\ title \u2028 😀', abstract: "Lone \ud800 surrogate </script>" } : p,
    ),
  };
  const whole = (lib: typeof library) => JSON.stringify(papersJson(lib, topics, site));

  it("is written a paper at a time as the very JSON of the whole index, text and all", async () => {
    const file = join(await tempDir("pd-json-"), "papers.json");
    writePapersJson(file, awkward, topics, site, () => false);
    const text = await readFile(file, "utf8");
    expect(text).toBe(whole(awkward));
    expect(JSON.parse(text).papers[3].title).toBe('A "quoted" \\ title \u2028 😀');
    expect(JSON.parse(text).papers).toHaveLength(130);
  });

  it(
    "copies the entries of unchanged papers from the last build's file, unless that file was changed " + "since",
    async () => {
      const dir = await tempDir("pd-json-");
      const index = writePapersJson(join(dir, "last.json"), awkward, topics, site, () => false);
      // A day later: one more paper at the end, and paper 5's topics changed.
      const next = {
        ...awkward,
        papers: [
          ...awkward.papers.map((p, i) => (i === 5 ? { ...p, topics: [] } : p)),
          { ...awkward.papers[0], slug: "new-paper", title: "New paper" },
        ],
      };
      const last = { file: join(dir, "last.json"), index };
      writePapersJson(join(dir, "now.json"), next, topics, site, (p) => p.slug !== next.papers[5].slug, last);
      expect(await readFile(join(dir, "now.json"), "utf8")).toBe(whole(next));
      // Vouching for paper 5 shows the entry is copied: its old topics come back.
      writePapersJson(join(dir, "copied.json"), next, topics, site, () => true, last);
      expect(JSON.parse(await readFile(join(dir, "copied.json"), "utf8")).papers[5].topics).toEqual(
        awkward.papers[5].topics,
      );
      // A last file edited by hand is never copied from.
      await writeFile(
        join(dir, "last.json"),
        (await readFile(join(dir, "last.json"), "utf8")).replace("Alpha", "alpha"),
      );
      await utimes(join(dir, "last.json"), new Date(), new Date(Date.now() + 10_000));
      writePapersJson(join(dir, "fresh.json"), next, topics, site, () => true, last);
      expect(await readFile(join(dir, "fresh.json"), "utf8")).toBe(whole(next));
    },
  );
});

describe("a paper page's key", () => {
  it("changes whenever the page's text does, and only for the pages that show what changed", () => {
    const topics = [
      { slug: "alpha", name: "Alpha", description: "About alpha." },
      { slug: "beta", name: "Beta", description: "About beta." },
    ];
    // Every paper related to two others, so a change to one paper reaches other papers' pages.
    const base = {
      ...library,
      papers: library.papers.map((p, i, all) => ({
        ...p,
        related: [all[(i + 1) % all.length].slug, all[(i + 7) % all.length].slug],
      })),
    };
    const pagesOf = (lib: typeof base) => {
      const out = new Map<string, { key: string; text: string }>();
      const take = (path: string, page: SitePage) =>
        typeof page !== "string" && out.set(path, { key: page.key, text: page.make() });
      eachSitePage(
        take,
        lib,
        topics,
        site,
        { feedItems: 100, authorMinPapers: 2 },
        planCards(lib, topics, site.title),
        paperExtras(lib.papers, () => []).extras,
      );
      return out;
    };
    const edit = (i: number, change: (p: (typeof base.papers)[number]) => object) => ({
      ...base,
      papers: base.papers.map((p, j) => (j === i ? { ...p, ...change(p) } : p)),
    });
    const before = pagesOf(base);
    expect([...before.keys()].filter((path) => path.startsWith("papers/"))).toHaveLength(130);
    expect(before.has("topics/alpha/index.md")).toBe(true);
    const edits = {
      title: edit(0, (p) => ({ title: `${p.title}!` })),
      "abstract, one character": edit(3, (p) => ({ abstract: p.abstract.replace("Abstract", "abstract") })),
      "abstract moved into the title": edit(4, (p) => ({
        title: `${p.title}${p.abstract.slice(0, 3)}`,
        abstract: p.abstract.slice(3),
      })),
      "TeX abstract": edit(5, (p) => ({ abstractTex: `${p.abstract} $x^2$` })),
      authors: edit(6, () => ({ source: { authors: ["Ada Lovelace"] } })),
      topics: edit(7, () => ({ topics: ["beta"] })),
      "related papers": edit(9, (p) => ({ related: [...p.related].reverse() })),
      "another day": edit(10, (p) => ({ digests: [...p.digests, "2025-03-20"] })),
    };
    for (const [what, lib] of Object.entries(edits)) {
      const after = pagesOf(lib);
      const moved = [...after].filter(([path, page]) => page.text !== before.get(path)!.text).map(([path]) => path);
      const rekeyed = [...after].filter(([path, page]) => page.key !== before.get(path)!.key).map(([path]) => path);
      expect(moved.length, what).toBeGreaterThan(0);
      // A changed page always gets a new key (else a daily build would keep it stale) …
      expect(rekeyed, what).toEqual(expect.arrayContaining(moved));
      // … and at most the papers' pages that show the edited paper do: its own, those it is related to, its
      // neighbours'.
      expect(rekeyed.filter((path) => path.startsWith("papers/")).length, what).toBeLessThanOrEqual(4);
      // Lists whose text is the same keep their keys, unless they show the edited paper.
      const edited = new Set(lib.papers.filter((p, j) => p !== base.papers[j]).map((p) => p.slug));
      const items = (text: string): { slug: string }[] => JSON.parse(text.split("\n")[1]).items;
      const holding = (path: string) =>
        [after.get(path)!.text, before.get(path)!.text].some((text) => items(text).some((i) => edited.has(i.slug)));
      expect(
        rekeyed.filter((path) => !path.startsWith("papers/") && !moved.includes(path) && !holding(path)),
        what,
      ).toEqual([]);
    }
  });
});

describe("the site's dates", () => {
  it("read as luxon writes them in English, for every day of forty years", () => {
    const differ: string[] = [];
    for (let d = DateTime.utc(2000, 1, 1); d.year < 2040; d = d.plus({ days: 1 })) {
      const iso = d.toISODate()!;
      const ours = [longDate(iso), shortDate(iso), monthName(iso), shortMonth(iso.slice(0, 7))].join(" | ");
      const luxon = [
        d.toFormat("d LLLL yyyy"),
        d.toFormat("d LLL yyyy"),
        d.toFormat("LLLL yyyy"),
        d.toFormat("LLL yyyy"),
      ].join(" | ");
      if (ours !== luxon) differ.push(`${iso}: ${ours} ≠ ${luxon}`);
    }
    expect(differ).toEqual([]);
  });
});
