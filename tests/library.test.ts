import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { mergeDigests } from "../src/ingest/merge/mergeDigests.ts";
import { paperKey } from "../src/ingest/merge/paperKey.ts";
import { SLUG_MAX, titleSlug } from "../src/ingest/merge/titleSlug.ts";
import type { Digest } from "../src/model.ts";

const digest = (date: string, ...titles: string[]): Digest => ({
  file: `${date}.txt`,
  date: parseIsoDate(date)!,
  entries: titles.map((title, i) => ({ title, abstract: `Abstract of ${title}`, line: 3 + 2 * i })),
});
const slugs = (digests: Digest[]) => Object.fromEntries(mergeDigests(digests).papers.map((p) => [p.title, p.slug]));

describe("titleSlug", () => {
  it("is lowercase ASCII words joined by hyphens", () => {
    expect(titleSlug("ExpertFlow: Optimized Expert Activation")).toBe("expertflow-optimized-expert-activation");
    expect(titleSlug('  GPT-4o & o1: 100% "better"?  ')).toBe("gpt-4o-o1-100-better");
  });

  it("transliterates accents and other scripts", () => {
    expect(titleSlug("Ünïcödé Straße für Modelle")).toBe("unicode-strasse-fur-modelle");
    expect(titleSlug("Модели языка")).toMatch(/^[a-z0-9-]+$/);
    expect(titleSlug("大型语言模型的推理")).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("is never empty, even for a title of emoji or punctuation", () => {
    expect(titleSlug("🚀🔥")).not.toBe("");
    expect(titleSlug("?!…")).not.toBe("");
  });

  it("is cut at a word boundary within the length limit", () => {
    const title =
      "A very long title about mixture of experts routing that goes on and on well past any sensible URL " +
      "length for a paper";
    const slug = titleSlug(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(titleSlug(title).startsWith("a-very-long-title-about-mixture-of-experts")).toBe(true);
    // Every word of the slug is a whole word of the title.
    const words = new Set(title.toLowerCase().split(" "));
    for (const word of slug.split("-")) expect(words.has(word)).toBe(true);
  });
});

describe("paperKey", () => {
  it("treats case, punctuation, hyphens and compatibility forms as the same title", () => {
    expect(paperKey("Mixture-of-Experts: A Survey")).toBe(paperKey("mixture of experts — a survey"));
    expect(paperKey("ﬁne-tuning LLMs")).toBe(paperKey("Fine Tuning LLMs"));
  });

  it("keeps different titles apart", () => {
    expect(paperKey("Attention Is All You Need")).not.toBe(paperKey("Attention Is Not All You Need"));
  });
});

describe("mergeDigests", () => {
  it("makes one paper per title, listing every digest it appeared in", () => {
    const library = mergeDigests([digest("2025-03-14", "Beta", "alpha"), digest("2025-03-13", "Alpha", "Gamma")]);
    expect(library.papers.map((p) => p.title)).toEqual(["Alpha", "Gamma", "Beta"]);
    expect(library.papers[0].digests).toEqual(["2025-03-13", "2025-03-14"]);
    expect(library.digests.map((d) => d.date)).toEqual(["2025-03-13", "2025-03-14"]);
    expect(library.digests[1].slugs).toEqual(["beta", "alpha"]);
  });

  it("shows a paper listed twice in one digest once", () => {
    const library = mergeDigests([digest("2025-03-13", "Alpha", "ALPHA!")]);
    expect(library.papers).toHaveLength(1);
    expect(library.digests[0].slugs).toEqual(["alpha"]);
  });

  it("gives colliding slugs -2, -3 in order of first appearance", () => {
    const bySlug = slugs([digest("2025-03-14", "Deep Nets?"), digest("2025-03-13", "Deep Nets!!", "Deep: Nets")]);
    // "Deep Nets!!" and "Deep Nets?" normalise to the same paper; "Deep: Nets" too.
    expect(Object.values(bySlug)).toEqual(["deep-nets"]);
    const distinct = slugs([digest("2025-03-13", "Déep Nets", "Deep Nets"), digest("2025-03-14", "Deep Néts")]);
    expect(distinct).toEqual({ "Déep Nets": "deep-nets", "Deep Nets": "deep-nets-2", "Deep Néts": "deep-nets-3" });
  });

  it("never changes an existing URL when a newer digest is added", () => {
    const before = [
      digest("2025-03-13", "Deep Nets", "Wide Nets", "Ünïcode"),
      digest("2025-03-14", "Déep Nets", "Tall Nets"),
    ];
    const after = [...before, digest("2025-03-15", "Unicode", "Deep Nets", "Déep Nets!", "Wide-Nets", "Brand New")];
    const old = slugs(before);
    const now = slugs(after);
    for (const [title, slug] of Object.entries(old)) expect(now[title]).toBe(slug);
    expect(new Set(Object.values(now)).size).toBe(Object.keys(now).length);
  });

  it("rejects two digests with the same date", () => {
    expect(() =>
      mergeDigests([digest("2025-03-13", "A"), { ...digest("2025-03-13", "B"), file: "copy/2025-03-13.txt" }]),
    ).toThrow(/another digest has the same date/);
  });
});
