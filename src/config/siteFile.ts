import { readFile } from "node:fs/promises";
import { z } from "zod";
import { UserError } from "../util/userError.ts";
import { parseYamlWith } from "../util/yamlDocument.ts";

/**
 * An arXiv category as the listing feeds name them: an archive ("hep-th", "cs") and, usually, a subject class
 * ("cs.IR", "math.AG", "astro-ph.CO", "cond-mat.mes-hall").
 */
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.(?:[A-Z]{2}|[a-z]+(?:-[a-z]+)?))?$/;
const Category = z.string().regex(CATEGORY, "is not an arXiv category such as cs.IR or hep-th");
const Words = z.array(z.string().trim().min(1, "must not be empty")).min(1, "must list at least one word");

const HuggingFace = z.strictObject({
  huggingface: z.literal("daily", "must be 'daily' (Hugging Face's Daily Papers)"),
});
const Arxiv = z.strictObject({
  arxiv: z.union([Category.transform((c) => [c]), z.array(Category).min(1, "must list at least one category")]),
  keywords: Words.optional(),
  limit: z.int("must be a whole number").min(1, "must be 1 or more").optional(),
});
export type HuggingFaceSource = z.infer<typeof HuggingFace>;
export type ArxivSource = z.infer<typeof Arxiv>;
export type Source = HuggingFaceSource | ArxivSource;

/** A source is known by its one required key; anything else is named in the error. */
const Source = z.unknown().transform((value, ctx): Source => {
  const kind = ["huggingface", "arxiv"].find((k) => typeof value === "object" && value !== null && k in value);
  const schema = kind === "huggingface" ? HuggingFace : kind === "arxiv" ? Arxiv : undefined;
  if (!schema) {
    const said = typeof value === "object" && value ? Object.keys(value).join(", ") : JSON.stringify(value);
    ctx.addIssue({ code: "custom", message: `unknown source '${said}': use 'huggingface: daily' or 'arxiv: [cs.IR]'` });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as z.core.$ZodRawIssue);
  return z.NEVER;
});

const Text = (what: string) => z.string(`must be ${what}`).trim().min(1, `must be ${what}`);

export const SiteFile = z.strictObject({
  title: Text("the site's name").default("Paper Digest"),
  description: Text("a sentence about the site").default(
    "Trending machine-learning papers, every day: a permalink for every paper, topics, search and feeds.",
  ),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or en-GB")
    .default("en"),
  url: z.url({ protocol: /^https?$/, error: "must be the site's address, starting with https://" }).optional(),
  author: z
    .strictObject({
      name: Text("a name"),
      email: z.email("must be an email address").optional(),
      url: z.url({ protocol: /^https?$/, error: "must be a web address" }).optional(),
    })
    .optional(),
  paperMonthsFrom: z.iso.date("must be a day written YYYY-MM-DD").optional(),
  authorPages: z
    .strictObject({
      minPapers: z.int("must be a whole number").min(1, "must be 1 or more").default(2),
    })
    .default({ minPapers: 2 }),
  sources: z
    .array(Source)
    .min(1, "must list at least one source")
    .default([{ huggingface: "daily" }]),
});
export type SiteFile = z.infer<typeof SiteFile>;

/** The settings of a site without content/site.yaml. */
export const SITE_DEFAULTS: SiteFile = SiteFile.parse({});

/** The site's own settings: content/site.yaml, or today's defaults when there is none. */
export async function loadSiteFile(file: string): Promise<{ site: SiteFile; text: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { site: SITE_DEFAULTS, text: "" };
    throw new UserError(file, 1, "cannot read the site's settings");
  }
  return { site: parseYamlWith(file, text, SiteFile), text };
}
