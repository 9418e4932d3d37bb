import { describe, expect, it } from "vitest";
import { relatedPapers } from "../src/related/relatedPapers.ts";
import { syntheticPapers } from "../bench/syntheticPapers.ts";

describe("relatedPapers", () => {
  // Pairs of papers share a rare subject; every paper also carries common filler.
  const subjects = ["glacier ice sheets melting", "protein folding structures", "chess endgame tablebases", "coral reef bleaching", "sourdough fermentation yeast"];
  const docs = subjects.flatMap((subject, i) => [
    { title: `Studying ${subject}`, abstract: `We study ${subject} with a model and data. Results improve on baselines.` },
    { title: `More on ${subject.split(" ").reverse().join(" ")}`, abstract: `A model for ${subject}; experiments and data show gains ${i}.` },
  ]);

  it("finds the paper that shares a subject as the nearest neighbour", () => {
    const related = relatedPapers(docs, 3);
    related.forEach((list, i) => expect(list[0], docs[i].title).toBe(i % 2 === 0 ? i + 1 : i - 1));
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
    const back = relatedPapers(reversed).reverse().map((list) => list.map((j) => docs.length - 1 - j));
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
