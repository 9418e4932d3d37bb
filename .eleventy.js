// Eleventy renders what `paper-digest build` emitted into content/generated/.
// Run it through the CLI (which loads TypeScript support), not on its own.
import { markdownPlugin } from "./src/site/markdownPlugin.ts";
import { sitePlugin } from "./src/site/sitePlugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(sitePlugin);
}

export const config = {
  dir: { input: "content", layouts: "../layouts" },
  templateFormats: ["md", "11ty.ts"],
  // Text is text: no Liquid or Nunjucks pass over Markdown or HTML, ever.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
