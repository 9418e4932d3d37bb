import { parseArgs } from "node:util";
import { DEFAULTS, SIZES } from "../config/settings.ts";
import { parseIsoDate } from "../ingest/formats/dateLine.ts";
import { UserError } from "../util/userError.ts";

export const USAGE = `Usage:
  paper-digest build [--digests DIR] [--out DIR] [--site-url URL] [--config FILE] [--topics FILE] [--overrides FILE]
                     [--enriched FILE] [--feed-items ${DEFAULTS.feedItems}] [--cards ${DEFAULTS.cardLimit}] \
[--new-cards ${DEFAULTS.newCards}] [--shard-size ${DEFAULTS.shardSize}] [--cache DIR]
  paper-digest explain SLUG|ARXIV-ID|TITLE WORDS [--digests DIR] [--topics FILE] [--overrides FILE] [--enriched FILE]
  paper-digest check FILE... [--date YYYY-MM-DD]
  paper-digest add FILE [--date YYYY-MM-DD] [--force]
  paper-digest daily [--date YYYY-MM-DD] [--config FILE] [--digests DIR] [--enrich] [--hf-url URL] [--arxiv-url URL]
                     [--arxiv-rss-url URL]
  paper-digest fetch [--date YYYY-MM-DD] [--digests DIR] [--api-url URL] [--force]
  paper-digest enrich [--digests DIR] [--enriched FILE] [--api-url URL] [--delay ${SIZES.arxivDelaySeconds}] [--limit N]
  paper-digest serve [--out DIR] [--port ${SIZES.servePort}]`;

/** A mistake in the command line: one line, then the usage. */
export const usage = (message: string) => new UserError("", 0, `paper-digest: ${message}\n${USAGE}`);

export function args<T extends Record<string, { type: "string" | "boolean" }>>(
  argv: string[],
  options: T,
  positionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
  } catch (err) {
    throw usage((err as Error).message.split("\n")[0]);
  }
}

/** The build's settings (config/settings.ts) that a flag may set, by flag. */
export function dateFlag(value: string | undefined) {
  if (value === undefined) return undefined;
  const date = parseIsoDate(value);
  if (!date) throw usage(`--date must be a date as YYYY-MM-DD, not '${value}'`);
  return date;
}

export function urlFlag(value: string | undefined, flag = "--api-url") {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/]/.test(value)) throw usage(`${flag} must be an http(s) URL, not '${value}'`);
  return value;
}
