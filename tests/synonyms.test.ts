import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { mergeDigests } from "../src/ingest/merge/mergeDigests.ts";
import { loadSynonyms, parseSynonyms, synonymGroups, synonymIndex, words } from "../src/search/synonyms.ts";
import { vocabularyChunks } from "../src/search/vocabulary.ts";
import { UserError } from "../src/util/userError.ts";
import { ROOT } from "./support/cli.ts";

const errorOf = (text: string) => {
  try {
    parseSynonyms("synonyms.yaml", text);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return String(err);
  }
  return "";
};

describe("words", () => {
  it("split any ASCII text as letters and digits of every script would (the fast path a plain abstract takes)", () => {
    const unicodeWords = (text: string) =>
      text
        .toLowerCase()
        .normalize("NFKC")
        .split(/[^\p{L}\p{N}@]+/u)
        .filter(Boolean);
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 200 }), (text) => {
        expect(words(text)).toEqual(unicodeWords(text));
      }),
    );
    expect(words("Mixture-of-Experts (MoE) for LLMs, v2.5 @scale")).toEqual([
      "mixture",
      "of",
      "experts",
      "moe",
      "for",
      "llms",
      "v2",
      "5",
      "@scale",
    ]);
    expect(words("Ｆｕｌｌ-width Über")).toEqual(["full", "width", "über"]);
  });
});

describe("content/synonyms.yaml", () => {
  it("is valid, and covers the field's common vocabulary (a few hundred groups)", async () => {
    const groups = await loadSynonyms(join(ROOT, "content/synonyms.yaml"));
    expect(groups.length).toBeGreaterThanOrEqual(250);
    const terms = new Set(groups.flat().map((t) => t.join(" ")));
    for (const term of [
      "moe",
      "mixture of experts",
      "nas",
      "neural architecture search",
      "ppo",
      "rlhf",
      "lora",
      "peft",
      "ocr",
      "text recognition",
      "pde",
      "partial differential equation",
    ])
      expect(terms.has(term), term).toBe(true);
  });

  it("reports a mistake at its line", () => {
    expect(errorOf("- [MoE, mixture of experts]\n- [lonely]\n")).toBe(
      "synonyms.yaml:2: a group needs at least two terms",
    );
    expect(errorOf("- [MoE, mixture of experts]\n- just text\n")).toBe(
      "synonyms.yaml:2: each group is a list of terms, such as [MoE, mixture of experts]",
    );
    expect(errorOf("- [MoE, '!!!']\n")).toBe("synonyms.yaml:1: '!!!' is not a term: use words");
    expect(errorOf("moe: mixture of experts\n")).toMatch(/^synonyms\.yaml:1: expected a list of groups/);
    expect(errorOf("- [a, b\n")).toMatch(/^synonyms\.yaml:\d+: /);
  });
});

describe("expanding a paper's text with synonyms", () => {
  const groups = parseSynonyms(
    "s.yaml",
    "- [MoE, mixture of experts]\n- [LLM, large language model]\n- [NAS, neural architecture search, AutoNAS]\n",
  );
  const expand = synonymIndex(groups);

  it("indexes a phrase's acronyms with the text, whatever the case, hyphens and plurals", () => {
    expect(expand("A sparse Mixture-of-Experts model")).toEqual(["moe"]);
    expect(expand("Large language models and neural architecture search").sort()).toEqual(["autonas", "llm", "nas"]);
    expect(expand("Trained with NAS")).toEqual(["autonas"]);
  });

  it(
    "adds no phrase (the search page expands queries instead) and nothing for a text with no term, or " +
      "part of a phrase",
    () => {
      expect(expand("Serving MoE models")).toEqual([]);
      expect(expand("Evaluating LLMs on code")).toEqual([]);
      expect(expand("A study of protein folding")).toEqual([]);
      expect(expand("a mixture of models and experts")).toEqual([]);
    },
  );

  it("hands the search page every group, terms as lowercase words", () => {
    expect(JSON.parse(synonymGroups(groups))).toEqual([
      ["moe", "mixture of experts"],
      ["llm", "large language model"],
      ["nas", "neural architecture search", "autonas"],
    ]);
  });
});

describe("the vocabulary for typo correction", () => {
  it(
    "holds each word that starts with a letter, with the number of papers using it, in one chunk per " + "first letter",
    () => {
      const digest = parseDigest(
        "2025-03-13.txt",
        "Mar 13\nTransformers for Graphs\nTransformers on graphs, in 2025 and 3D.\nAttention " +
          "Everywhere\nTransformers attend.\n",
        parseIsoDate("2025-03-13"),
      );
      const { files } = vocabularyChunks(mergeDigests([digest]));
      const t = JSON.parse(files.get("search/words/t.json")!);
      expect(t.words).toEqual({ transformers: 2 });
      expect(JSON.parse(files.get("search/words/g.json")!).words).toEqual({ graphs: 1 });
      expect(files.has("search/words/_.json")).toBe(false);
      expect(JSON.parse(files.get("search/words/index.json")!)).toEqual(["a", "e", "f", "g", "t"]);
    },
  );

  it("keeps words of other scripts in the shared chunk, and no numbers", () => {
    const digest = parseDigest(
      "2025-03-13.txt",
      "Mar 13\nÜber Ärzte und Модели\nΔιάχυση 2025 _tmp x86 models.\n",
      parseIsoDate("2025-03-13"),
    );
    const shared = JSON.parse(vocabularyChunks(mergeDigests([digest])).files.get("search/words/_.json")!).words;
    expect(Object.keys(shared).sort()).toEqual(["ärzte", "über", "διάχυση", "модели"].sort());
  });

  it("counted on from the last build's state, is the vocabulary of the whole archive counted at once", () => {
    const day = (date: string, text: string) => parseDigest(`${date}.txt`, text, parseIsoDate(date));
    const first = day("2025-03-12", "Mar 12\nSparse Transformers\nSparse attention for long graphs.\n");
    const second = day("2025-03-13", "Mar 13\nGraph Transformers\nTransformers on graphs, and Sparse ones.\n");
    const before = vocabularyChunks(mergeDigests([first]));
    const after = vocabularyChunks(mergeDigests([first, second]), before.state);
    expect(after.files).toEqual(vocabularyChunks(mergeDigests([first, second])).files);
    expect(JSON.parse(after.files.get("search/words/s.json")!).words).toEqual({ sparse: 2 });
  });
});
