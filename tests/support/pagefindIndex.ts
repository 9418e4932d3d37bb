// A small search index written by the installed Pagefind, through the same Node API the build uses: the
// contract test checks it, and `npx tsx tests/support/pagefindIndex.ts DIR` records it as a fixture.
import * as pagefind from "pagefind";

const PAGES = [
  ["papers/a/index.html", "Retrieval-augmented generation for agents", "Agents retrieve documents, then generate."],
  ["papers/b/index.html", "Mixture of experts at scale", "Sparse experts route tokens; agentic routing."],
  ["topics/rag/index.html", "Retrieval", "Papers on retrieval and RAG."],
];

/** Indexes three pages (one marked a topic page, as our layouts mark them) into `dir`. */
export async function writePagefindIndex(dir: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(errors.join("; "));
  try {
    for (const [sourcePath, title, text] of PAGES) {
      const kind = sourcePath.startsWith("topics/") ? '<span data-pagefind-meta="kind:topic"></span>' : "";
      const content = `<html lang="en"><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p>${kind}</main>\
</body></html>`;
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw new Error(added.errors.join("; "));
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(written.errors.join("; "));
  } finally {
    await pagefind.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await writePagefindIndex(process.argv[2]);
