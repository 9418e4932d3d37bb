import type { MonthlyCounts } from "../pages/monthlyCounts.ts";
import { shortMonth as monthName } from "./dates.ts";
import { type Html, html } from "./html.ts";

/**
 * Papers per month as bars: inline SVG, no script, coloured by CSS (currentColor)
 * so it follows light and dark mode. Screen readers get a one-sentence summary
 * (role="img" with a label); everyone can open the exact numbers as a table.
 */
export function monthChart({ months, counts }: MonthlyCounts, topicName: string): Html {
  if (months.length === 0) return html``;
  const { summary, max } = describe(months, counts);
  const width = 6 * months.length;
  const height = 40;
  const bars = counts.map((n, i) => {
    const h = n === 0 ? 0 : Math.max(1.5, (height * n) / max);
    const bar = html`<rect x="${6 * i + 0.5}" y="${(height - h).toFixed(1)}" width="5" height="${h.toFixed(1)}">`;
    return html`${bar}<title>${monthName(months[i])}: ${n}</title></rect>`;
  });
  const size = html`viewBox="0 0 ${width} ${height + 1}" width="${18 * months.length}" height="72"`;
  const axis = html`<line x1="0" y1="${height + 0.5}" x2="${width}" y2="${height + 0.5}" class="axis"/>`;
  const svg = html`<svg ${size} preserveAspectRatio="none" role="img" aria-label="${topicName}: ${summary}" \
focusable="false">${axis}${bars}</svg>`;
  const ends = html`<span>${monthName(months[0])}</span> <span>${monthName(months.at(-1)!)}</span>`;
  return html`<div class="month-chart"><figure>
${svg}
<div class="chart-axis" aria-hidden="true">${ends}</div>
<figcaption>Papers per month: ${summary}.</figcaption>
</figure>
<details><summary>Papers per month</summary>
<table><thead><tr><th scope="col">Month</th><th scope="col">Papers</th></tr></thead>
<tbody>${months.map((m, i) => html`<tr><td>${monthName(m)}</td><td>${counts[i]}</td></tr>`).reverse()}</tbody></table>
</details>
</div>`;
}

/**
 * A small chart for the topics overview: the last twelve months as bars on a baseline, summarised for screen readers.
 * */
export function monthSparkline({ months, counts }: MonthlyCounts, topicName: string): Html {
  const recent = months.slice(-12);
  const values = counts.slice(-12);
  if (recent.length < 2) return html``;
  const { summary, max } = describe(recent, values);
  const height = 20;
  // Always twelve slots, the newest month on the right, so every topic's line reads the same way.
  const offset = 12 - values.length;
  const bars = values.map((n, i) => {
    const h = n === 0 ? 0 : Math.max(2, (height * n) / max);
    const y = (height - h).toFixed(1);
    return html`<rect x="${6 * (offset + i) + 0.5}" y="${y}" width="5" height="${h.toFixed(1)}"/>`;
  });
  const label = `${topicName}, papers per month: ${summary}`;
  const axis = html`<line x1="0" y1="${height + 0.5}" x2="72" y2="${height + 0.5}" class="axis"/>`;
  return html`<svg class="sparkline" viewBox="0 0 72 ${height + 1}" width="96" height="28" role="img" \
aria-label="${label}" focusable="false">${axis}${bars}</svg>`;
}

function describe(months: readonly string[], counts: readonly number[]) {
  const max = Math.max(1, ...counts);
  const peak = counts.indexOf(Math.max(...counts));
  const total = counts.reduce((a, b) => a + b, 0);
  const last = counts.at(-1)!;
  const papers = `${total} ${total === 1 ? "paper" : "papers"}`;
  const span = `${months.length} ${months.length === 1 ? "month" : "months"}`;
  const newest = `${last} in ${monthName(months.at(-1)!)}`;
  const summary = `${papers} over ${span}, most in ${monthName(months[peak])} (${counts[peak]}), ${newest}`;
  return { summary, max };
}
