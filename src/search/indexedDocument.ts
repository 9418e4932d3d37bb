import { shortHash } from "../util/shortHash.ts";

/**
 * What Pagefind reads of a page, as a small HTML document of its own: the
 * element marked data-pagefind-body, and the tags elsewhere that carry
 * metadata, filters or sort keys (such as the keywords meta tag in the head).
 * Everything else — header, related papers, the list of digests, the text of
 * elements marked data-pagefind-ignore (their metadata attributes stay) —
 * Pagefind never indexes, so a page whose related papers or digest count
 * changed has the same indexed document, and its search shard need not be
 * rebuilt. Undefined when the page has no indexed body.
 */
export function indexedDocument(html: string): string | undefined {
  const start = /<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!start) return undefined;
  const tag = start[1].toLowerCase();
  const end = closingTag(html, tag, start.index + start[0].length);
  const body = withoutLinks(withoutIgnoredText(html.slice(start.index, end)));
  const outside = html.slice(0, start.index) + html.slice(end);
  // Void tags only (meta, link): a non-void tag outside the body would lose its text here.
  const attributes = [...outside.matchAll(/<(?:meta|link)\b[^>]*\bdata-pagefind-(?:meta|filter|sort)\b[^>]*>/gi)].map(
    (m) => m[0],
  );
  return `<!doctype html><html lang="en"><head>${attributes.join("")}</head><body>${body}</body></html>`;
}

/**
 * The body without its plain links' tags (their text stays): Pagefind indexes a link's text, not where it
 * leads, so an author's name that became a link to their new page (on every paper of theirs, in shards of
 * every age) leaves the index as it was, and no shard is indexed again for it. A link Pagefind reads for
 * itself stays whole: one with an id (an anchor) or a data-pagefind attribute (a topic chip is a filter).
 */
function withoutLinks(body: string): string {
  return body.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi, (link, attributes: string, text: string) =>
    /\bid=|\bdata-pagefind-/i.test(attributes) ? link : text,
  );
}

/** A short fingerprint of an indexed document. */
export const documentKey = shortHash;

/**
 * The body with the text inside data-pagefind-ignore elements left out (tags, attributes and the values they name
 * kept). */
function withoutIgnoredText(body: string): string {
  const ignored = /<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>/gi;
  let out = "";
  let at = 0;
  for (let m = ignored.exec(body); m; m = ignored.exec(body)) {
    const end = closingTag(body, m[1].toLowerCase(), m.index + m[0].length);
    // Text that an element's own filter or metadata attribute takes as its value stays.
    out +=
      body.slice(at, m.index) +
      body
        .slice(m.index, end)
        .replace(/(<[^>]*>)([^<]+)(?=<)/g, (_, tag: string, text: string) =>
          /\bdata-pagefind-(?:filter|meta)\b/.test(tag) && !tag.startsWith("</") ? tag + text : tag,
        );
    at = end;
    ignored.lastIndex = end;
  }
  return out + body.slice(at);
}

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
