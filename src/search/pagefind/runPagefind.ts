import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";
import { PROJECT_DIR } from "../../config/paths.ts";
import { runProcess } from "../../pipeline/runProcess.ts";
import { atOnce, type Turn } from "../../pipeline/takeTurns.ts";
import type { SearchShard } from "../searchShards.ts";
import { splitSearchIndex } from "./splitSearchIndex.ts";

// Pagefind also writes its ready-made search UIs; the site searches through its API alone.
const UNUSED = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];
// A merged shard needs only its index: the primary's scripts run it.
const PRIMARY_ONLY = ["pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind"];

/**
 * Whether Pagefind's binary runs at all, asked before indexing: the Node API can
 * wait forever on a service that died between two messages. The binary is the
 * one the Node API runs, found as Pagefind's own wrapper finds it (not through the
 * wrapper, a Node process that costs a fifth of a CPU-second to print a version).
 */
export async function checkPagefind() {
  // Not among the package's exports: reached by its path, as the package's own command-line wrapper reaches it.
  const { resolveBinaryPath } = await import(
    pathToFileURL(join(PROJECT_DIR, "node_modules/pagefind/lib/resolveBinary.js")).href
  );
  const binary: string = resolveBinaryPath(["pagefind_extended", "pagefind"]);
  const { code, stdout, stderr } = await runProcess(binary, ["--version"]).catch((err: Error) => ({
    code: 1,
    stdout: "",
    stderr: err.message,
  }));
  if (code !== 0 || !/^pagefind /.test(stdout))
    throw new Error(
      `Pagefind's binary does not run (${(stderr || stdout).trim().split("\n")[0] || `exit status ${code}`})`,
    );
}

/**
 * Indexes one shard with Pagefind's own binary (through its Node API, a
 * process of its own that is closed afterwards, so its memory goes back before
 * the next shard) from the pages' indexed documents (see indexedDocument), and
 * writes it to `<siteDir>/<shard.dir>/` (finishShard does the rest). Pagefind
 * parses the pages on one thread, in little memory; writing the index takes the
 * most (~750 MB for 5,000 papers) and waits for its `turn`. Returns how many
 * pages it holds.
 */
export async function runPagefind(
  siteDir: string,
  shard: SearchShard,
  documentOf: (page: string) => string,
  turn: Turn = atOnce,
) {
  // Pagefind's Node API prints its service's failures (with a stack) itself; the build reports them in one line.
  const quiet = console.error;
  const said: string[] = [];
  console.error = (...args: unknown[]) => said.push(args.map(String).join(" ").split("\n")[0]);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(errors.join("; ") || "Pagefind did not start");
    // In batches: the service answers in order, and thousands of pending messages cost memory. The next batch's
    // documents are read and sent while Pagefind parses this one's (it parses on one thread, leaving a core).
    let sent: Promise<unknown> | undefined;
    for (let i = 0; i < shard.pages.length; i += 200) {
      const batch = shard.pages
        .slice(i, i + 200)
        .map((sourcePath) => index.addHTMLFile({ sourcePath, content: documentOf(sourcePath) }));
      const added = Promise.all(batch).then((all) => {
        const failed = all.find((a) => a.errors.length > 0);
        if (failed) throw new Error(failed.errors.join("; "));
      });
      // Awaited below, or abandoned if the batch before it failed: never unhandled.
      added.catch(() => {});
      await sent;
      sent = added;
    }
    await sent;
    await turn(async () => {
      const written = await index.writeFiles({ outputPath: join(siteDir, shard.dir) });
      if (written.errors.length) throw new Error(written.errors.join("; "));
      // Its memory goes back before the turn ends.
      await pagefind.close();
    });
  } catch (err) {
    throw new Error([String((err as Error)?.message ?? err), ...said].filter(Boolean).join(": "));
  } finally {
    await pagefind.close();
    console.error = quiet;
  }
  return shard.pages.length;
}

/**
 * What a shard's index needs once Pagefind wrote it: its word index cut finer
 * (see splitSearchIndex), Pagefind's unused files removed, and a merged shard
 * pointed at the primary's scripts. Mostly on libuv's threads: the build starts
 * the next shard meanwhile.
 */
export async function finishShard(siteDir: string, shard: SearchShard) {
  const dir = join(siteDir, shard.dir);
  await Promise.all(UNUSED.map((f) => rm(join(dir, f), { force: true })));
  await splitSearchIndex(dir);
  if (shard.dir !== "pagefind") {
    await Promise.all(PRIMARY_ONLY.map((f) => rm(join(dir, f), { force: true })));
    // Pagefind fetches `${basePath}wasm.${entry.wasm}.pagefind`: point every shard at the primary's one
    // file, so a browser downloads the WebAssembly once however many shards it merges.
    const entryFile = join(dir, "pagefind-entry.json");
    const entry = JSON.parse(await readFile(entryFile, "utf8"));
    const up = "../".repeat(shard.dir.split("/").length - 1);
    for (const language of Object.values(entry.languages as Record<string, { wasm?: string }>))
      language.wasm = `_/../${up}wasm.${language.wasm ?? "unknown"}`;
    await writeFile(entryFile, JSON.stringify(entry));
  }
}
