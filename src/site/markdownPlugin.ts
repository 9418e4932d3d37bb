import markdownIt from "markdown-it";

/**
 * Markdown that can only ever make paragraphs of text: raw HTML off, no
 * autolinking, no typographic replacement (the visible text is the source text).
 */
// biome-ignore lint/suspicious/noExplicitAny: Eleventy ships no types for its configuration API.
export function markdownPlugin(eleventyConfig: any) {
  eleventyConfig.setLibrary("md", markdownIt({ html: false, linkify: false, typographer: false }));
}
