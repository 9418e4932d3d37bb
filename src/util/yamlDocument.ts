import { type Document, LineCounter, type Node, parseDocument } from "yaml";
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
