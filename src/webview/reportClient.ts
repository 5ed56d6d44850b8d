// The report webview's script (bundled to media/report.js): renders the view the extension posts
// (summary, assumptions, the plot in the theme's colours, a sortable and filterable table) with DOM
// calls only, and sends typed messages back: ready, open a site, re-scale the plot, other
// assumption values, and what it rendered.
// The controls are @vscode-elements web components (bundled here; their styles are constructed
// stylesheets, which the page's CSP does not restrict); the table stays a native <table>.
import "@vscode-elements/elements/dist/vscode-badge/index.js";
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-checkbox/index.js";
import "@vscode-elements/elements/dist/vscode-option/index.js";
import "@vscode-elements/elements/dist/vscode-single-select/index.js";
import "@vscode-elements/elements/dist/vscode-textfield/index.js";
import type { FromPage, ReportPageState, ReportRow, ReportView, ToPage } from "../extension/view/reportMessages";
import { nameTable } from "../core/nameTables";
import { CostChart } from "./costChart";
import { onThemeChange, vscodeChartTheme } from "./vscodeChartTheme";

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): ReportPageState | undefined;
  setState(state: ReportPageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById("report")!;

type SortKey = "site" | "function" | "class" | "input" | "calls" | "generation" | "span" | "model" | "growth" | "dollars" | "fix";
interface Column {
  readonly key: SortKey;
  readonly title: string;
  readonly cell: (r: ReportRow) => string;
  readonly sort: (r: ReportRow) => string | number;
  readonly cls?: string;
}

// What people decide on first, left: where, what it costs, what would fix it; the bounds after.
const COLUMNS: Column[] = [
  { key: "site", title: "Site", cell: (r) => `${r.file}:${r.line}`, sort: (r) => `${r.file}\u0000${String(r.line).padStart(7, "0")}`, cls: "mono" },
  { key: "dollars", title: "$ at assumptions", cell: (r) => r.dollarsText, sort: (r) => r.dollars ?? -1, cls: "num" },
  { key: "fix", title: "Best fix", cell: (r) => r.fix?.title ?? "", sort: (r) => r.fix?.saves ?? -1, cls: "fix" },
  { key: "class", title: "Class", cell: (r) => r.costClass, sort: (r) => r.classRank },
  { key: "model", title: "Model", cell: (r) => r.model, sort: (r) => r.model, cls: "mono" },
  { key: "function", title: "Function", cell: (r) => r.function, sort: (r) => r.function, cls: "mono" },
  { key: "input", title: "Input tokens", cell: (r) => r.input, sort: (r) => r.inputAt ?? -1, cls: "bound" },
  { key: "calls", title: "Calls", cell: (r) => r.calls, sort: (r) => r.callsAt ?? -1, cls: "bound" },
  { key: "generation", title: "Generation", cell: (r) => r.generation, sort: (r) => r.generation, cls: "bound" },
  { key: "span", title: "Span", cell: (r) => r.span, sort: (r) => r.span, cls: "bound" },
  { key: "growth", title: "Growth", cell: (r) => r.growth, sort: (r) => r.growth },
];

const ui = {
  view: undefined as ReportView | undefined,
  sort: { key: "dollars" as SortKey, descending: true },
  filter: "",
  group: true,
  opened: undefined as string | undefined,
  /** The values set in the page (symbol → value); the extension re-prices with them. */
  assume: nameTable(Object.entries(vscode.getState()?.assume ?? {})),
};

function saveState(): void {
  vscode.setState({ scale: ui.view?.scale ?? null, assume: ui.assume });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const classChip = (c: string): HTMLElement => el("vscode-badge", { className: `cls cls-${c.replace(/\+/g, "plus")}`, text: c });

function compare(a: ReportRow, b: ReportRow): number {
  const col = COLUMNS.find((c) => c.key === ui.sort.key)!;
  const x = col.sort(a);
  const y = col.sort(b);
  const d = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  return (ui.sort.descending ? -d : d) || a.file.localeCompare(b.file) || a.line - b.line;
}

function matches(r: ReportRow, filter: string): boolean {
  if (!filter) return true;
  const hay = [r.file, String(r.line), r.function, r.costClass, r.input, r.calls, r.generation, r.span, r.model, r.growth, ...r.fromFile].join(" ").toLowerCase();
  return filter.toLowerCase().split(/\s+/).every((w) => hay.includes(w));
}

function open(site: string): void {
  // Mark the row last opened, so the user sees where they came from.
  root.querySelectorAll("tr.site").forEach((tr) => tr.classList.toggle("selected", tr.getAttribute("data-site") === site));
  ui.opened = site;
  vscode.postMessage({ type: "open", site });
}

function rowElement(r: ReportRow): HTMLTableRowElement {
  const tr = el("tr", { className: r.site === ui.opened ? "site selected" : "site", attrs: { "data-site": r.site, tabindex: "0", title: `Open ${r.file}:${r.line}` } });
  for (const c of COLUMNS) {
    const td = el("td", c.cls ? { className: c.cls } : {});
    if (c.key === "class") td.append(classChip(r.costClass));
    else td.textContent = c.cell(r);
    if (c.key === "fix" && r.fix) td.append(el("div", { className: "saves", text: r.fix.savesText }));
    // Sizes the site's file sets itself (`// @aalp`) stay whatever the page sets: say so where the dollars are.
    if (c.key === "dollars" && r.fromFile.length) td.append(el("div", { className: "from-file muted", text: `${r.fromFile.join(", ")} from the file`, attrs: { title: "Set by an @aalp comment in the file: it keeps this value over the page's and the settings'" } }));
    tr.append(td);
  }
  tr.addEventListener("click", () => open(r.site));
  tr.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open(r.site);
    }
  });
  return tr;
}

function renderRows(tbody: HTMLTableSectionElement, view: ReportView): number {
  const rows = view.rows.filter((r) => matches(r, ui.filter)).sort(compare);
  tbody.replaceChildren();
  if (ui.group) {
    const classes = [...new Set(rows.map((r) => r.costClass))].sort((a, b) => rows.find((r) => r.costClass === b)!.classRank - rows.find((r) => r.costClass === a)!.classRank);
    for (const c of classes) {
      const members = rows.filter((r) => r.costClass === c);
      const head = el("tr", { className: "group" }, el("th", { attrs: { colspan: String(COLUMNS.length), scope: "rowgroup" } }, classChip(c), ` ${members.length} site${members.length === 1 ? "" : "s"}`));
      tbody.append(head, ...members.map(rowElement));
    }
  } else tbody.append(...rows.map(rowElement));
  return rows.length;
}

function renderTable(view: ReportView): HTMLElement {
  const tbody = el("tbody");
  const count = el("span", { className: "muted", attrs: { id: "row-count" } });
  const update = (): void => {
    const n = renderRows(tbody, view);
    count.textContent = `${n} of ${view.rows.length} sites`;
  };
  const headRow = el("tr");
  for (const c of COLUMNS) {
    const button = el("button", { text: c.title, attrs: { type: "button" } });
    const th = el("th", { attrs: { scope: "col", "data-key": c.key } }, button);
    if (ui.sort.key === c.key) th.setAttribute("aria-sort", ui.sort.descending ? "descending" : "ascending");
    button.addEventListener("click", () => {
      ui.sort = { key: c.key, descending: ui.sort.key === c.key ? !ui.sort.descending : c.key === "class" || c.key === "dollars" || c.key === "fix" || c.key === "input" || c.key === "calls" };
      headRow.querySelectorAll("th").forEach((h) => (h.dataset.key === ui.sort.key ? h.setAttribute("aria-sort", ui.sort.descending ? "descending" : "ascending") : h.removeAttribute("aria-sort")));
      update();
    });
    headRow.append(th);
  }
  const filter = el("vscode-textfield", { attrs: { type: "search", id: "filter", placeholder: "Filter sites (file, function, model, class…)", "aria-label": "Filter sites" } });
  filter.value = ui.filter;
  filter.addEventListener("input", () => {
    ui.filter = filter.value;
    update();
  });
  const group = el("vscode-checkbox", { attrs: { id: "group", label: "Group by class" } });
  group.checked = ui.group;
  group.addEventListener("change", () => {
    ui.group = group.checked;
    update();
  });
  const controls = el("div", { className: "controls" }, filter, group, count);
  const table = el("table", { attrs: { id: "sites" } }, el("thead", {}, headRow), tbody);
  update();
  return el("section", {}, el("h2", { text: "Call sites" }), controls, el("div", { className: "table-wrap" }, table));
}

function renderPlot(view: ReportView): HTMLElement {
  const select = el("vscode-single-select", { attrs: { id: "scale", "aria-label": "Symbol to scale" } });
  const current = view.scale ?? "";
  const option = (value: string, text: string): HTMLElement => el("vscode-option", { text, attrs: value === current ? { value, selected: "" } : { value } });
  select.append(option("", "each site's main loop count"), ...view.scaleCandidates.map((s) => option(s, s)));
  select.addEventListener("change", () => {
    const symbol = select.value === "" ? null : select.value;
    if (symbol === (ui.view?.scale ?? null)) return;
    vscode.setState({ scale: symbol, assume: ui.assume });
    root.setAttribute("aria-busy", "true");
    vscode.postMessage({ type: "scale", symbol });
  });
  // The chart is drawn into the figure once the page holds it (uPlot measures its width).
  const figure = el("figure", { attrs: { id: "plot" } });
  if ("reason" in view.plot) figure.append(el("p", { className: "muted", text: view.plot.reason }));
  return el("section", {}, el("h2", { text: "Projected cost against scale" }), el("div", { className: "controls" }, el("label", { attrs: { for: "scale" }, text: "Scale: " }), select, el("span", { className: "muted", text: "log-log; other sizes at the assumptions" })), figure);
}

function sendAssumptions(): void {
  saveState();
  root.setAttribute("aria-busy", "true");
  vscode.postMessage({ type: "assume", values: { ...ui.assume } });
}

/** A number input per symbol the dollars rest on; a committed change asks the extension to re-price. */
function renderAssumptions(view: ReportView): HTMLElement {
  const counts = el("div", { className: "assumptions" });
  const sizes = el("div", { className: "assumptions" });
  for (const a of view.assumptionInputs) {
    const id = `assume-${a.name.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
    const field = el("vscode-textfield", { attrs: { type: "number", id, min: "0", step: "1", "data-symbol": a.name, "aria-label": `${a.name} (${a.kind})` } });
    field.value = String(a.value);
    if (!a.given) field.classList.add("default");
    field.addEventListener("change", () => {
      const v = Number(field.value);
      if (field.value.trim() === "" || !Number.isFinite(v) || v < 0) {
        field.value = String(a.value);
        return;
      }
      if (v === a.value) return;
      ui.assume[a.name] = v;
      sendAssumptions();
    });
    const files = a.setInFiles ? `; ${a.setInFiles} file${a.setInFiles === 1 ? " sets its" : "s set their"} own with @aalp, kept there` : "";
    (a.kind === "count" ? counts : sizes).append(el("label", { className: "assumption", attrs: { for: id, title: `${a.kind}: ${a.given ? "set" : "default"}${files}` } }, el("span", { className: "mono", text: a.setInFiles ? `${a.name}*` : a.name }), field));
  }
  const reset = el("vscode-button", { text: "Reset", attrs: { id: "assume-reset", secondary: "", title: "Back to the workspace's assumptions" } });
  // One source of assumptions: saved, the values go to the workspace's aalp.assumptions, which the lenses and hovers read.
  const save = el("vscode-button", { text: "Save to workspace settings", attrs: { id: "assume-save", title: "Write these values into the workspace's aalp.assumptions, for the lenses and hovers too" } });
  for (const b of [reset, save]) if (!Object.keys(ui.assume).length) b.setAttribute("disabled", "");
  reset.addEventListener("click", () => {
    if (!Object.keys(ui.assume).length) return;
    ui.assume = nameTable<number>();
    sendAssumptions();
  });
  save.addEventListener("click", () => {
    if (!Object.keys(ui.assume).length) return;
    root.setAttribute("aria-busy", "true");
    vscode.postMessage({ type: "save" });
  });
  const declared = view.assumptionInputs.some((a) => a.setInFiles);
  const note = el("span", { className: "muted", text: `loop counts, sizes and outputs in tokens; values set here apply to every file${declared ? ", except in a file that sets its own with // @aalp (marked *)" : ""}` });
  // Sizes and outputs (often dozens) folded, so the table starts near the fold; open when one is set.
  const sized = view.assumptionInputs.filter((a) => a.kind !== "count");
  const more = el("details", {}, el("summary", { text: `Sizes and outputs (${sized.length})` }), sizes);
  if (sized.some((a) => a.name in ui.assume)) more.open = true;
  return el("section", { attrs: { id: "assumptions" } }, el("h2", { text: "Assumptions" }), counts, sized.length ? more : "", el("div", { className: "controls" }, save, reset, note));
}

function renderSummary(view: ReportView): HTMLElement {
  const section = el("section", { attrs: { id: "summary" } }, el("p", { text: `${view.summary}.` }), el("p", { className: "muted", text: `Dollars at ${view.assumptions}.` }));
  section.append(el("ul", { className: "chips" }, ...view.byClass.map((c) => el("li", {}, classChip(c.costClass), ` ${c.sites}`))));
  if (view.worst.length) {
    const list = el("ol");
    for (const i of view.worst) {
      const r = view.rows[i]!;
      const link = el("a", { text: `${r.file}:${r.line}`, attrs: { href: "#", "data-site": r.site } });
      link.addEventListener("click", (e) => {
        e.preventDefault();
        open(r.site);
      });
      const fix = r.fix ? ` · ${r.fix.title}: ${r.fix.savesText}` : "";
      list.append(el("li", {}, el("strong", { text: r.dollarsText }), " ", link, ` in ${r.function} `, classChip(r.costClass), fix));
    }
    section.append(el("h2", { text: "Costliest sites" }), list);
  }
  if (view.fixes) section.append(el("p", { text: view.fixes }));
  return section;
}

let chart: CostChart | undefined;

// A theme change restyles the page by itself, but a canvas keeps the colours it was drawn in.
onThemeChange(() => chart?.setTheme(vscodeChartTheme()));

function render(view: ReportView): void {
  ui.view = view;
  const exportButton = el("vscode-button", { text: "Export…", attrs: { id: "export", secondary: "", title: "Save this report as HTML, Markdown, JSON or SARIF (the CLI's formats)" } });
  exportButton.addEventListener("click", () => vscode.postMessage({ type: "export" }));
  const parts: HTMLElement[] = [el("header", { className: "title" }, el("h1", { text: "AALP Lens: workspace LLM cost" }), exportButton), el("div", { className: "overview" }, el("div", {}, renderSummary(view), view.assumptionInputs.length ? renderAssumptions(view) : ""), renderPlot(view)), renderTable(view)];
  if (view.skipped.length) parts.push(el("p", { className: "muted", text: `Skipped: ${view.skipped.join(", ")}.` }));
  chart?.destroy();
  root.replaceChildren(...parts);
  chart = "series" in view.plot ? new CostChart(document.getElementById("plot")!, view.plot, vscodeChartTheme()) : undefined;
  root.setAttribute("aria-busy", "false");
  saveState();
  vscode.postMessage({ type: "rendered", rows: root.querySelectorAll("tr.site").length, series: chart?.series ?? 0 });
}

function status(text: string, cls: string): void {
  if (!ui.view) root.replaceChildren(el("p", { className: cls, attrs: { id: "status" }, text }));
  else {
    document.getElementById("status")?.remove();
    root.prepend(el("p", { className: cls, attrs: { id: "status" }, text }));
  }
}

window.addEventListener("message", (e: MessageEvent<ToPage>) => {
  const m = e.data;
  if (m.type === "report") {
    ui.assume = { ...m.assume };
    render(m.view);
  }
  else if (m.type === "busy") status(m.text, "muted");
  else if (m.type === "error") status(m.text, "error");
});

vscode.postMessage({ type: "ready" });
