import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser, parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { readDigestFile } from "../src/ingest/formats/readDigestFile.ts";
import type { DigestEntry } from "../src/model.ts";
import { parseTex, type TexNode } from "../src/tex/parseTex.ts";
import { texText } from "../src/tex/texText.ts";
import { describeInBrowser, useBrowser } from "./support/browser.ts";
import { buildWithCli, visible } from "./support/builtSite.ts";
import { ROOT } from "./support/cli.ts";

// A digest whose titles and abstracts try to become markup, links, scripts,
// template code and YAML; and non-Latin, emoji, right-to-left and colliding titles.
const FIXTURE = join(ROOT, "tests/fixtures/hostile");
let out = "";
let entries: DigestEntry[];
let papers: { slug: string; title: string; abstract: string }[];

/** Every file of the built site under `dir`, relative. */
async function files(dir: string) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/** An abstract as its page shows it, with each formula marked: text nodes as TeX reads them, math as "⟨math⟩". */
const withMathMarked = (source: string) => {
  const text = (nodes: TexNode[]): string =>
    nodes.map((n) => (n.kind === "text" ? n.text : n.kind === "math" ? "⟨math⟩" : text(n.children))).join("");
  return text(parseTex(source));
};

beforeAll(async () => {
  out = (await buildWithCli(FIXTURE)).out;
  entries = (await readDigestFile(join(FIXTURE, "2025-01-02.txt"))).entries;
  papers = JSON.parse(await readFile(join(out, "papers.json"), "utf8")).papers;
});

describe("hostile titles and abstracts", () => {
  it("all build into pages, with distinct slugs for titles that share their first 100 characters", () => {
    expect(papers).toHaveLength(entries.length);
    const long = papers.filter((p) => p.title.startsWith("A Very Long Title"));
    expect(long).toHaveLength(2);
    expect(long[0].title.slice(0, 100)).toBe(long[1].title.slice(0, 100));
    expect(long[0].slug).not.toBe(long[1].slug);
    for (const p of papers) expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it(
    "show their literal text on every paper page, list page and in papers.json (TeX read as Unicode, " +
      "math as MathML)",
    async () => {
      for (const entry of entries) {
        const title = texText(entry.title);
        const paper = papers.find((p) => p.title === title)!;
        expect(paper, entry.title).toBeDefined();
        expect(paper.abstract).toBe(texText(entry.abstract));
        const doc = parseHTML(await readFile(join(out, "papers", paper.slug, "index.html"), "utf8")).document;
        expect(visible(doc.querySelector("h1")?.textContent)).toBe(visible(title));
        // Every word outside math shows as written; each formula is MathML or, when it doesn't parse, its source in
        // <code>.
        const abstract = doc.querySelector(".abstract")!;
        for (const math of abstract.querySelectorAll("math, code.tex")) math.replaceWith(doc.createTextNode("⟨math⟩"));
        expect(visible(abstract.textContent)).toBe(visible(withMathMarked(entry.abstract)));
        expect(doc.querySelector("title")?.textContent).toBe(`${title} · Paper Digest`);
        expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(title);
        expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!).abstract).toBe(
          texText(entry.abstract),
        );
      }
      const home = parseHTML(await readFile(join(out, "index.html"), "utf8")).document;
      expect([...home.querySelectorAll(".paper-item h2")].map((h) => visible(h.textContent))).toEqual(
        entries.map((e) => visible(texText(e.title))),
      );
    },
  );

  it(
    "render TeX attacks inert: no link, style, class of theirs, image or script, and what doesn't parse " +
      "shows as source",
    async () => {
      const paper = papers.find((p) => p.title.startsWith("TeX attacks"))!;
      const doc = parseHTML(await readFile(join(out, "papers", paper.slug, "index.html"), "utf8")).document;
      const article = doc.querySelector("article")!;
      expect(article.querySelectorAll("a[href^='javascript'], [style], img, script, [class='evil']")).toHaveLength(0);
      expect(visible(doc.querySelector("h1")?.textContent)).toContain("\\href{javascript:alert(5)}{click}");
      const abstract = doc.querySelector(".abstract")!;
      expect(abstract.querySelectorAll("math").length).toBeGreaterThan(2);
      expect([...abstract.querySelectorAll("code.tex")].map((c) => c.textContent)).toEqual(
        expect.arrayContaining([
          "\\htmlClass{x}{y}",
          "\\class{evil}{y}",
          "x^{",
          "\\href{javascript:alert(8)}{z}",
          "\\includegraphics{https://evil.example/x.png}",
        ]),
      );
      // The emphasis is ours, and what it holds is text.
      expect(visible(abstract.querySelector("em")?.textContent)).toBe("<img src=x onerror=alert(9)>");
    },
  );

  it("show their literal text in the RSS and JSON feeds", async () => {
    const xml = await readFile(join(out, "feed.xml"), "utf8");
    const rss = parseFeed(xml).toJSON();
    const json = JSON.parse(await readFile(join(out, "feed.json"), "utf8"));
    // Titles are plain text: the XML holds exactly the title.
    const xmlTitles = [...new DOMParser().parseFromString(xml, "text/xml").querySelectorAll("item > title")].map(
      (t) => t.textContent,
    );
    expect(xmlTitles.sort()).toEqual(entries.map((e) => texText(e.title)).sort());
    for (const { title, abstract } of entries.map((e) => ({
      title: texText(e.title),
      abstract: texText(e.abstract),
    }))) {
      const entry = { title, abstract };
      const url = `https://digest.example.org/papers/${papers.find((p) => p.title === entry.title)!.slug}/`;
      const item = rss.items.find((i) => i.url === url);
      expect(item, entry.title).toBeDefined();
      // This parser also decodes HTML entities in titles, as some readers do; only a title
      // that spells out an entity ("&#x3C;") reads differently there.
      if (!/&#?\w+;/.test(entry.title)) expect(item!.title).toBe(entry.title);
      // The parser hands over the description as a reader shows it: the HTML's text.
      expect(item!.description).toBe(entry.abstract);
      const jsonItem = json.items.find((i: { title: string }) => i.title === entry.title);
      expect(jsonItem.content_text).toBe(entry.abstract);
    }
  });

  it(
    "never become a script, an event handler, a javascript: link, or an embedded element anywhere in " + "the site",
    async () => {
      const ours = new Set(["/assets/copy-link.js", "/assets/search.js", "/assets/reading.js", "/assets/offline.js"]);
      const html = (await files(out)).filter((f) => f.endsWith(".html"));
      expect(html.length).toBeGreaterThan(entries.length);
      for (const file of html) {
        const doc = parseHTML(await readFile(join(out, file), "utf8")).document;
        for (const script of doc.querySelectorAll("script")) {
          const src = script.getAttribute("src");
          expect(
            src ? ours.has(src) : script.getAttribute("type") === "application/ld+json",
            `${file}: ${script.outerHTML.slice(0, 80)}`,
          ).toBe(true);
        }
        for (const el of doc.querySelectorAll("*")) {
          for (const attr of el.attributes) {
            expect(attr.name.startsWith("on"), `${file}: ${attr.name}`).toBe(false);
            expect(/^\s*javascript:/i.test(attr.value), `${file}: ${attr.name}=${attr.value}`).toBe(false);
          }
        }
        // Emphasis may only come from TeX (\\emph, \\textbf), never from the text's own tags.
        expect(
          doc.querySelectorAll(
            "body iframe, body img, body style, body object, body embed, main b, main blockquote, main h1 " +
              "a, main [style]",
          ),
        ).toHaveLength(0);
      }
      // Nor in the feeds and sitemap, where the text is escaped XML.
      for (const file of ["feed.xml", "sitemap.xml"])
        expect(await readFile(join(out, file), "utf8")).not.toMatch(/<script|<img|<iframe/i);
    },
  );

  it("never run as template code: the template syntax reaches the page unevaluated", async () => {
    const page = await readFile(
      join(out, "papers", papers.find((p) => p.title.startsWith("{{"))!.slug, "index.html"),
      "utf8",
    );
    expect(page).toContain("{{ 7 * 7 }}");
    expect(page).not.toMatch(/>\s*49 and/);
    expect(page).toContain("{% include &quot;secret.njk&quot; %}");
  });
});

describeInBrowser("hostile text in the browser", () => {
  const browser = useBrowser(() => out);

  it("stays text in search results, and nothing from the input runs", async () => {
    const page = await browser.browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(new URL("/search/?q=attention", browser.url).href);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#search-results h2 a")].some((t) => /Attention/.test(t.textContent ?? "")),
    );
    const titles = await page.$$eval("#search-results h2 a", (els) => els.map((e) => e.textContent?.trim()));
    expect(titles).toContain(entries[0].title);
    // The abstract's markup shows as text in the excerpt, and no element from the input came to life.
    expect(await page.textContent("#search-results")).toContain("<img src=x onerror=alert(1)>");
    expect(await page.$$eval("#search-results *", (els) => [...new Set(els.map((e) => e.tagName))].sort())).toEqual([
      "A",
      "H2",
      "LI",
      "MARK",
      "P",
    ]);
    for (const path of papers.map((p) => `/papers/${p.slug}/`)) await page.goto(new URL(path, browser.url).href);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
