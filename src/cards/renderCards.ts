import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Card } from "./drawCard.ts";

const require = createRequire(import.meta.url);
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

/**
 * What makes two cards with the same content differ: the template's code and
 * the versions of what draws it. Part of every card's cache key, so a changed
 * template redraws everything and nothing else does.
 */
const TEMPLATE = createHash("sha256")
  .update(readFileSync(new URL("./drawCard.ts", import.meta.url)))
  .update(["satori", "@resvg/resvg-js", "@fontsource/inter"].map((p) => `${p}@${version(p)}`).join(" "))
  .digest("hex");

export const cardKey = (card: Card) => createHash("sha256").update(TEMPLATE).update(JSON.stringify(card)).digest("hex").slice(0, 32);

/** A cached card no build has used for this long is forgotten. */
const FORGET_AFTER_DAYS = 14;

/**
 * Writes every planned card into `outDir`, drawing only those the cache
 * (`cacheDir`, one PNG per content hash) doesn't hold, on worker threads. Cards
 * in use are touched, and those no build used for FORGET_AFTER_DAYS are removed:
 * the cache stays bounded, and two builds sharing it never delete each other's cards.
 */
export async function renderCards(cards: ReadonlyMap<string, Card>, outDir: string, cacheDir: string, threads = Math.max(1, availableParallelism())) {
  mkdirSync(cacheDir, { recursive: true });
  const keys = new Map([...cards].map(([path, card]) => [path, cardKey(card)]));
  const todo = [...cards].filter(([path]) => !existsSync(join(cacheDir, `${keys.get(path)}.png`)));
  await drawAll(todo, cacheDir, keys, Math.min(threads, Math.ceil(todo.length / 8) || 1));

  const made = new Set<string>();
  const now = new Date();
  for (const [path, key] of keys) {
    const target = join(outDir, path);
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    place(join(cacheDir, `${key}.png`), target);
    utimesSync(join(cacheDir, `${key}.png`), now, now);
  }
  const stale = now.getTime() - FORGET_AFTER_DAYS * 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    const file = join(cacheDir, name);
    if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < stale) rmSync(file, { force: true });
  }
  return { drawn: todo.length, cached: cards.size - todo.length };
}

/** A cached card into the site: a hard link (ten thousand cost milliseconds), a copy across file systems. */
function place(cached: string, target: string) {
  try {
    linkSync(cached, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV" && (err as NodeJS.ErrnoException).code !== "EPERM") throw err;
    copyFileSync(cached, target);
  }
}

/** Draws cards on `threads` workers, each writing its PNG into the cache as it comes. */
async function drawAll(todo: [string, Card][], cacheDir: string, keys: Map<string, string>, threads: number) {
  if (todo.length === 0) return;
  const workers = Array.from({ length: threads }, () => new Worker(new URL("./cardThread.mjs", import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            const send = () => {
              if (next >= todo.length) return done();
              const id = next++;
              worker.postMessage({ id, card: todo[id][1] });
            };
            worker.on("message", ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
              if (error) return fail(new Error(`drawing ${todo[id][0]}: ${error}`));
              // Written under a temporary name first: a killed build never leaves half a card in the cache.
              const file = join(cacheDir, `${keys.get(todo[id][0])}.png`);
              writeFileSync(`${file}.${process.pid}.tmp`, png!);
              renameSync(`${file}.${process.pid}.tmp`, file);
              send();
            });
            worker.on("error", fail);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
