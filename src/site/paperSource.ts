import type { PaperSource } from "../model.ts";
import { longDate } from "./dates.ts";
import { type Html, html } from "./html.ts";

/** Authors shown before "and N more" folds the rest away (a <details>: no JavaScript needed). */
const AUTHORS_SHOWN = 10;

/** "Tri Dao, Daniel Y. Fu and 3 more": every author, the long tail folded. */
export function authorList(authors: readonly string[], slugs: readonly (string | null)[] = []): Html | "" {
  if (authors.length === 0) return "";
  const name = (n: string, i: number) => {
    const slug = slugs[i];
    // The same element either way, a link inside or not: search reads the same page (see indexedDocument).
    return html`<span class="author">${slug ? html`<a href="/authors/${slug}/">${n}</a>` : n}</span>`;
  };
  const names = (list: readonly string[], from = 0) =>
    html`${list.map((n, i) => html`${i > 0 ? ", " : ""}${name(n, from + i)}`)}`;
  // Search shows the first authors beside a result.
  // (Pagefind reads commas as separators between meta fields: names are joined with "·".)
  const meta = `authors:${authors
    .slice(0, 3)
    .map((a) => a.replaceAll(",", ""))
    .join(" · ")}${authors.length > 3 ? " et al." : ""}`;
  if (authors.length <= AUTHORS_SHOWN + 2)
    return html`<p class="authors" dir="auto" data-pagefind-meta="${meta}">${names(authors)}</p>`;
  const rest = authors.slice(AUTHORS_SHOWN);
  const more = html`<details><summary>and ${rest.length} more authors</summary>${names(rest, AUTHORS_SHOWN)}</details>`;
  const first = names(authors.slice(0, AUTHORS_SHOWN));
  return html`<div class="authors" dir="auto" data-pagefind-meta="${meta}">${first}${more}</div>`;
}

/** The paper itself: arXiv, PDF, Hugging Face, code, project page, DOI. */
export function paperLinks(source: PaperSource): { label: string; url: string }[] {
  const { links = {}, doi } = source;
  return [
    links.arxiv && { label: "arXiv", url: links.arxiv },
    links.pdf && { label: "PDF", url: links.pdf },
    links.huggingFace && { label: "Hugging Face", url: links.huggingFace },
    links.code && { label: "Code", url: links.code },
    links.project && { label: "Project page", url: links.project },
    doi && { label: "DOI", url: `https://doi.org/${encodeURI(doi)}` },
  ].filter((l): l is { label: string; url: string } => Boolean(l));
}

/** For a paper no source identified: searches for its exact title on the sites that would know it. */
export function findLinks(title: string): { label: string; url: string }[] {
  const q = encodeURIComponent(title);
  return [
    { label: "arXiv", url: `https://arxiv.org/search/?searchtype=title&query=${q}` },
    { label: "Semantic Scholar", url: `https://www.semanticscholar.org/search?q=${q}` },
    { label: "Google Scholar", url: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}` },
    { label: "Hugging Face", url: `https://huggingface.co/papers?q=${q}` },
  ];
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * "Published on arXiv 27 May 2022 (v2) · cs.LG, stat.ML · 57 upvotes · 5,213 stars": what the sources said,
 * where they said it.
 */
export function sourceFacts(source: PaperSource): Html[] {
  const latest = source.snapshots?.at(-1);
  const facts: Html[] = [];
  if (source.published)
    facts.push(
      html`Published <time datetime="${source.published}">${longDate(source.published)}</time>\
${source.version ? ` (v${source.version})` : ""}`,
    );
  if (source.categories?.length) facts.push(html`${source.categories.join(", ")}`);
  if (latest?.upvotes !== undefined) facts.push(html`${count(latest.upvotes, "upvote", "upvotes")} on Hugging Face`);
  if (latest?.stars !== undefined) facts.push(html`${count(latest.stars, "star", "stars")} on GitHub`);
  return facts;
}

/** Google Scholar's citation_* tags (Highwire Press), one per author. */
export function citationMeta(title: string, firstSeen: string, source: PaperSource): Html {
  const date = (source.published ?? firstSeen).replaceAll("-", "/");
  return html`<meta name="citation_title" content="${title}">
${(source.authors ?? []).map((a) => html`<meta name="citation_author" content="${a}">\n`)}\
<meta name="citation_publication_date" content="${date}">
${source.arxivId ? html`<meta name="citation_arxiv_id" content="${source.arxivId}">\n` : ""}\
${source.links?.pdf ? html`<meta name="citation_pdf_url" content="${source.links.pdf}">\n` : ""}\
${source.doi ? html`<meta name="citation_doi" content="${source.doi}">\n` : ""}`;
}
