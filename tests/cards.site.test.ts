import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decode } from "fast-png";
import { beforeAll, describe, expect, it } from "vitest";
import { type Card, drawCard } from "../src/cards/drawCard.ts";
import { planCards } from "../src/cards/planCards.ts";
import { cardKey, placeCards } from "../src/cards/renderCards.ts";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { mergeDigests } from "../src/ingest/merge/mergeDigests.ts";
import { buildWithCli, readPage } from "./support/builtSite.ts";
import { tempDir } from "./support/cli.ts";
import { sourcesDigests } from "./support/sourcesDigests.ts";

const SITE = "https://digest.example.org";
let out = "";
let cache = "";
let digests = "";

/** Every HTML page of a built site, by URL. */
async function pages(dir: string) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".html"));
  return files.map((f) => `/${f}`.replace(/index\.html$/, ""));
}

/** Decoded RGBA pixels, and how many differ clearly from the card's background. */
function inked(png: Buffer, region = { x: 0, y: 0, w: 1200, h: 630 }) {
  const image = decode(png);
  let dark = 0;
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const i = (y * image.width + x) * image.channels;
      if (image.data[i] + image.data[i + 1] + image.data[i + 2] < 300) dark++;
    }
  }
  return { image, dark };
}

beforeAll(async () => {
  digests = await sourcesDigests();
  cache = await tempDir("pd-cache-");
  out = (await buildWithCli(digests, ["--cache", cache])).out;
});

describe("share cards", () => {
  it(
    "give every page an og:image that exists, is a 1200×630 PNG under 150 KB, with its size, alt text " +
      "and a large Twitter card",
    async () => {
      const urls = await pages(out);
      expect(urls.length).toBeGreaterThan(90);
      const used = new Set<string>();
      for (const url of urls) {
        const doc = await readPage(out, url);
        const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
        const image = meta("og:image")!;
        expect(image, url).toMatch(new RegExp(`^${SITE}/cards/.+\\.png$`));
        expect([meta("og:image:width"), meta("og:image:height"), meta("og:image:type")]).toEqual([
          "1200",
          "630",
          "image/png",
        ]);
        expect(meta("og:image:alt")?.length).toBeGreaterThan(5);
        expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute("content")).toBe("summary_large_image");
        used.add(image.slice(SITE.length));
      }
      // Every drawn card is some page's, and none is missing.
      const drawn = (await readdir(join(out, "cards"), { recursive: true }))
        .filter((f) => f.endsWith(".png"))
        .map((f) => `/cards/${f}`);
      expect(new Set(drawn)).toEqual(used);
      for (const card of drawn) {
        const png = await readFile(join(out, card));
        expect(png.length, card).toBeLessThan(150 * 1024);
        const { image, dark } = inked(png);
        expect([image.width, image.height]).toEqual([1200, 630]);
        expect(dark, `${card} is blank`).toBeGreaterThan(2000);
      }
    },
  );

  it("show each page its own card: a paper its own, a topic's pages the topic's, a digest its own", async () => {
    const olmo = await readPage(out, "/papers/2-olmo-2-furious/");
    expect(olmo.querySelector('meta[property="og:image"]')?.getAttribute("content")).toBe(
      `${SITE}/cards/papers/2-olmo-2-furious.png`,
    );
    const topic = await readPage(out, "/topics/mixture-of-experts/");
    expect(topic.querySelector('meta[property="og:image"]')?.getAttribute("content")).toBe(
      `${SITE}/cards/topics/mixture-of-experts.png`,
    );
    const digest = await readPage(out, "/digests/2025-03-14/");
    expect(digest.querySelector('meta[property="og:image"]')?.getAttribute("content")).toBe(
      `${SITE}/cards/digests/2025-03-14.png`,
    );
    const home = await readPage(out, "/");
    expect(home.querySelector('meta[property="og:image"]')?.getAttribute("content")).toBe(`${SITE}/cards/home.png`);
  });

  it(
    "draw the title large in the card's upper half, and leave it off rather than draw boxes for scripts " +
      "the fonts lack",
    async () => {
      const base: Card = {
        eyebrow: "Computer Vision",
        footnote: "First listed 2 January 2025",
        site: "Paper Digest",
        accent: "#0f7b5f",
      };
      const titleBand = { x: 90, y: 120, w: 1040, h: 200 };
      const withTitle = inked(await drawCard({ ...base, title: "Attention Is All You Need" }), titleBand).dark;
      const without = await drawCard({ ...base });
      expect(withTitle).toBeGreaterThan(inked(without, titleBand).dark + 5000);
      // Chinese, Arabic and Hebrew titles come out as the card without a title, never as tofu.
      for (const title of ["大型语言模型的推理能力研究", "نموذج لغوي كبير", "שלום עולם"])
        expect(Buffer.compare(await drawCard({ ...base, title }), without), title).toBe(0);
      // Emoji are left out; the words around them are drawn.
      expect(
        Buffer.compare(
          await drawCard({ ...base, title: "🚀 Rocket Science 👩‍🔬" }),
          await drawCard({ ...base, title: "Rocket Science" }),
        ),
      ).toBe(0);
    },
  );

  it("are drawn once: an unchanged build draws none, a changed title redraws that paper's card alone", async () => {
    const again = await buildWithCli(digests, ["--cache", cache]);
    expect(again.result.stdout).toMatch(/cards\s+0 drawn, \d+ from the cache/);
    const day = join(digests, "2025-03-14.atom");
    await writeFile(
      day,
      (await readFile(day, "utf8")).replace(
        "<title>Focal Loss for Dense Object Detection</title>",
        "<title>Focal Loss for Dense Object Detection, Revised</title>",
      ),
    );
    const changed = await buildWithCli(digests, ["--cache", cache]);
    expect(changed.result.stdout).toMatch(/cards\s+1 drawn, \d+ from the cache/);
  });

  it("give only the newest papers a card of their own under --cards, and the others their topic's", async () => {
    const capped = await buildWithCli(digests, ["--cache", await tempDir("pd-cache-"), "--cards", "2"]);
    const own = (await readdir(join(capped.out, "cards/papers"))).length;
    expect(own).toBe(2);
    const old = await readPage(capped.out, "/papers/2-olmo-2-furious/");
    expect(old.querySelector('meta[property="og:image"]')?.getAttribute("content")).toBe(
      `${SITE}/cards/topics/large-language-models.png`,
    );
  });
});

describe("the card cache", () => {
  it("keeps the cards a build uses, however old, and forgets those no build used for two weeks", async () => {
    const cacheDir = await tempDir("pd-cards-");
    const site = await tempDir("pd-site-");
    const card = (title: string): Card => ({
      eyebrow: "Topic",
      title,
      footnote: "1 paper",
      site: "Digest",
      accent: "#225577",
    });
    const used = card("Used");
    const file = (c: Card) => join(cacheDir, `${cardKey(c)}.png`);
    const weeksAgo = new Date(Date.now() - 20 * 86_400_000);
    for (const c of [used, card("Forgotten"), card("Recent")]) await writeFile(file(c), `png of ${c.title}`);
    await utimes(file(used), weeksAgo, weeksAgo);
    await utimes(file(card("Forgotten")), weeksAgo, weeksAgo);
    placeCards(new Map([["/cards/used.png", used]]), site, cacheDir);
    expect(await readFile(join(site, "cards/used.png"), "utf8")).toBe("png of Used");
    expect((await readdir(cacheDir)).sort()).toEqual(
      [file(used), file(card("Recent"))].map((f) => f.slice(cacheDir.length + 1)).sort(),
    );
    // Touched: the next build two weeks on still finds it.
    expect(Date.now() - (await stat(file(used))).mtimeMs).toBeLessThan(86_400_000);
  });
});

describe("planning cards", () => {
  const text = (titles: string[]) => `Mar 13\n${titles.map((t) => `${t}\nAn abstract about ${t}.`).join("\n")}\n`;
  const library = (titles: string[]) =>
    mergeDigests([parseDigest("2025-03-13.txt", text(titles), parseIsoDate("2025-03-13"))]);

  it("is pure: the same library plans the same cards, and another paper adds exactly its own", () => {
    const topics = [{ slug: "alpha", name: "Alpha", description: "About alpha." }];
    const a = planCards(library(["One", "Two"]), topics, "Paper Digest");
    expect(planCards(library(["One", "Two"]), topics, "Paper Digest")).toEqual(a);
    const b = planCards(library(["One", "Two", "Three"]), topics, "Paper Digest");
    const changed = [...b.cards]
      .filter(([path, card]) => JSON.stringify(a.cards.get(path)) !== JSON.stringify(card))
      .map(([path]) => path);
    // The new paper, plus the two counters that grew: the day's card and the site's.
    expect(changed.sort()).toEqual(["/cards/digests/2025-03-13.png", "/cards/home.png", "/cards/papers/three.png"]);
  });

  it("redraw only the new papers' and the day's cards on a day when large counts barely move", () => {
    const topics = [{ slug: "alpha", name: "Alpha", description: "About alpha." }];
    const titles = Array.from({ length: 125 }, (_, i) => `Paper ${i + 1}`);
    const before = library(titles);
    const after = library([...titles, "Paper 126"]);
    for (const lib of [before, after]) for (const p of lib.papers) p.topics = ["alpha"];
    const a = planCards(before, topics, "Paper Digest");
    const b = planCards(after, topics, "Paper Digest");
    const changed = [...b.cards]
      .filter(([path, card]) => JSON.stringify(a.cards.get(path)) !== JSON.stringify(card))
      .map(([path]) => path);
    expect(changed.sort()).toEqual(["/cards/digests/2025-03-13.png", "/cards/papers/paper-126.png"]);
    // Still a true count: at least what the card says, to two figures.
    expect(b.cards.get("/cards/topics/alpha.png")!.footnote).toBe("120+ papers");
    expect(b.cards.get("/cards/digests/2025-03-13.png")!.footnote).toBe("126 papers");
  });

  it(
    "draws at most --new-cards paper cards a build, newest first; the rest show their topic's card " +
      "until a later build draws them",
    () => {
      const topics = [{ slug: "alpha", name: "Alpha", description: "About alpha." }];
      const lib = library(["One", "Two", "Three", "Four", "Five"]);
      for (const p of lib.papers) p.topics = ["alpha"];
      const first = planCards(lib, topics, "Paper Digest", 4, { budget: 2 });
      const own = (plan: ReturnType<typeof planCards>) =>
        [...plan.cards.keys()].filter((k) => k.startsWith("/cards/papers/")).sort();
      expect(own(first)).toEqual(["/cards/papers/one.png", "/cards/papers/two.png"]);
      expect(first.waiting).toBe(2); // three and four wait; five is past the --cards limit
      expect(first.pages.get("/papers/three/")).toBe("/cards/topics/alpha.png");
      // The next build finds the first two in the cache and draws the next two.
      const drawn = new Set(
        [...first.cards].filter(([k]) => k.startsWith("/cards/papers/")).map(([, card]) => JSON.stringify(card)),
      );
      const second = planCards(lib, topics, "Paper Digest", 4, {
        budget: 2,
        isDrawn: (card) => drawn.has(JSON.stringify(card)),
      });
      expect(own(second)).toEqual([
        "/cards/papers/four.png",
        "/cards/papers/one.png",
        "/cards/papers/three.png",
        "/cards/papers/two.png",
      ]);
      expect(second.waiting).toBe(0);
      expect(second.pages.get("/papers/five/")).toBe("/cards/topics/alpha.png");
    },
  );

  it("uses accents that read as text on the card (WCAG contrast at least 4.5:1)", () => {
    const topics = Array.from({ length: 17 }, (_, i) => ({ slug: `t${i}`, name: `T${i}`, description: "" }));
    const lib = library(["One"]);
    lib.papers[0].topics = topics.map((t) => t.slug);
    const accents = new Set([...planCards(lib, topics, "Paper Digest").cards.values()].map((c) => c.accent));
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const accent of accents)
      expect((luminance("#fdfcfa") + 0.05) / (luminance(accent) + 0.05), accent).toBeGreaterThanOrEqual(4.5);
  });
});
