import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { readDigestFile } from "../src/ingest/formats/readDigestFile.ts";
import { mergeDigests } from "../src/ingest/merge/mergeDigests.ts";
import { UserError } from "../src/util/userError.ts";
import { ROOT, SEED } from "./support/cli.ts";

// Recorded in the shapes the real APIs answer with (see the fixtures' files).
const SOURCES = join(ROOT, "tests/fixtures/sources");
const JSON_DAY = join(SOURCES, "2025-03-13.json");
const ATOM_DAY = join(SOURCES, "2025-03-14.atom");
const DATE = parseIsoDate("2025-03-13")!;

/** The one-line error a user would see for this file and text. */
function errorOf(file: string, text: string): string {
  try {
    parseDigest(file, text, DATE);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).toString();
  }
  throw new Error("no error");
}

describe("a Daily Papers response (.json)", () => {
  it("gives every paper its arXiv id, authors in order, dates, links and the day's upvotes and stars", async () => {
    const digest = await readDigestFile(JSON_DAY);
    expect(digest.date.toISODate()).toBe("2025-03-13");
    expect(digest.entries.map((e) => e.source?.arxivId)).toEqual(["2501.00656", "2302.06675", "2205.14135"]);
    const [olmo, lion] = digest.entries;
    expect(olmo.title).toBe("2 OLMo 2 Furious");
    expect(olmo.source?.authors).toHaveLength(40);
    expect(olmo.source?.authors?.slice(0, 2)).toEqual(["Team OLMo", "Pete Walsh"]);
    expect(olmo.source?.published).toBe("2024-12-31");
    expect(olmo.source?.links).toEqual({
      arxiv: "https://arxiv.org/abs/2501.00656",
      pdf: "https://arxiv.org/pdf/2501.00656",
      huggingFace: "https://huggingface.co/papers/2501.00656",
      code: "https://github.com/allenai/OLMo",
      project: "https://allenai.org/olmo",
    });
    expect(olmo.source?.snapshots).toEqual([{ date: "2025-03-13", upvotes: 57, stars: 5213 }]);
    // A repository given without its scheme is still a link; null fields are simply absent.
    expect(lion.source?.links?.code).toBe("https://github.com/google/automl");
    expect(lion.source?.links?.project).toBeUndefined();
    expect(lion.source?.snapshots).toEqual([{ date: "2025-03-13", upvotes: 12 }]);
  });

  it("reports a missing title, abstract or id at the item's line, with its path", async () => {
    const items = JSON.parse(await readFile(JSON_DAY, "utf8"));
    delete items[1].paper.title;
    const text = JSON.stringify(items, null, 2);
    const line = text.split("\n").findIndex((l, i) => i > 0 && l.includes('"id": "2302.06675"')) + 1;
    const message = errorOf("2025-03-13.json", text);
    expect(message).toMatch(/^2025-03-13\.json:\d+: \[1\]\.paper\.title: is missing$/);
    // The line is within the broken item (at its "paper" object).
    expect(Number(message.split(":")[1])).toBeLessThanOrEqual(line);
    expect(Number(message.split(":")[1])).toBeGreaterThan(
      text.split("\n").findIndex((l) => l.includes('"id": "2501.00656"')),
    );

    items[1].paper.title = "Back";
    items[2].paper.summary = "   ";
    expect(errorOf("2025-03-13.json", JSON.stringify(items, null, 2))).toMatch(
      /:\d+: \[2\]\.paper\.summary: is empty$/,
    );
    items[2].paper.summary = "An abstract.";
    items[0].paper.id = "not-an-id";
    expect(errorOf("2025-03-13.json", JSON.stringify(items, null, 2))).toMatch(
      /:\d+: \[0\]\.paper\.id: is not an arXiv id/,
    );
  });

  it("says where JSON itself is broken, and what a response must be", () => {
    expect(
      errorOf("2025-03-13.json", '[\n  {"paper": {"id": "2501.00656",\n  "title": "x" "summary": "y"}}\n]'),
    ).toMatch(/^2025-03-13\.json:3: not valid JSON: /);
    expect(errorOf("2025-03-13.json", '{"error": "Invalid date"}')).toBe(
      "2025-03-13.json:1: the response: should be a list",
    );
    expect(errorOf("2025-03-13.json", "[]")).toBe("2025-03-13.json:1: no papers in this response");
    expect(
      errorOf("2025-03-13.json", '[{"paper": {"id": "2501.00656", "title": "T\\u0007", "summary": "S"}}]'),
    ).toMatch(/control character U\+0007/);
  });

  it("ignores fields it doesn't know and accepts missing optional ones", () => {
    const digest = parseDigest(
      "2025-03-13.json",
      JSON.stringify([
        {
          paper: { id: "2501.00656v2", title: " A  title ", summary: "An\nabstract.", somethingNew: { x: 1 } },
          extra: true,
        },
      ]),
      DATE,
    );
    expect(digest.entries[0]).toMatchObject({
      title: "A title",
      abstract: "An abstract.",
      source: { arxivId: "2501.00656", version: 2 },
    });
    expect(digest.entries[0].source?.authors).toBeUndefined();
  });

  it("ignores optional fields of an unexpected type rather than losing the day", () => {
    const odd = {
      id: "2501.00656",
      title: "T",
      summary: "S",
      upvotes: "1.2k",
      githubStars: null,
      authors: null,
      githubRepo: 42,
      publishedAt: 7,
    };
    const digest = parseDigest(
      "2025-03-13.json",
      JSON.stringify([
        { paper: odd },
        { paper: { ...odd, id: "2501.00657", authors: [{ name: "Ada" }, { fullname: "no name" }, "text"] } },
      ]),
      DATE,
    );
    expect(digest.entries[0].source).toEqual({
      arxivId: "2501.00656",
      links: {
        arxiv: "https://arxiv.org/abs/2501.00656",
        pdf: "https://arxiv.org/pdf/2501.00656",
        huggingFace: "https://huggingface.co/papers/2501.00656",
      },
    });
    expect(digest.entries[1].source?.authors).toEqual(["Ada"]);
  });

  it("never takes a javascript: or relative link from the response", () => {
    const digest = parseDigest(
      "2025-03-13.json",
      JSON.stringify([
        {
          paper: {
            id: "2501.00656",
            title: "T",
            summary: "S",
            githubRepo: "javascript:alert(1)",
            projectPage: "/relative",
          },
        },
      ]),
      DATE,
    );
    expect(digest.entries[0].source?.links?.code).toBeUndefined();
    expect(digest.entries[0].source?.links?.project).toBeUndefined();
  });
});

describe("an arXiv API response (.atom)", () => {
  it(
    "reads ids without versions, wrapped titles and summaries as one line, accented authors, categories " +
      "primary first, comment, journal and DOI",
    async () => {
      const digest = await readDigestFile(ATOM_DAY);
      expect(digest.date.toISODate()).toBe("2025-03-14");
      const [gat, focal, flash] = digest.entries;
      expect(gat.source).toMatchObject({
        arxivId: "1710.10903",
        version: 3,
        published: "2017-10-30",
        primaryCategory: "stat.ML",
        categories: ["stat.ML", "cs.AI", "cs.LG", "cs.SI"],
      });
      expect(gat.source?.authors).toEqual([
        "Petar Veličković",
        "Guillem Cucurull",
        "Arantxa Casanova",
        "Adriana Romero",
        "Pietro Liò",
        "Yoshua Bengio",
      ]);
      expect(gat.source?.comment).toBe("To appear at ICLR 2018. 12 pages, 2 figures");
      expect(gat.abstract).toMatch(
        /^We present graph attention networks \(GATs\), novel neural network architectures that operate/,
      );
      expect(gat.abstract).not.toMatch(/\s{2}|\n/);
      expect(focal.source?.authors?.at(-1)).toBe("Piotr Dollár");
      expect(focal.source).toMatchObject({
        doi: "10.1109/TPAMI.2018.2858826",
        journalRef: "IEEE Transactions on Pattern Analysis and Machine Intelligence 2018",
      });
      expect(flash.title).toBe("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness");
      expect(flash.source?.links).toEqual({
        arxiv: "https://arxiv.org/abs/2205.14135",
        pdf: "https://arxiv.org/pdf/2205.14135",
      });
    },
  );

  it("reports malformed XML at its line, and an entry without what a paper needs at the entry's line", async () => {
    const atom = await readFile(ATOM_DAY, "utf8");
    const lines = atom.split("\n");
    const broken = atom.replace(
      "<title>Focal Loss for Dense Object Detection</title>",
      "<title>Focal Loss for Dense Object Detection</titel>",
    );
    const brokenLine = lines.findIndex((l) => l.includes("<title>Focal Loss")) + 1;
    expect(errorOf("2025-03-14.atom", broken)).toMatch(new RegExp(`^2025-03-14\\.atom:${brokenLine}: not valid XML: `));
    const noSummary = atom.replace(/<summary>\s+The highest[\s\S]*?<\/summary>/, "");
    const entryLine = lines.findIndex((l, i) => l.includes("<entry>") && lines[i + 1].includes("1708.02002")) + 1;
    expect(errorOf("2025-03-14.atom", noSummary)).toBe(
      `2025-03-14.atom:${entryLine}: entry <summary> is missing or empty`,
    );
    expect(errorOf("2025-03-14.atom", "<html><body>Service unavailable</body></html>")).toBe(
      "2025-03-14.atom:1: not an Atom feed (no <feed> in the Atom namespace)",
    );
  });

  it("turns the API's own error entry into a readable message", () => {
    const error = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
    <title>Error</title>
    <summary>incorrect id format for 1234</summary>
  </entry>
</feed>`;
    expect(errorOf("2025-03-14.atom", error)).toBe(
      "2025-03-14.atom:3: the arXiv API answered with an error: incorrect id format for 1234",
    );
  });
});

describe("merging sources", () => {
  it("makes a text paper and the same day's imported paper one page that keeps the text paper's URL", async () => {
    const text = await readDigestFile(SEED);
    const textOnly = mergeDigests([text]);
    const both = mergeDigests([await readDigestFile(JSON_DAY), text, await readDigestFile(ATOM_DAY)]);
    // Every slug the text digest published is still there, for the same title.
    for (const p of textOnly.papers) expect(both.papers.find((q) => q.slug === p.slug)?.title).toBe(p.title);
    const olmo = both.papers.find((p) => p.slug === "2-olmo-2-furious")!;
    expect(olmo.source.arxivId).toBe("2501.00656");
    expect(olmo.digests).toEqual(["2025-03-13"]);
    // The day lists each paper once, the text digest's order first.
    const day = both.digests.find((d) => d.date === "2025-03-13")!;
    expect(new Set(day.slugs).size).toBe(day.slugs.length);
    expect(day.slugs.slice(0, textOnly.digests[0].slugs.length)).toEqual(textOnly.digests[0].slugs);
    expect(both.papers).toHaveLength(textOnly.papers.length + 3);
  });

  it("knows a paper by its arXiv id even when a later source retitles it, and keeps every day's snapshot", () => {
    const day = (date: string, title: string, upvotes: number, version: number) => ({
      file: `${date}.json`,
      date: parseIsoDate(date)!,
      entries: [
        { title, abstract: "A", line: 1, source: { arxivId: "2501.00001", version, snapshots: [{ date, upvotes }] } },
      ],
    });
    const library = mergeDigests([day("2025-03-14", "Old Title", 3, 1), day("2025-03-15", "A New Title", 9, 2)]);
    expect(library.papers).toHaveLength(1);
    expect(library.papers[0]).toMatchObject({
      slug: "old-title",
      title: "Old Title",
      digests: ["2025-03-14", "2025-03-15"],
    });
    expect(library.papers[0].source.version).toBe(2);
    expect(library.papers[0].source.snapshots).toEqual([
      { date: "2025-03-14", upvotes: 3 },
      { date: "2025-03-15", upvotes: 9 },
    ]);
  });

  it("keeps two papers with different ids apart even when their titles are the same", () => {
    const entry = (id: string) => ({ title: "Attention", abstract: id, line: 1, source: { arxivId: id } });
    const library = mergeDigests([
      {
        file: "2025-03-14.json",
        date: parseIsoDate("2025-03-14")!,
        entries: [entry("2501.00001"), entry("2501.00002")],
      },
    ]);
    expect(library.papers.map((p) => p.slug)).toEqual(["attention", "attention-2"]);
  });
});
