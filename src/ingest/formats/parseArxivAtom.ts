import { DOMParser, type Element } from "@xmldom/xmldom";
import type { DateTime } from "luxon";
import { z } from "zod";
import type { Digest, DigestEntry, PaperSource } from "../../model.ts";
import { UserError } from "../../util/userError.ts";
import { arxivLinks, readArxivId } from "./arxivId.ts";
import { isoDay } from "./dateLine.ts";
import { oneLine, plainText } from "./plainText.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const ARXIV = "http://arxiv.org/schemas/atom";

/** An <entry> as we read it, checked before it becomes a paper. */
const Entry = z.object({
  id: z
    .string()
    .refine((s) => readArxivId(s), "<id> is not an arXiv abstract URL (such as http://arxiv.org/abs/2501.00656v1)"),
  title: z.string().refine((s) => s.trim() !== "", "<title> is missing or empty"),
  summary: z.string().refine((s) => s.trim() !== "", "<summary> is missing or empty"),
});

/** Parses an arXiv API (Atom) response, kept verbatim: a digest of the entries it lists. */
export function parseArxivAtom(file: string, source: string, date: DateTime | undefined): Digest {
  const entries = readArxivEntries(file, source);
  if (!date) throw new UserError(file, 1, "no date for this arXiv file: name it YYYY-MM-DD.atom or pass --date");
  if (entries.length === 0) throw new UserError(file, 1, "no <entry> in this response");
  return { file, date, entries };
}

/** Every <entry> of an arXiv Atom document as a digest entry with its source fields. */
export function readArxivEntries(file: string, source: string): DigestEntry[] {
  let failure: { message: string; line: number } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === "warning" || failure) return;
      failure = {
        message: message.split("\n")[0].replace(/^\[xmldom \w+\]\s*/, ""),
        line: (context as { locator?: { lineNumber?: number } })?.locator?.lineNumber ?? 1,
      };
    },
  });
  // A fatal error both reaches onError and throws: the first report is the one to show.
  const doc = (() => {
    try {
      return parser.parseFromString(source, "text/xml");
    } catch (err) {
      failure ??= { message: (err as Error).message.split("\n")[0], line: 1 };
      return undefined;
    }
  })();
  if (failure || !doc)
    throw new UserError(file, failure?.line ?? 1, `not valid XML: ${failure?.message ?? "unreadable"}`);
  const feed = doc.documentElement;
  if (feed?.localName !== "feed" || feed.namespaceURI !== ATOM)
    throw new UserError(file, 1, "not an Atom feed (no <feed> in the Atom namespace)");

  return children(feed, ATOM, "entry").map((entry) => {
    const line = entry.lineNumber ?? 1;
    const read = {
      id: textOf(entry, ATOM, "id"),
      title: textOf(entry, ATOM, "title"),
      summary: textOf(entry, ATOM, "summary"),
    };
    // The API reports a bad query as an entry whose id points at its error page.
    if (/arxiv\.org\/api\/errors/.test(read.id))
      throw new UserError(file, line, `the arXiv API answered with an error: ${oneLine(read.summary)}`);
    const checked = Entry.safeParse(read);
    if (!checked.success) throw new UserError(file, line, `entry ${checked.error.issues[0].message}`);
    return {
      title: plainText(file, line, read.title),
      abstract: plainText(file, line, read.summary),
      line,
      source: entrySource(entry, read.id),
    };
  });
}

function entrySource(entry: Element, idText: string): PaperSource {
  const { id, version } = readArxivId(idText)!;
  const authors = children(entry, ATOM, "author")
    .map((a) => oneLine(textOf(a, ATOM, "name")))
    .filter(Boolean);
  const primary = children(entry, ARXIV, "primary_category")[0]?.getAttribute("term") ?? undefined;
  const terms = children(entry, ATOM, "category")
    .map((c) => c.getAttribute("term") ?? "")
    .filter((t) => /^[\w.-]+$/.test(t));
  const categories = [...new Set([...(primary ? [primary] : []), ...terms])];
  const optional = (name: string) => oneLine(textOf(entry, ARXIV, name)) || undefined;
  const [comment, journalRef, doi] = [optional("comment"), optional("journal_ref"), optional("doi")];
  const published = isoDay(textOf(entry, ATOM, "published"));
  return {
    arxivId: id,
    ...(version ? { version } : {}),
    ...(authors.length ? { authors } : {}),
    ...(published ? { published } : {}),
    ...(primary ? { primaryCategory: primary } : {}),
    ...(categories.length ? { categories } : {}),
    ...(comment ? { comment } : {}),
    ...(journalRef ? { journalRef } : {}),
    ...(doi ? { doi } : {}),
    // The feed's own links carry a version and plain http: the unversioned https ones stay current.
    links: arxivLinks(id),
  };
}

const children = (parent: Element, ns: string, name: string) =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns,
  );

const textOf = (parent: Element, ns: string, name: string) => children(parent, ns, name)[0]?.textContent ?? "";
