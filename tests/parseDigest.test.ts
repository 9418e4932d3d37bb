import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { readDigestFile } from "../src/ingest/formats/readDigestFile.ts";
import { UserError } from "../src/util/userError.ts";
import { SEED, tempDir } from "./support/cli.ts";

const seedText = readFileSync(SEED, "utf8");
const march13 = parseIsoDate("2025-03-13")!;
const parse = (text: string, date = march13) => parseDigest("d.txt", text, date);

/** The error a parse throws, as the user sees it. */
function failure(text: string, date: typeof march13 | null = march13, file = "d.txt"): string {
  try {
    parseDigest(file, text, date ?? undefined);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).toString();
  }
  throw new Error("expected the parse to fail");
}

const abstract = (n: number) => `This abstract number ${n} is long enough to read as prose. `.repeat(5).trim();

describe("the seed digest", () => {
  it("has 69 papers dated 13 March 2025, first and last as in the file", async () => {
    const digest = await readDigestFile(SEED);
    expect(digest.date.toISODate()).toBe("2025-03-13");
    expect(digest.entries).toHaveLength(69);
    expect(digest.entries[0].title).toBe(
      "TimberVision: A Multi-Task Dataset and Framework for Log-Component Segmentation and Tracking in " +
        "Autonomous Forestry Operations",
    );
    expect(digest.entries[0].abstract.startsWith("Timber represents an increasingly valuable")).toBe(true);
    expect(digest.entries.at(-1)!.title).toBe(
      "ExpertFlow: Optimized Expert Activation and Token Allocation for Efficient Mixture-of-Experts Inference",
    );
    expect(digest.entries.at(-1)!.abstract.endsWith("resource-constrained inference scenarios.")).toBe(true);
  });

  it("drops the page boilerplate before the date line", () => {
    const titles = parse(seedText).entries.map((e) => e.title);
    for (const boilerplate of [
      "new",
      "Subscribe",
      "byAK and the research community",
      "Get trending papers in your email inbox!",
    ]) {
      expect(titles).not.toContain(boilerplate);
    }
  });

  it("records the line of each title", () => {
    const lines = seedText.split("\n");
    for (const entry of parse(seedText).entries) expect(lines[entry.line - 1].trim()).toBe(entry.title);
  });
});

describe("tolerated variants parse exactly like the seed", () => {
  const expected = parse(seedText).entries.map(({ title, abstract }) => ({ title, abstract }));
  const variants: Record<string, string> = {
    "CRLF line ends": seedText.replace(/\n/g, "\r\n"),
    "a UTF-8 byte order mark": `\uFEFF${seedText}`,
    "trailing spaces and tabs": seedText.replace(/\n/g, "  \t\n"),
    "no blank lines": seedText.replace(/\n\s*\n/g, "\n"),
    "extra blank lines": seedText.replace(/\n\n/g, "\n\n\n\n"),
    "no boilerplate": seedText.slice(seedText.indexOf("Mar 13")),
    "'March 13' as the date line": seedText.replace("\nMar 13\n", "\nMarch 13\n"),
    "'March 13, 2025' as the date line": seedText.replace("\nMar 13\n", "\nMarch 13, 2025\n"),
    "'2025-03-13' as the date line": seedText.replace("\nMar 13\n", "\n2025-03-13\n"),
    "no final newline": seedText.trimEnd(),
  };
  for (const [name, text] of Object.entries(variants)) {
    it(name, () => {
      const digest = parse(text);
      expect(digest.date.toISODate()).toBe("2025-03-13");
      expect(digest.entries.map(({ title, abstract }) => ({ title, abstract }))).toEqual(expected);
    });
  }

  it("takes the year from the date line when no file date is given", () => {
    expect(parseDigest("x.txt", "2025-03-13\nT\nA").date.toISODate()).toBe("2025-03-13");
  });

  it("keeps February 29 of a leap year", () => {
    expect(parse(`Feb 29\nT\n${abstract(1)}`, parseIsoDate("2024-02-29")!).date.toISODate()).toBe("2024-02-29");
  });
});

describe("rejected input: one FILE:LINE: message each", () => {
  it("an empty file", () => {
    expect(failure("")).toBe("d.txt:1: the file is empty");
    expect(failure("\n  \n\n")).toBe("d.txt:1: the file is empty");
  });

  it("no date line", () => {
    expect(failure("Some boilerplate\nA title\nAn abstract")).toMatch(/^d\.txt:1: no date line/);
  });

  it("a date line that disagrees with the file name", () => {
    expect(failure("new\n\nMar 14\n\nT\n\nA")).toMatch(
      /^d\.txt:3: the date line says 2025-03-14 but the file is dated 2025-03-13$/,
    );
  });

  it("a date that does not exist", () => {
    expect(failure("Feb 30\nT\nA", parseIsoDate("2025-02-28"))).toMatch(/^d\.txt:1: 'Feb 30' is not a real date/);
  });

  it("no papers after the date line", () => {
    expect(failure("boilerplate\n\nMar 13\n\n\n")).toBe("d.txt:3: no papers after the date line");
  });

  it("a title with no abstract at the end", () => {
    expect(failure(`Mar 13\n\nFirst\n\n${abstract(1)}\n\nLonely title\n`)).toMatch(
      /^d\.txt:7: the title "Lonely title" has no abstract$/,
    );
  });

  it("a title with no abstract in the middle", () => {
    const text = `Mar 13\n\nFirst\n\n${abstract(1)}\n\nLost its abstract\n\nThird\n\n${abstract(3)}\n`;
    expect(failure(text)).toMatch(/^d\.txt:7: the title "Lost its abstract" has no abstract$/);
  });

  it("a control character in a title", () => {
    expect(failure(`Mar 13\nBell\u0007 title\n${abstract(1)}`)).toBe("d.txt:2: control character U+0007 in the text");
  });

  it("bytes that are not UTF-8, on the line that holds them", async () => {
    const file = join(await tempDir(), "2025-03-13.txt");
    const bytes = Buffer.concat([
      Buffer.from(`Mar 13\n\nGood title\n\n${abstract(1)}\n\nBad `),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(" title\n"),
    ]);
    await writeFile(file, bytes);
    await expect(readDigestFile(file)).rejects.toThrow(UserError);
    await readDigestFile(file).catch((err: UserError) =>
      expect(err.toString()).toBe(`${file}:7: the file is not UTF-8 text`),
    );
  });

  it("a date line without a year and no file date", () => {
    expect(failure("Mar 13\nT\nA", null, "notes.txt")).toMatch(/^notes\.txt:1: the date line has no year/);
  });
});
