import { join } from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes a built site with Pagefind's own binary (through its Node API) and
 * writes the index into `<siteDir>/pagefind/`. Only pages that mark their body
 * with data-pagefind-body (the paper pages) are indexed.
 */
export async function runPagefind(siteDir: string) {
  try {
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    const { index } = created;
    if (!index) throw new Error(created.errors.join("; "));
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
