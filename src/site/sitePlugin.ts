import { readFileSync, writeFileSync } from "node:fs";
import { CHANGED_DIR, GENERATED_DIR } from "../config/paths.ts";

/**
 * Wires the generated folder and the hand-written assets into Eleventy:
 * TypeScript templates and layouts, the site data, and files copied as they are.
 */
// biome-ignore lint/suspicious/noExplicitAny: Eleventy ships no types for its configuration API.
export function sitePlugin(eleventyConfig: any) {
  // content/generated is git-ignored, and Eleventy would skip it by default.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add("content/digests/**");
  // An incremental build renders its changed pages alone (see startEleventy); a full build all of them.
  eleventyConfig.ignores.add(process.env.PAPER_DIGEST_CHANGED_ONLY ? `${GENERATED_DIR}/**` : `${CHANGED_DIR}/**`);
  // The build learns which files each template wrote, so that later incremental builds can keep them.
  const rendered = process.env.PAPER_DIGEST_RENDERED;
  if (rendered) {
    eleventyConfig.on(
      "eleventy.after",
      ({ results }: { results: { inputPath: string; outputPath: string | false }[] }) => {
        writeFileSync(rendered, JSON.stringify(results.map((r) => [r.inputPath, r.outputPath])));
      },
    );
  }
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  // Pages come with all they show (emit wrote it); no collection is ever queried,
  // so Eleventy need not build one over thousands of pages.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  // Nor does any page have a data file of its own or of its folder (its front matter holds its data): Eleventy
  // need not look for five beside each of thousands of pages.
  eleventyConfig.setDataFileSuffixes([]);
  // Read once a run: two global data below come from it.
  let siteData: { generated: string } | undefined;
  const site = () => (siteData ??= JSON.parse(readFileSync(`${GENERATED_DIR}/site.json`, "utf8")));
  eleventyConfig.addGlobalData("site", site);
  // Eleventy dates every page (page.date) by its file's creation time, a stat per page, or by a date in its
  // name, parsed: 3% of rendering 10,000 pages, for a date no template shows (a page shows the dates its
  // data holds). The time the site was built stands in for it.
  eleventyConfig.addGlobalData("date", () => new Date(site().generated));
  // A large build renders its pages in several runs, and the site-wide templates and files in the first alone.
  if (process.env.PAPER_DIGEST_PAGES_ONLY) eleventyConfig.ignores.add("content/*.11ty.ts");
  else
    eleventyConfig.addPassthroughCopy({
      "content/assets": "assets",
      "content/favicon.svg": "favicon.svg",
      "content/feed.xsl": "feed.xsl",
    });
}
