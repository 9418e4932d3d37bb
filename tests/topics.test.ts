import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { topicClassifier } from "../src/topics/assignTopics.ts";
import { loadTaxonomy, parseTaxonomy } from "../src/topics/taxonomy.ts";
import { UserError } from "../src/userError.ts";
import { ROOT } from "./support/cli.ts";

const taxonomy = await loadTaxonomy(join(ROOT, "content/topics.yaml"));
const classifier = topicClassifier(taxonomy);
const classify = (title: string, abstract = "") => classifier.classify(title, abstract);

describe("the default taxonomy", () => {
  it("has the 17 topics of the design, each with a name, description and vocabulary", () => {
    expect(taxonomy.map((t) => t.slug).sort()).toEqual(
      [
        "large-language-models", "mixture-of-experts", "code-generation", "reasoning", "agents", "reinforcement-learning",
        "transformer-theory", "efficient-ml", "automl", "fine-tuning-alignment", "computer-vision", "learning-theory",
        "probabilistic-ml", "trustworthy-ml", "graphs-recsys", "hpc-scientific", "surveys-benchmarks",
      ].sort(),
    );
    for (const topic of taxonomy) {
      expect(topic.name.length).toBeGreaterThan(3);
      expect(topic.terms.length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe("classifying papers it has never seen", () => {
  const examples: { main: string; title: string; abstract: string }[] = parse(readFileSync(join(ROOT, "tests/fixtures/topic-examples.yaml"), "utf8"));
  for (const example of examples) {
    it(`files "${example.title}" under ${example.main}`, () => {
      expect(classify(example.title, example.abstract)).toContain(example.main);
    });
  }

  it("covers every topic with at least two examples", () => {
    for (const topic of taxonomy) expect(examples.filter((e) => e.main === topic.slug).length, topic.slug).toBeGreaterThanOrEqual(2);
  });
});

describe("normalisation", () => {
  const moe = (title: string) => classifier.scores(title, "").find((s) => s.slug === "mixture-of-experts")!.score;

  it("treats hyphenated and spaced phrases alike", () => {
    expect(moe("Mixture-of-Experts Layers for Speech")).toBe(moe("Mixture of Experts Layers for Speech"));
    expect(moe("mixture of experts layers for speech")).toBeGreaterThan(0);
  });

  it("matches acronyms in their spelling, with plurals, and not as ordinary words", () => {
    expect(classify("Routing Tokens in Sparse MoEs")).toContain("mixture-of-experts");
    expect(classify("Routing Tokens in Sparse MoE")).toContain("mixture-of-experts");
    expect(classify("Evaluating LLMs on Legal Questions")[0]).toBeDefined();
    expect(classifier.scores("Evaluating LLMs", "").find((s) => s.slug === "large-language-models")!.score).toBeGreaterThan(0);
    // "rl" the lowercase word is not the acronym RL.
    expect(classifier.scores("An rl widget", "").find((s) => s.slug === "reinforcement-learning")!.score).toBe(0);
  });

  it("matches word forms: plurals, -ing, British spelling, words written solid", () => {
    const score = (slug: string, title: string) => classifier.scores(title, "").find((s) => s.slug === slug)!.score;
    expect(score("graphs-recsys", "Learning on Graphs")).toBe(score("graphs-recsys", "Learning on a Graph"));
    expect(score("efficient-ml", "Quantisation of Networks")).toBe(score("efficient-ml", "Quantization of Networks"));
    expect(score("fine-tuning-alignment", "Finetuning Models")).toBe(score("fine-tuning-alignment", "Fine-Tuning Models"));
    expect(classify("Multiagent Debate")).toEqual(["agents"]);
    expect(classify("Multi-Agent Debate")).toEqual(["agents"]);
  });
});

describe("assignment", () => {
  it("leaves a paper that matches nothing uncategorised", () => {
    expect(classify("A Recipe for Sourdough Bread", "We describe flour, water, salt and a long cold fermentation.")).toEqual([]);
  });

  it("needs more than a passing mention to assign a topic", () => {
    expect(classify("On Bread", "We mention images once.")).toEqual([]);
  });

  it("gives at most three topics, best first", () => {
    const title = "A Survey of Mixture-of-Experts LLM Agents for Reinforcement Learning, Code Generation and Quantization on Graphs";
    const topics = classify(title, "reinforcement learning agents code generation quantization graph neural network mixture of experts");
    expect(topics).toHaveLength(3);
    const scores = classifier.scores(title, "reinforcement learning agents code generation quantization graph neural network mixture of experts");
    expect(topics).toEqual(scores.slice(0, 3).map((s) => s.slug));
  });

  it("is deterministic", () => {
    const a = topicClassifier(taxonomy).classify("Quantized Mixture of Experts", "We quantize experts to 4 bits on the GPU.");
    const b = topicClassifier(taxonomy).classify("Quantized Mixture of Experts", "We quantize experts to 4 bits on the GPU.");
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
  });
});

describe("a malformed topics.yaml", () => {
  const error = (text: string) => {
    try {
      parseTaxonomy("content/topics.yaml", text);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).toString();
    }
    throw new Error("expected an error");
  };
  const good = "topics:\n  - slug: a\n    name: A\n    description: About A.\n    terms:\n      alpha: 2\n";

  it("parses a good one", () => {
    expect(parseTaxonomy("t.yaml", good)).toEqual([{ slug: "a", name: "A", description: "About A.", terms: [{ text: "alpha", weight: 2 }] }]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(error(good.replace("    description: About A.\n", "    description: About A.\n    name: B\n"))).toMatch(/^content\/topics\.yaml:5: Map keys must be unique/);
    expect(error("topics:\n  - slug: a\n   name: [b\n")).toMatch(/^content\/topics\.yaml:3: /);
  });

  it("reports a missing field, a bad weight, a bad or repeated slug, with their lines", () => {
    expect(error("topics:\n  - slug: a\n    description: D\n    terms:\n      x: 1\n")).toBe("content/topics.yaml:2: the topic needs a 'name' (text)");
    expect(error(good.replace("alpha: 2", "alpha: lots"))).toBe("content/topics.yaml:6: the weight of 'alpha' must be a positive number");
    expect(error(good.replace("slug: a", "slug: Big Topic"))).toMatch(/^content\/topics\.yaml:2: 'Big Topic' is not a slug/);
    expect(error(good + good.replace("topics:\n", ""))).toBe("content/topics.yaml:7: the slug 'a' is used twice");
    expect(error("topics: []\n")).toMatch(/^content\/topics\.yaml:1: 'topics' must be a non-empty list/);
  });
});
