// The script of the CLI's HTML page (`aalp report --format html`), bundled by scripts/build.mjs into
// dist/report-page.js and inlined into the page: the plot, drawn from the page's JSON data with the
// chart module the report view uses, in the page's colours (light or dark, as the system prefers);
// and the sites table, sortable by any column (click or Enter on its header; again to reverse).
import type { PlotData } from "../core/report/plotData";
import { CostChart, type ChartTheme } from "./costChart";

/** Okabe–Ito: distinguishable on light and dark backgrounds, and by most colour-blind readers. */
const PALETTE = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];

/** The chart's colours from the page's own variables (htmlPage.ts), which follow prefers-color-scheme. */
function pageTheme(): ChartTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  return { text: v("--fg"), axis: v("--muted"), grid: v("--line"), background: v("--bg"), fontFamily: css.fontFamily, fontSize: 12, series: PALETTE };
}

function drawPlot(): void {
  const figure = document.getElementById("plot");
  const data = document.getElementById("plot-data");
  if (!figure || !data?.textContent) return;
  const chart = new CostChart(figure, JSON.parse(data.textContent) as PlotData, pageTheme());
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => chart.setTheme(pageTheme()));
}

function sortable(table: HTMLTableElement): void {
  const body = table.tBodies[0]!;
  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, col) => {
    th.querySelector("button")!.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const key = (tr: HTMLTableRowElement): string => tr.cells[col]!.dataset.sort ?? "";
      const rows = [...body.rows].sort((a, b) => {
        const c = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
        return ascending ? c : -c;
      });
      body.append(...rows);
    });
  });
}

drawPlot();
sortable(document.getElementById("sites") as HTMLTableElement);
