import { readFileSync } from "node:fs";
import { parseIsoDate } from "../src/ingest/formats/dateLine.ts";
import { parseDigest } from "../src/ingest/formats/parseDigest.ts";
import { words } from "../src/topics/analyseText.ts";

const SEED_DIGEST = new URL("../content/digests/2025-03-13.txt", import.meta.url);

/** A small seeded PRNG (mulberry32): the same seed gives the same papers on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of the bundled digest's titles and abstracts, repeated as often as they occur there. */
let corpus: { titleWords: string[]; abstractWords: string[] } | undefined;
function seedCorpus() {
  if (!corpus) {
    const digest = parseDigest("seed", readFileSync(SEED_DIGEST, "utf8"), parseIsoDate("2025-03-13"));
    corpus = {
      titleWords: digest.entries.flatMap((e) => words(e.title)),
      abstractWords: digest.entries.flatMap((e) => words(e.abstract)),
    };
  }
  return corpus;
}

/**
 * `n` synthetic papers whose words follow the bundled digest's word frequencies:
 * titles of 6 to 13 words and abstracts of about 1,600 characters. Deterministic
 * for a given seed; every title is distinct.
 */
export function syntheticPapers(n: number, seed = 1): { title: string; abstract: string }[] {
  const next = random(seed);
  const { titleWords, abstractWords } = seedCorpus();
  const pick = (list: string[]) => list[Math.floor(next() * list.length)];
  const sentence = (len: number) => {
    const ws = Array.from({ length: len }, () => pick(abstractWords));
    return `${ws[0][0].toUpperCase()}${ws.join(" ").slice(1)}.`;
  };
  return Array.from({ length: n }, (_, i) => {
    const title = Array.from({ length: 6 + Math.floor(next() * 8) }, () => pick(titleWords)).join(" ");
    let abstract = "";
    while (abstract.length < 1500) abstract += `${abstract ? " " : ""}${sentence(12 + Math.floor(next() * 14))}`;
    // The number keeps titles distinct, as real titles are.
    return { title: `${title} ${i + 1}`, abstract };
  });
}
