import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_DIR } from "../config/paths.ts";
import type { FeedListing, FeedModel, SitemapFile } from "./pageData.ts";

/** Data files that emit wrote for the templates that render whole-site files. */
const read = <T>(name: string): T => JSON.parse(readFileSync(join(GENERATED_DIR, name), "utf8"));

// Read once a run: two templates render from it (3 MB at 10,000 papers).
let feeds: FeedModel[] | undefined;
export const readFeeds = () => (feeds ??= read<FeedModel[]>("feeds.json"));
export const readFeedList = () => read<FeedListing[]>("feedList.json");
export const readOffline = () => read<{ pages: string[] }>("offline.json");
export const readSitemaps = () => read<SitemapFile[]>("sitemaps.json");
