import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder: where .eleventy.js, content/ and layouts/ are. */
export const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), "../..");
/** Relative to PROJECT_DIR (Eleventy needs relative input paths). */
export const CONTENT_DIR = "content";
export const GENERATED_DIR = "content/generated";
/** An incremental build's changed pages (a copy of those in GENERATED_DIR), which Eleventy then renders alone. */
export const CHANGED_DIR = "content/changed";
export const DEFAULT_DIGESTS_DIR = "content/digests";
export const TOPICS_FILE = "content/topics.yaml";
/** The site's own settings: its name, description, language, URL, author and sources. */
export const SITE_FILE = "content/site.yaml";
/** A curator's corrections of single papers' topics. */
export const OVERRIDES_FILE = "content/overrides.yaml";
/** What `paper-digest enrich` found on arXiv for text-digest papers (committed, so builds stay offline). */
export const ENRICHED_FILE = "content/arxiv.atom";
/** What builds keep for the next one (drawn share cards); Netlify keeps it between deploys. */
export const CACHE_DIR = ".cache";
/** Acronyms and synonyms that search treats as one. */
export const SYNONYMS_FILE = "content/synonyms.yaml";
/** Held by the one build that may run in the project at a time. */
export const BUILD_LOCK = ".paper-digest.lock";
