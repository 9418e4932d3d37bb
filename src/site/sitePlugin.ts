import { readFileSync } from "node:fs";
import { GENERATED_DIR } from "../paths.ts";

/**
 * Wires the generated folder and the hand-written assets into Eleventy:
 * TypeScript templates and layouts, the site data, and files copied as they are.
 */
export function sitePlugin(eleventyConfig: any) {
  // content/generated is git-ignored, and Eleventy would skip it by default.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add("content/digests/**");
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  // Pages come with all they show (emit wrote it); no collection is ever queried,
  // so Eleventy need not build one over thousands of pages.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  eleventyConfig.addGlobalData("site", () => JSON.parse(readFileSync(`${GENERATED_DIR}/site.json`, "utf8")));
  eleventyConfig.addPassthroughCopy({
    "content/assets": "assets",
    "content/favicon.svg": "favicon.svg",
    "content/feed.xsl": "feed.xsl",
    [`${GENERATED_DIR}/papers.json`]: "papers.json",
  });
}
