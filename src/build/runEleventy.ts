import Eleventy from "@11ty/eleventy";
import { CONTENT_DIR } from "../paths.ts";

const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

/** Renders content/ into `outDir` with .eleventy.js; returns the number of files written. */
export async function runEleventy(outDir: string): Promise<number> {
  const eleventy = new Eleventy(CONTENT_DIR, outDir, { configPath: ".eleventy.js", quietMode: true });
  // Our CLI prints its own progress; Eleventy's errors come back as the thrown error.
  if (!process.env.DEBUG) eleventy.logger.overrideLogger(silent);
  const results = await eleventy.write();
  return results.flat().length;
}
