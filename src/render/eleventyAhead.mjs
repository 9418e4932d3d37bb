// Preloaded into an Eleventy process started ahead of time (see startEleventy): loads
// Eleventy and the site's plugins and layouts, which takes ~0.6 s, while the build
// is still emitting pages, then waits for one line on stdin saying what to render.
// Eleventy's CLI runs once this module has finished, and finds what it loaded here cached.
import { existsSync, readdirSync } from "node:fs";
import { register } from "node:module";
import { Socket } from "node:net";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

// The build holds the other end of a pipe (its fd is PAPER_DIGEST_LIFELINE) and never writes to it. When the
// build's process ends, however it ends (kill -9, the out-of-memory killer, a CI timeout), the pipe closes and
// this process ends too, rather than render on into a folder the next build has removed. Only that variable
// names the fd: in a process started without one (the bench's floor), fd 3 may be one of libuv's own.
const lifelineFd = Number(process.env.PAPER_DIGEST_LIFELINE);
if (Number.isInteger(lifelineFd) && lifelineFd > 2) {
  const lifeline = new Socket({ fd: lifelineFd, readable: true, writable: false });
  const orphaned = () => process.exit(1);
  lifeline.on("end", orphaned).on("close", orphaned).on("error", orphaned);
  lifeline.resume();
  lifeline.unref();
}

const project = process.cwd();
// The process's main script is Eleventy's cmd.cjs, beside its src/.
const eleventy = dirname(process.argv[1]);
const load = async (files) => {
  for (const file of files) {
    // A file that fails to load is left to Eleventy, which then reports it as it always does.
    await import(pathToFileURL(file).href).catch(() => {});
  }
};
// Eleventy first, before any TypeScript loader: its modules are plain JavaScript.
await load([join(eleventy, "src/Eleventy.js"), join(eleventy, "src/Errors/EleventyErrorHandler.js")]);
// Then our TypeScript: as the CLI's bundle compiled it (see bin/paper-digest.js), else through tsx (a build run
// from the sources, as the tests do).
const bundle = process.env.PAPER_DIGEST_BUNDLE;
if (bundle && existsSync(join(bundle, "ts"))) {
  register("./eleventyHooks.mjs", import.meta.url, {
    data: { project: pathToFileURL(`${project}/`).href, compiled: pathToFileURL(join(bundle, "ts/")).href },
  });
} else {
  const tsx = await import("tsx/esm/api");
  tsx.register();
}
await load(
  [
    "src/site/markdownPlugin.ts",
    "src/site/sitePlugin.ts",
    ...readdirSync(join(project, "layouts")).map((f) => `layouts/${f}`),
  ].map((f) => join(project, f)),
);

const order = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    text += chunk;
    if (text.includes("\n")) resolve(text.slice(0, text.indexOf("\n")));
  });
  process.stdin.on("end", () => resolve(""));
});
process.stdin.destroy();
// No order: the build stopped before rendering; there is nothing to do.
if (!order) process.exit(0);
Object.assign(process.env, JSON.parse(order));
