import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIncrementally } from "./support/builtSite.ts";
import { ROOT, SEED } from "./support/cli.ts";
import { readersDigests } from "./support/readersDigests.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const SITE = "https://digest.example.org";
const sites: Record<string, string> = {};

beforeAll(async () => {
  sites.seed = (await buildIncrementally(join(SEED, ".."))).out;
  sites.hostile = (await buildIncrementally(join(ROOT, "tests/fixtures/hostile"))).out;
  sites.sources = (await buildIncrementally(await sourcesDigests())).out;
  // Weeks, months, author pages (and an author whose name is markup) over two weeks and two months.
  sites.readers = (await buildIncrementally(await readersDigests())).out;
});

async function htmlFiles(dir: string) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));
}

/** The file a site URL is served from (as a static host maps it), or undefined when it is not ours. */
function fileFor(out: string, url: string, from = "/") {
  const resolved = new URL(url, `${SITE}${from}`);
  if (resolved.origin !== SITE) return undefined;
  const path = decodeURIComponent(resolved.pathname);
  return { file: join(out, path.endsWith("/") ? `${path}index.html` : path), hash: resolved.hash.slice(1) };
}

for (const name of ["seed", "hostile", "sources", "readers"]) {
  describe(`the ${name} site`, () => {
    it("passes html-validate's standard rules on every page", async () => {
      const validator = new HtmlValidate(JSON.parse(await readFile(join(ROOT, ".htmlvalidate.json"), "utf8")));
      const files = await htmlFiles(sites[name]);
      expect(files.length).toBeGreaterThan(name === "hostile" || name === "readers" ? 30 : 90);
      const problems: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(file);
        for (const result of report.results)
          for (const m of result.messages)
            problems.push(`${file.slice(sites[name].length)}:${m.line}: ${m.message} (${m.ruleId})`);
      }
      expect(problems).toEqual([]);
    });

    it("has no broken internal link, anchor or asset on any page", async () => {
      const out = sites[name];
      const broken: string[] = [];
      const ids = new Map<string, Set<string>>();
      const idsOf = async (file: string) => {
        if (!ids.has(file))
          ids.set(
            file,
            new Set([...parseHTML(await readFile(file, "utf8")).document.querySelectorAll("[id]")].map((e) => e.id)),
          );
        return ids.get(file)!;
      };
      for (const file of await htmlFiles(out)) {
        const page = file.slice(out.length).replace(/index\.html$/, "");
        const doc = parseHTML(await readFile(file, "utf8")).document;
        for (const el of doc.querySelectorAll("a[href], link[href], script[src], img[src], form[action]")) {
          const url = el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action")!;
          const target = fileFor(out, url, page);
          if (!target) continue;
          if (!existsSync(target.file)) broken.push(`${page} → ${url}`);
          else if (target.hash && target.file.endsWith(".html") && !(await idsOf(target.file)).has(target.hash))
            broken.push(`${page} → ${url} (no such anchor)`);
        }
      }
      expect(broken).toEqual([]);
    });

    it("has a file behind every URL in its feeds, sitemap and papers.json", async () => {
      const out = sites[name];
      const texts = ["feed.xml", "feed.json", "weekly.xml", "feeds.opml", "sitemap.xml", "papers.json"];
      const urls = new Set<string>();
      for (const t of texts)
        for (const [url] of (await readFile(join(out, t), "utf8")).matchAll(new RegExp(`${SITE}/[^\\s"<>&]*`, "g")))
          urls.add(url);
      const json = JSON.parse(await readFile(join(out, "papers.json"), "utf8"));
      expect(urls.size).toBeGreaterThanOrEqual(json.papers.length);
      const missing = [...urls].filter((u) => !existsSync(fileFor(out, u)!.file));
      expect(missing).toEqual([]);
    });
  });
}
