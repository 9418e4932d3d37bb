import { renameSync, writeFileSync } from "node:fs";
import { type Card, drawCard } from "./drawCard.ts";

// A drawing process starts before its cards are known (see startCardDrawer) and draws one card to throw away: the
// first card costs a second (fonts inflated and parsed, layout and painting compiled), paid while the
// build reads and classifies the archive rather than after.
const warm = drawCard({
  eyebrow: "Topic",
  title: "Warming up",
  footnote: "1 paper",
  site: "paper-digest",
  accent: "#225577",
}).catch(() => {});

// The build that started it is gone (ended, or killed): so is its work.
process.on("disconnect", () => process.exit(0));

// One drawing process: receives its cards at once, writes each PNG into the cache, then says it's done (or what
// failed).
process.on("message", async (jobs: { path: string; card: Card; file: string }[]) => {
  await warm;
  for (const { path, card, file } of jobs) {
    try {
      // Written under a temporary name first: a killed build never leaves half a card in the cache.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, await drawCard(card));
      renameSync(temp, file);
      // Back to the event loop between cards: resvg's native memory is freed by finalizers that run
      // there, and without a turn 200 cards held 880 MB (255 MB with one), and drew slower.
      await new Promise((next) => setImmediate(next));
    } catch (err) {
      return process.send!({ path, error: (err as Error).message });
    }
  }
  process.send!({});
});
