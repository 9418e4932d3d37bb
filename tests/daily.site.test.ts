// `paper-digest daily` against recorded answers on 127.0.0.1, then the site it makes.
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPage } from "./support/builtSite.ts";
import { runCli, tempDir } from "./support/cli.ts";
import { type DailyAnswers, dailyServer, RETRIEVAL_MORNING } from "./support/dailyServer.ts";

const answers: DailyAnswers = { listing: "2024-10-25" };
let server: Awaited<ReturnType<typeof dailyServer>>;
let project: string;

beforeAll(async () => {
  server = await dailyServer(answers);
  project = await tempDir("pd-daily-");
  await mkdir(join(project, "content/digests"), { recursive: true });
  await writeFile(join(project, "content/site.yaml"), RETRIEVAL_MORNING);
});
afterAll(() => server.close());

const daily = (...extra: string[]) =>
  runCli(["daily", "--config", "content/site.yaml", "--digests", "content/digests", ...server.flags, ...extra], {
    cwd: project,
  });
const digests = () => readdir(join(project, "content/digests"));
const lines = (text: string) => text.trim().split("\n");

describe("paper-digest daily", () => {
  it("writes the day's Daily Papers and the arXiv papers its keywords keep, one line per source", async () => {
    const result = await daily("--date", "2024-10-25");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [hf, arxiv] = lines(result.stdout);
    expect(hf).toBe("huggingface daily: content/digests/2024-10-25.json written, 14 papers");
    // 14 listed: 11 new or cross-listed, of which the one with "retrieval" is kept; replacements are not.
    expect(arxiv).toBe(
      "arxiv cs.IR: 11 announced on 2024-10-25, 1 kept with retrieval: " +
        "content/digests/2024-10-25.atom written, 1 paper",
    );
    expect((await digests()).sort()).toEqual(["2024-10-25.atom", "2024-10-25.json"]);
    const atom = await readFile(join(project, "content/digests/2024-10-25.atom"), "utf8");
    expect(atom).toContain("<title>Taipan: Efficient and Expressive State Space Language Models");
    expect(atom.match(/<entry>/g)).toHaveLength(1);
    // One request each, the API asked for exactly the kept paper.
    const asked = server.requests.map((r) => `${r.url.pathname}${r.url.search}`);
    expect(asked).toEqual([
      "/hf/api/daily_papers?date=2024-10-25",
      "/rss/cs.IR",
      "/api/query?id_list=2410.18572&max_results=1",
    ]);
  });

  it("changes nothing when run again the same day", async () => {
    const before = await Promise.all((await digests()).map((f) => stat(join(project, "content/digests", f))));
    const result = await daily("--date", "2024-10-25");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^huggingface daily: .*2024-10-25\.json unchanged, 14 papers$/m);
    expect(result.stdout).toMatch(/^arxiv cs\.IR: .*2024-10-25\.atom unchanged, 1 paper$/m);
    const after = await Promise.all((await digests()).map((f) => stat(join(project, "content/digests", f))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
  });

  it("builds a site that is called what site.yaml says on every page, feed and card", async () => {
    const out = join(project, "site");
    const args = ["build", "--config", "content/site.yaml", "--digests", "content/digests", "--out", out];
    const built = await runCli([...args, "--site-url", "https://morning.example.org", "--cache", join(project, "c")], {
      cwd: project,
    });
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith("index.html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const doc = await readPage(out, `/${file.replace(/index\.html$/, "")}`);
      expect(doc.title, file).toMatch(/Retrieval Morning$/);
      const cardAlt = doc.querySelector('meta[property="og:image:alt"]')?.getAttribute("content");
      expect(cardAlt, file).toMatch(/Retrieval Morning/);
    }
    const rss = await readFile(join(out, "feed.xml"), "utf8");
    expect(rss).toMatch(/<channel>\s*<title>Retrieval Morning<\/title>/);
    expect(JSON.parse(await readFile(join(out, "feed.json"), "utf8")).title).toBe("Retrieval Morning");
    expect(JSON.parse(await readFile(join(out, "papers.json"), "utf8")).site.title).toBe("Retrieval Morning");
    const home = await readPage(out, "/");
    expect(home.querySelector("footer")?.textContent).toContain("New retrieval papers from arXiv");
    // Both sources' papers are on the site, the arXiv one with its authors.
    const taipan = await readPage(
      out,
      "/papers/taipan-efficient-and-expressive-state-space-language-models-with-selective/",
    );
    expect(taipan.querySelector(".authors")?.textContent).toContain("Chien Van Nguyen");
  });

  it("writes nothing for a source that fails, says so, exits 1, and still writes the others", async () => {
    const folder = await tempDir("pd-daily-fail-");
    answers.failing = "huggingface";
    try {
      const result = await runCli(
        ["daily", "--config", join(project, "content/site.yaml"), "--digests", folder, "--date", "2024-10-25"].concat(
          server.flags,
        ),
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^huggingface daily: failed, nothing written for it: .*HTTP 500 Internal Server Error after 4 attempts$/m,
      );
      expect(result.stdout).toMatch(/^arxiv cs\.IR: .*\/2024-10-25\.atom written, 1 paper$/m);
      expect(result.stderr).toMatch(/^paper-digest daily: 1 source failed$/m);
      expect(await readdir(folder)).toEqual(["2024-10-25.atom"]);
    } finally {
      answers.failing = undefined;
    }
  });

  it("says when arXiv announced nothing (a weekend), and when the listing is of another day", async () => {
    const folder = await tempDir("pd-daily-weekend-");
    answers.listing = "2024-10-26";
    try {
      const config = join(project, "content/site.yaml");
      const weekend = await runCli(["daily", "--config", config, "--digests", folder, ...server.flags]);
      expect(weekend.stdout).toMatch(/^arxiv cs\.IR: no papers announced on 2024-10-26 \(a weekend or a holiday\)$/m);
      const asked = await runCli(
        ["daily", "--config", config, "--digests", folder, "--date", "2024-10-25"].concat(server.flags),
      );
      expect(asked.code).toBe(1);
      expect(asked.stdout).toMatch(
        /^arxiv cs\.IR: failed, nothing written for it: the listing announces 2024-10-26, not 2024-10-25/m,
      );
    } finally {
      answers.listing = "2024-10-25";
    }
  });
});

describe("a mistake in content/site.yaml", () => {
  const cases: [string, string, RegExp][] = [
    ["an unknown key", "title: X\ncolour: red\n", /^content\/site\.yaml:2: unknown key 'colour'$/],
    [
      "a wrong type",
      "title: X\nsources:\n  - arxiv: [cs.IR]\n    limit: many\n",
      /^content\/site\.yaml:4: sources\[0\]\.limit: must be a whole number$/,
    ],
    [
      "an unknown source",
      "sources:\n  - semanticscholar: daily\n",
      /^content\/site\.yaml:2: sources\[0\]: unknown source 'semanticscholar'/,
    ],
    [
      "a malformed category",
      "sources:\n  - arxiv: [cs.IR, cs-IR]\n",
      /^content\/site\.yaml:2: sources\[0\]\.arxiv\[1\]: is not an arXiv category/,
    ],
  ];
  it.each(cases)("(%s) is one FILE:LINE line, exit 1, and the last site stays as it was", async (_, yaml, message) => {
    const out = join(project, "site");
    const before = await readFile(join(out, "index.html"), "utf8");
    const config = join(project, "bad.yaml");
    await writeFile(config, yaml);
    const result = await runCli(["build", "--config", "bad.yaml", "--digests", "content/digests", "--out", out], {
      cwd: project,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim().replace(/^.*?bad\.yaml/, "content/site.yaml")).toMatch(message);
    expect(await readFile(join(out, "index.html"), "utf8")).toBe(before);
    const fetched = await runCli(["daily", "--config", config, "--digests", join(project, "content/digests")]);
    expect(fetched.code).toBe(1);
    expect(fetched.stderr.trim().split("\n")).toHaveLength(1);
  });
});
