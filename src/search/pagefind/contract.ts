import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { chunkList, isWordChunk } from "./indexChunks.ts";

/**
 * The one Pagefind release whose private files this folder reads and writes (FORMAT.md lists them).
 * package.json pins exactly this version; the contract test fails when the installed one differs, or
 * when an index it writes is not in these formats.
 */
export const PAGEFIND_VERSION = "1.6.0";

const SIGNATURE = "pagefind_dcd";

/**
 * What is not as this code expects in a Pagefind index folder (one shard): the entry file, each language's
 * metadata and its list of word chunks, every chunk, and the fragments' signature. Empty when all is well.
 * Each problem names its file.
 */
export function formatProblems(dir: string): string[] {
  const problems: string[] = [];
  const entryFile = join(dir, "pagefind-entry.json");
  let entry: { version?: unknown; languages?: Record<string, { hash?: unknown; page_count?: unknown }> };
  try {
    entry = JSON.parse(readFileSync(entryFile, "utf8"));
  } catch (err) {
    return [`pagefind-entry.json: not readable as JSON (${(err as Error).message})`];
  }
  if (typeof entry.version !== "string") problems.push("pagefind-entry.json: no version");
  const languages = Object.entries(entry.languages ?? {});
  if (languages.length === 0) problems.push("pagefind-entry.json: no languages");
  for (const [language, info] of languages) {
    if (typeof info.hash !== "string" || typeof info.page_count !== "number") {
      problems.push(`pagefind-entry.json: language ${language} has no hash or page_count`);
      continue;
    }
    problems.push(...metaProblems(dir, `pagefind.${info.hash}.pf_meta`));
  }
  problems.push(...fragmentProblems(dir));
  return problems;
}

/** A language's metadata: signed CBOR whose third item lists the word chunks, each of which must be one. */
function metaProblems(dir: string, metaName: string): string[] {
  const meta = readGzipped(join(dir, metaName));
  if (!meta) return [`${metaName}: missing or not gzipped`];
  const list = chunkList(meta);
  if (!list) return [`${metaName}: not Pagefind's metadata as indexChunks reads it`];
  const problems: string[] = [];
  for (const [, , hash] of list.chunks) {
    const name = `index/${hash}.pf_index`;
    const chunk = readGzipped(join(dir, name));
    if (!chunk) problems.push(`${name}: missing or not gzipped`);
    else if (!isWordChunk(chunk)) problems.push(`${name}: not a word chunk as indexChunks reads it`);
  }
  return problems;
}

/** Fragments (one per page), which topicPageIds reads: signed JSON. */
function fragmentProblems(dir: string): string[] {
  const fragments = join(dir, "fragment");
  if (!existsSync(fragments)) return [];
  const problems: string[] = [];
  for (const name of readdirSync(fragments)) {
    const bytes = readGzipped(join(fragments, name));
    const text = bytes ? Buffer.from(bytes).toString("utf8") : "";
    if (!text.startsWith(SIGNATURE)) problems.push(`fragment/${name}: not signed JSON`);
    else if (!isJson(text.slice(SIGNATURE.length))) problems.push(`fragment/${name}: not JSON after its signature`);
  }
  return problems;
}

function readGzipped(file: string): Uint8Array | undefined {
  try {
    return gunzipSync(readFileSync(file));
  } catch {
    return undefined;
  }
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
