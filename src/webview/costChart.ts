// The plot of projected cost against scale, drawn with uPlot: log scales on both axes, a line per
// top site, a legend naming the sites, and a ring where each site stands at the current assumptions
// (with a rule there when they all share one value). Shared by the editor's report view and the
// CLI's HTML page; each host supplies the colours (its theme) and redraws when they change.
import uPlot from "uplot";
import type { PlotData } from "../core/report/plotData";

export interface ChartTheme {
  /** Axis values and labels. */
  readonly text: string;
  /** Axis lines and ticks. */
  readonly axis: string;
  readonly grid: string;
  /** Behind the chart: the markers' fill. */
  readonly background: string;
  /** CSS font family and size in pixels, for the canvas's text. */
  readonly fontFamily: string;
  readonly fontSize: number;
  /** Line colours, costliest site first. */
  readonly series: readonly string[];
}

const HEIGHT = 340;

/**
 * Line styles beside the colours, so that overlapping lines (sites of one class often lie on top of
 * each other) and colour-blind readers can tell them apart: a dash pattern per series and markers
 * alternately filled and hollow; the legend shows the same dash.
 */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 5]];

export function seriesStyle(i: number): { dash: number[]; hollow: boolean } {
  // Every other marker hollow, flipped in each further round of the dashes, so that series i and
  // i + DASHES.length (whose colours may coincide too) still differ.
  return { dash: [...DASHES[i % DASHES.length]!], hollow: Math.floor(i / DASHES.length) % 2 === 0 ? i % 2 === 1 : i % 2 === 0 };
}
const MIN_WIDTH = 320;

/** 1, 10, 100, 1k, 10k, 1M…; dollars the same with a $ and decimals below 1. */
export function decadeLabel(value: number, dollars: boolean): string {
  const unit = dollars ? "$" : "";
  if (value < 1) return `${unit}${Number(value.toPrecision(1))}`;
  const [e, suffix] = ([[12, "T"], [9, "B"], [6, "M"], [3, "k"], [0, ""]] as const).find(([e]) => value >= 10 ** e)!;
  return `${unit}${Number((value / 10 ** e).toPrecision(3))}${suffix}`;
}

/** Powers of ten from `min` to `max`, every other one when there are many. */
function decades(min: number, max: number): number[] {
  const lo = Math.round(Math.log10(min));
  const hi = Math.round(Math.log10(max));
  const step = Math.max(1, Math.ceil((hi - lo) / 8));
  const out: number[] = [];
  for (let k = lo; k <= hi; k += step) out.push(10 ** k);
  return out;
}

/** The y range: whole decades around every value and marker, at least one decade. */
function yRange(data: PlotData): [number, number] {
  const values = data.series.flatMap((s) => [...s.values, s.current?.value ?? null]).filter((v): v is number => v !== null);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values))));
  return [10 ** lo, 10 ** hi];
}

function legendLabel(s: PlotData["series"][number]): HTMLElement {
  const label = document.createElement("span");
  const site = document.createElement("span");
  site.className = "site";
  site.textContent = `${s.label} in ${s.function}`;
  const bound = document.createElement("span");
  bound.className = "bound";
  bound.textContent = `${s.symbol}: ${s.bound}`;
  label.append(site, bound);
  return label;
}

export class CostChart {
  private plot: uPlot | undefined;
  private readonly chart = document.createElement("div");
  private readonly resize = new ResizeObserver(() => this.fit());

  constructor(
    private readonly figure: HTMLElement,
    private readonly data: PlotData,
    private theme: ChartTheme,
  ) {
    const caption = document.createElement("figcaption");
    caption.className = "plot-note";
    caption.textContent = data.note;
    figure.replaceChildren(this.chart, caption);
    this.draw();
    this.resize.observe(figure);
  }

  /** Legend entries drawn: one per plotted site. */
  get series(): number {
    return this.chart.querySelectorAll(".u-legend tr.u-series").length;
  }

  /** Redraws in new colours (the theme changed); nothing when they are the same. */
  setTheme(theme: ChartTheme): void {
    if (JSON.stringify(theme) === JSON.stringify(this.theme)) return;
    this.theme = theme;
    this.draw();
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  private width(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.figure.clientWidth));
  }

  private fit(): void {
    const width = this.width();
    if (this.plot && this.plot.width !== width) this.plot.setSize({ width, height: HEIGHT });
  }

  private draw(): void {
    this.plot?.destroy();
    const { data, theme } = this;
    const dollars = data.metric === "dollars";
    const font = `${theme.fontSize}px ${theme.fontFamily}`;
    const [yMin, yMax] = yRange(data);
    const xMin = data.sizes[0]!;
    const xMax = data.sizes[data.sizes.length - 1]!;
    const axis = (label: string, format: (v: number) => string, splits: number[]): uPlot.Axis => ({
      label,
      font,
      labelFont: font,
      stroke: theme.text,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.axis, width: 1, size: 6 },
      border: { show: true, stroke: theme.axis, width: 1 },
      splits: () => splits,
      // Every split labelled (uPlot thins a log axis's labels by default).
      filter: (_u, vs) => vs,
      values: (_u, vs) => vs.map((v) => (v === null ? "" : format(v))),
    });
    const yAxis = axis(data.yLabel, (v) => decadeLabel(v, dollars), decades(yMin, yMax));
    // Wide enough for the longest value label.
    yAxis.size = (u, values) => {
      if (!values) return 50;
      u.ctx.font = font;
      return Math.ceil(Math.max(...values.map((v) => u.ctx.measureText(v).width)) / uPlot.pxRatio) + 16;
    };
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        scales: {
          x: { time: false, distr: 3, log: 10, range: () => [xMin, xMax] },
          y: { distr: 3, log: 10, range: () => [yMin, yMax] },
        },
        axes: [{ ...axis(data.xLabel, (v) => decadeLabel(v, false), decades(xMin, xMax)), size: 34, labelSize: 24 }, yAxis],
        series: [
          { label: data.xLabel },
          ...data.series.map((s, i): uPlot.Series => {
            const color = theme.series[i % theme.series.length]!;
            const style = seriesStyle(i);
            return { label: legendLabel(s), stroke: color, width: 2, dash: style.dash, points: { show: true, size: style.hollow ? 8 : 7, width: 2, fill: style.hollow ? theme.background : color, stroke: color } };
          }),
        ],
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
        hooks: { draw: [(u) => this.drawCurrent(u)] },
      },
      [[...data.sizes], ...data.series.map((s) => s.values)] as uPlot.AlignedData,
      this.chart,
    );
  }

  /** A ring where each site stands at the current assumptions, and a rule at their shared value. */
  private drawCurrent(u: uPlot): void {
    const { ctx } = u;
    const { data, theme } = this;
    const px = uPlot.pxRatio;
    ctx.save();
    if (data.current) {
      const x = Math.round(u.valToPos(data.current.size, "x", true)) + 0.5;
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = px;
      ctx.setLineDash([4 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = theme.text;
      ctx.font = `${theme.fontSize * px}px ${theme.fontFamily}`;
      ctx.textBaseline = "top";
      ctx.fillText(` ${data.current.symbol}=${data.current.size} now`, x + 2 * px, u.bbox.top + 2 * px);
    }
    data.series.forEach((s, i) => {
      if (!s.current || !u.series[i + 1]!.show) return;
      ctx.beginPath();
      ctx.arc(u.valToPos(s.current.size, "x", true), u.valToPos(s.current.value, "y", true), 6 * px, 0, 2 * Math.PI);
      ctx.fillStyle = theme.background;
      ctx.fill();
      ctx.lineWidth = 2.5 * px;
      ctx.strokeStyle = theme.series[i % theme.series.length]!;
      ctx.stroke();
    });
    ctx.restore();
  }
}
