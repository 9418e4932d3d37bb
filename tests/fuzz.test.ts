import fc from "fast-check";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import { slugify } from "transliteration";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { SLUG_MAX, titleSlug } from "../src/ingest/merge/titleSlug.ts";
import { pageFile } from "../src/pages/sitePages.ts";
import { mayHaveTex } from "../src/tex/parseTex.ts";
import { texHtml } from "../src/tex/texHtml.ts";
import { UserError } from "../src/util/userError.ts";

// Text of every kind: ASCII punctuation-heavy, any Unicode, and lines that look like digest parts.
const line = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(..."<>&\"'`*_[](){}#!|\\-:=%$~^ \t"), maxLength: 40 }),
  fc.constantFrom(
    "",
    "Mar 13",
    "2025-03-13",
    "March 13, 2025",
    "---",
    "{{ x }}",
    "{% if %}",
    "<script>",
    "  ",
    "a".repeat(250),
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
);
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(..."<>&\"'`*_[](){}#!|\\-+.:=%$~^ 1a"), maxLength: 100 }),
);

describe("the parser, on any sequence of lines", () => {
  it("returns titles and abstracts that are exactly lines of the input, or our own error with a line number", () => {
    const date = parseIsoDate("2025-03-13")!;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const input = lines.join(eol);
        const inputLines = new Set(
          input
            .replace(/^\uFEFF/, "")
            .split(/\r\n|\r|\n/)
            .map((l) => l.trim()),
        );
        const count = input.split(/\r\n|\r|\n/).length;
        try {
          const digest = parseDigest("f.txt", input, date);
          expect(digest.entries.length).toBeGreaterThan(0);
          for (const e of digest.entries) {
            expect(inputLines.has(e.title)).toBe(true);
            expect(inputLines.has(e.abstract)).toBe(true);
            expect(e.title).not.toBe("");
          }
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          expect((err as UserError).line).toBeGreaterThanOrEqual(1);
          expect((err as UserError).line).toBeLessThanOrEqual(count);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("slugs, for any title", () => {
  it("are non-empty lowercase ASCII, within the length limit, and stable", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })),
        (title) => {
          const slug = titleSlug(title);
          expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
          expect(titleSlug(title)).toBe(slug);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it(
    "of ASCII titles are the words transliteration gives (the permalinks published before it was " +
      "skipped for them)",
    () => {
      // The slug as transliteration makes it (for titles short enough not to be cut).
      const transliterated = (title: string) =>
        slugify(title, { lowercase: true, separator: "-" })
          .replace(/[^a-z0-9-]+/g, "-")
          .split("-")
          .filter(Boolean)
          .join("-");
      const ascii = fc.oneof(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 120 }),
        fc.string({ unit: fc.constantFrom(..."aZ09 -_'.,:;!?&+/()[]\"\t"), maxLength: 60 }),
      );
      fc.assert(
        fc.property(ascii, (title) => {
          const expected = transliterated(title);
          fc.pre(expected.length > 0 && expected.length <= SLUG_MAX);
          expect(titleSlug(title)).toBe(expected);
        }),
        { numRuns: 3000 },
      );
    },
  );
});

describe("what emit writes, for any text", () => {
  it("reads back from front matter, as Eleventy parses it, as the same text", () => {
    fc.assert(
      fc.property(text, text, (title, other) => {
        const parsed = matter(pageFile({ title, list: [other], nested: { title } }, "body"));
        expect(parsed.data.title).toBe(title);
        expect(parsed.data.list).toEqual([other]);
        expect(parsed.data.nested.title).toBe(title);
        expect(parsed.content.trim()).toBe("body");
      }),
      { numRuns: 1000 },
    );
  });
});

describe("TeX in an abstract, for any text", () => {
  // What texHtml may produce: emphasis, code and MathML. Nothing that links, loads, styles or runs.
  const ALLOWED = new Set(
    (
      "strong em code math semantics annotation mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt " +
      "mroot mover munder munderover mtable mtr mtd mpadded mphantom menclose mstyle merror mmultiscripts " +
      "mprescripts none mlabeledtr"
    ).split(" "),
  );

  it("renders only emphasis and MathML, with no attribute that could link, style or run", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.string({
            unit: fc.constantFrom(
              ..."$\\{}^_ ()[]abxn2~-`'\"",
              "\\textbf{",
              "\\emph{",
              "\\href{javascript:alert(1)}{x}",
              "\\style{color:red}",
              "\\color{red}",
              "\\url{",
              "$$",
              "\\(",
              "\\)",
              "<b>",
              "&amp;",
            ),
            maxLength: 40,
          }),
        ),
        (source) => {
          const body = parseHTML(`<html><body>${texHtml(source).html}</body></html>`).document.body;
          for (const el of body.querySelectorAll("*")) {
            expect([...ALLOWED]).toContain(el.tagName.toLowerCase());
            for (const attr of el.attributes) expect(attr.name).not.toMatch(/^(on|style$|href$|src$|xlink)/);
          }
          // Text without TeX shows exactly as it is.
          if (!mayHaveTex(source)) expect(body.textContent).toBe(source);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
