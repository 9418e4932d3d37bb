import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ARXIV_API, readEnriched } from "../src/ingest/fetch/enrich.ts";
import { pauseFor } from "../src/ingest/fetch/pace.ts";
import { buildWithCli } from "./support/builtSite.ts";
import { ROOT, runCli, tempDir } from "./support/cli.ts";
import { deadAddress, type Reply, recordedServer } from "./support/recordedServer.ts";

// `fetch` and `enrich` against recorded responses served on 127.0.0.1: nothing here touches the network.
const RECORDED = join(ROOT, "tests/fixtures/recorded");
const DAY = join(ROOT, "tests/fixtures/sources/2025-03-13.json");
const recorded = (name: string) => readFile(join(RECORDED, name), "utf8");
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(answer: (url: URL, n: number) => Reply) {
  const server = await recordedServer(answer);
  servers.push(server);
  return server;
}

/** A folder's files and their content: what "untouched" is checked against. */
async function snapshot(dir: string) {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), "utf8")] as const)),
  );
}

describe("paper-digest fetch", () => {
  const fetchDay = (folder: string, api: string, ...extra: string[]) =>
    runCli(["fetch", "--date", "2025-03-13", "--digests", folder, "--api-url", `${api}/api/daily_papers`, ...extra]);

  it("saves the day's Daily Papers response verbatim as content/digests/<date>.json, once", async () => {
    const body = await readFile(DAY, "utf8");
    const api = await serve((url) =>
      url.searchParams.get("date") === "2025-03-13"
        ? { body, headers: { "content-type": "application/json" } }
        : { status: 404 },
    );
    const folder = await tempDir();
    const first = await fetchDay(folder, api.base);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${join(folder, "2025-03-13.json")}: written, 3 papers\n`);
    expect(await readFile(join(folder, "2025-03-13.json"), "utf8")).toBe(body);
    const again = await fetchDay(folder, api.base);
    expect(again.stdout).toContain("already there, unchanged");
    expect(api.requests.map((r) => r.url.pathname)).toEqual(["/api/daily_papers", "/api/daily_papers"]);
  });

  it("retries a rate limit a bounded number of times, then succeeds", async () => {
    const body = await readFile(DAY, "utf8");
    const api = await serve((_, n) => (n <= 2 ? { status: 429, headers: { "retry-after": "0" } } : { body }));
    const folder = await tempDir();
    const result = await fetchDay(folder, api.base);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/HTTP 429 from 127\.0\.0\.1:\d+: retrying/);
    expect(api.requests).toHaveLength(3);
  });

  const failures: [string, () => Promise<string>, RegExp][] = [
    ["offline", deadAddress, /: cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED \(offline\?\)$/],
    [
      "HTTP 500",
      async () => (await serve(() => ({ status: 500, headers: { "retry-after": "0" } }))).base,
      /: HTTP 500 Internal Server Error after 4 attempts$/,
    ],
    [
      "HTTP 429 that never ends",
      async () => (await serve(() => ({ status: 429, headers: { "retry-after": "0" } }))).base,
      /: rate limited \(HTTP 429\): try again later after 4 attempts$/,
    ],
    [
      "a malformed response",
      async () => (await serve(() => ({ body: '[{"paper": {"id": "2501.00656", "title": "Cut off' }))).base,
      /^http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2025-03-13:1: not valid JSON: /,
    ],
    [
      "a response that isn't papers",
      async () => (await serve(() => ({ body: '{"error": "Invalid date format"}' }))).base,
      /:1: the response: should be a list$/,
    ],
    [
      "a day with no papers",
      async () => (await serve(() => ({ body: "[]" }))).base,
      /: no papers for 2025-03-13 on Daily Papers \(yet\?\)$/,
    ],
  ];
  for (const [what, api, message] of failures) {
    it(`says so in one line on ${what}, exits 1 and leaves the digests untouched`, async () => {
      const folder = await tempDir();
      await writeFile(join(folder, "2025-03-12.txt"), "Mar 12\nA title\nAn abstract.\n");
      const before = await snapshot(folder);
      const result = await fetchDay(folder, await api());
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines.at(-1)).toMatch(message);
      expect(lines.filter((l) => !/retrying/.test(l))).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(await snapshot(folder)).toEqual(before);
    });
  }

  it("never replaces a different saved day without --force", async () => {
    const body = await readFile(DAY, "utf8");
    const replaced = body.replace('"upvotes": 57', '"upvotes": 60');
    const server = await serve(() => ({ body: replaced }));
    const folder = await tempDir();
    await writeFile(join(folder, "2025-03-13.json"), body);
    const refused = await fetchDay(folder, server.base);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/2025-03-13\.json:1: a digest for 2025-03-13 exists already; pass --force/);
    expect(await readFile(join(folder, "2025-03-13.json"), "utf8")).toBe(body);
    const forced = await fetchDay(folder, server.base, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(join(folder, "2025-03-13.json"), "utf8")).toBe(replaced);
  });
});

describe("paper-digest enrich", () => {
  const TEXT = `Mar 13
Symbolic Discovery of Optimization Algorithms
We present a method to formulate algorithm discovery as program search.
Parsel: Algorithmic Reasoning with Language Models by Composing Decompositions
Despite recent success in large language model (LLM) reasoning, LLMs struggle with hierarchical multi-step reasoning\
 tasks.
A Paper That arXiv Does Not Have
An abstract that no search will find.
`;
  async function arxiv(fail?: (n: number) => Reply | undefined) {
    const responses = {
      symbolic: await recorded("arxiv-symbolic-discovery.atom"),
      parsel: await recorded("arxiv-parsel.atom"),
      empty: await recorded("arxiv-empty.atom"),
    };
    return serve((url, n) => {
      const failed = fail?.(n);
      if (failed) return failed;
      const query = url.searchParams.get("search_query") ?? "";
      if (query.includes("symbolic discovery")) return { body: responses.symbolic };
      if (query.includes("parsel")) return { body: responses.parsel };
      return { body: responses.empty };
    });
  }
  async function folders() {
    const digests = await tempDir();
    await writeFile(join(digests, "2025-03-13.txt"), TEXT);
    return { digests, enriched: join(await tempDir(), "arxiv.atom") };
  }
  const enrich = (f: { digests: string; enriched: string }, api: string, ...extra: string[]) =>
    runCli([
      "enrich",
      "--digests",
      f.digests,
      "--enriched",
      f.enriched,
      "--api-url",
      `${api}/api/query`,
      "--delay",
      "0.3",
      ...extra,
    ]);

  it("finds papers by exact title only, one request at a time, and builds use what it stored", async () => {
    const api = await arxiv();
    const f = await folders();
    const result = await enrich(f, api.base);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("found      2302.06675  Symbolic Discovery of Optimization Algorithms");
    expect(result.stdout).toContain("not found  A Paper That arXiv Does Not Have");
    expect(result.stdout).toMatch(
      /3 papers without an arXiv id in the digests, 0 found before; looked up 3: 2 found, 1 not found/,
    );
    // The queries are title phrases, spaced by the delay.
    expect(api.requests.map((r) => r.url.searchParams.get("search_query"))).toEqual([
      'ti:"symbolic discovery of optimization algorithms"',
      'ti:"parsel algorithmic reasoning with language models by composing decompositions"',
      'ti:"a paper that arxiv does not have"',
    ]);
    for (const [i, r] of api.requests.entries())
      if (i > 0) expect(r.at - api.requests[i - 1].at).toBeGreaterThanOrEqual(290);
    // The decoy that merely contains the title's words was not taken.
    const known = await readEnriched(f.enriched);
    expect([...known.values()].map((s) => s.arxivId).sort()).toEqual(["2212.10561", "2302.06675"]);

    const site = await buildWithCli(f.digests, ["--enriched", f.enriched]);
    const lion = await site.page("/papers/symbolic-discovery-of-optimization-algorithms/");
    expect([...lion.querySelectorAll(".authors .author")].map((a) => a.textContent)).toHaveLength(12);
    expect(lion.querySelector('.paper-links a[href="https://arxiv.org/abs/2302.06675"]')).not.toBeNull();
    expect(lion.querySelector(".cite pre")?.textContent).toContain("eprint={2302.06675}");
    // The text digest's abstract stays the page's abstract: enrich adds what it lacked, and the URL is the text
    // paper's.
    expect(lion.querySelector(".abstract")?.textContent).toContain("program search.");

    // A second run asks only about what is still unknown.
    const again = await enrich(f, api.base);
    expect(again.code, again.stderr).toBe(0);
    expect(api.requests).toHaveLength(4);
    expect(again.stdout).toMatch(/2 found before; looked up 1: 0 found, 1 not found \(file unchanged\)/);
  });

  for (const [what, reply] of [
    ["HTTP 500", { status: 500, headers: { "retry-after": "0" } }],
    ["a malformed response", { body: "<feed xmlns='http://www.w3.org/2005/Atom'><entry>" }],
  ] as const) {
    it(`writes nothing when a request fails (${what}), and says which`, async () => {
      const api = await arxiv((n) => (n >= 2 ? reply : undefined));
      const f = await folders();
      const result = await enrich(f, api.base);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n").at(-1)).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/api\/query\?search_query=ti%3A%22parsel/,
      );
      await expect(readFile(f.enriched)).rejects.toThrow(/ENOENT/);
    });
  }

  it("never asks arXiv itself more often than every three seconds, whatever --delay says", () => {
    expect(pauseFor(ARXIV_API, 0)).toBe(3);
    expect(pauseFor("https://export.arxiv.org/api/query", 1)).toBe(3);
    expect(pauseFor(ARXIV_API, 5)).toBe(5);
    expect(pauseFor("http://127.0.0.1:8000/api/query", 0.3)).toBe(0.3);
  });
});
