import { escapeHtml } from "../src/site/html.ts";
import { random, syntheticPapers } from "./syntheticPapers.ts";

const SYLLABLES = "ka lo mi ra te so vu ne di pa ri go la me ti zo be nu sa ho".split(" ");
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A distinct name for each index below 160,000: "Kalo Mirate". */
function name(i: number) {
  const s = (k: number) => SYLLABLES[Math.floor(i / 20 ** k) % 20];
  return `${cap(s(0) + s(1))} ${cap(s(2) + s(3))}n`;
}

/**
 * An arXiv Atom file (as `paper-digest enrich` writes) giving each of syntheticPapers(n) its authors:
 * 1 to 30 a paper (about 5 on average, as on arXiv's CS listings), drawn from a pool of 4 × n names
 * with a heavy skew (a few prolific authors, most with one or two papers). Deterministic.
 */
export function syntheticAtom(n: number, seed = 7) {
  const next = random(seed);
  const pool = Math.round(n * 4);
  const papers = new Map<number, number>();
  const entries = syntheticPapers(n).map((p, i) => {
    const k = Math.min(30, 1 + Math.floor(-Math.log(1 - next()) * 4));
    const authors = new Set<number>();
    while (authors.size < k) authors.add(Math.floor(pool * next() ** 2));
    for (const a of authors) papers.set(a, (papers.get(a) ?? 0) + 1);
    const id = `${2401 + Math.floor(i / 90_000)}.${String(i % 90_000).padStart(5, "0")}`;
    return `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <published>2024-01-01T00:00:00Z</published>
    <title>${escapeHtml(p.title)}</title>
    <summary>${escapeHtml(p.abstract.slice(0, 200))}</summary>
${[...authors].map((a) => `    <author><name>${name(a)}</name></author>\n`).join("")}\
    <arxiv:primary_category term="cs.LG"/>
    <category term="cs.LG"/>
  </entry>
`;
  });
  const counts = [...papers.values()];
  return {
    atom: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
${entries.join("")}</feed>
`,
    stats: {
      authors: counts.length,
      perPaper: counts.reduce((a, b) => a + b, 0) / n,
      twoOrMore: counts.filter((c) => c >= 2).length,
    },
  };
}
