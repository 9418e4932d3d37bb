import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { DateTime } from "luxon";
import { z } from "zod";
import type { Digest, DigestEntry, PaperSource } from "../../model.ts";
import { UserError } from "../../util/userError.ts";
import { arxivLinks, readArxivId, webLink } from "./arxivId.ts";
import { isoDay } from "./dateLine.ts";
import { CONTROL, oneLine, plainText } from "./plainText.ts";

/**
 * A Hugging Face Daily Papers API response (the JSON behind the trending page),
 * kept verbatim. Only what we show is read; unknown fields are ignored, optional
 * ones may be missing or null.
 */
const text = z.string().refine((s) => s.trim() !== "", "is empty");
// What we only show is taken when it has the expected type and ignored otherwise (null, "1.2k" upvotes …):
// an odd optional field never costs a day's digest.
const maybe = <T>(guard: (v: unknown) => v is T) =>
  z
    .unknown()
    .optional()
    .transform((v) => (guard(v) ? v : undefined));
const isString = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
// A Hugging Face handle: letters, digits, "-", "_" and "." (anything else is not a handle, and left out).
const isHandle = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z0-9][\w.-]{0,95}$/.test(v);
const User = z.object({ user: maybe(isHandle), name: maybe(isHandle) });
const Author = z.object({
  name: maybe(isString),
  hidden: maybe((v): v is boolean => typeof v === "boolean"),
  // The Hugging Face account that claimed this authorship, when one did.
  user: z
    .unknown()
    .optional()
    .transform((v) => User.safeParse(v).data),
});
const Item = z.object({
  paper: z.object({
    id: z.string().refine((s) => readArxivId(s), "is not an arXiv id (such as 2501.00656)"),
    title: text,
    summary: text,
    authors: z
      .unknown()
      .optional()
      .transform((v) => (Array.isArray(v) ? v.flatMap((a) => Author.safeParse(a).data ?? []) : [])),
    publishedAt: maybe(isString),
    upvotes: maybe(isCount),
    githubRepo: maybe(isString),
    githubStars: maybe(isCount),
    projectPage: maybe(isString),
    // Hugging Face's one-line AI summary (items from 2025 on; 2024's have none).
    ai_summary: maybe(isString),
  }),
});
const Response = z.array(Item);

/** Parses a Daily Papers response for the digest of `date` (the file's name). */
export function parseDailyPapers(file: string, source: string, date: DateTime | undefined): Digest {
  if (!date) throw new UserError(file, 1, "no date for this Daily Papers file: name it YYYY-MM-DD.json or pass --date");
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const lineOf = lineFinder(source);
  if (errors.length > 0 || !root) {
    const first = errors[0];
    throw new UserError(
      file,
      lineOf(first?.offset ?? 0),
      `not valid JSON: ${first ? printParseErrorCode(first.error) : "empty file"}`,
    );
  }
  const data: unknown = JSON.parse(source);
  const parsed = Response.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as (string | number)[];
    const missing =
      path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], data) === undefined;
    throw new UserError(
      file,
      lineOf(nodeAt(root, path).offset),
      `${pathText(path)}: ${missing ? "is missing" : issueText(issue)}`,
    );
  }
  if (parsed.data.length === 0) throw new UserError(file, 1, "no papers in this response");

  const day = date.toISODate()!;
  const entries: DigestEntry[] = parsed.data.map(({ paper }, i) => {
    const { id, version } = readArxivId(paper.id)!;
    const shown = paper.authors.filter((a) => a.name?.trim() && !a.hidden);
    const authors = shown.map((a) => oneLine(a.name!));
    const authorUsers = shown.map((a) => a.user?.user ?? a.user?.name ?? null);
    const code = webLink(paper.githubRepo);
    const project = webLink(paper.projectPage);
    const published = isoDay(paper.publishedAt);
    // Shown as text where it is whole; one with characters no page can carry is left out, not the day's digest.
    const aiSummary = paper.ai_summary && !CONTROL.test(paper.ai_summary) ? oneLine(paper.ai_summary) : "";
    const snapshot = {
      date: day,
      ...(paper.upvotes !== undefined ? { upvotes: paper.upvotes } : {}),
      ...(paper.githubStars !== undefined ? { stars: paper.githubStars } : {}),
    };
    const source: PaperSource = {
      arxivId: id,
      ...(version ? { version } : {}),
      ...(authors.length ? { authors } : {}),
      ...(authorUsers.some(Boolean) ? { authorUsers } : {}),
      ...(published ? { published } : {}),
      ...(aiSummary ? { aiSummary } : {}),
      links: {
        ...arxivLinks(id),
        huggingFace: `https://huggingface.co/papers/${id}`,
        ...(code ? { code } : {}),
        ...(project ? { project } : {}),
      },
      ...(Object.keys(snapshot).length > 1 ? { snapshots: [snapshot] } : {}),
    };
    const at = (key: string) => lineOf(nodeAt(root, [i, "paper", key]).offset);
    return {
      title: plainText(file, at("title"), paper.title),
      abstract: plainText(file, at("summary"), paper.summary),
      line: lineOf(nodeAt(root, [i]).offset),
      source,
    };
  });
  return { file, date, entries };
}

/** The deepest node that exists along `path` (a missing field is reported at its object). */
function nodeAt(root: Node, path: (string | number)[]): Node {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node.parent?.type === "property" ? node.parent : node;
  }
  return root;
}

/** `[12].paper.title`, as the issue tracker and jq users write paths. */
const pathText = (path: (string | number)[]) =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "") || "the response";

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type")
    return `should be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
  return issue.message;
}

/** 1-based line of a character offset. */
function lineFinder(source: string) {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
