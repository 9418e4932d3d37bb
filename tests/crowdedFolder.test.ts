// Netlify refuses a deploy with more than 54,000 entries in one folder: a build finds such a folder first.
import { expect, it } from "vitest";
import { crowdedFolder } from "../src/pipeline/crowdedFolder.ts";

it("finds the fullest folder past the limit, counting files and folders alike, at every depth", () => {
  const papers = Array.from({ length: 5 }, (_, i) => `papers/p${i}/index.html`);
  const site = ["index.html", "feed.xml", ...papers, "cards/papers/p0.png", "cards/home.png"];
  expect(crowdedFolder(site, 5)).toBeUndefined();
  expect(crowdedFolder(site, 4)).toEqual({ dir: "papers", entries: 5, limit: 4 });
  expect(crowdedFolder([...site, "a.txt", "b.txt"], 4)).toEqual({ dir: "", entries: 6, limit: 4 });
  expect(crowdedFolder(["a/b/c/1", "a/b/c/2", "a/b/c/3"], 2)).toEqual({ dir: "a/b/c", entries: 3, limit: 2 });
});
