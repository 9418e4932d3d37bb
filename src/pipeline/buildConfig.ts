import { CACHE_DIR, ENRICHED_FILE, OVERRIDES_FILE, SITE_FILE, SYNONYMS_FILE, TOPICS_FILE } from "../config/paths.ts";
import { type BuildSettings, DEFAULTS } from "../config/settings.ts";

/** What a build is asked to do: where its inputs are, where it writes, and its settings. */
export interface BuildOptions extends Partial<BuildSettings> {
  digestsDir: string;
  /** The site's settings (content/site.yaml; a missing file means today's defaults). */
  siteFile?: string;
  topicsFile?: string;
  /** A curator's per-paper topic corrections (a missing file is fine). */
  overridesFile?: string;
  /** arXiv metadata found by `enrich` (a missing file is fine). */
  enrichedFile?: string;
  /** Acronyms and synonyms that search should treat as one (a missing file is fine). */
  synonymsFile?: string;
  /** Where drawn cards and the last build's manifest are kept between builds. */
  cacheDir?: string;
  outDir: string;
  siteUrl: string;
  /** Receives one line per finished stage. */
  progress?: (line: string) => void;
}

/** The options with every default filled in. */
export type BuildConfig = Required<BuildOptions>;

export function buildConfig(options: BuildOptions): BuildConfig {
  return {
    siteFile: SITE_FILE,
    topicsFile: TOPICS_FILE,
    overridesFile: OVERRIDES_FILE,
    enrichedFile: ENRICHED_FILE,
    synonymsFile: SYNONYMS_FILE,
    cacheDir: CACHE_DIR,
    progress: () => {},
    ...DEFAULTS,
    ...withoutUndefined(options),
  };
}

const withoutUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
