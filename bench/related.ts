// Times the relate stage on synthetic papers: npx tsx bench/related.ts [1000,10000]
import { relatedPapers } from "../src/related/relatedPapers.ts";
import { syntheticPapers } from "./syntheticPapers.ts";

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
console.log("| papers | relate (s) | links |");
console.log("| ---: | ---: | ---: |");
for (const n of sizes) {
  const papers = syntheticPapers(n);
  const t0 = performance.now();
  const related = relatedPapers(papers);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`| ${n} | ${seconds.toFixed(2)} | ${related.reduce((s, r) => s + r.length, 0)} |`);
}
