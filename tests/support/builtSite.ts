import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { runCli, tempDir } from "./cli.ts";

type Built = { out: string; result: Awaited<ReturnType<typeof runCli>> };
type Site = Built & { page: (url: string) => ReturnType<typeof readPage> };

/**
 * A site built once a test run for every test file that builds the same digests (by content) the same way,
 * and only reads it; the folder is the run's (tests/support/globalSetup.ts). Without one, built each time.
 */
async function shared(how: string, digestsDir: string, extra: string[], build: () => Promise<Built>): Promise<Site> {
  const root = process.env.PAPER_DIGEST_TEST_SITES;
  const withPage = (b: Built) => ({ ...b, page: (url: string) => readPage(b.out, url) });
  // A caller that passes its own --cache is testing what builds reuse: its builds are its own.
  if (!root || extra.includes("--cache")) return withPage(await build());
  const hash = createHash("sha256").update(`${how}\n${JSON.stringify(extra)}\n`);
  for (const name of (await readdir(digestsDir)).sort()) {
    hash.update(`${name}\n`).update(await readFile(join(digestsDir, name)));
  }
  const record = join(root, `${hash.digest("hex").slice(0, 16)}.json`);
  const done = await readFile(record, "utf8").then(JSON.parse, () => undefined);
  if (done) return withPage(done);
  const built = await build();
  await mkdir(root, { recursive: true });
  await writeFile(record, JSON.stringify({ out: built.out, result: built.result }));
  return withPage(built);
}

/**
 * Builds a site from a digests folder with the real CLI (or reads the one this test run built alike: see
 * shared). Read it, don't change it.
 */
export function buildWithCli(digestsDir: string, extra: string[] = []) {
  return shared("full", digestsDir, extra, () => buildOnce(digestsDir, extra));
}

async function buildOnce(digestsDir: string, extra: string[]): Promise<Built> {
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
  return { out, result };
}

/**
 * Builds a site as a curator's daily builds do: first without the newest digest,
 * then with it, an incremental build over the first (with a single digest, the
 * second build carries every page over). The tests that hold the site to its
 * quality gates read the result, so they hold incremental builds to them too.
 */
export function buildIncrementally(digestsDir: string, extra: string[] = []) {
  return shared("incremental", digestsDir, extra, () => buildTwice(digestsDir, extra));
}

async function buildTwice(digestsDir: string, extra: string[]): Promise<Built> {
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
  return { out, result };
}

/** The parsed HTML document a URL of the built site serves. */
export async function readPage(out: string, url: string) {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  const text = await readFile(join(out, file), "utf8");
  return parseHTML(text).document;
}

/** Visible text as a reader sees it: whitespace collapsed. */
export const visible = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
