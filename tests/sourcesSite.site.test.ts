import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWithCli, visible } from "./support/builtSite.ts";
import { SEED } from "./support/cli.ts";
import { LONG_AUTHORS, sourcesDigests, WITH_MATH } from "./support/sourcesDigests.ts";

// The bundled text digest, the same day's Daily Papers JSON and the next day's arXiv Atom, built together.
let site: Awaited<ReturnType<typeof buildWithCli>>;
let seedSlugs: string[];
// biome-ignore lint/suspicious/noExplicitAny: papers.json read as the reader's JSON, field by field.
let papers: Record<string, any>[];
const meta = (doc: Document, name: string) =>
  [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute("content"));

beforeAll(async () => {
  const seedSite = await buildWithCli(join(SEED, ".."));
  seedSlugs = JSON.parse(await readFile(join(seedSite.out, "papers.json"), "utf8")).papers.map(
    (p: { slug: string }) => p.slug,
  );
  site = await buildWithCli(await sourcesDigests());
  papers = JSON.parse(await readFile(join(site.out, "papers.json"), "utf8")).papers;
});

describe("a site built from text, Daily Papers and arXiv digests", () => {
  it("keeps every text paper's URL and gives the imported ones a page each", () => {
    const slugs = papers.map((p) => p.slug);
    expect(slugs.slice(0, seedSlugs.length)).toEqual(seedSlugs);
    expect(slugs).toHaveLength(seedSlugs.length + 3);
    expect(site.result.stdout).toMatch(/merge\s+72 papers, 5 with an arXiv id/);
  });

  it("shows every author, the long list folded after ten with a way to show all", async () => {
    const doc = await site.page(LONG_AUTHORS);
    const authors = [...doc.querySelectorAll(".authors .author")].map((a) => a.textContent);
    expect(authors).toHaveLength(40);
    expect(authors.slice(0, 3)).toEqual(["Team OLMo", "Pete Walsh", "Luca Soldaini"]);
    expect(doc.querySelectorAll(".authors > .author")).toHaveLength(10);
    expect(visible(doc.querySelector(".authors details summary")?.textContent)).toBe("and 30 more authors");
  });

  it("links the paper itself: arXiv, PDF, Hugging Face, code and project page", async () => {
    const doc = await site.page(LONG_AUTHORS);
    const links = Object.fromEntries(
      [...doc.querySelectorAll(".paper-links a")].map((a) => [a.textContent, a.getAttribute("href")]),
    );
    expect(links).toEqual({
      arXiv: "https://arxiv.org/abs/2501.00656",
      PDF: "https://arxiv.org/pdf/2501.00656",
      "Hugging Face": "https://huggingface.co/papers/2501.00656",
      Code: "https://github.com/allenai/OLMo",
      "Project page": "https://allenai.org/olmo",
    });
    expect(visible(doc.querySelector(".facts")?.textContent)).toBe(
      "Published 31 December 2024 · 57 upvotes on Hugging Face · 5,213 stars on GitHub",
    );
  });

  it("gives an arXiv-style BibTeX entry as selectable text, and Google Scholar's citation tags", async () => {
    const doc = await site.page("/papers/focal-loss-for-dense-object-detection/");
    const bib = doc.querySelector(".cite pre")?.textContent ?? "";
    expect(bib).toMatch(/^@misc\{lin2017focal,\n/);
    for (const field of [
      "title={Focal Loss for Dense Object Detection}",
      "author={Tsung-Yi Lin and Priya Goyal and Ross Girshick and Kaiming He and Piotr Dollár}",
      "year={2017}",
      "eprint={1708.02002}",
      "archivePrefix={arXiv}",
      "primaryClass={cs.CV}",
      "url={https://arxiv.org/abs/1708.02002}",
    ]) {
      expect(bib).toContain(field);
    }
    expect(meta(doc, "citation_author")).toEqual([
      "Tsung-Yi Lin",
      "Priya Goyal",
      "Ross Girshick",
      "Kaiming He",
      "Piotr Dollár",
    ]);
    expect(meta(doc, "citation_arxiv_id")).toEqual(["1708.02002"]);
    expect(meta(doc, "citation_pdf_url")).toEqual(["https://arxiv.org/pdf/1708.02002"]);
    expect(meta(doc, "citation_publication_date")).toEqual(["2017/08/07"]);
    expect(meta(doc, "citation_doi")).toEqual(["10.1109/TPAMI.2018.2858826"]);
    const notes = Object.fromEntries(
      [...doc.querySelectorAll(".notes dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(notes).toEqual({
      Comment: "ICCV 2017",
      "Journal reference": "IEEE Transactions on Pattern Analysis and Machine Intelligence 2018",
    });
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.author.map((a: { name: string }) => a.name).at(-1)).toBe("Piotr Dollár");
    expect(ld.identifier).toEqual({ "@type": "PropertyValue", propertyID: "arXiv", value: "1708.02002" });
    expect(ld.sameAs).toContain("https://arxiv.org/abs/1708.02002");
  });

  it(
    "renders math as MathML on the page, with its styles, and as TeX source in feeds, search text and " + "papers.json",
    async () => {
      const doc = await site.page(WITH_MATH);
      const maths = [...doc.querySelectorAll(".abstract math")];
      expect(maths.length).toBeGreaterThanOrEqual(4);
      expect(maths.some((m) => m.querySelector("msup"))).toBe(true);
      expect(doc.querySelector('link[rel="stylesheet"][href="/assets/math.css"]')).not.toBeNull();
      expect(doc.querySelectorAll("[style]")).toHaveLength(0);
      const flash = papers.find((p) => p.arxivId === "2205.14135")!;
      expect(flash.abstract).toContain("costs O(n^2) memory in the sequence length n");
      expect(flash.abstract).toContain("3× speedup on GPT-2");
      expect(flash.abstract).toContain("IO-aware – accounting");
      const description = doc.querySelector('meta[name="description"]')?.getAttribute("content");
      expect(description).not.toMatch(/[$\\<]/);
      const json = JSON.parse(await readFile(join(site.out, "feed.json"), "utf8"));
      expect(json.items.find((i: { id: string }) => i.id.endsWith(WITH_MATH)).content_text).toBe(flash.abstract);
      // What Pagefind indexed for the page (its fragment, in whichever shard: gzip, a signature, then JSON).
      const fragmentFiles = (await readdir(join(site.out, "pagefind"), { recursive: true })).filter((f) =>
        f.endsWith(".pf_fragment"),
      );
      const fragments = await Promise.all(
        fragmentFiles.map(async (f) =>
          JSON.parse(
            gunzipSync(await readFile(join(site.out, "pagefind", f)))
              .toString("utf8")
              .replace(/^pagefind_dcd/, ""),
          ),
        ),
      );
      const indexed = fragments.find((f) => f.url === WITH_MATH).content;
      expect(indexed).toContain("costs O(n^2) memory");
      expect(indexed).toContain("Tri Dao");
      expect(indexed.match(/costs O\(n/g)).toHaveLength(1);
    },
  );

  it("offers 'Find this paper' searches only for papers no source identified", async () => {
    const text = await site.page(`/papers/${seedSlugs[0]}/`);
    const links = [...text.querySelectorAll(".find a")].map((a) => a.getAttribute("href")!);
    expect(links.map((l) => new URL(l).host)).toEqual([
      "arxiv.org",
      "www.semanticscholar.org",
      "scholar.google.com",
      "huggingface.co",
    ]);
    const title = text.querySelector("h1")!.textContent!;
    expect(new URL(links[1]).searchParams.get("q")).toBe(title);
    expect(text.querySelector(".paper-links, .cite")).toBeNull();
    expect((await site.page(LONG_AUTHORS)).querySelector(".find")).toBeNull();
  });

  it("names authors and the arXiv page in both feeds", async () => {
    const xml = await readFile(join(site.out, "feed.xml"), "utf8");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const item = [...doc.querySelectorAll("item")].find(
      (i) => i.querySelector("title")?.textContent === "Graph Attention Networks",
    )!;
    expect([...item.getElementsByTagName("dc:creator")].map((c) => c.textContent)).toEqual([
      "Petar Veličković",
      "Guillem Cucurull",
      "Arantxa Casanova",
      "Adriana Romero",
      "Pietro Liò",
      "Yoshua Bengio",
    ]);
    const parsed = parseFeed(xml)
      .toJSON()
      .items.find((i) => i.title === "Graph Attention Networks")!;
    expect(parsed.authors.map((a) => a.name)).toContain("Petar Veličković");
    const json = JSON.parse(await readFile(join(site.out, "feed.json"), "utf8"));
    const gat = json.items.find((i: { title: string }) => i.title === "Graph Attention Networks");
    expect(gat.authors).toHaveLength(6);
    expect(gat.external_url).toBe("https://arxiv.org/abs/1710.10903");
  });

  it("carries the new fields in papers.json", () => {
    const gat = papers.find((p) => p.title === "Graph Attention Networks")!;
    expect(gat).toMatchObject({
      arxivId: "1710.10903",
      version: 3,
      published: "2017-10-30",
      primaryCategory: "stat.ML",
      comment: "To appear at ICLR 2018. 12 pages, 2 figures",
    });
    expect(gat.authors).toHaveLength(6);
    const olmo = papers.find((p) => p.slug === "2-olmo-2-furious")!;
    expect(olmo.snapshots).toEqual([{ date: "2025-03-13", upvotes: 57, stars: 5213 }]);
    expect(olmo.links.code).toBe("https://github.com/allenai/OLMo");
  });
});
