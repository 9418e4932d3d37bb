import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_DIR } from "../config/paths.ts";
import { linkOrCopy } from "../util/linkOrCopy.ts";
import { sha256 } from "../util/shortHash.ts";
import type { Card } from "./drawCard.ts";

const require = createRequire(import.meta.url);
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

/**
 * What makes two cards with the same content differ: the template's code and
 * the versions of what draws it. Part of every card's cache key, so a changed
 * template redraws everything and nothing else does.
 */
const TEMPLATE = createHash("sha256")
  .update(readFileSync(join(PROJECT_DIR, "src/cards/drawCard.ts")))
  .update(["satori", "@resvg/resvg-js", "@fontsource/inter"].map((p) => `${p}@${version(p)}`).join(" "))
  .digest("hex");

// A build asks for each planned card's key three times (planning, what to draw, placing): work it out once.
const keys = new WeakMap<Card, string>();
export function cardKey(card: Card): string {
  let key = keys.get(card);
  if (key === undefined) keys.set(card, (key = sha256(TEMPLATE + JSON.stringify(card), "hex").slice(0, 32)));
  return key;
}

/** More cards than a day brings (~50 papers, its digest and a few topics) are a backlog. */
export const A_DAYS_CARDS = 200;

/** A cached card no build has used for this long is forgotten. */
const FORGET_AFTER_DAYS = 14;

/** The card files in the cache (`cacheDir`, one PNG per content hash), listed once; none before the first build. */
export function cachedCards(cacheDir: string): ReadonlySet<string> {
  try {
    return new Set(readdirSync(cacheDir));
  } catch {
    return new Set();
  }
}

/** Whether a card is in the cache (see cachedCards). */
export const isCached = (cached: ReadonlySet<string>, card: Card) => cached.has(`${cardKey(card)}.png`);

/** The planned cards the cache doesn't hold yet. */
export const missingCards = (cards: ReadonlyMap<string, Card>, cached: ReadonlySet<string>) =>
  new Map([...cards].filter(([, card]) => !isCached(cached, card)));

/**
 * Draws cards (those missingCards found) into the cache in drawing processes.
 * Needs no site folder, so a build starts it early and lets it run beside its
 * own stages. Returns how many it drew.
 */
export async function drawCards(
  todo: ReadonlyMap<string, Card>,
  cacheDir: string,
  processes = Math.max(1, availableParallelism()),
  started: ChildProcess[] = [],
) {
  mkdirSync(cacheDir, { recursive: true });
  await drawAll([...todo], cacheDir, processes, started);
  return todo.size;
}

/**
 * A drawing process, started before the build knows its cards so that it loads (and warms up, see
 * cardWorker.ts) meanwhile; drawCards gives it a day's cards, or ends it when there is nothing to draw
 * or a backlog. It doesn't keep the build alive until then, and ends when the build does, however that ends.
 *
 * A process, not a thread, for one V8 flag: `optimize: false` (a day's cards) leaves out V8's optimizing
 * compiler, whose work on satori's large functions fifty cards never repay (they drew in 10–30% less
 * time and 20–40% less CPU without it); over a backlog of 400 it pays for itself (9% faster), and is kept.
 * resvg's allocator (mimalloc) is told to keep the memory it frees: it gave each card's 3 MB canvas back
 * to the system 10 ms later, and the next card faulted it in again (50 cards: 9% less time, a sixth fewer page faults).
 */
export function startCardDrawer({ optimize = false } = {}): ChildProcess {
  const child = fork(join(PROJECT_DIR, "src/cards/cardProcess.mjs"), [], {
    execArgv: optimize ? [] : ["--no-turbofan"],
    env: { ...process.env, MIMALLOC_PURGE_DELAY: "-1" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  // A process that couldn't start is reported when it is given its cards (drawAll), not as an uncaught error before.
  child.on("error", () => {});
  child.unref();
  child.channel?.unref();
  return child;
}

/**
 * Puts every planned card, drawn by drawCards, into the site `outDir`, but for
 * those already in `site` as the cached file itself (a hard link: a site updated
 * in place keeps them). Cards in use are touched, and those no build used for
 * FORGET_AFTER_DAYS are removed: the cache stays bounded, and two builds sharing
 * it never delete each other's cards.
 */
export function placeCards(cards: ReadonlyMap<string, Card>, outDir: string, cacheDir: string, site?: string) {
  const made = new Set<string>();
  const inUse = new Set<string>();
  const now = new Date();
  for (const [path, card] of cards) {
    const name = `${cardKey(card)}.png`;
    const cached = join(cacheDir, name);
    const stat = statSync(cached);
    const there = site && statSync(join(site, path), { throwIfNoEntry: false });
    if (!there || there.ino !== stat.ino) {
      const target = join(outDir, path);
      if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
      made.add(dirname(target));
      linkOrCopy(cached, target);
    }
    // Touched once a day at most: thousands of cards are in use, and a day is nothing beside FORGET_AFTER_DAYS.
    if (now.getTime() - stat.mtimeMs > 86_400_000) utimesSync(cached, now, now);
    inUse.add(name);
  }
  const stale = now.getTime() - FORGET_AFTER_DAYS * 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    if (inUse.has(name)) continue;
    const file = join(cacheDir, name);
    if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < stale) rmSync(file, { force: true });
  }
}

/** Draws what the cache lacks and puts every card into the site (drawCards, then placeCards). */
export async function renderCards(
  cards: ReadonlyMap<string, Card>,
  outDir: string,
  cacheDir: string,
  processes?: number,
) {
  const todo = missingCards(cards, cachedCards(cacheDir));
  await drawCards(todo, cacheDir, processes);
  placeCards(cards, outDir, cacheDir);
  return { drawn: todo.size, cached: cards.size - todo.size };
}

/**
 * Draws cards in drawing processes: a day's few in one (one `started` ahead), leaving a core to the build
 * they run beside; a backlog in `processes` that optimize (see startCardDrawer), those started ahead ended.
 * Each gets its share at once and writes its PNGs into the cache itself, so drawing goes on while this
 * thread is busy.
 */
async function drawAll(todo: [string, Card][], cacheDir: string, processes: number, started: ChildProcess[]) {
  // Nothing to draw: the processes started ahead just end (not waited for, so no stage waits on them).
  if (todo.length === 0) {
    for (const child of started) child.kill();
    return;
  }
  const jobs = todo.map(([path, card]) => ({ path, card, file: join(cacheDir, `${cardKey(card)}.png`) }));
  const backlog = todo.length > A_DAYS_CARDS;
  if (backlog) for (const child of started) child.kill();
  const kept = backlog ? [] : started;
  const drawers = [
    ...kept,
    ...Array.from({ length: Math.max(0, (backlog ? processes : 1) - kept.length) }, () =>
      startCardDrawer({ optimize: backlog }),
    ),
  ];
  try {
    await Promise.all(
      drawers.map(
        (child, d) =>
          new Promise<void>((done, fail) => {
            child.ref();
            child.channel?.ref();
            child.on("message", ({ error, path }: { error?: string; path?: string }) =>
              error ? fail(new Error(`drawing ${path}: ${error}`)) : done(),
            );
            child.on("error", fail);
            child.on("exit", (code, signal) =>
              fail(new Error(`a drawing process ended early (${signal ?? `exit status ${code}`})`)),
            );
            child.send(jobs.filter((_, i) => i % drawers.length === d));
          }),
      ),
    );
  } finally {
    for (const child of drawers) child.kill();
  }
}
