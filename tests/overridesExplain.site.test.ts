import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Paper } from "../src/model.ts";
import { applyOverrides, parseOverrides } from "../src/topics/overrides.ts";
import { UserError } from "../src/util/userError.ts";
import { runCli, SEED, tempDir } from "./support/cli.ts";

const paper = (slug: string, topics: string[], arxivId?: string) =>
  ({ slug, topics, title: slug, source: arxivId ? { arxivId } : {} }) as unknown as Paper;
const TOPICS = ["computer-vision", "agents", "reasoning", "mixture-of-experts"];
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).toString();
  }
  throw new Error("expected an error");
};

describe("content/overrides.yaml", () => {
  const papers = [paper("tracking-cats", ["agents"]), paper("routing-tokens", ["reasoning", "agents"], "2401.06066")];

  it("sets, adds and removes topics of a paper named by slug or arXiv id", () => {
    const overrides = parseOverrides(
      "o.yaml",
      "overrides:\n  tracking-cats:\n    set: [computer-vision]\n  2401.06066v2:\n    add: " +
        "mixture-of-experts\n    remove: [agents]\n",
    );
    const result = applyOverrides(papers, overrides, TOPICS, "o.yaml");
    expect(result.map((p) => p.topics)).toEqual([["computer-vision"], ["reasoning", "mixture-of-experts"]]);
    expect(papers[0].topics).toEqual(["agents"]);
  });

  it("names a paper by its arXiv id in any of the forms arXiv itself uses", () => {
    for (const name of ["2401.06066", "arXiv:2401.06066", "https://arxiv.org/abs/2401.06066v3"]) {
      const result = applyOverrides(
        papers,
        parseOverrides("o.yaml", `overrides:\n  "${name}":\n    set: [agents]\n`),
        TOPICS,
        "o.yaml",
      );
      expect(result[1].topics, name).toEqual(["agents"]);
    }
  });

  it("reads the shipped file, which changes nothing, and an empty or missing one", () => {
    expect(parseOverrides("o.yaml", "")).toEqual([]);
    expect(parseOverrides("o.yaml", "overrides:\n")).toEqual([]);
  });

  it("names the file and line of an unknown paper or topic", () => {
    const text =
      "# fixes\noverrides:\n  tracking-cats:\n    add: [computer-vision]\n  no-such-paper:\n    add: [agents]\n";
    expect(
      errorOf(() =>
        applyOverrides(papers, parseOverrides("content/overrides.yaml", text), TOPICS, "content/overrides.yaml"),
      ),
    ).toBe("content/overrides.yaml:5: no paper has the slug or arXiv id 'no-such-paper'");
    const typo = "overrides:\n  tracking-cats:\n    set: [computer-vison]\n";
    expect(
      errorOf(() =>
        applyOverrides(papers, parseOverrides("content/overrides.yaml", typo), TOPICS, "content/overrides.yaml"),
      ),
    ).toBe("content/overrides.yaml:2: 'computer-vison' is not a topic: use one of the slugs in topics.yaml");
  });

  it("names the line of a malformed override", () => {
    expect(errorOf(() => parseOverrides("o.yaml", "overrides:\n  tracking-cats:\n    move: [agents]\n"))).toBe(
      "o.yaml:3: 'move' is not a change: use set, add or remove",
    );
    expect(errorOf(() => parseOverrides("o.yaml", "overrides:\n  tracking-cats:\n"))).toBe(
      "o.yaml:2: say what to change for 'tracking-cats': set, add or remove a list of topics",
    );
    expect(errorOf(() => parseOverrides("o.yaml", "overrides:\n  tracking-cats:\n    add: {a: 1}\n"))).toBe(
      "o.yaml:3: 'add' takes a topic slug or a list of them",
    );
    expect(errorOf(() => parseOverrides("o.yaml", "overrides: [a, b]\n"))).toBe(
      "o.yaml:1: 'overrides' must map a paper's slug or arXiv id to set, add or remove",
    );
    expect(errorOf(() => parseOverrides("o.yaml", "overrides:\n  a:\n    add: [x\n"))).toMatch(
      /^o\.yaml:\d: Flow sequence/,
    );
  });
});

describe("overrides in a build, and paper-digest explain", () => {
  const setup = async () => {
    const dir = await tempDir();
    const digests = join(dir, "digests");
    await mkdir(digests);
    await writeFile(join(digests, "2025-03-13.txt"), await readFile(SEED, "utf8"));
    return { dir, digests };
  };

  it("moves a paper on the built site, and stops the build at the line of a typo, leaving the site " +
    "untouched", async () => {
    const { dir, digests } = await setup();
    const out = join(dir, "site");
    const overrides = join(dir, "overrides.yaml");
    await writeFile(
      overrides,
      "overrides:\n  2-olmo-2-furious:\n    set: [fine-tuning-alignment, large-language-models]\n",
    );
    const ok = await runCli(["build", "--digests", digests, "--out", out, "--overrides", overrides, "--cards", "0"], {
      cwd: dir,
    });
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toMatch(/classify .* 1 overridden/);
    const data = JSON.parse(await readFile(join(out, "papers.json"), "utf8"));
    expect(data.papers.find((p: { slug: string }) => p.slug === "2-olmo-2-furious").topics).toEqual([
      "fine-tuning-alignment",
      "large-language-models",
    ]);

    const before = await readFile(join(out, "papers.json"), "utf8");
    await writeFile(overrides, "overrides:\n  2-olmo-2-furious:\n    add: [fine-tuning]\n");
    const bad = await runCli(["build", "--digests", digests, "--out", out, "--overrides", overrides, "--cards", "0"], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(`${overrides}:2: 'fine-tuning' is not a topic: use one of the slugs in topics.yaml`);
    expect(await readFile(join(out, "papers.json"), "utf8")).toBe(before);
  }, 120_000);

  it("explains a paper's topics: score, matched terms, why each topic was given or not, and its override", async () => {
    const { dir, digests } = await setup();
    const overrides = join(dir, "overrides.yaml");
    await writeFile(overrides, "overrides:\n  2-olmo-2-furious:\n    add: [fine-tuning-alignment]\n");
    const result = await runCli(["explain", "OLMo", "Furious", "--digests", digests, "--overrides", overrides], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^2 OLMo 2 Furious\n {2}\/papers\/2-olmo-2-furious\//);
    expect(out).toMatch(/^Classifier: large-language-models$/m);
    expect(out).toMatch(
      new RegExp(`^Override: +${overrides.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: add fine-tuning-alignment$`, "m"),
    );
    expect(out).toMatch(/^On the site: large-language-models, fine-tuning-alignment$/m);
    expect(out).toMatch(/^large-language-models +[\d.]+ +Large Language Models — main topic/m);
    expect(out).toMatch(/abstract: .*"pretraining" ×\d/);
    // A topic the classifier left: its score, its terms and the rule that left it, with the number it missed.
    expect(out).toMatch(
      /^fine-tuning-alignment +[\d.]+ +Fine-Tuning & Alignment — not given: under 40% of the best \([\d.]+\)$/m,
    );
    expect(out).toMatch(/^ {4}abstract: .*"post-training" ×1/m);
  }, 60_000);

  it("finds a paper by slug, lists the candidates when words match several, and says so when none does", async () => {
    const { dir, digests } = await setup();
    const bySlug = await runCli(
      [
        "explain",
        "expertflow-optimized-expert-activation-and-token-allocation-for-efficient-mixture-of-experts-inference",
        "--digests",
        digests,
      ],
      { cwd: dir },
    );
    expect(bySlug.stdout).toMatch(/^mixture-of-experts .*main topic/m);
    const several = await runCli(["explain", "mixture", "experts", "--digests", digests], { cwd: dir });
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(
      /^paper-digest explain: \d+ papers match 'mixture experts'; name one by its slug:\n {2}[a-z0-9-]+ {2}/,
    );
    const none = await runCli(["explain", "sourdough", "--digests", digests], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe("paper-digest explain: no paper's slug, arXiv id or title matches 'sourdough'");
    const missing = await runCli(["explain", "--digests", digests], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^paper-digest: explain needs a paper/);
  }, 60_000);
});
