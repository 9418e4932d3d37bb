import { slugify } from "transliteration";
import type { Paper } from "../model.ts";

const STOP = new Set([
  "a",
  "an",
  "the",
  "on",
  "of",
  "in",
  "for",
  "and",
  "to",
  "with",
  "towards",
  "toward",
  "is",
  "are",
]);
// Characters BibTeX reads as syntax; a title or name holding them stays literal.
const escapeBib = (text: string) =>
  text.replace(/([{}%&$#_\\])/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`));

/**
 * A BibTeX entry in arXiv's own style (@misc with eprint, archivePrefix,
 * primaryClass and url), for a paper with an arXiv id. Key: first author's
 * surname, year, first significant title word ("dao2022flashattention").
 */
export function bibtex(paper: Paper): string | undefined {
  const { arxivId, authors = [], primaryCategory, published } = paper.source;
  if (!arxivId) return undefined;
  const year = (published ?? paper.digests[0]).slice(0, 4);
  const surname = ascii(authors[0]?.split(/\s+/).at(-1) ?? "");
  const word =
    paper.title
      .split(/\s+/)
      .map(ascii)
      .find((w) => /[a-z]/.test(w) && !STOP.has(w)) ?? "";
  const fields = [
    ["title", escapeBib(paper.title)],
    ...(authors.length ? [["author", authors.map(escapeBib).join(" and ")]] : []),
    ["year", year],
    ["eprint", arxivId],
    ["archivePrefix", "arXiv"],
    ...(primaryCategory ? [["primaryClass", primaryCategory]] : []),
    ["url", `https://arxiv.org/abs/${arxivId}`],
  ];
  return `@misc{${surname || "arxiv"}${year}${word},\n${fields.map(([k, v]) => `      ${k}={${v}},`).join("\n")}\n}`;
}

const ascii = (word: string) => slugify(word, { lowercase: true, separator: "" }).replace(/[^a-z0-9]/g, "");
