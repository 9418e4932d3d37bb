import { readFile } from "node:fs/promises";
import { isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { UserError } from "../util/userError.ts";

/** A group of terms that name the same thing, each as its words. */
export type SynonymGroup = string[][];

/** Lowercase words, hyphens and punctuation as spaces: "Mixture-of-Experts" → mixture of experts. */
export const words = (text: string) => {
  const lower = text.toLowerCase();
  // Most abstracts are plain ASCII: no NFKC, and a plain pattern that splits alike three times faster.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any character past ASCII.
  if (!/[^\x00-\x7f]/.test(lower)) return lower.split(/[^a-z0-9@]+/).filter(Boolean);
  return lower
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}@]+/u)
    .filter(Boolean);
};

/** Reads content/synonyms.yaml: a list of groups, each a list of at least two terms. */
export async function loadSynonyms(file: string): Promise<SynonymGroup[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new UserError(file, 1, "cannot read the synonyms file");
  }
  return parseSynonyms(file, text);
}

export function parseSynonyms(file: string, text: string): SynonymGroup[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0)
    throw new UserError(file, doc.errors[0].linePos?.[0].line ?? 1, doc.errors[0].message.split("\n")[0]);
  const root = doc.contents;
  if (root === null) return [];
  if (!isSeq(root))
    throw new UserError(file, lineOf(root), "expected a list of groups, such as - [MoE, mixture of experts]");
  return root.items.map((group) => {
    if (!isSeq(group))
      throw new UserError(
        file,
        lineOf(group as Node),
        "each group is a list of terms, such as [MoE, mixture of experts]",
      );
    const terms = group.items.map((term) => {
      const value = isScalar(term) ? String(term.value ?? "") : "";
      const split = words(value);
      if (split.length === 0) throw new UserError(file, lineOf(term as Node), `'${value}' is not a term: use words`);
      return split;
    });
    if (terms.length < 2) throw new UserError(file, lineOf(group as Node), "a group needs at least two terms");
    return terms;
  });
}

/**
 * Finds the groups a text uses and gives back their one-word terms that it
 * lacks, to be indexed with it: a text saying "mixture of experts" gains "moe".
 * Only one-word terms (acronyms, mostly): they are rare words, so they barely
 * grow Pagefind's index, where indexing whole phrases would lengthen the entries
 * of common words that every search downloads. The other way, from an acronym
 * to its phrases, the search page expands the query (synonymGroups). Linear in
 * the text's words.
 */
export function synonymIndex(groups: readonly SynonymGroup[]) {
  // Each term under its first word, longest first, so a phrase wins over its first word.
  const byFirst = new Map<string, { term: string[]; group: number }[]>();
  groups.forEach((terms, group) => {
    for (const term of terms) byFirst.set(term[0], [...(byFirst.get(term[0]) ?? []), { term, group }]);
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.term.length - a.term.length);

  return (text: string): string[] => {
    const tokens = words(text);
    const found = new Map<number, Set<string>>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      // Most words start no term: one lookup (two for a word ending in s) and on.
      const candidates = byFirst.get(token) ?? (token.endsWith("s") ? byFirst.get(token.slice(0, -1)) : undefined);
      if (!candidates) continue;
      for (const { term, group } of candidates) {
        // A plural counts as its term: "LLMs" uses "LLM", "neural networks" uses "neural network".
        if (term.every((w, j) => tokens[i + j] === w || tokens[i + j] === `${w}s`)) {
          if (!found.has(group)) found.set(group, new Set());
          found.get(group)!.add(term.join(" "));
          break;
        }
      }
    }
    const extra: string[] = [];
    for (const [group, present] of found)
      for (const term of groups[group]) if (term.length === 1 && !present.has(term[0])) extra.push(term[0]);
    return [...new Set(extra)];
  };
}

/** The groups as the search page reads them (/search/synonyms.json): each a list of terms, words joined by spaces. */
export const synonymGroups = (groups: readonly SynonymGroup[]) =>
  JSON.stringify(groups.map((terms) => terms.map((t) => t.join(" "))));
