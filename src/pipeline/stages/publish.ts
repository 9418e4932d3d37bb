import { rm } from "node:fs/promises";
import { join } from "node:path";
import {
  type BuildManifest,
  fileStamps,
  forgetManifest,
  VERSION,
  writeManifest,
} from "../../incremental/buildManifest.ts";
import { filesIn } from "../../incremental/planBuild.ts";
import type { BuildConfig } from "../buildConfig.ts";
import { crowdedFolder } from "../crowdedFolder.ts";
import { swapIn, updateInPlace } from "../publishSite.ts";
import { type Stage, StageError } from "../stage.ts";
import type { Cards } from "./cards.ts";
import type { Pages } from "./pages.ts";

/** What publishing records of the build for the next one, besides what `pages` knows. */
export interface Made {
  outputs: ReadonlyMap<string, readonly string[]>;
  index: { files: string[]; documents: BuildManifest["documents"]; keys: BuildManifest["shards"] };
  papersJson: BuildManifest["papersJson"];
}

/**
 * publish: the site built in `temp` put in place (a full build swapped in whole, an incremental one's files
 * moved in and those of pages that are gone removed), and the manifest the next build starts from.
 */
export function publish(config: BuildConfig, stage: Stage, temp: string, pages: Pages, cards: Cards, made: Made) {
  const { previous } = pages.plan;
  return stage(
    "publish",
    async () => {
      // Every file this build wrote; an incremental build's are the changed ones, the rest of the site stays.
      const wrote = filesIn(temp, "");
      const written = new Set(wrote);
      // Files a later build may keep: each page's outputs and the search shards, as they are now. One this
      // build didn't write is one the cache stage (or the shard check) found as the last build left it.
      const later = [...[...made.outputs.values()].flat(), ...made.index.files];
      const files = fileStamps(
        temp,
        later.filter((file) => written.has(file)),
      );
      for (const file of later) if (!files.has(file)) files.set(file, previous!.files.get(file)!);
      // Card paths are URL paths ("/cards/…"); the site's files are relative.
      const cardFiles = [...cards.plan.cards.keys()].map((url) => url.slice(1));
      const site = [...new Set([...wrote, ...later, ...cardFiles])];
      // A folder a host would refuse fails the build here, one line naming it, and the last site stays.
      const crowded = crowdedFolder(site);
      if (crowded) {
        const where = join(config.outDir, crowded.dir);
        const count = crowded.entries.toLocaleString("en-US");
        const limit = crowded.limit.toLocaleString("en-US");
        // The papers' folder has a cure: new papers in a folder a month.
        const cure = crowded.dir === "papers" ? " (set paperMonthsFrom in content/site.yaml to a day to come)" : "";
        const why = `${where} would hold ${count} entries; Netlify refuses a folder of more than ${limit}${cure}`;
        throw new StageError("publish", new Error(why));
      }
      const manifest: BuildManifest = {
        version: VERSION,
        fingerprint: pages.fingerprint,
        out: pages.out,
        pages: pages.hashes,
        outputs: made.outputs,
        documents: made.index.documents,
        shards: made.index.keys,
        files,
        site,
        papersJson: made.papersJson,
      };
      // The old manifest describes the old site: gone before the site changes, so no crash in between leaves it
      // trusted.
      forgetManifest(pages.manifestFile);
      if (previous) {
        const now = new Set(site);
        updateInPlace(
          temp,
          config.outDir,
          wrote,
          previous.site.filter((file) => !now.has(file)),
        );
        await rm(temp, { recursive: true, force: true });
      } else await swapIn(temp, config.outDir);
      writeManifest(pages.manifestFile, manifest);
      return { written: wrote.length, files: later.length, incremental: Boolean(previous) };
    },
    (r) => {
      const how = r.incremental ? `${r.written} files updated in place` : "site swapped in";
      return `${how}, ${r.files} recorded for the next build`;
    },
  );
}
