// The pieces of `paper-digest daily`: arXiv's listing, keywords, the pause arXiv asks for, answers joined.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSiteUrl } from "../src/config/siteUrl.ts";
import { joinAtom } from "../src/ingest/fetch/arxivDay.ts";
import { hasKeyword } from "../src/ingest/fetch/keywords.ts";
import { pacer } from "../src/ingest/fetch/pace.ts";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseArxivAtom } from "../src/ingest/formats/parseArxivAtom.ts";
import { parseArxivRss } from "../src/ingest/formats/parseArxivRss.ts";
import { ROOT } from "./support/cli.ts";

const fixture = (path: string) => readFileSync(join(ROOT, "tests/fixtures", path), "utf8");

describe("arXiv's listing feed", () => {
  it("names its day by its own pubDate, not the clock, and lists every item with its announce type", () => {
    const listing = parseArxivRss("feed", fixture("daily/rss-cs.IR-2024-10-25.xml"));
    expect(listing.day).toBe("2024-10-25");
    expect(listing.papers).toHaveLength(14);
    expect(listing.papers.filter((p) => p.announceType === "cross").map((p) => p.id)).toEqual([
      "2410.18572",
      "2410.18451",
    ]);
    expect(listing.papers[0].abstract).toMatch(/^Contrastive loss is a powerful approach/);
  });

  it("is its own day in its own time zone, and reads ids and types from a feed without the arxiv elements", () => {
    const feed = `<rss version="2.0"><channel><title>x</title>
      <pubDate>Mon, 30 Sep 2024 23:30:00 -0400</pubDate>
      <item><title>A</title><guid>oai:arXiv.org:2409.01234v2</guid>
      <description>arXiv:2409.01234v2 Announce Type: replace-cross
Abstract: Text.</description></item>
      </channel></rss>`;
    const listing = parseArxivRss("feed", feed);
    expect(listing.day).toBe("2024-09-30");
    expect(listing.papers).toEqual([
      { id: "2409.01234", title: "A", abstract: "Text.", announceType: "replace-cross" },
    ]);
  });

  it("says in one line what is wrong with something that is not a listing", () => {
    expect(() => parseArxivRss("feed", "<html><body>Service unavailable</body></html>")).toThrow("not an RSS listing");
    expect(() => parseArxivRss("feed", "<rss><channel><title>x</title></channel></rss>")).toThrow(
      "doesn't say which day",
    );
    expect(() => parseArxivRss("feed", "<rss><channel>")).toThrow(/not valid XML/);
  });
});

describe("keywords", () => {
  it("match whole words in any case, and phrases word by word", () => {
    expect(hasKeyword("RAG-based question answering", ["rag"])).toBe(true);
    expect(hasKeyword("A fragment of text", ["RAG"])).toBe(false);
    expect(hasKeyword("Dense Retrieval at scale", ["dense retrieval"])).toBe(true);
    expect(hasKeyword("Retrieval that is dense", ["dense retrieval"])).toBe(false);
    expect(hasKeyword("Retrievals", ["retrieval"])).toBe(false);
    expect(hasKeyword("Überblick über Suche", ["ÜBERBLICK"])).toBe(true);
  });
});

describe("the pause between requests", () => {
  it("keeps three seconds between requests to arXiv, its listing and its API alike, and none elsewhere", async () => {
    let now = 0;
    const waits: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void waits.push(ms) };
    const pace = pacer(0, clock);
    // A request that takes 200 ms, then 500 ms of other work: the next waits for the rest of three seconds.
    const request = async () => void (now += 200);
    await pace("https://rss.arxiv.org/rss/cs.IR", request);
    now += 500;
    await pace("http://export.arxiv.org/api/query?id_list=1", request);
    expect(waits).toEqual([2500]);
    const local = pacer(0, clock);
    await local("http://127.0.0.1:1234/rss/cs.IR", request);
    await local("http://127.0.0.1:1234/api/query", request);
    expect(waits).toEqual([2500]);
  });
});

describe("the API's answers for more than a hundred papers", () => {
  it("become one Atom file: the first as it came, then the others' entries as they came", () => {
    const one = fixture("daily/api-2410.18572.atom");
    const two = fixture("sources/2025-03-14.atom");
    const joined = joinAtom([one, two]);
    expect(joined.startsWith(one.slice(0, one.lastIndexOf("</feed>")))).toBe(true);
    const digest = parseArxivAtom("joined.atom", joined, parseIsoDate("2024-10-25"));
    expect(digest.entries.map((e) => e.source?.arxivId)).toEqual([
      "2410.18572",
      "1710.10903",
      "1708.02002",
      "2205.14135",
    ]);
  });
});

describe("the site URL", () => {
  it("is the flag's, else SITE_URL, else Netlify's, else site.yaml's, else the local preview's", () => {
    const file = "https://file.example.org";
    expect(resolveSiteUrl("https://flag.example.org/", { SITE_URL: "https://env.example.org" }, file)).toBe(
      "https://flag.example.org",
    );
    expect(resolveSiteUrl(undefined, { SITE_URL: "https://env.example.org" }, file)).toBe("https://env.example.org");
    expect(resolveSiteUrl(undefined, { URL: "https://netlify.example.org" }, file)).toBe("https://netlify.example.org");
    expect(resolveSiteUrl(undefined, {}, file)).toBe(file);
    expect(resolveSiteUrl(undefined, {})).toBe("http://localhost:8080");
  });
});
