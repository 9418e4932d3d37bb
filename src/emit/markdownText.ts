/**
 * Escapes plain text for Markdown so that it renders as exactly that text.
 * CommonMark lets any ASCII punctuation be backslash-escaped, and an escaped
 * character is always literal: no emphasis, link, entity, list or heading can
 * start. (Raw HTML is off in markdown-it too; this is the second lock.)
 */
export function markdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}
