// Hugging Face's one-line AI summary (paper.ai_summary, on items from 2025 on): shown under the title on
// lists and on the paper's page, labelled as Hugging Face's, as text, never in place of the abstract.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { buildWithCli, readPage, visible } from "./support/builtSite.ts";
import { ROOT, tempDir } from "./support/cli.ts";

let site: Awaited<ReturnType<typeof buildWithCli>>;
const HOSTILE = 'Retrieval, faster: <script>alert(1)</script> & <b>bold</b> {{ site.title }} "quoted"';

beforeAll(async () => {
  const digests = join(await tempDir("pd-ai-summary-"), "digests");
  await mkdir(digests);
  // The recorded day of 2024, and the same answer a year on with AI summaries, as newer answers carry them.
  const recorded = await readFile(join(ROOT, "tests/fixtures/search/2024-10-25.json"), "utf8");
  await writeFile(join(digests, "2024-10-25.json"), recorded);
  const items = JSON.parse(recorded).slice(0, 3);
  items[0].paper.ai_summary = HOSTILE;
  items[1].paper.ai_summary = "A second model, summarised in one line.";
  items[2].paper.ai_summary = null;
  await writeFile(join(digests, "2025-10-24.json"), JSON.stringify(items));
  site = await buildWithCli(digests);
});

it("shows a paper's AI summary under its title, labelled, as text, with its abstract still there", async () => {
  const papers = JSON.parse(await readFile(join(site.out, "papers.json"), "utf8")).papers;
  const first = papers.find((p: { aiSummary?: string }) => p.aiSummary === HOSTILE);
  expect(first).toBeTruthy();
  const page = await readPage(site.out, `/papers/${first.slug}/`);
  const summary = page.querySelector("article .ai-summary");
  expect(visible(summary?.textContent)).toBe(`AI summary (Hugging Face): ${HOSTILE}`);
  expect(summary?.querySelector("script, b")).toBeNull();
  // Right under the title, and the abstract is the authors' own, whole.
  expect(page.querySelector("article h1")?.nextElementSibling).toBe(summary);
  expect(visible(page.querySelector(".abstract")?.textContent)).toBe(visible(first.abstract));
});

it("shows it on the lists that show the paper, and nothing for papers without one", async () => {
  const digest = await readPage(site.out, "/digests/2025-10-24/");
  const items = [...digest.querySelectorAll(".paper-item")];
  expect(items.map((li) => visible(li.querySelector(".ai-summary")?.textContent) || null)).toEqual([
    `AI summary (Hugging Face): ${HOSTILE}`,
    "AI summary (Hugging Face): A second model, summarised in one line.",
    null,
  ]);
  // The summary is not what search indexes: a search finds a paper by its own words.
  expect(items[0].querySelector(".ai-summary")?.hasAttribute("data-pagefind-ignore")).toBe(true);
});
