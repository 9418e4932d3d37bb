/**
 * A tiny HTML template tag that escapes every interpolated value unless it is
 * already `Html`. Titles and abstracts are plain text, so the only way they
 * reach a page is escaped: text stays text.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
/** For text between tags, where only & < > matter (feeds' descriptions stay readable). */
export const escapeHtmlText = (text: string) => text.replace(/[&<>]/g, (c) => ENTITIES[c]);

/** Markup we produced ourselves (rendered Markdown, another template's output). */
export const trusted = (markup: string) => new Html(markup);

function render(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}
