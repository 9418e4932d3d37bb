import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { syntheticPapers } from "../bench/syntheticPapers.ts";
import { relate, relatedPapers } from "../src/related/relatedPapers.ts";

describe("relatedPapers", () => {
  // Pairs of papers share a rare subject; every paper also carries common filler.
  const subjects = [
    "glacier ice sheets melting",
    "protein folding structures",
    "chess endgame tablebases",
    "coral reef bleaching",
    "sourdough fermentation yeast",
  ];
  const docs = subjects.flatMap((subject, i) => [
    {
      title: `Studying ${subject}`,
      abstract: `We study ${subject} with a model and data. Results improve on baselines.`,
    },
    {
      title: `More on ${subject.split(" ").reverse().join(" ")}`,
      abstract: `A model for ${subject}; experiments and data show gains ${i}.`,
    },
  ]);

  it("finds the paper that shares a subject as the nearest neighbour", () => {
    const related = relatedPapers(docs, 3);
    for (const [i, list] of related.entries()) expect(list[0], docs[i].title).toBe(i % 2 === 0 ? i + 1 : i - 1);
  });

  it("never lists a paper as related to itself, nor twice, and gives at most k", () => {
    const related = relatedPapers(docs, 5);
    related.forEach((list, i) => {
      expect(list).not.toContain(i);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(5);
    });
  });

  it("gives the same lists every time, and is unchanged by unrelated papers' order", () => {
    expect(relatedPapers(docs)).toEqual(relatedPapers(docs));
    const reversed = [...docs].reverse();
    const back = relatedPapers(reversed)
      .reverse()
      .map((list) => list.map((j) => docs.length - 1 - j));
    expect(back.map((l) => l[0])).toEqual(relatedPapers(docs).map((l) => l[0]));
  });

  it("relates nothing to a paper that shares no word with any other", () => {
    const lonely = [...docs, { title: "Zyxxq wuvvt", abstract: "Plorp quanx vemmit." }];
    expect(relatedPapers(lonely).at(-1)).toEqual([]);
  });

  it("still finds known neighbours among thousands of papers, where common terms are pruned", () => {
    const papers = syntheticPapers(3000, 7);
    const planted = [...papers, ...docs];
    const related = relatedPapers(planted, 5);
    docs.forEach((_, i) => {
      const self = papers.length + i;
      const partner = papers.length + (i % 2 === 0 ? i + 1 : i - 1);
      expect(related[self][0]).toBe(partner);
    });
  });
});

describe("related papers on real, hand-labelled papers", () => {
  it("links papers that share a labelled topic for at least 70% of the top-5 links", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { parse } = await import("yaml");
    const { DateTime } = await import("luxon");
    const { parseDigest } = await import("../src/ingest/formats/parseDigest.ts");
    const { assignTopics } = await import("../src/topics/assignTopics.ts");
    const { loadTaxonomy } = await import("../src/topics/taxonomy.ts");
    const { ROOT } = await import("./support/cli.ts");
    type Labelled = { title: string; abstract: string; topics: string[] };
    const unseen: Labelled[] = parse(readFileSync(join(ROOT, "tests/fixtures/topics-validation/papers.yaml"), "utf8"));
    const labels: Labelled[] = parse(
      readFileSync(join(ROOT, "tests/fixtures/topics-validation/bundled-labels.yaml"), "utf8"),
    );
    const bundled = parseDigest(
      "2025-03-13.txt",
      readFileSync(join(ROOT, "content/digests/2025-03-13.txt"), "utf8"),
      DateTime.fromISO("2025-03-13"),
    );
    const archive = [...bundled.entries.map((e, i) => ({ ...labels[i], abstract: e.abstract })), ...unseen];
    const taxonomy = await loadTaxonomy(join(ROOT, "content/topics.yaml"));
    const classified = assignTopics(
      archive.map((p, i) => ({
        key: String(i),
        slug: String(i),
        title: p.title,
        abstract: p.abstract,
        digests: [],
        topics: [],
        related: [],
        source: {},
      })) as never,
      taxonomy,
    );
    const share = (lists: number[][]) => {
      let hits = 0;
      let links = 0;
      for (const [i, list] of lists.entries()) {
        for (const j of list) {
          links++;
          if (archive[i].topics.some((t) => archive[j].topics.includes(t))) hits++;
        }
      }
      return hits / links;
    };
    const words = share(relatedPapers(archive.map(({ title, abstract }) => ({ title, abstract }))));
    const all = share(relatedPapers(classified.map(({ title, abstract, topics }) => ({ title, abstract, topics }))));
    // As a site holds them: each paper on its real day, weighed as the archive stood then.
    const day = (p: object) => (p as { source?: string }).source?.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "2025-03-13";
    const dated = share(
      relatedPapers(
        classified.map(({ title, abstract, topics }, i) => ({ title, abstract, topics, day: day(archive[i]) })),
      ),
    );
    console.log(
      `top-5 related links sharing a hand-labelled topic, ${archive.length} papers: words alone\
 ${(100 * words).toFixed(1)}%, with topics ${(100 * all).toFixed(1)}%, dated day by day ${(100 * dated).toFixed(1)}%`,
    );
    expect(all).toBeGreaterThanOrEqual(0.7);
    expect(dated).toBeGreaterThanOrEqual(0.7);
    expect(all).toBeGreaterThan(words);
  });

  it("a new day adds its papers to older papers' lists but never reshuffles them", () => {
    const days = syntheticPapers(600, 3).map((p, i) => ({
      ...p,
      day: `2024-01-${String(1 + Math.floor(i / 60)).padStart(2, "0")}`,
    }));
    const before = relatedPapers(days.slice(0, 540));
    const after = relatedPapers(days);
    let gained = 0;
    before.forEach((list, i) => {
      const stillOld = after[i].filter((j) => j < 540);
      // The old papers it keeps are its old list's first ones, in the same order; the rest are new papers.
      expect(stillOld).toEqual(list.slice(0, stillOld.length));
      if (after[i].some((j) => j >= 540)) gained++;
    });
    expect(gained).toBeGreaterThan(0);
    expect(gained).toBeLessThan(540);
  });
});

describe("what else papers share", () => {
  const base = { title: "Sparse widget routing", abstract: "We route widgets sparsely across many devices." };
  const twin = (extra: object) => ({
    title: "Sparse widget routing again",
    abstract: "Widgets are routed sparsely across devices.",
    ...extra,
  });

  it(
    "ranks a paper with the same main topic, a shared author or the same arXiv category above an equal " +
      "one without",
    () => {
      for (const [mine, theirs] of [
        [{ topics: ["agents"] }, { topics: ["agents"] }],
        [{ authors: ["Ada Lovelace"] }, { authors: ["ada  lovelace"] }],
        [{ category: "cs.DC" }, { category: "cs.DC" }],
      ]) {
        const docs = [{ ...base, ...mine }, twin({}), twin(theirs)];
        expect(relatedPapers(docs, 2)[0], JSON.stringify(mine)).toEqual([2, 1]);
      }
    },
  );

  it("prefers the newer of two equally related papers", () => {
    // Documents are oldest first, so the later index is the newer paper.
    expect(relatedPapers([base, twin({}), twin({})], 2)[0]).toEqual([2, 1]);
  });

  it("lists no paper twice when a word is in every paper (it weighs nothing)", () => {
    const docs = ["alpha beta", "alpha gamma", "alpha beta gamma", "alpha delta"].map((t) => ({
      title: t,
      abstract: "alpha",
    }));
    for (const list of relatedPapers(docs, 3)) expect(new Set(list).size).toBe(list.length);
  });

  it("needs a shared word: a shared topic alone links nothing", () => {
    const lonely = [
      { title: "Glacier ice", abstract: "Melting.", topics: ["agents"] },
      { title: "Coral reefs", abstract: "Bleaching.", topics: ["agents"] },
    ];
    expect(relatedPapers(lonely)).toEqual([[], []]);
  });
});

describe("relating an archive that grew by a day", () => {
  const archive = syntheticPapers(900, 5).map((p, i) => ({
    ...p,
    day: `2024-02-${String(1 + Math.floor(i / 90)).padStart(2, "0")}`,
    topics: [["a", "b", "c"][i % 3], ...(i % 4 === 0 ? ["d"] : [])],
    authors: i % 7 === 0 ? ["A. Author"] : undefined,
  }));

  it("goes on from the last run's state to the very lists a run over the whole archive gives", () => {
    const whole = relate(archive);
    const before = relate(archive.slice(0, 810));
    // The state survives a trip through V8's serialization, as the build keeps it on disk.
    const resumed = relate(archive, 5, deserialize(serialize(before.state)));
    expect(resumed.lists).toEqual(whole.lists);
    expect(resumed.state).toEqual(whole.state);
  });

  it("starts over when the new papers are not all of later days", () => {
    const before = relate(archive.slice(0, 810));
    const backfilled = [...archive.slice(0, 810), { ...archive[850], day: "2024-01-15" }];
    expect(relate(backfilled, 5, before.state).lists).toEqual(relate(backfilled).lists);
  });
});
