import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.ts";
import { recordedServer } from "./recordedServer.ts";

const fixture = (path: string) => readFileSync(join(ROOT, "tests/fixtures", path), "utf8");

/** What the daily server answers; a test changes it between runs. */
export interface DailyAnswers {
  /** The day arXiv's cs.IR listing announces (2024-10-25 has papers, 2024-10-26 is a Saturday). */
  listing: "2024-10-25" | "2024-10-26";
  /** A source that answers HTTP 500 to every request. */
  failing?: "huggingface" | "arxiv";
}

/**
 * Hugging Face's Daily Papers, arXiv's listing feed and arXiv's API on 127.0.0.1, answering with the
 * responses in tests/fixtures/daily/ (see its README). Returns the flags that point `daily` at it.
 */
export async function dailyServer(answers: DailyAnswers) {
  const server = await recordedServer((url) => {
    const source = url.pathname.startsWith("/hf/") ? "huggingface" : "arxiv";
    if (answers.failing === source) return { status: 500, body: "down for maintenance" };
    if (url.pathname === "/hf/api/daily_papers")
      return { body: url.searchParams.get("date") === "2024-10-25" ? fixture("search/2024-10-25.json") : "[]" };
    if (url.pathname === "/rss/cs.IR") return { body: fixture(`daily/rss-cs.IR-${answers.listing}.xml`) };
    if (url.pathname === "/api/query" && url.searchParams.get("id_list") === "2410.18572")
      return { body: fixture("daily/api-2410.18572.atom") };
    return { status: 404, body: `no recorded answer for ${url.pathname}${url.search}` };
  });
  const flags = [
    ...["--hf-url", `${server.base}/hf/api/daily_papers`],
    ...["--arxiv-url", `${server.base}/api/query`],
    ...["--arxiv-rss-url", `${server.base}/rss/`],
  ];
  return { ...server, flags };
}

/** content/site.yaml of the done-when: "Retrieval Morning", cs.IR filtered by "retrieval", and Hugging Face. */
export const RETRIEVAL_MORNING = `title: Retrieval Morning
description: New retrieval papers from arXiv and the day's trending papers, every morning.
sources:
  - arxiv: [cs.IR]
    keywords: [retrieval]
  - huggingface: daily
`;
