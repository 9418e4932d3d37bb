// Module hooks for an Eleventy process started from the CLI's bundle (see eleventyAhead.mjs): a project
// TypeScript file loads as the bundle compiled it, at its own URL, so that its imports and import.meta.url
// are what they'd be through tsx. With tsx, each Eleventy process took ~0.4 s longer to start (and twice
// the CPU): its hooks saw every one of Eleventy's modules.
import { readFile } from "node:fs/promises";

let project = "";
let compiled = "";

export function initialize(data) {
  ({ project, compiled } = data);
}

export async function load(url, context, next) {
  const path = url.split("?")[0];
  if (!path.startsWith(project) || !path.endsWith(".ts")) return next(url, context);
  const source = await readFile(new URL(`${path.slice(project.length, -3)}.mjs`, compiled), "utf8");
  return { format: "module", source, shortCircuit: true };
}
