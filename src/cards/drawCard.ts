import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori, { type Font } from "satori";

const CARD_WIDTH = 1200;
const CARD_HEIGHT = 630;

/** What a share card shows. Plain text only: satori draws strings as text, never as markup. */
export interface Card {
  /** Small line above the title: topics, "Topic", "Daily digest". */
  eyebrow: string;
  /** The big line; undefined draws the card without it. */
  title?: string;
  /** A line under the title (a topic's description), optional. */
  subtitle?: string;
  /** Bottom right: "First listed 13 March 2025", "12 papers". */
  footnote: string;
  site: string;
  /** The accent colour (#rrggbb) of the card's topic. */
  accent: string;
}

// Inter, the subsets a Latin, Greek, Cyrillic or Vietnamese title needs, as satori reads fonts (.woff, not .woff2).
const SUBSETS = ["latin", "latin-ext", "greek", "greek-ext", "cyrillic", "cyrillic-ext", "vietnamese"];
const FAMILY = SUBSETS.map((s) => `Inter ${s}`).join(", ");
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  const files = join(dirname(createRequire(import.meta.url).resolve("@fontsource/inter/package.json")), "files");
  return SUBSETS.flatMap((s) =>
    ([400, 700] as const).map((weight) => ({
      name: `Inter ${s}`,
      data: readFileSync(join(files, `inter-${s}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
}

/** Pictographs (emoji) have no glyphs here; they are decoration a card can do without. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is to go on its own, as emoji do.
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F]/gu;
// Satori draws left to right without shaping: right-to-left scripts would come out reversed and unjoined.
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The title as the card draws it, or undefined when the fonts can't draw it faithfully. */
function drawableTitle(title: string | undefined): string | undefined {
  const text = title?.replace(PICTOGRAPHS, "").replace(/\s+/g, " ").trim();
  return text && !RIGHT_TO_LEFT.test(text) ? text : undefined;
}

/** Shorter titles get larger type; a very long one is cut at a word, with an ellipsis, to fit four lines. */
function titleLayout(title: string) {
  const size = title.length <= 50 ? 72 : title.length <= 90 ? 62 : title.length <= 140 ? 54 : 48;
  // Inter bold averages ~0.56 em a character: the characters that four lines of 1,050 px hold.
  const budget = Math.floor((1050 / (size * 0.56)) * 4 * 0.92);
  if (title.length <= budget) return { size, text: title };
  const cut = title.slice(0, budget);
  const text = cut.slice(0, Math.max(cut.lastIndexOf(" "), budget - 20)).replace(/[\s,;:.–—-]+$/, "");
  return { size, text: `${text}…` };
}

const div = (style: Record<string, unknown>, children?: unknown) => ({
  type: "div",
  props: { style: { display: "flex", ...style }, children },
});

function layout(card: Card, title: string | undefined) {
  const heading = title ? titleLayout(title) : undefined;
  return div({ width: CARD_WIDTH, height: CARD_HEIGHT, background: "#fdfcfa", fontFamily: FAMILY, color: "#1c1b19" }, [
    div({ width: 28, height: CARD_HEIGHT, background: card.accent }),
    div(
      {
        flexDirection: "column",
        boxSizing: "border-box",
        width: CARD_WIDTH - 28,
        height: CARD_HEIGHT,
        padding: "60px 72px 52px 64px",
      },
      [
        div({ fontSize: 30, fontWeight: 700, color: card.accent, letterSpacing: "0.01em" }, card.eyebrow),
        heading
          ? div(
              {
                marginTop: 28,
                maxHeight: 4 * 1.18 * heading.size,
                overflow: "hidden",
                fontSize: heading.size,
                fontWeight: 700,
                lineHeight: 1.18,
                letterSpacing: "-0.015em",
              },
              heading.text,
            )
          : div({ marginTop: 28, fontSize: 40, color: "#5b5852" }, `A paper on ${card.site}`),
        card.subtitle
          ? div(
              {
                marginTop: 24,
                maxHeight: 2 * 1.35 * 32,
                overflow: "hidden",
                fontSize: 32,
                lineHeight: 1.35,
                color: "#5b5852",
              },
              card.subtitle,
            )
          : null,
        div(
          {
            marginTop: "auto",
            justifyContent: "space-between",
            alignItems: "flex-end",
            fontSize: 30,
            color: "#5b5852",
          },
          [div({ fontWeight: 700, color: "#1c1b19", fontSize: 34 }, card.site), div({}, card.footnote)],
        ),
      ],
    ),
  ]);
}

/**
 * Draws a card as a 1200×630 PNG: satori lays it out as SVG, resvg paints it.
 * A title with a character the fonts lack (CJK, a right-to-left script) is left
 * off rather than drawn as empty boxes.
 */
export async function drawCard(card: Card): Promise<Buffer> {
  const loaded = (fonts ??= loadFonts());
  let title = drawableTitle(card.title);
  let missing = false;
  const render = () =>
    satori(layout(card, title) as never, {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts: loaded,
      // Satori asks for more fonts exactly when a glyph is missing.
      loadAdditionalAsset: async () => {
        missing = true;
        return [];
      },
    });
  let svg = await render();
  if (missing && title) {
    title = undefined;
    svg = await render();
  }
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
