import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "./cli.ts";

/** An author as a Daily Papers item names them: a name, and the Hugging Face user who claimed it, if any. */
type Author = string | [name: string, user: string];
interface Item {
  id: string;
  title: string;
  authors: Author[];
  upvotes?: number;
}

const item = ({ id, title, authors, upvotes }: Item) => ({
  paper: {
    id,
    title,
    summary: `${title}: what the paper does, in a sentence of its own for ${id}.`,
    authors: authors.map((a, i) => ({
      _id: `${id}-${i}`,
      name: typeof a === "string" ? a : a[0],
      hidden: false,
      ...(typeof a === "string" ? {} : { user: { _id: `u-${a[1]}`, user: a[1], fullname: a[0], type: "user" } }),
    })),
    publishedAt: "2025-03-10T00:00:00.000Z",
    ...(upvotes === undefined ? {} : { upvotes }),
  },
});

const ADA: Author = ["Ada Lovelace", "ada"];
/** Another person of the same name, as Hugging Face tells them apart. */
const ADA_TOO: Author = ["Ada Lovelace", "ada-the-second"];
export const HOSTILE_AUTHOR = "<script>alert(1)</script> {{ site.title }}";

const A = { id: "2503.00001", title: "Alpha: Sparse Mixtures That Route", authors: [ADA, "Bob Stone"] };
const B = { id: "2503.00002", title: "Beta: Retrieval at Scale", authors: [ADA, "Carol King", HOSTILE_AUTHOR] };
const C = { id: "2503.00003", title: "Gamma: Tokens Without Upvotes", authors: ["Carol King"] };
const D = { id: "2503.00004", title: "Delta: Listed Twice, Never Upvoted", authors: [HOSTILE_AUTHOR] };
// C and D come without upvotes (a response of 2024 has none for any paper).
const E = { id: "2503.00005", title: "Epsilon: A Second Ada", authors: [ADA_TOO] };
const F = { id: "2503.00006", title: "Zeta: The Second Ada Again", authors: [ADA_TOO, "Dan Brown"] };
const G = { id: "2504.00007", title: "Eta: April's Paper", authors: ["Dan Brown"] };

/**
 * Daily Papers responses over two ISO weeks of March 2025 and a day of April (which finishes week 12):
 * upvotes that change within a week, papers without upvotes, a paper listed on two days, two people
 * named Ada Lovelace (two Hugging Face users), and an author whose name is markup and template code.
 */
export const READERS_DAYS: Record<string, Item[]> = {
  // Week 11 (10–16 March).
  "2025-03-13": [{ ...A, upvotes: 5 }, { ...B, upvotes: 30 }, C, D],
  "2025-03-14": [{ ...A, upvotes: 40 }, D],
  // Week 12 (17–23 March): A again, with fewer upvotes than in week 11.
  "2025-03-17": [
    { ...E, upvotes: 2 },
    { ...A, upvotes: 1 },
  ],
  "2025-03-18": [{ ...F, upvotes: 9 }],
  // Week 14, April.
  "2025-04-01": [{ ...G, upvotes: 3 }],
};

/** Writes READERS_DAYS (all, or the days before `until`) as Daily Papers files into a new folder. */
export async function readersDigests(until?: string): Promise<string> {
  const dir = await tempDir("pd-readers-");
  for (const [day, items] of Object.entries(READERS_DAYS))
    if (!until || day < until) await writeFile(join(dir, `${day}.json`), JSON.stringify(items.map(item), null, 2));
  return dir;
}
