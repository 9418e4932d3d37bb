import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { runCli, tempDir } from "./cli.ts";

/** Builds a site from a digests folder with the real CLI into a fresh temp folder. */
export async function buildWithCli(digestsDir: string, extra: string[] = []) {
  const out = join(await tempDir("pd-site-"), "site");
  const result = await runCli(["build", "--digests", digestsDir, "--out", out, "--site-url", "https://digest.example.org", ...extra]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
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
