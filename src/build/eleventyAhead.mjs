// Preloaded into an Eleventy process started ahead of time (see startEleventy): loads
// Eleventy and the site's plugins and layouts, which takes a second, while the build
// is still emitting pages, then waits for one line on stdin saying what to render.
// Eleventy's CLI runs once this module has finished, and finds what it loaded here cached.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const project = process.cwd();
// The process's main script is Eleventy's cmd.cjs, beside its src/.
const eleventy = dirname(process.argv[1]);
const files = [join(eleventy, "src/Eleventy.js"), join(eleventy, "src/Errors/EleventyErrorHandler.js"), ...["src/site/markdownPlugin.ts", "src/site/sitePlugin.ts", ...readdirSync(join(project, "layouts")).map((f) => `layouts/${f}`)].map((f) => join(project, f))];
for (const file of files) {
  // A file that fails to load is left to Eleventy, which then reports it as it always does.
  await import(pathToFileURL(file).href).catch(() => {});
}

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
