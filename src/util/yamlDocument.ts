import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { UserError } from "./userError.ts";

/** A parsed YAML file that can point at its own lines: every mistake in it is reported as FILE:LINE. */
export interface YamlFile {
  doc: Document.Parsed;
  lineOf(node: Node | null | undefined): number;
  fail(node: Node | null | undefined, message: string): never;
}

/** Parses a curator's YAML file; a syntax error or repeated key is a UserError with its line. */
export function parseYamlFile(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const [error] = doc.errors;
    throw new UserError(file, error.linePos?.[0].line ?? 1, error.message.split("\n")[0]);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  return {
    doc,
    lineOf,
    fail: (node, message) => {
      throw new UserError(file, lineOf(node), message);
    },
  };
}

/**
 * A curator's YAML file checked against a zod schema: the parsed value, or a UserError at the line of the
 * value (or unknown key) the first problem is about.
 */
export function parseYamlWith<T>(file: string, text: string, schema: z.ZodType<T>): T {
  const { doc, fail } = parseYamlFile(file, text);
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const node = nodeAt(doc, unknownKey === undefined ? path : [...path, unknownKey], unknownKey !== undefined);
  const where = path.length ? `${path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".")}: ` : "";
  const message = unknownKey === undefined ? issue.message : `unknown key '${unknownKey}'`;
  return fail(node, `${where.replace(/\.\[/g, "[")}${message}`);
}

/** The node at a path, or its nearest ancestor that exists; a key's own node when `key` is set. */
function nodeAt(doc: Document.Parsed, path: (string | number)[], key: boolean): Node | null {
  for (let n = path.length; n >= 0; n--) {
    const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
    if (n === 0) return doc.contents as Node | null;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
      if (pair) return ((key && n === path.length ? pair.key : pair.value) ?? pair.key) as Node;
    } else if (isSeq(parent)) {
      const item = parent.items[path[n - 1] as number];
      if (item) return item as Node;
    }
  }
  return null;
}
