// The plot of projected cost against scale for the top sites, as data (plotData.ts): each site's
// projection, and where it stands at the current assumptions. Dollars when any plotted site is
// priced, input tokens otherwise. The page scripts draw it (log-log) with a plotting library.
import type { ReportModel } from "./model";
import type { PlotData, PlotSeries } from "./plotData";
import type { ReportSite } from "./sites";

const TOP = 6;

type Metric = PlotData["metric"];

const positive = (v: number | null): number | null => (v !== null && v > 0 ? v : null);

function seriesOf(site: ReportSite, metric: Metric, sizes: readonly number[]): PlotSeries {
  const symbol = site.projection.symbol!;
  const size = site.estimate.at.find((a) => a.name === symbol)?.value;
  const now = positive(metric === "dollars" ? site.dollars : site.estimate.inputTokens);
  const onPlot = size !== undefined && now !== null && size >= sizes[0]! && size <= sizes[sizes.length - 1]!;
  return {
    site: site.site,
    label: `${site.file}:${site.line}`,
    function: site.function,
    symbol,
    bound: site.inputTokens.text,
    values: site.projection.points.map((p) => positive(p[metric])),
    current: onPlot ? { size, value: now } : null,
  };
}

/** The plot's data, or why there is none. */
export function costPlot(model: ReportModel): PlotData | { reason: string } {
  const scaled = model.sites.filter((s) => s.projection.symbol);
  const metric: Metric = scaled.some((s) => s.dollars !== null) ? "dollars" : "inputTokens";
  const sizes = model.summary.projectionSizes;
  const last = (s: PlotSeries): number => s.values[s.values.length - 1] ?? -1;
  const series = scaled
    .map((s) => seriesOf(s, metric, sizes))
    .filter((s) => s.values.filter((v) => v !== null).length >= 2)
    .sort((a, b) => last(b) - last(a) || a.site.localeCompare(b.site))
    .slice(0, TOP);
  if (!series.length) return { reason: "No site's cost depends on a loop count, so there is nothing to project." };
  const symbols = [...new Set(series.map((s) => s.symbol))];
  const nows = [...new Set(series.map((s) => s.current?.size))];
  const current = symbols.length === 1 && nows.length === 1 && nows[0] !== undefined ? { symbol: symbols[0]!, size: nows[0] } : null;
  return {
    metric,
    sizes,
    xLabel: symbols.length === 1 ? `${symbols[0]} (other sizes at the assumptions)` : "each site's main loop count (other sizes at the assumptions)",
    yLabel: metric === "dollars" ? "$ (input and output)" : "input tokens",
    series,
    current,
    note: current ? `○ each site now, at ${current.symbol}=${current.size}` : "○ each site now, at its current assumptions",
  };
}
