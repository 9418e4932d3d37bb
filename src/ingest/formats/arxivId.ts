/**
 * arXiv identifiers: new style "2501.00656" (4+4 or 4+5 digits) and old style
 * "hep-th/9901001", either with an optional version "v2", bare or inside an
 * abs/pdf URL (http or https, any arxiv.org host).
 */
const URL_PREFIX = String.raw`(?:https?://(?:[\w-]+\.)?arxiv\.org/(?:abs|pdf)/)?`;
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}`;
const ID = new RegExp(`^${URL_PREFIX}(${NEW_STYLE}|${OLD_STYLE})(?:v(\\d+))?(?:\\.pdf)?$`);

export function readArxivId(text: string): { id: string; version?: number } | undefined {
  const m = ID.exec(text.trim());
  if (!m) return undefined;
  return m[2] ? { id: m[1], version: Number(m[2]) } : { id: m[1] };
}

/** The links every arXiv paper has. */
export const arxivLinks = (id: string) => ({
  arxiv: `https://arxiv.org/abs/${id}`,
  pdf: `https://arxiv.org/pdf/${id}`,
});

/**
 * A web link from a source file, as an absolute http(s) URL; "github.com/x/y"
 * gains https://. Anything else (javascript:, data:, relative) is not a link.
 */
export function webLink(text: string | null | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? value
    : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(value)
      ? `https://${value}`
      : value;
  try {
    const url = new URL(withScheme);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
