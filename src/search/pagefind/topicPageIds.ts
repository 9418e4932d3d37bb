import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The Pagefind ids (fragment names) of the topic pages in a built index. The
 * search page sets these results apart as topic results, which needs no filter:
 * a filter would make every search download Pagefind's filter index (~20 KB at
 * 10k papers). Topic pages are marked in their fragment's meta.
 */
export function topicPageIds(siteDir: string): string[] {
  const dir = join(siteDir, "pagefind", "fragment");
  const ids: string[] = [];
  for (const name of readdirSync(dir)) {
    // A fragment is gzipped "pagefind_dcd" + JSON; only a topic page's holds the marker.
    const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
    if (text.includes('"kind":"topic"')) ids.push(name.replace(/\.pf_fragment$/, ""));
  }
  return ids.sort();
}
