import { mayHaveTex, parseTex, type TexNode } from "./parseTex.ts";

// Math symbols that read better as Unicode in plain text; any other math keeps its TeX source.
const SYMBOLS: Record<string, string> = {
  times: "×",
  cdot: "·",
  sim: "∼",
  approx: "≈",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  ne: "≠",
  pm: "±",
  infty: "∞",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  Rightarrow: "⇒",
  ll: "≪",
  gg: "≫",
  in: "∈",
  propto: "∝",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Sigma: "Σ",
  Phi: "Φ",
  Omega: "Ω",
  "%": "%",
  "#": "#",
  "&": "&",
  _: "_",
  "{": "{",
  "}": "}",
  $: "$",
  ",": " ",
  ";": " ",
  "!": "",
};

/**
 * Math as plain text: a lone symbol command (`\times`) or a simple value ("50\%") reads as Unicode, else the TeX
 * source. */
function mathText(tex: string): string {
  const swapped = tex.replace(/\\([A-Za-z]+|[%#&_{}$,;!])(?![A-Za-z])\s*/g, (all, name) => SYMBOLS[name] ?? all);
  // Braces and spaces of a plain value ("{\sim}50\%") carry nothing a reader needs.
  return /\\/.test(swapped) ? swapped.replace(/\s+/g, " ") : swapped.replace(/[{}]/g, "").replace(/\s+/g, " ");
}

const plain = (nodes: readonly TexNode[]): string =>
  nodes.map((n) => (n.kind === "text" ? n.text : n.kind === "math" ? mathText(n.tex) : plain(n.children))).join("");

/**
 * TeX as readable plain text, for titles, meta descriptions, feeds, the search
 * index and papers.json: Unicode accents and dashes, no markup, math as its
 * source ("O(n^2)") with common symbols as Unicode ("3×").
 */
export function texText(source: string): string {
  return mayHaveTex(source) ? plain(parseTex(source)) : source;
}
