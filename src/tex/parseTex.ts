/**
 * arXiv titles and abstracts are written in TeX. This reads the small part of
 * TeX that abstracts use into a tree of plain text, emphasis and math: accents
 * become Unicode (T\"ulu → Tülu), dashes and quotes typographic, \textbf and
 * \emph become strong and em, and $…$, \(…\), $$…$$, \[…\] become math nodes
 * holding their TeX source. Everything else stays the literal source text, so
 * every word still shows. Nothing here can make a link, an attribute or a style:
 * the tree has no node that could.
 */

export type TexNode =
  | { kind: "text"; text: string }
  | { kind: "styled"; tag: "strong" | "em" | "code"; children: TexNode[] }
  | { kind: "math"; tex: string; display: boolean };

/** Characters that may start TeX; a text without any is returned as it is. */
const MAYBE_TEX = /[\\$~`'{}]|--/;

export const mayHaveTex = (text: string) => MAYBE_TEX.test(text);

const STYLES: Record<string, "strong" | "em" | "code"> = {
  textbf: "strong",
  bf: "strong",
  emph: "em",
  textit: "em",
  textsl: "em",
  it: "em",
  texttt: "code",
};

/** Parses a TeX string into nodes. Never throws: what it can't read stays text. */
export function parseTex(source: string): TexNode[] {
  if (!mayHaveTex(source)) return [{ kind: "text", text: source }];
  return parseRun(source, 0, source.length);
}

function parseRun(s: string, from: number, to: number): TexNode[] {
  const nodes: TexNode[] = [];
  let text = "";
  const flush = () => {
    if (text) nodes.push({ kind: "text", text: textMode(text) });
    text = "";
  };
  let i = from;
  while (i < to) {
    const math = readMath(s, i, to);
    if (math) {
      flush();
      nodes.push({ kind: "math", tex: math.tex, display: math.display });
      i = math.end;
      continue;
    }
    const styled = readStyled(s, i, to);
    if (styled) {
      flush();
      nodes.push({ kind: "styled", tag: styled.tag, children: parseRun(s, styled.start, styled.end) });
      i = styled.end + 1;
      continue;
    }
    // An escaped character is one unit: "\$" must never open math.
    if (s[i] === "\\" && i + 1 < to) {
      text += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    text += s[i++];
  }
  flush();
  return nodes;
}

/** Math at `i`: $$…$$, \[…\], $…$ or \(…\), closed before `to`; an unclosed one is text. */
function readMath(s: string, i: number, to: number) {
  const open = s.startsWith("$$", i)
    ? "$$"
    : s.startsWith("\\[", i)
      ? "\\["
      : s[i] === "$"
        ? "$"
        : s.startsWith("\\(", i)
          ? "\\("
          : "";
  if (!open) return undefined;
  const close = { $$: "$$", "\\[": "\\]", $: "$", "\\(": "\\)" }[open]!;
  for (let j = i + open.length; j < to; j++) {
    if (s[j] === "\\" && !s.startsWith(close, j)) {
      j++;
      continue;
    }
    if (s.startsWith(close, j) && j + close.length <= to) {
      // Pandoc's rule for single dollars, so that "$5 and $10" stays prices.
      if (open === "$" && (/\s/.test(s[i + 1] ?? " ") || /\s/.test(s[j - 1]) || /\d/.test(s[j + 1] ?? "")))
        return undefined;
      const tex = s.slice(i + open.length, j).trim();
      if (!tex) return undefined;
      return { tex, display: open === "$$" || open === "\\[", end: j + close.length };
    }
  }
  return undefined;
}

/** \textbf{…} or {\bf …} at `i` with balanced braces; gives the content's bounds. */
function readStyled(s: string, i: number, to: number) {
  const command = /^\\([a-z]+)\s*\{/.exec(s.slice(i, Math.min(to, i + 12)));
  if (command && STYLES[command[1]] && command[1] !== "bf" && command[1] !== "it") {
    const start = i + command[0].length;
    const end = closingBrace(s, start, to);
    if (end >= 0) return { tag: STYLES[command[1]], start, end };
  }
  const group = /^\{\\(bf|it|em)\s+/.exec(s.slice(i, Math.min(to, i + 6)));
  if (group) {
    const end = closingBrace(s, i + 1, to);
    if (end >= 0) return { tag: STYLES[group[1] === "em" ? "emph" : group[1]], start: i + group[0].length, end };
  }
  return undefined;
}

/** The index of the brace that closes a group opened just before `from`, or -1. */
function closingBrace(s: string, from: number, to: number): number {
  let depth = 1;
  for (let j = from; j < to; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === "{") depth++;
    else if (s[j] === "}" && --depth === 0) return j;
  }
  return -1;
}

const ACCENTS: Record<string, string> = {
  '"': "\u0308",
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  u: "\u0306",
  v: "\u030C",
  H: "\u030B",
  c: "\u0327",
  k: "\u0328",
  r: "\u030A",
  b: "\u0331",
  d: "\u0323",
};
const LETTERS: Record<string, string> = {
  ss: "ß",
  o: "ø",
  O: "Ø",
  aa: "å",
  AA: "Å",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  l: "ł",
  L: "Ł",
  i: "ı",
  j: "ȷ",
};
const NAMED: Record<string, string> = {
  ldots: "…",
  dots: "…",
  textendash: "–",
  textemdash: "—",
  LaTeX: "LaTeX",
  TeX: "TeX",
  textasciitilde: "~",
  textbackslash: "\\",
  S: "§",
  P: "¶",
  copyright: "©",
  textregistered: "®",
  texttrademark: "™",
  dag: "†",
};
const accent = (mark: string, letter: string) =>
  (letter === "\\i" || letter === "\\j" ? letter[1] : letter) + ACCENTS[mark];

/** Text-mode TeX to Unicode: accents, special letters, escapes, dashes, quotes, ties. */
function textMode(text: string): string {
  if (!mayHaveTex(text)) return text;
  return (
    text
      // {\"u}, \"{u}, \"u, \v{c}, \c c, {\'\i}
      .replace(/\{\\(["'`^~=.])\s*(\\[ij]|[A-Za-z])\}/g, (_, m, l) => accent(m, l))
      .replace(/\{\\([uvHckrbd])\s*\{?(\\[ij]|[A-Za-z])\}?\}/g, (_, m, l) => accent(m, l))
      .replace(/\\(["'`^~=.])\s*\{(\\[ij]|[A-Za-z])\}/g, (_, m, l) => accent(m, l))
      .replace(/\\(["'`^~=.])(\\[ij](?![A-Za-z])|[A-Za-z])/g, (_, m, l) => accent(m, l))
      .replace(/\\([uvHckrbd])(?:\{(\\[ij]|[A-Za-z])\}|\s+([A-Za-z]))/g, (_, m, a, b) => accent(m, a ?? b))
      .replace(/\{\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)\}/g, (_, l) => LETTERS[l])
      .replace(/\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?:\{\}|(?![A-Za-z]))\s?/g, (_, l) => LETTERS[l])
      .replace(/\\([A-Za-z]+)(?:\{\}|(?![A-Za-z]))/g, (all, name) => NAMED[name] ?? all)
      .replace(/\\([%&_#${}])/g, "$1")
      .replace(/---/g, "—")
      .replace(/(?<!^|\s)--|--(?![A-Za-z])/g, "–")
      .replace(/``/g, "“")
      .replace(/''/g, "”")
      // A tie between words ("Fig.~3") is a no-break space; "~50%" after a space means "about" and stays.
      .replace(/(?<=[\p{L}\p{N}.,)])~(?=\S)/gu, "\u00A0")
      .normalize("NFC")
  );
}
