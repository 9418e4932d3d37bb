import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { readArxivId } from "../ingest/formats/arxivId.ts";
import type { Paper } from "../model.ts";
import { UserError } from "../util/userError.ts";
import { parseYamlFile } from "../util/yamlDocument.ts";

/** A curator's correction of one paper's topics. */
export interface Override {
  /** The paper's slug or arXiv id, as written. */
  paper: string;
  line: number;
  /** Replaces the classifier's topics; add and remove then apply to the result. */
  set?: string[];
  add: string[];
  remove: string[];
}

const ACTIONS = ["set", "add", "remove"] as const;

/** Reads content/overrides.yaml; a missing file means no overrides. */
export async function loadOverrides(file: string): Promise<Override[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new UserError(file, 1, "cannot read the overrides file");
  }
  return parseOverrides(file, text);
}

/** Checks the file's shape; which papers and topics exist is checked by applyOverrides. */
export function parseOverrides(file: string, text: string): Override[] {
  const { doc, lineOf, fail } = parseYamlFile(file, text);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  if (!isMap(root)) return fail(root, "expected a map with an 'overrides' map of paper: changes");
  const list = root.get("overrides", true);
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return [];
  if (!isMap(list)) return fail(list as Node, "'overrides' must map a paper's slug or arXiv id to set, add or remove");

  return list.items.map((pair) => {
    const key = pair.key as Node;
    const paper = isScalar(key) ? String(key.value ?? "").trim() : "";
    if (!paper) fail(key, "an override needs the paper's slug or arXiv id");
    const value = pair.value as Node;
    if (!isMap(value) || value.items.length === 0)
      return fail(value ?? key, `say what to change for '${paper}': set, add or remove a list of topics`);
    const override: Override = { paper, line: lineOf(key), add: [], remove: [] };
    for (const item of value.items) {
      const action = isScalar(item.key) ? String(item.key.value) : "";
      if (!(ACTIONS as readonly string[]).includes(action))
        fail(item.key as Node, `'${action}' is not a change: use set, add or remove`);
      const topics = item.value as Node;
      const slugs = isSeq(topics)
        ? topics.items.map((t) => (isScalar(t) ? String(t.value ?? "").trim() : ""))
        : isScalar(topics) && typeof topics.value === "string"
          ? [topics.value.trim()]
          : null;
      if (!slugs || slugs.some((s) => !s))
        return fail(topics ?? (item.key as Node), `'${action}' takes a topic slug or a list of them`);
      override[action as (typeof ACTIONS)[number]] = slugs;
    }
    return override;
  });
}

/** The arXiv id an override names, if it names one: "2401.06066", "2401.06066v2", "arXiv:2401.06066", an abs URL. */
const arxivIdOf = (o: Override) => readArxivId(o.paper.replace(/^arxiv:/i, ""))?.id;

/** Whether an override is about this paper: by its slug or its arXiv id. */
export const overrides = (o: Override, p: Paper) =>
  o.paper === p.slug || (p.source?.arxivId !== undefined && arxivIdOf(o) === p.source.arxivId);

/**
 * Applies a curator's overrides after classification. An override naming a paper
 * or topic the site doesn't have is an error with its line: a typo must not pass
 * silently and leave the paper where the curator meant to move it from.
 */
export function applyOverrides(
  papers: readonly Paper[],
  overrides: readonly Override[],
  topicSlugs: readonly string[],
  file: string,
): Paper[] {
  const known = new Set(topicSlugs);
  const bySlug = new Map(papers.map((p, i) => [p.slug, i]));
  const byArxiv = new Map(papers.flatMap((p, i) => (p.source?.arxivId ? [[p.source.arxivId, i] as const] : [])));
  const result = [...papers];
  for (const o of overrides) {
    const id = arxivIdOf(o);
    const index = bySlug.get(o.paper) ?? (id === undefined ? undefined : byArxiv.get(id));
    if (index === undefined) throw new UserError(file, o.line, `no paper has the slug or arXiv id '${o.paper}'`);
    for (const slug of [...(o.set ?? []), ...o.add, ...o.remove]) {
      if (!known.has(slug))
        throw new UserError(file, o.line, `'${slug}' is not a topic: use one of the slugs in topics.yaml`);
    }
    const start = o.set ?? result[index].topics;
    const topics = [
      ...new Set([...start.filter((t) => !o.remove.includes(t)), ...o.add.filter((t) => !o.remove.includes(t))]),
    ];
    result[index] = { ...result[index], topics };
  }
  return result;
}
