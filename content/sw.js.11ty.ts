import { readdirSync, readFileSync } from "node:fs";
import { readOffline } from "../src/site/generatedData.ts";
import { shortHash } from "../src/util/shortHash.ts";

/** /sw.js: the service worker (content/offline/sw.js) with what this build gives it to cache. */
export const data = { permalink: "/sw.js", eleventyExcludeFromCollections: true };

export function render(): string {
  const assets = readdirSync("content/assets").sort();
  const shell = ["/", "/offline/", "/favicon.svg", "/manifest.webmanifest", ...assets.map((f) => `/assets/${f}`)];
  const body = readFileSync("content/offline/sw.js", "utf8");
  const newest = readOffline().pages;
  // A new version whenever what it caches changes: the assets' bytes, the newest pages, the worker itself.
  const version = shortHash(
    [body, ...newest, ...assets.map((f) => readFileSync(`content/assets/${f}`, "utf8"))].join("\n"),
  );
  return `const VERSION = ${JSON.stringify(version)};
const SHELL = ${JSON.stringify(shell)};
const NEWEST = ${JSON.stringify(newest)};

${body}`;
}
