#!/usr/bin/env node
// The CLI is TypeScript, with no build step to forget. Loaded through tsx, module by module, it took
// 1.4 s to start; bundled by esbuild into one file (0.1 s, once per version of the sources) it starts in
// half that. The bundle is kept under node_modules/.cache, named by a hash of the sources, so an edited
// source is never run stale. Should bundling fail, tsx runs the sources as they are.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const project = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(project, "src");

/**
 * The TypeScript an Eleventy process loads: the sources, the layouts and the site-wide templates (relative to the
 * project). */
function typeScript() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(project, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (!entry.isDirectory()) entry.name.endsWith(".ts") && files.push(path);
      else if (!NOT_OURS.has(path)) walk(path);
    }
  };
  for (const dir of ["src", "layouts", "content"]) walk(dir);
  return files.sort();
}
// content/ holds templates a curator may add, beside the build's own pages and the digests (tens of thousands of
// files).
const NOT_OURS = new Set(["content/generated", "content/digests"]);

/**
 * The bundle's folder for the sources as they are now: the CLI (cli.mjs), the card drawing process
 * (cardWorker.mjs), and each TypeScript file Eleventy loads, compiled on its own (ts/, see eleventyAhead.mjs).
 */
async function bundle() {
  // This file too: how it bundles is part of what the bundle is.
  const hash = createHash("sha256")
    .update(`${process.version} ${project}\n`)
    .update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of readdirSync(src, { recursive: true }).sort()) {
    const path = join(src, file);
    if (statSync(path).isFile()) hash.update(`${file}\n`).update(readFileSync(path));
  }
  const compiled = typeScript();
  for (const file of compiled.filter((f) => !f.startsWith("src")))
    hash.update(`${file}\n`).update(readFileSync(join(project, file)));
  const dir = join(project, "node_modules/.cache/paper-digest", hash.digest("hex").slice(0, 16));
  if (statSync(join(dir, "cli.mjs"), { throwIfNoEntry: false })) return dir;
  const { build } = await import("esbuild");
  // Built beside, then renamed: two commands starting at once never load half a bundle.
  const temp = `${dir}.${process.pid}.tmp`;
  mkdirSync(temp, { recursive: true });
  await build({
    entryPoints: { cli: join(src, "cli/main.ts"), cardWorker: join(src, "cards/cardWorker.ts") },
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    // Pure-JavaScript packages go into the bundle too: loaded file by file from node_modules they added ~0.13 s
    // to every command's start (--help 0.43 → 0.30 s). Those with native code or files of their own stay outside.
    external: ["pagefind", "@resvg/resvg-js", "satori", "esbuild", "tsx"],
    // ES module builds where a package has them (jsonc-parser's UMD one requires its files at run time).
    mainFields: ["module", "main"],
    // Bundled CommonJS packages may require Node's own modules.
    banner: {
      js:
        'import { createRequire as __createRequire } from "node:module"; ' +
        "const require = __createRequire(import.meta.url);",
    },
    // One file holds every module: each module's own URL would be the bundle's. The sources only use it to find
    // the project (and packages from it), which the URL of any file one folder down in src/ (as config/paths.ts is)
    // gives.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(src, "cli/main.ts")).href) },
    logLevel: "silent",
  });
  // File by file, imports as they are: an Eleventy process loads each from its own URL, as it would through tsx.
  await build({
    entryPoints: compiled.map((f) => join(project, f)),
    outdir: join(temp, "ts"),
    outbase: project,
    outExtension: { ".js": ".mjs" },
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    logLevel: "silent",
  });
  try {
    renameSync(temp, dir);
  } catch (err) {
    if (!statSync(join(dir, "cli.mjs"), { throwIfNoEntry: false })) throw err;
  }
  // Bundles of earlier sources, but for those of the last hour (a build started from one may still load its card
  // drawing process).
  for (const name of readdirSync(dirname(dir))) {
    const old = join(dirname(dir), name);
    if (old !== dir && (statSync(old, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 3_600_000)
      rmSync(old, { recursive: true, force: true });
  }
  return dir;
}

let cli;
try {
  const dir = await bundle();
  // The card drawing processes load their bundle too (see src/cards/cardProcess.mjs).
  process.env.PAPER_DIGEST_BUNDLE = dir;
  cli = pathToFileURL(join(dir, "cli.mjs")).href;
} catch {
  const { register } = await import("tsx/esm/api");
  register();
  cli = new URL("../src/cli/main.ts", import.meta.url).href;
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
