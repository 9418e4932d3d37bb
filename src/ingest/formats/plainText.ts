import { UserError } from "../../util/userError.ts";

// Characters that no page or feed can carry as text (XML 1.0 forbids most of them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;

/** Whitespace folded to single spaces: Atom wraps its titles and summaries. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** A title or abstract from a structured source: one line, and no character a page can't carry. */
export function plainText(file: string, line: number, text: string): string {
  const folded = oneLine(text);
  const bad = CONTROL.exec(folded);
  if (bad)
    throw new UserError(
      file,
      line,
      `control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} in the text`,
    );
  return folded;
}
