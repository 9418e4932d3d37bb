import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import type { Paper } from "../src/model.ts";
import { trainArchiveModel } from "../src/topics/archiveModel.ts";
import { assignTopics, assignTopicsFrom, topicClassifier } from "../src/topics/assignTopics.ts";
import { loadTaxonomy, parseTaxonomy } from "../src/topics/taxonomy.ts";
import { UserError } from "../src/util/userError.ts";
import { ROOT } from "./support/cli.ts";

const taxonomy = await loadTaxonomy(join(ROOT, "content/topics.yaml"));
const classifier = topicClassifier(taxonomy);
const classify = (title: string, abstract = "") => classifier.classify(title, abstract);

describe("the default taxonomy", () => {
  it("has the 17 topics of the design, each with a name, description and vocabulary", () => {
    expect(taxonomy.map((t) => t.slug).sort()).toEqual(
      [
        "large-language-models",
        "mixture-of-experts",
        "code-generation",
        "reasoning",
        "agents",
        "reinforcement-learning",
        "transformer-theory",
        "efficient-ml",
        "automl",
        "fine-tuning-alignment",
        "computer-vision",
        "learning-theory",
        "probabilistic-ml",
        "trustworthy-ml",
        "graphs-recsys",
        "hpc-scientific",
        "surveys-benchmarks",
      ].sort(),
    );
    for (const topic of taxonomy) {
      expect(topic.name.length).toBeGreaterThan(3);
      expect(topic.terms.length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe("classifying papers it has never seen", () => {
  const examples: { main: string; title: string; abstract: string }[] = parse(
    readFileSync(join(ROOT, "tests/fixtures/topic-examples.yaml"), "utf8"),
  );
  for (const example of examples) {
    it(`files "${example.title}" under ${example.main}`, () => {
      expect(classify(example.title, example.abstract)).toContain(example.main);
    });
  }

  it("covers every topic with at least two examples", () => {
    for (const topic of taxonomy)
      expect(examples.filter((e) => e.main === topic.slug).length, topic.slug).toBeGreaterThanOrEqual(2);
  });
});

describe("normalisation", () => {
  const moe = (title: string) =>
    classifier.scores({ title, abstract: "" }).find((s) => s.slug === "mixture-of-experts")!.score;

  it("treats hyphenated and spaced phrases alike", () => {
    expect(moe("Mixture-of-Experts Layers for Speech")).toBe(moe("Mixture of Experts Layers for Speech"));
    expect(moe("mixture of experts layers for speech")).toBeGreaterThan(0);
  });

  it("matches acronyms in their spelling, with plurals, and not as ordinary words", () => {
    expect(classify("Routing Tokens in Sparse MoEs")).toContain("mixture-of-experts");
    expect(classify("Routing Tokens in Sparse MoE")).toContain("mixture-of-experts");
    expect(classify("Evaluating LLMs on Legal Questions")[0]).toBeDefined();
    expect(
      classifier.scores({ title: "Evaluating LLMs", abstract: "" }).find((s) => s.slug === "large-language-models")!
        .score,
    ).toBeGreaterThan(0);
    // "rl" the lowercase word is not the acronym RL.
    expect(
      classifier.scores({ title: "An rl widget", abstract: "" }).find((s) => s.slug === "reinforcement-learning")!
        .score,
    ).toBe(0);
  });

  it("matches word forms: plurals, -ing, British spelling, words written solid", () => {
    const score = (slug: string, title: string) =>
      classifier.scores({ title, abstract: "" }).find((s) => s.slug === slug)!.score;
    expect(score("graphs-recsys", "Learning on Graphs")).toBe(score("graphs-recsys", "Learning on a Graph"));
    expect(score("efficient-ml", "Quantisation of Networks")).toBe(score("efficient-ml", "Quantization of Networks"));
    expect(score("fine-tuning-alignment", "Finetuning Models")).toBe(
      score("fine-tuning-alignment", "Fine-Tuning Models"),
    );
    expect(classify("Multiagent Debate")).toEqual(["agents"]);
    expect(classify("Multi-Agent Debate")).toEqual(["agents"]);
  });
});

describe("assignment", () => {
  it("leaves a paper that matches nothing uncategorised", () => {
    expect(
      classify("A Recipe for Sourdough Bread", "We describe flour, water, salt and a long cold fermentation."),
    ).toEqual([]);
  });

  it("needs more than a passing mention to assign a topic", () => {
    expect(classify("On Bread", "We mention images once.")).toEqual([]);
  });

  it("gives at most three topics, best first", () => {
    const title =
      "A Survey of Mixture-of-Experts LLM Agents for Reinforcement Learning, Code Generation and " +
      "Quantization on Graphs";
    const topics = classify(
      title,
      "reinforcement learning agents code generation quantization graph neural network mixture of experts",
    );
    expect(topics).toHaveLength(3);
    const scores = classifier.scores({
      title,
      abstract: "reinforcement learning agents code generation quantization graph neural network mixture of experts",
    });
    expect(topics).toEqual(scores.slice(0, 3).map((s) => s.slug));
  });

  it("is deterministic", () => {
    const a = topicClassifier(taxonomy).classify(
      "Quantized Mixture of Experts",
      "We quantize experts to 4 bits on the GPU.",
    );
    const b = topicClassifier(taxonomy).classify(
      "Quantized Mixture of Experts",
      "We quantize experts to 4 bits on the GPU.",
    );
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
    expect(parseTaxonomy("t.yaml", good)).toEqual([
      { slug: "a", name: "A", description: "About A.", terms: [{ text: "alpha", weight: 2 }] },
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(error(good.replace("    description: About A.\n", "    description: About A.\n    name: B\n"))).toMatch(
      /^content\/topics\.yaml:5: Map keys must be unique/,
    );
    expect(error("topics:\n  - slug: a\n   name: [b\n")).toMatch(/^content\/topics\.yaml:3: /);
  });

  it("reports a bad arXiv category with its line", () => {
    expect(error(good.replace("    terms:", "    categories: [cs.CV, not a category]\n    terms:"))).toBe(
      "content/topics.yaml:5: 'not a category' is not an arXiv category (like cs.CV or stat.ML)",
    );
    expect(error(good.replace("    terms:", "    categories: cs.CV\n    terms:"))).toBe(
      "content/topics.yaml:5: 'categories' of topic 'a' must be a list of arXiv categories",
    );
    expect(
      parseTaxonomy("t.yaml", good.replace("    terms:", "    categories: [cs.CV, physics.comp-ph]\n    terms:"))[0]
        .categories,
    ).toEqual(["cs.CV", "physics.comp-ph"]);
  });

  it("reports a missing field, a bad weight, a bad or repeated slug, with their lines", () => {
    expect(error("topics:\n  - slug: a\n    description: D\n    terms:\n      x: 1\n")).toBe(
      "content/topics.yaml:2: the topic needs a 'name' (text)",
    );
    expect(error(good.replace("alpha: 2", "alpha: lots"))).toBe(
      "content/topics.yaml:6: the weight of 'alpha' must be a positive number",
    );
    expect(error(good.replace("slug: a", "slug: Big Topic"))).toMatch(
      /^content\/topics\.yaml:2: 'Big Topic' is not a slug/,
    );
    expect(error(good + good.replace("topics:\n", ""))).toBe("content/topics.yaml:7: the slug 'a' is used twice");
    expect(error("topics: []\n")).toMatch(/^content\/topics\.yaml:1: 'topics' must be a non-empty list/);
  });
});

describe("topics on papers the vocabulary was not written beside", () => {
  // Hand labels written before tuning (tests/fixtures/topics-validation): `main` holds the
  // topics a reader would look under first, `topics` every topic that is right.
  type Labelled = { title: string; abstract: string; main: string[]; topics: string[]; source?: string };
  const unseen: Labelled[] = parse(readFileSync(join(ROOT, "tests/fixtures/topics-validation/papers.yaml"), "utf8"));
  const labels: Omit<Labelled, "abstract">[] = parse(
    readFileSync(join(ROOT, "tests/fixtures/topics-validation/bundled-labels.yaml"), "utf8"),
  );
  const bundled = parseDigest(
    "2025-03-13.txt",
    readFileSync(join(ROOT, "content/digests/2025-03-13.txt"), "utf8"),
    DateTime.fromISO("2025-03-13"),
  );
  const seen: Labelled[] = bundled.entries.map((e, i) => {
    expect(labels[i].title).toBe(e.title.replace(/\s+/g, " "));
    return { ...labels[i], abstract: e.abstract };
  });
  // One archive holding both, as a site with these digests would: the classify stage sees them all.
  const archive = [...seen, ...unseen];
  const asPapers = archive.map(
    (p, i) =>
      ({
        key: String(i),
        slug: String(i),
        title: p.title,
        abstract: p.abstract,
        digests: [],
        topics: [],
        related: [],
      }) as unknown as Paper,
  );
  const assigned = new Map(assignTopics(asPapers, taxonomy).map((p, i) => [archive[i], p.topics]));

  function measure(papers: Labelled[]) {
    let main = 0;
    let right = 0;
    let given = 0;
    let none = 0;
    for (const p of papers) {
      const topics = assigned.get(p)!;
      if (topics.length === 0) none++;
      if (p.main.includes(topics[0])) main++;
      given += topics.length;
      right += topics.filter((t) => p.topics.includes(t)).length;
    }
    return { main: main / papers.length, precision: right / given, none, n: papers.length };
  }
  const report = (name: string, m: ReturnType<typeof measure>) =>
    console.log(
      `${name}: main topic ${(100 * m.main).toFixed(1)}%, assigned topics right ${(100 * m.precision).toFixed(1)}%,\
 without a topic ${m.none} of ${m.n}`,
    );

  it(
    "files at least 90% of unseen papers under their main topic, 85% of assigned topics right, none " +
      "left without a topic",
    () => {
      const m = measure(unseen);
      report(`unseen (${unseen.length} real papers)`, m);
      report("  arXiv listings 2025-10-13 and -16", measure(unseen.filter((p) => p.source?.startsWith("arXiv"))));
      report("  Hugging Face Daily Papers 2024-10-25", measure(unseen.filter((p) => p.source?.includes("2024-10-25"))));
      report(
        "  Hugging Face Daily Papers 2026-10-03, tuned on",
        measure(unseen.filter((p) => p.source?.includes("2026-10-03") && !p.source.includes("held out"))),
      );
      report(
        "  Hugging Face Daily Papers 2026-10-03, held out",
        measure(unseen.filter((p) => p.source?.includes("held out"))),
      );
      expect(m.main).toBeGreaterThanOrEqual(0.9);
      expect(m.precision).toBeGreaterThanOrEqual(0.85);
      expect(m.none).toBe(0);
    },
  );

  it(
    "files each day's papers at 90% / 85% or better when that day is the only one beside the bundled " +
      "digest, as a new user's site",
    () => {
      const days = ["2025-10-13", "2025-10-16", "2024-10-25", "2026-10-03"];
      for (const day of days) {
        const papers = unseen.filter((p) => p.source?.includes(day));
        const site = [...seen, ...papers];
        const topics = assignTopics(
          site.map(
            (p, i) =>
              ({
                key: String(i),
                slug: String(i),
                title: p.title,
                abstract: p.abstract,
                digests: [],
                topics: [],
                related: [],
                source: {},
              }) as unknown as Paper,
          ),
          taxonomy,
        ).slice(seen.length);
        let main = 0;
        let right = 0;
        let given = 0;
        papers.forEach((p, i) => {
          if (p.main.includes(topics[i].topics[0])) main++;
          given += topics[i].topics.length;
          right += topics[i].topics.filter((t) => p.topics.includes(t)).length;
        });
        console.log(
          `${day} as a new user's site (${papers.length} papers): main topic\
 ${((100 * main) / papers.length).toFixed(1)}%, assigned topics right ${((100 * right) / given).toFixed(1)}%`,
        );
        expect(main / papers.length, day).toBeGreaterThanOrEqual(0.9);
        expect(right / given, day).toBeGreaterThanOrEqual(0.85);
      }
    },
  );

  it(
    "holds the same bar when the archive grows a day at a time, and a later day never changes an " +
      "earlier paper's topics",
    () => {
      // Each paper dated by its real day: the archive model settles a paper with the papers listed up to its day.
      const dayOf = (p: Labelled) => p.source?.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "2025-03-13";
      const dated = (papers: Labelled[]) =>
        papers.map(
          (p, i) =>
            ({
              key: String(i),
              slug: String(i),
              title: p.title,
              abstract: p.abstract,
              digests: [dayOf(p)],
              topics: [],
              related: [],
              source: {},
            }) as unknown as Paper,
        );
      const all = assignTopics(dated(archive), taxonomy);
      const score = (papers: Labelled[]) => {
        const picked = papers.map((p) => all[archive.indexOf(p)].topics);
        const given = picked.reduce((n, t) => n + t.length, 0);
        return {
          main: papers.filter((p, i) => p.main.includes(picked[i][0])).length / papers.length,
          precision: papers.reduce((n, p, i) => n + picked[i].filter((t) => p.topics.includes(t)).length, 0) / given,
        };
      };
      const grown = score(unseen);
      const own = score(seen);
      console.log(
        `dated, day by day: unseen main topic ${(100 * grown.main).toFixed(1)}%, assigned topics right\
 ${(100 * grown.precision).toFixed(1)}%; bundled ${(100 * own.main).toFixed(1)}% /\
 ${(100 * own.precision).toFixed(1)}%`,
      );
      expect(grown.main).toBeGreaterThanOrEqual(0.9);
      expect(grown.precision).toBeGreaterThanOrEqual(0.85);
      expect(own.main).toBeGreaterThanOrEqual(0.9);

      const early = archive.filter((p) => dayOf(p) < "2026-10-03");
      const before = assignTopics(dated(early), taxonomy).map((p) => p.topics);
      expect(early.map((p) => all[archive.indexOf(p)].topics)).toEqual(before);
    },
  );

  it("goes on from the last build's state to the topics a run over the whole archive gives", () => {
    const dayOf = (p: Labelled) => p.source?.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "2025-03-13";
    // Oldest day first, as the library orders papers; the last day arrives in a later build.
    const byDay = [...archive].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0));
    const papers = byDay.map(
      (p, i) =>
        ({
          key: String(i),
          slug: String(i),
          title: p.title,
          abstract: p.abstract,
          digests: [dayOf(p)],
          topics: [],
          related: [],
          source: {},
        }) as unknown as Paper,
    );
    const last = papers.findIndex((p) => p.digests[0] === "2026-10-03");
    const whole = assignTopicsFrom(papers, taxonomy);
    const earlier = assignTopicsFrom(papers.slice(0, last), taxonomy);
    const resumed = assignTopicsFrom(papers, taxonomy, JSON.parse(JSON.stringify(earlier.state)));
    expect(resumed.papers.map((p) => p.topics)).toEqual(whole.papers.map((p) => p.topics));
    expect(resumed.state).toEqual(whole.state);
    expect(whole.papers.map((p) => p.topics)).toEqual(assignTopics(papers, taxonomy).map((p) => p.topics));
  });

  it("keeps the bundled digest at 90% / 85% or better", () => {
    const m = measure(seen);
    report("bundled digest (69 papers)", m);
    expect(m.main).toBeGreaterThanOrEqual(0.9);
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
  });

  it("reads a paper's primary arXiv category as a strong hint", () => {
    const title = "A Study of Widgets";
    const abstract = "We study widgets on a new collection of examples and report results.";
    expect(classifier.classify(title, abstract)).toEqual([]);
    expect(classifier.classify(title, abstract, ["cs.CR"])).toEqual(["trustworthy-ml"]);
    const [top] = classifier.scores({ title, abstract, categories: ["cs.RO", "cs.LG"] });
    expect(top).toMatchObject({ slug: "reinforcement-learning", category: 6 });
  });

  it("learns from the archive: a paper the vocabulary is unsure of goes where papers like it went", () => {
    const confident = (topic: string, subject: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `${subject} study ${i}`,
        abstract: `${subject} ${subject} in setting ${i}`,
        topic,
      }));
    const model = trainArchiveModel([
      ...confident("computer-vision", "glacier photographs", 4),
      ...confident("hpc-scientific", "ocean solver", 4),
    ]);
    const posterior = model.posterior("Glacier photographs revisited", "more glacier photographs");
    expect(posterior.get("computer-vision")).toBeGreaterThan(0.9);
    expect(model.trainedOn).toBe(8);
    // A topic with fewer than three examples has no say.
    expect(trainArchiveModel(confident("agents", "x", 2)).posterior("x", "x").size).toBe(0);
  });

  it("never gives a topic to a paper with no sign of any field, archive or not", () => {
    const bread = {
      key: "b",
      slug: "b",
      title: "A Recipe for Sourdough Bread",
      abstract: "We describe flour, water, salt and a long cold fermentation.",
      digests: [],
      topics: [],
      related: [],
    } as unknown as Paper;
    expect(assignTopics([...asPapers, bread], taxonomy).at(-1)!.topics).toEqual([]);
  });
});
