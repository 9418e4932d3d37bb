import { readDigestFile } from "./src/digest/readDigestFile.ts";
import { mergeDigests } from "./src/library/mergeDigests.ts";
const a = await readDigestFile("tests/fixtures/sources/2025-03-13.json");
const b = await readDigestFile("tests/fixtures/sources/2025-03-14.atom");
const c = await readDigestFile("content/digests/2025-03-13.txt");
console.log(JSON.stringify(b.entries[2], null, 1).slice(0, 1500));
console.log(a.entries.map(e => [e.title, e.line, e.source?.links]));
const lib = mergeDigests([a, b, c]);
console.log(lib.papers.length, lib.digests.map(d => d.slugs.length), lib.papers.filter(p => p.source.arxivId).map(p => [p.slug, p.digests, p.source.arxivId, p.source.version, p.source.snapshots]));
