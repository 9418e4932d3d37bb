import { DOMParser, type Element } from "@xmldom/xmldom";
import { DateTime } from "luxon";
import { UserError } from "../../util/userError.ts";
import { readArxivId } from "./arxivId.ts";
import { oneLine } from "./plainText.ts";

const ARXIV = "http://arxiv.org/schemas/atom";

/** One paper of a day's listing, as the feed gives it. */
export interface ListedPaper {
  /** Without its version: "2503.09185". */
  id: string;
  title: string;
  abstract: string;
  /** new, cross, replace or replace-cross. */
  announceType: string;
}

/** A day's listing: the day it announces (YYYY-MM-DD, its own calendar day) and its papers, in listing order. */
export interface Listing {
  day: string;
  papers: ListedPaper[];
}

/**
 * Reads arXiv's listing feed (RSS 2.0, rss.arxiv.org/rss/<categories>). The day is the channel's pubDate as
 * the feed writes it ("Thu, 13 Mar 2025 00:00:00 -0400" is 13 March), never the clock, so a recorded feed is
 * its own day; days without announcements give a channel with no items.
 */
export function parseArxivRss(url: string, text: string): Listing {
  const channel = rssChannel(url, text);
  const stamp = textOf(channel, "pubDate") || textOf(channel, "lastBuildDate");
  const when = DateTime.fromRFC2822(stamp.trim(), { setZone: true });
  if (!when.isValid) throw new UserError(url, 1, "the listing doesn't say which day it announces (no pubDate)");
  const papers = children(channel, "item").map((item) => listedPaper(url, item));
  return { day: when.toISODate()!, papers };
}

function listedPaper(url: string, item: Element): ListedPaper {
  const description = textOf(item, "description");
  const id =
    readArxivId(textOf(item, "link"))?.id ??
    readArxivId(textOf(item, "guid").replace(/^oai:arXiv\.org:/i, ""))?.id ??
    readArxivId(/arXiv:(\S+)/.exec(description)?.[1] ?? "")?.id;
  if (!id) throw new UserError(url, item.lineNumber ?? 1, "an item of the listing has no arXiv id");
  const declared = Array.from(item.getElementsByTagNameNS(ARXIV, "announce_type"))[0]?.textContent ?? "";
  const inferred = /Announce Type:\s*([a-z-]+)/i.exec(description)?.[1] ?? "";
  return {
    id,
    title: oneLine(textOf(item, "title")),
    abstract: oneLine(description.replace(/^[\s\S]*?Abstract:\s*/, "")),
    announceType: (declared || inferred).trim().toLowerCase(),
  };
}

function rssChannel(url: string, text: string): Element {
  let failure: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") failure ??= message.split("\n")[0].replace(/^\[xmldom \w+\]\s*/, "");
    },
  });
  let doc: ReturnType<DOMParser["parseFromString"]> | undefined;
  try {
    doc = parser.parseFromString(text, "text/xml");
  } catch (err) {
    failure ??= (err as Error).message.split("\n")[0];
  }
  if (failure || !doc) throw new UserError(url, 1, `not valid XML: ${failure ?? "unreadable"}`);
  const channel = doc.documentElement?.localName === "rss" ? children(doc.documentElement, "channel")[0] : undefined;
  if (!channel) throw new UserError(url, 1, "not an RSS listing (no <rss><channel>)");
  return channel;
}

/** An RSS element's children of a name, in no namespace. */
const children = (parent: Element, name: string) =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name && !(n as Element).namespaceURI,
  );

const textOf = (parent: Element, name: string) => children(parent, name)[0]?.textContent ?? "";
