// A self-contained HTML report: styles, data and script inline, and a CSP that lets no request
// leave the file. The table is rendered here, so it reads without scripts; the page's script
// (src/webview/htmlReportClient.ts, built into dist/report-page.js with the uPlot plotting library)
// draws the plot from the plot data embedded as JSON and sorts the table.
import { costPlot } from "./costPlot";
import { escapeHtml } from "./escapeHtml";
import { classRank, type ReportModel } from "./model";
import type { ReportSite } from "./sites";
import { assumptionsText, dollarsText, fixesSentence, summarySentence } from "./wording";

/** The page's script and the plotting library's styles, inlined: the CLI reads them from its build. */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --head: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --head: #151b23; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.muted { color: var(--muted); }
code, td.bound, td.mono { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; list-style: none; }
.chips li { border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; }
.cls { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; color: #fff; background: #6e7781; }
.cls-linear { background: #0969da; } .cls-quadratic { background: #bc4c00; } .cls-cubic\\+ { background: #cf222e; }
.cls-unbounded { background: #82071e; } .cls-unknown { background: #8250df; } .cls-constant { background: #1a7f37; }
.table-wrap { overflow-x: auto; }
#sites { border-collapse: collapse; width: 100%; }
#sites th, #sites td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
#sites th { background: var(--head); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid #0969da; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; white-space: nowrap; }
figure { margin: 0; max-width: 960px; }
#plot .u-legend .site { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
`;

/** JSON inside a <script> element: no `</script>` or `<!--` can end it early. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");

/** Text inside a <script> or <style> element, which nothing can escape: refuse what would end it. */
function rawText(text: string, element: "script" | "style"): string {
  if (new RegExp(`</${element}`, "i").test(text)) throw new Error(`the inlined ${element} contains </${element}`);
  return text;
}

function cell(content: string, sort: string | number, cls = ""): string {
  return `<td${cls ? ` class="${cls}"` : ""} data-sort="${escapeHtml(String(sort))}">${content}</td>`;
}

/** Text that may wrap after the given characters (by default those of methods, products and indexed symbols), so that the table fits a window. */
const breakable = (text: string, after = /([.·[])/g): string => escapeHtml(text).replace(after, "$1<wbr>");

/** A sort key for a number that may be NaN (an unknown bound): those sort first. */
const finite = (n: number): number => (Number.isFinite(n) ? n : -1);

function row(s: ReportSite): string {
  const site = `${s.file}:${s.line}`;
  return `<tr data-site="${escapeHtml(s.site)}">${[
    cell(breakable(site, /(\/)/g), `${s.file} ${String(s.line).padStart(7, "0")}`, "mono"),
    cell(breakable(s.function), s.function, "mono"),
    cell(`<span class="cls cls-${escapeHtml(s.costClass)}">${escapeHtml(s.costClass)}</span>`, classRank(s.costClass)),
    cell(breakable(s.inputTokens.text), finite(s.estimate.inputTokens), "bound"),
    cell(breakable(s.calls.text), finite(s.estimate.calls), "bound"),
    cell(breakable(s.generationCost.text), s.generationCost.text, "bound"),
    cell(breakable(s.span.text), s.span.text, "bound"),
    cell(escapeHtml(s.model ?? "not static"), s.model ?? "", "mono"),
    cell(escapeHtml(dollarsText(s.dollars, s.estimate.exact)), s.dollars ?? -1, "num"),
  ].join("")}</tr>`;
}

const COLUMNS: [string, "text" | "number"][] = [["Site", "text"], ["Function", "text"], ["Class", "number"], ["Input tokens", "number"], ["Calls", "number"], ["Generation", "text"], ["Span", "text"], ["Model", "text"], ["$ at assumptions", "number"]];

export function reportHtml(model: ReportModel, assets: PageAssets): string {
  const bySite = new Map(model.sites.map((s) => [s.site, s]));
  const worst = model.summary.worst.map((id) => bySite.get(id)!);
  const plot = costPlot(model);
  const fixes = fixesSentence(model);
  const out = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>AALP Lens: LLM cost report</title>",
    `<style>${STYLE}</style>`,
    `<style id="chart-style">${rawText(assets.style, "style")}</style>`,
    "</head>",
    "<body>",
    "<h1>AALP Lens: LLM cost</h1>",
    `<p>${escapeHtml(summarySentence(model))}.</p>`,
    `<p class="muted">Dollars at ${escapeHtml(assumptionsText(model))}. ${escapeHtml(`aalp-lens ${model.tool.version}`)}.</p>`,
    `<ul class="chips">${model.summary.byClass.map((c) => `<li><span class="cls cls-${escapeHtml(c.costClass)}">${escapeHtml(c.costClass)}</span> ${c.sites}</li>`).join("")}</ul>`,
  ];
  if (worst.length) {
    out.push("<h2>Worst offenders</h2>", `<ol>${worst.map((s) => `<li><code>${escapeHtml(`${s.file}:${s.line}`)}</code> in <code>${escapeHtml(s.function)}</code>: ${escapeHtml(s.costClass)}, input <code>${escapeHtml(s.inputTokens.text)}</code>, ${escapeHtml(dollarsText(s.dollars, s.estimate.exact))}</li>`).join("")}</ol>`);
  }
  if (fixes) out.push(`<p>${escapeHtml(fixes)}</p>`);
  out.push("<h2>Projected cost against scale</h2>");
  if ("reason" in plot) out.push(`<p class="muted">${escapeHtml(plot.reason)}</p>`);
  else out.push(`<figure id="plot"><noscript><p class="muted">The plot is drawn by the page's script.</p></noscript></figure>`, `<script type="application/json" id="plot-data">${scriptJson(plot)}</script>`);
  out.push("<h2>Call sites</h2>");
  out.push(`<div class="table-wrap"><table id="sites"><thead><tr>${COLUMNS.map(([name, type]) => `<th data-type="${type}"><button type="button">${escapeHtml(name)}</button></th>`).join("")}</tr></thead>`);
  out.push(`<tbody>${model.sites.map(row).join("\n")}</tbody></table></div>`);
  if (model.skipped.length) out.push(`<p class="muted">Skipped: ${model.skipped.map((s) => `${escapeHtml(s.file)} (${escapeHtml(s.reason)})`).join(", ")}.</p>`);
  out.push(`<script id="page-script">${rawText(assets.script, "script")}</script>`, "</body>", "</html>");
  return out.join("\n") + "\n";
}
