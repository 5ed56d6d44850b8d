// The data of the plot of projected cost against scale, as the page scripts draw it (the editor's
// report view and the CLI's HTML page share one client plotting module, src/webview/costChart.ts).
// Types only, with no imports, so that the browser code's type check does not reach into the engine.

export interface PlotSeries {
  /** The site's identity (file › function › api #n). */
  readonly site: string;
  /** `file:line`. */
  readonly label: string;
  readonly function: string;
  /** The symbol this site is scaled along. */
  readonly symbol: string;
  /** The site's input bound, e.g. `Θ(rounds²·|program|)`. */
  readonly bound: string;
  /** The metric at each of PlotData.sizes; null where it is unknown or not positive (a log scale has no 0). */
  readonly values: (number | null)[];
  /** The site at the current assumptions: its scaled symbol's value and the metric there; null off the plotted sizes. */
  readonly current: { readonly size: number; readonly value: number } | null;
}

export interface PlotData {
  /** Dollars when any plotted site is priced, input tokens otherwise. */
  readonly metric: "dollars" | "inputTokens";
  /** The sizes of the scaled symbol, ascending: the x values. */
  readonly sizes: readonly number[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Costliest at the largest size first. */
  readonly series: PlotSeries[];
  /** The value every plotted site has now, when they share one symbol and value: a rule is drawn there. */
  readonly current: { readonly symbol: string; readonly size: number } | null;
  /** What the markers show, for the caption. */
  readonly note: string;
}
