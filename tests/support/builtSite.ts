import { cp, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { runCli, tempDir } from "./cli.ts";

/** Builds a site from a digests folder with the real CLI into a fresh temp folder. */
export async function buildWithCli(digestsDir: string, extra: string[] = []) {
  const out = join(await tempDir("pd-site-"), "site");
  const result = await runCli([
    "build",
    "--digests",
    digestsDir,
    "--out",
    out,
    "--site-url",
    "https://digest.example.org",
    ...extra,
  ]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return { out, result, page: (url: string) => readPage(out, url) };
}

/**
 * Builds a site as a curator's daily builds do: first without the newest digest,
 * then with it, an incremental build over the first (with a single digest, the
 * second build carries every page over). The tests that hold the site to its
 * quality gates read the result, so they hold incremental builds to them too.
 */
export async function buildIncrementally(digestsDir: string, extra: string[] = []) {
  const work = await tempDir("pd-site-");
  const out = join(work, "site");
  const digests = join(work, "digests");
  const names = (await readdir(digestsDir)).filter((n) => /^\d{4}-\d{2}-\d{2}\./.test(n)).sort();
  const newest = names.length > 1 ? names.at(-1)! : undefined;
  await cp(digestsDir, digests, { recursive: true, filter: (src) => !newest || !src.endsWith(newest) });
  const build = async () => {
    const result = await runCli([
      "build",
      "--digests",
      digests,
      "--out",
      out,
      "--cache",
      join(work, "cache"),
      "--site-url",
      "https://digest.example.org",
      ...extra,
    ]);
    if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    return result;
  };
  await build();
  if (newest) await cp(join(digestsDir, newest), join(digests, newest));
  const result = await build();
  if (!/^cache\s+incremental:/m.test(result.stdout))
    throw new Error(`the second build was not incremental:\n${result.stdout}`);
  return { out, result, page: (url: string) => readPage(out, url) };
}

/** The parsed HTML document a URL of the built site serves. */
export async function readPage(out: string, url: string) {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  const text = await readFile(join(out, file), "utf8");
  return parseHTML(text).document;
}

/** Visible text as a reader sees it: whitespace collapsed. */
export const visible = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
