// A drawing process's entry: the CLI's bundle when it runs from one (bin/paper-digest.js), else the sources through tsx
// (a child process doesn't inherit the CLI's TypeScript loader).

import { join } from "node:path";
import { pathToFileURL } from "node:url";

const bundle = process.env.PAPER_DIGEST_BUNDLE;
if (bundle) await import(pathToFileURL(join(bundle, "cardWorker.mjs")).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./cardWorker.ts");
}
