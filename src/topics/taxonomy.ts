import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { TopicInfo } from "../model.ts";
import { UserError } from "../util/userError.ts";
import { parseYamlFile } from "../util/yamlDocument.ts";

export interface TopicSpec extends TopicInfo {
  /** Phrases that signal the topic, with their weights. */
  terms: { text: string; weight: number }[];
  /** arXiv categories whose papers belong here (cs.CV, cs.RO …): a paper's own filing is a strong hint. */
  categories?: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An arXiv category: an archive, optionally with a subject class (cs.CV, stat.ML, hep-th, eess.IV). */
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

/** Reads and validates topics.yaml; every mistake is reported with its line. */
export async function loadTaxonomy(file: string): Promise<TopicSpec[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UserError(file, 1, "cannot read the topics file");
  }
  return parseTaxonomy(file, text);
}

export function parseTaxonomy(file: string, text: string): TopicSpec[] {
  const { doc, fail } = parseYamlFile(file, text);

  const root = doc.contents;
  if (!isMap(root)) return fail(root, "expected a map with a 'topics' list");
  const list = root.get("topics", true);
  if (!isSeq(list) || list.items.length === 0) return fail((list as Node) ?? root, "'topics' must be a non-empty list");

  const seen = new Set<string>();
  return list.items.map((item) => {
    if (!isMap(item)) return fail(item as Node, "each topic must be a map with slug, name, description and terms");
    const text = (key: string) => {
      const value = item.get(key, true);
      if (!isScalar(value) || typeof value.value !== "string" || value.value.trim() === "") {
        return fail((value as Node) ?? item, `the topic needs a '${key}' (text)`);
      }
      return value.value.trim();
    };
    const slug = text("slug");
    if (!SLUG.test(slug))
      fail(item.get("slug", true) as Node, `'${slug}' is not a slug: use lowercase letters, digits and hyphens`);
    if (seen.has(slug)) fail(item.get("slug", true) as Node, `the slug '${slug}' is used twice`);
    if (slug === "uncategorised")
      fail(item.get("slug", true) as Node, "the slug 'uncategorised' is reserved for papers no topic fits");
    seen.add(slug);

    const termsNode = item.get("terms", true);
    if (!isMap(termsNode) || termsNode.items.length === 0)
      return fail((termsNode as Node) ?? item, `topic '${slug}' needs 'terms': a map of phrase: weight`);
    const terms = termsNode.items.map((pair) => {
      const key = pair.key as Node;
      const value = pair.value as Node;
      const phrase = isScalar(key) ? String(key.value ?? "").trim() : "";
      if (!phrase) fail(key, `topic '${slug}' has an empty term`);
      if (!isScalar(value) || typeof value.value !== "number" || !(value.value > 0)) {
        fail(value ?? key, `the weight of '${phrase}' must be a positive number`);
      }
      return { text: phrase, weight: (value as unknown as { value: number }).value };
    });
    const categoriesNode = item.get("categories", true);
    let categories: string[] | undefined;
    if (categoriesNode !== undefined) {
      if (!isSeq(categoriesNode))
        return fail(categoriesNode as Node, `'categories' of topic '${slug}' must be a list of arXiv categories`);
      categories = categoriesNode.items.map((c) => {
        const value = isScalar(c) ? String(c.value ?? "") : "";
        if (!CATEGORY.test(value)) fail(c as Node, `'${value}' is not an arXiv category (like cs.CV or stat.ML)`);
        return value;
      });
    }
    return { slug, name: text("name"), description: text("description"), terms, ...(categories ? { categories } : {}) };
  });
}
