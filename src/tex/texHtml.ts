import temml from "temml";
import { escapeHtml } from "../site/html.ts";
import { mayHaveTex, parseTex, type TexNode } from "./parseTex.ts";

/**
 * Math to MathML with Temml, at build time. Untrusted: \href, \url, \class,
 * \style and \includegraphics are refused by Temml without `trust`; the few
 * commands that still write a style attribute (\color, \boxed) lose it, since
 * the CSP forbids inline styles. TeX that doesn't parse shows as its source.
 */
function mathHtml(tex: string, display: boolean): string {
  try {
    const mathml = temml.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      maxExpand: 200,
      annotate: false,
    });
    return mathml.replace(/\s(?:style|href|src|on[a-z]+)="[^"]*"/g, "");
  } catch {
    return `<code class="tex">${escapeHtml(tex)}</code>`;
  }
}

const render = (nodes: readonly TexNode[]): string =>
  nodes
    .map((n) =>
      n.kind === "text"
        ? escapeHtml(n.text)
        : n.kind === "math"
          ? mathHtml(n.tex, n.display)
          : `<${n.tag}>${render(n.children)}</${n.tag}>`,
    )
    .join("");

/** TeX as HTML: escaped text, <strong>/<em>/<code>, MathML. `math` says whether the page needs the math styles. */
export function texHtml(source: string): { html: string; math: boolean } {
  if (!mayHaveTex(source)) return { html: escapeHtml(source), math: false };
  const nodes = parseTex(source);
  return { html: render(nodes), math: hasMath(nodes) };
}

const hasMath = (nodes: readonly TexNode[]): boolean =>
  nodes.some((n) => n.kind === "math" || (n.kind === "styled" && hasMath(n.children)));
