// A log-log plot of projected cost against scale for the top sites, as inline SVG: a few lines
// over five decades need no plotting library, render without scripts, and are byte-stable for
// golden tests. Dollars when any plotted site is priced, input tokens otherwise.
import { escapeHtml } from "./escapeHtml";
import type { ReportModel } from "./model";
import type { ReportSite } from "./sites";

const TOP = 6;
const WIDTH = 760;
const HEIGHT = 380;
const MARGIN = { left: 72, right: 24, top: 16, bottom: 48 };
/** Distinguishable on light and dark backgrounds (Okabe–Ito). */
const COLORS = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];

type Metric = "dollars" | "inputTokens";

interface Series {
  readonly site: ReportSite;
  readonly points: { size: number; value: number }[];
}

function seriesOf(sites: readonly ReportSite[], metric: Metric): Series[] {
  return sites
    .map((site) => ({ site, points: site.projection.points.flatMap((p) => (p[metric] !== null && p[metric]! > 0 ? [{ size: p.size, value: p[metric]! }] : [])) }))
    .filter((s) => s.points.length >= 2)
    .sort((a, b) => b.points[b.points.length - 1]!.value - a.points[a.points.length - 1]!.value || a.site.site.localeCompare(b.site.site))
    .slice(0, TOP);
}

/** `$0.001`, `$1`, `$1k`, `$1M`; tokens the same without the dollar sign. */
function decadeLabel(k: number, metric: Metric): string {
  const unit = metric === "dollars" ? "$" : "";
  if (k < 0) return `${unit}${Number((10 ** k).toPrecision(1))}`;
  const suffixes: [number, string][] = [[12, "T"], [9, "B"], [6, "M"], [3, "k"], [0, ""]];
  const [e, s] = suffixes.find(([e]) => k >= e)!;
  return `${unit}${10 ** (k - e)}${s}`;
}

const fixed = (n: number): string => n.toFixed(1);

/** The plot's SVG, or a sentence when no site has a projection to draw. */
export function costPlot(model: ReportModel): { svg: string; metric: Metric; series: number } | { svg: null; reason: string } {
  const metric: Metric = model.sites.some((s) => s.projection.symbol && s.dollars !== null) ? "dollars" : "inputTokens";
  const series = seriesOf(model.sites.filter((s) => s.projection.symbol), metric);
  if (!series.length) return { svg: null, reason: "No site's cost depends on a loop count, so there is nothing to project." };
  const sizes = model.summary.projectionSizes;
  const values = series.flatMap((s) => s.points.map((p) => Math.log10(p.value)));
  const yMin = Math.floor(Math.min(...values));
  const yMax = Math.max(yMin + 1, Math.ceil(Math.max(...values)));
  const xMin = Math.log10(sizes[0]!);
  const xMax = Math.log10(sizes[sizes.length - 1]!);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (size: number): number => MARGIN.left + ((Math.log10(size) - xMin) / (xMax - xMin)) * plotW;
  const y = (value: number): number => MARGIN.top + (1 - (Math.log10(value) - yMin) / (yMax - yMin)) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="plot-title">`);
  out.push(`<title id="plot-title">Projected ${metric === "dollars" ? "dollars" : "input tokens"} against scale, log-log, top ${series.length} sites</title>`);
  // Grid and axes: one line per decade.
  const yStep = Math.max(1, Math.ceil((yMax - yMin) / 8));
  for (let k = yMin; k <= yMax; k += yStep) {
    const py = fixed(y(10 ** k));
    out.push(`<line class="grid" x1="${MARGIN.left}" y1="${py}" x2="${WIDTH - MARGIN.right}" y2="${py}"/>`);
    out.push(`<text class="tick" x="${MARGIN.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeHtml(decadeLabel(k, metric))}</text>`);
  }
  for (const size of sizes) {
    const px = fixed(x(size));
    out.push(`<line class="grid" x1="${px}" y1="${MARGIN.top}" x2="${px}" y2="${HEIGHT - MARGIN.bottom}"/>`);
    out.push(`<text class="tick" x="${px}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${decadeLabel(Math.log10(size), "inputTokens")}</text>`);
  }
  out.push(`<rect class="frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}"/>`);
  const xLabel = model.scale ? `${model.scale} (other sizes at the assumptions)` : "each site's main loop count (other sizes at the assumptions)";
  out.push(`<text class="axis" x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(xLabel)}</text>`);
  out.push(`<text class="axis" transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${metric === "dollars" ? "dollars" : "input tokens"}</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const d = s.points.map((p, j) => `${j ? "L" : "M"}${fixed(x(p.size))} ${fixed(y(p.value))}`).join(" ");
    out.push(`<g class="series" data-site="${escapeHtml(s.site.site)}"><path d="${d}" stroke="${color}" fill="none" stroke-width="2.5"/>`);
    for (const p of s.points) out.push(`<circle cx="${fixed(x(p.size))}" cy="${fixed(y(p.value))}" r="3.5" fill="${color}"><title>${escapeHtml(`${s.site.file}:${s.site.line} at ${s.site.projection.symbol}=${p.size}: ${p.value.toPrecision(3)}`)}</title></circle>`);
    out.push("</g>");
  });
  out.push("</svg>");
  const legend = series.map((s, i) => `<li><span class="swatch" style="background:${COLORS[i % COLORS.length]}"></span>${escapeHtml(`${s.site.file}:${s.site.line}`)} <span class="muted">in ${escapeHtml(s.site.function)}, scaling ${escapeHtml(s.site.projection.symbol ?? "")}: ${escapeHtml(s.site.inputTokens.text)}</span></li>`);
  return { svg: `${out.join("\n")}\n<ol class="legend">${legend.join("")}</ol>`, metric, series: series.length };
}
