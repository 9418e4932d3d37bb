import { createHash } from "node:crypto";

/**
 * What Pagefind reads of a page, as a small HTML document of its own: the
 * element marked data-pagefind-body, and the tags elsewhere that carry
 * metadata, filters or sort keys (such as the keywords meta tag in the head).
 * Everything else — header, related papers, the list of digests — Pagefind
 * never indexes, so a page whose related papers changed has the same indexed
 * document, and its search shard need not be rebuilt. Undefined when the page
 * has no indexed body.
 */
export function indexedDocument(html: string): string | undefined {
  const start = /<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!start) return undefined;
  const tag = start[1].toLowerCase();
  const end = closingTag(html, tag, start.index + start[0].length);
  const body = html.slice(start.index, end);
  const outside = html.slice(0, start.index) + html.slice(end);
  // Void tags only (meta, link): a non-void tag outside the body would lose its text here.
  const attributes = [...outside.matchAll(/<(?:meta|link)\b[^>]*\bdata-pagefind-(?:meta|filter|sort)\b[^>]*>/gi)].map((m) => m[0]);
  return `<!doctype html><html lang="en"><head>${attributes.join("")}</head><body>${body}</body></html>`;
}

/** A short fingerprint of an indexed document. */
export const documentKey = (document: string) => createHash("sha256").update(document).digest("base64url").slice(0, 22);

/** The end of the element whose start tag ends at `from` (counting nested elements of the same name). */
function closingTag(html: string, tag: string, from: number): number {
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}
