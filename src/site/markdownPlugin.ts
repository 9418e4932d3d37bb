import markdownIt from "markdown-it";

/**
 * Markdown that can only ever make paragraphs of text: raw HTML off, no
 * autolinking, no typographic replacement (the visible text is the source text).
 */
export function markdownPlugin(eleventyConfig: any) {
  eleventyConfig.setLibrary("md", markdownIt({ html: false, linkify: false, typographer: false }));
}
