import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { planCards } from "../../cards/planCards.ts";
import { A_DAYS_CARDS, cachedCards, drawCards, isCached, missingCards, placeCards } from "../../cards/renderCards.ts";
import type { Library } from "../../model.ts";
import type { TopicSpec } from "../../topics/taxonomy.ts";
import type { BuildConfig } from "../buildConfig.ts";
import { inStage, later, type Stage } from "../stage.ts";

export type Cards = ReturnType<typeof startCards>;

/**
 * cards: which share cards the site shows, and the drawing of those not in the cache, which goes on in
 * other processes (`drawer` is one started ahead) while this thread goes on: they need topics, not
 * related papers, nor a site folder.
 */
export function startCards(
  config: BuildConfig,
  stage: Stage,
  library: Library,
  taxonomy: TopicSpec[],
  site: { title: string; description: string },
  drawer: ChildProcess,
) {
  const dir = join(config.cacheDir, "cards");
  // The cards in the cache, listed once (a check per paper cost 10,000 file lookups).
  const cached = cachedCards(dir);
  const isDrawn = (card: Parameters<typeof isCached>[1]) => isCached(cached, card);
  const plan = planCards(library, taxonomy, site.title, config.cardLimit, {
    isDrawn,
    budget: config.newCards,
    description: site.description,
  });
  const toDraw = missingCards(plan.cards, cached);
  const drawing = later(
    stage(
      "cards",
      () => inStage("cards", () => drawCards(toDraw, dir, undefined, [drawer])),
      (n) =>
        `${n} drawn, ${plan.cards.size - n} from the cache${plan.waiting ? `, ${plan.waiting} for later builds` : ""}`,
    ),
  );
  return {
    plan,
    drawing,
    /** A first build's backlog, which draws on every core: the search index waits for it (see runBuild). */
    backlog: toDraw.size > A_DAYS_CARDS,
    /** Puts the drawn cards into the site being built (`lastSite`: an incremental build's, whose cards stay). */
    place: (temp: string, lastSite?: string) => drawing.then(() => placeCards(plan.cards, temp, dir, lastSite)),
  };
}
