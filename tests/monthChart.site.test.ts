import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { Paper } from "../src/model.ts";
import { archiveMonths, monthlyCounts } from "../src/pages/monthlyCounts.ts";
import { monthChart, monthSparkline } from "../src/site/monthChart.ts";
import { buildWithCli } from "./support/builtSite.ts";
import { ROOT } from "./support/cli.ts";
import { monthsDigests } from "./support/monthsDigests.ts";

const paper = (date: string) => ({ digests: [date] }) as unknown as Paper;

describe("papers per month", () => {
  it("covers every month from the first digest to the last, gaps and year ends included, at most three years", () => {
    expect(archiveMonths(["2025-02-03", "2024-11-20", "2025-02-28"])).toEqual([
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
    expect(archiveMonths([])).toEqual([]);
    const long = archiveMonths(["2020-01-01", "2025-06-30"]);
    expect(long).toHaveLength(36);
    expect(long.at(-1)).toBe("2025-06");
    expect(long[0]).toBe("2022-07");
  });

  it("counts each paper once, in the month it first appeared", () => {
    const months = ["2024-11", "2024-12", "2025-01"];
    expect(
      monthlyCounts([paper("2024-11-02"), paper("2025-01-09"), paper("2025-01-31"), paper("2023-05-01")], months)
        .counts,
    ).toEqual([2 - 1, 0, 2]);
  });
});

describe("the chart", () => {
  const chart = { months: ["2024-11", "2024-12", "2025-01"], counts: [3, 0, 6] };
  const dom = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;

  it("draws one bar per month, tallest for the busiest, and says the same in words", () => {
    const doc = dom(monthChart(chart, "Agents").value);
    const bars = [...doc.querySelectorAll("svg rect")];
    expect(bars).toHaveLength(3);
    const heights = bars.map((b) => Number(b.getAttribute("height")));
    expect(heights[2]).toBeGreaterThan(heights[0]);
    expect(heights[1]).toBe(0);
    const svg = doc.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Agents: 9 papers over 3 months, most in Jan 2025 (6), 6 in Jan 2025");
    expect(doc.querySelector("figcaption")!.textContent).toContain("most in Jan 2025 (6)");
    // The exact numbers, newest first, for anyone who opens the table.
    expect([...doc.querySelectorAll("tbody tr")].map((r) => r.textContent)).toEqual([
      "Jan 20256",
      "Dec 20240",
      "Nov 20243",
    ]);
  });

  it("keeps a topic name as text", () => {
    const markup =
      monthChart(chart, `<img src=x onerror=alert(1)>"`).value + monthSparkline(chart, "<script>x</script>").value;
    const doc = dom(markup);
    expect(doc.querySelectorAll("img, script")).toHaveLength(0);
    expect(doc.querySelector("svg")!.getAttribute("aria-label")).toMatch(/^<img src=x onerror=alert\(1\)>": /);
  });

  it("draws a sparkline of the last twelve months on twelve slots, none for a single month", () => {
    const doc = dom(monthSparkline(chart, "Agents").value);
    const xs = [...doc.querySelectorAll("rect")].map((r) => Number(r.getAttribute("x")));
    expect(xs).toHaveLength(3);
    expect(Math.max(...xs)).toBeGreaterThan(60); // the newest month sits at the right end
    expect(monthSparkline({ months: ["2025-01"], counts: [4] }, "Agents").value).toBe("");
  });
});

describe("charts on a site that spans months", () => {
  let out = "";
  beforeAll(async () => {
    out = (await buildWithCli(await monthsDigests())).out;
  }, 120_000);

  it(
    "shows a topic's papers per month on its first page and a sparkline per topic on /topics/, as " + "valid HTML",
    async () => {
      const validator = new HtmlValidate(JSON.parse(await readFile(join(ROOT, ".htmlvalidate.json"), "utf8")));
      const topic = await readFile(join(out, "topics/large-language-models/index.html"), "utf8");
      const overview = await readFile(join(out, "topics/index.html"), "utf8");
      for (const [name, text] of [
        ["topic", topic],
        ["overview", overview],
      ]) {
        const report = await validator.validateString(text);
        expect(
          report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
          name,
        ).toEqual([]);
      }
      const doc = parseHTML(topic).document;
      const label = doc.querySelector(".month-chart svg")!.getAttribute("aria-label")!;
      expect(label).toMatch(
        /^Large Language Models: \d+ papers over 6 months, most in (Oct 2024|Mar 2025) \(\d+\), \d+ in Mar 2025$/,
      );
      expect(doc.querySelectorAll(".month-chart tbody tr")).toHaveLength(6);
      // Not a search result: the chart is left out of the index.
      expect(doc.querySelector(".month-chart")!.closest("[data-pagefind-ignore]")).not.toBeNull();
      const sparklines = parseHTML(overview).document.querySelectorAll(".topic-list .sparkline[role='img']");
      expect(sparklines.length).toBeGreaterThan(5);
    },
  );
});
