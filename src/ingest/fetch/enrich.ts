import { readFile } from "node:fs/promises";
import { DOMParser, type Element, XMLSerializer } from "@xmldom/xmldom";
import { SIZES } from "../../config/settings.ts";
import type { Paper, PaperSource } from "../../model.ts";
import { texText } from "../../tex/texText.ts";
import { writeFileAtomic } from "../../util/writeFileAtomic.ts";
import { readArxivEntries } from "../formats/parseArxivAtom.ts";
import { paperKey } from "../merge/paperKey.ts";
import { type GetOptions, getText } from "./getText.ts";
import { type Pace, pacer } from "./pace.ts";

export const ARXIV_API = "http://export.arxiv.org/api/query";
/** arXiv asks API clients for no more than one request every three seconds. */
export const ARXIV_DELAY = SIZES.arxivDelaySeconds;
const ATOM = "http://www.w3.org/2005/Atom";

/**
 * The arXiv entries found for text-digest papers, kept as an Atom document of
 * the API's own <entry> elements (content/arxiv.atom), by normalised title.
 * A missing file is an empty one.
 */
export async function readEnriched(file: string): Promise<Map<string, PaperSource>> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  const known = new Map<string, PaperSource>();
  if (text === undefined) return known;
  for (const entry of readArxivEntries(file, text)) known.set(paperKey(texText(entry.title)), entry.source!);
  return known;
}

export interface EnrichOptions extends GetOptions {
  papers: readonly Paper[];
  /** The Atom file that holds what was found (read, then rewritten whole). */
  file: string;
  apiUrl?: string;
  /** Seconds between requests; never below ARXIV_DELAY against arXiv itself. */
  delay?: number;
  limit?: number;
  /** The command's pacer, when requests to arXiv came before (see pacer); else one of its own. */
  pace?: Pace;
}

/**
 * Looks up, by exact title, the papers that no source has given an arXiv id,
 * and adds each entry whose normalised title is the paper's to `file`. Nothing
 * is written unless every request succeeded.
 */
export async function enrich({
  papers,
  file,
  apiUrl = ARXIV_API,
  delay = ARXIV_DELAY,
  limit = Infinity,
  pace = pacer(delay),
  progress = () => {},
  ...get
}: EnrichOptions) {
  const known = await readEnriched(file);
  const wanted = papers.filter((p) => !p.source.arxivId && !known.has(p.key)).slice(0, limit);
  const found: Element[] = [];
  const missed: Paper[] = [];
  for (const paper of wanted) {
    const url = new URL(apiUrl);
    // A phrase query on the title's words: arXiv's search trips over quotes and colons.
    url.searchParams.set("search_query", `ti:"${paper.key}"`);
    url.searchParams.set("max_results", "10");
    const body = await pace(url.href, () => getText(url.href, { ...get, progress }));
    const entries = readArxivEntries(url.href, body);
    const match = entries.findIndex((e) => paperKey(texText(e.title)) === paper.key);
    if (match < 0) {
      missed.push(paper);
      progress(`not found  ${paper.title}`);
      continue;
    }
    found.push(entryElements(body)[match]);
    progress(`found      ${entries[match].source!.arxivId}  ${paper.title}`);
  }
  if (found.length > 0) await writeFileAtomic(file, await withEntries(file, found));
  return { looked: wanted.length, found: found.length, missed, known: known.size };
}

const entryElements = (xml: string) =>
  Array.from(new DOMParser().parseFromString(xml, "text/xml").getElementsByTagNameNS(ATOM, "entry"));

/** The enrichment document with `added` entries appended after those it holds. */
async function withEntries(file: string, added: Element[]): Promise<string> {
  const old = await readFile(file, "utf8").catch(() => undefined);
  const entries = [...(old ? entryElements(old) : []), ...added];
  const serializer = new XMLSerializer();
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- arXiv entries found by 'paper-digest enrich' for papers that text digests list without an arXiv id,
     matched by exact (normalised) title. The API's own <entry> elements, verbatim; delete one to look it up again. -->
<feed xmlns="${ATOM}" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>arXiv metadata for paper-digest</title>
${entries.map((e) => `  ${serializer.serializeToString(e)}\n`).join("")}</feed>
`;
}
