// The report webview's HTML and data, built without the editor (unit-tested on plain Node): the
// page shell (strict CSP with a nonce, the script and styles from media/ only) and the view the
// page renders from the report model.
import { costPlot, escapeHtml, classRank, type ReportModel, type ReportSite, dollarsText, fixesSentence, summarySentence, assumedValue, ownValue } from "../../core";
import type { AssumptionInput, ReportRow, ReportView } from "./reportMessages";
import { BUILT_IN_DEFAULTS, type DefaultSizes } from "./settingsModel";
import type { ReportFile } from "./workspaceReport";

export interface PageShell {
  /** The webview's `cspSource` (where media/ is served from). */
  readonly cspSource: string;
  /** Fresh for every page: only the script carrying it runs. */
  readonly nonce: string;
  /** asWebviewUri(media/report.js) and media/report.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** No inline styles, no other origin: scripts only with the nonce, styles and images only from media/. */
export function contentSecurityPolicy(shell: Pick<PageShell, "cspSource" | "nonce">): string {
  return [`default-src 'none'`, `img-src ${shell.cspSource}`, `style-src ${shell.cspSource}`, `font-src ${shell.cspSource}`, `script-src 'nonce-${shell.nonce}'`].join("; ");
}

/** The page: a placeholder until the extension answers the page's `ready` with the report. */
export function reportPageHtml(shell: PageShell): string {
  const attr = (s: string): string => escapeHtml(s);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(shell))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attr(shell.styleUri)}">`,
    "<title>AALP Lens: workspace cost report</title>",
    "</head>",
    "<body>",
    '<main id="report" aria-busy="true"><p class="muted" id="status">Analysing the workspace…</p></main>',
    `<script nonce="${attr(shell.nonce)}" src="${attr(shell.scriptUri)}"></script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Count symbols the sites mention, for the page's scale select: the loop counts first, by frequency. */
function scaleCandidates(model: ReportModel): string[] {
  const counts = new Map<string, number>();
  for (const s of model.sites) for (const sym of s.symbols) if (sym.kind === "count") counts.set(sym.name, (counts.get(sym.name) ?? 0) + 1);
  if (model.scale !== null && !counts.has(model.scale)) counts.set(model.scale, 0);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

const INPUT_KINDS: readonly AssumptionInput["kind"][] = ["count", "size", "output"];

/** Every symbol the sites' dollars rest on, for the page's number inputs: loop counts, then sizes, then outputs; the most used first. */
function assumptionInputs(model: ReportModel, declared: ReadonlyMap<string, Readonly<Record<string, number>>>, defaults: DefaultSizes): AssumptionInput[] {
  const seen = new Map<string, { kind: AssumptionInput["kind"]; uses: number }>();
  for (const s of model.sites)
    for (const sym of s.symbols) {
      const kind = INPUT_KINDS.find((k) => k === sym.kind);
      if (!kind) continue;
      const known = seen.get(sym.name);
      seen.set(sym.name, { kind: known?.kind ?? kind, uses: (known?.uses ?? 0) + 1 });
    }
  return [...seen]
    .sort((a, b) => INPUT_KINDS.indexOf(a[1].kind) - INPUT_KINDS.indexOf(b[1].kind) || b[1].uses - a[1].uses || a[0].localeCompare(b[0]))
    .map(([name, { kind }]) => {
      const given = ownValue(model.assumptions, name);
      const setInFiles = [...declared.values()].filter((d) => assumedValue(d, name) !== undefined).length;
      return { name, kind, value: given ?? defaults[kind], given: given !== undefined, setInFiles };
    });
}

/** "rounds=20, other loop counts 10, sizes 200 tokens, uncapped outputs 300 tokens (defaults)": the core's wording, at the user's defaults. */
function assumptionsSentence(model: ReportModel, d: DefaultSizes): string {
  const given = Object.entries(model.assumptions).map(([k, v]) => `${k}=${v}`);
  const defaults = `${given.length ? "other " : ""}loop counts ${d.count}, sizes ${d.size} tokens, uncapped outputs ${d.output} tokens (defaults)`;
  return [...given, defaults].join(", ");
}

const WORST_COUNT = 5;
/** Below a millionth of a dollar a fix saves nothing. */
const MIN_SAVING = 1e-6;

/** The fix that saves the most dollars, else the first one offered. */
function bestFix(s: ReportSite): ReportRow["fix"] {
  const priced = s.fixes.filter((f) => f.saves !== null).sort((a, b) => b.saves! - a.saves!);
  const f = priced[0] ?? s.fixes[0];
  if (!f) return null;
  // A fix that shortens the span (calls in parallel) sends the same tokens: its saving is rounding noise.
  const saves = f.saves === null ? null : f.saves > MIN_SAVING ? f.saves : 0;
  const savesText = saves === null ? "saving unpriced" : saves === 0 ? "no $ saving" : `saves ${dollarsText(saves)}`;
  return { title: f.title, saves, savesText };
}

/** Row indexes of the costliest sites in dollars; unpriced ones after them, the worse class first. */
function costliest(rows: readonly ReportRow[]): number[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.costClass !== "constant" || r.dollars !== null)
    .sort((a, b) => (b.r.dollars ?? -1) - (a.r.dollars ?? -1) || b.r.classRank - a.r.classRank || a.r.file.localeCompare(b.r.file) || a.r.line - b.r.line)
    .slice(0, WORST_COUNT)
    .map(({ i }) => i);
}

/** The view of `model`; `files` (those it was built from) tell which sizes each file sets itself; `defaults`: the workspace's `aalp.defaults.*`. */
export function reportView(model: ReportModel, files: readonly ReportFile[], defaults: DefaultSizes = BUILT_IN_DEFAULTS): ReportView {
  const declared = new Map(files.map((f) => [f.relative, f.analysis.declared]));
  const rows = model.sites.map(
    (s): ReportRow => ({
      site: s.site,
      file: s.file,
      line: s.line,
      column: s.column,
      function: s.function,
      costClass: s.costClass,
      classRank: classRank(s.costClass),
      input: s.inputTokens.text,
      inputAt: finite(s.estimate.inputTokens),
      calls: s.calls.text,
      callsAt: finite(s.estimate.calls),
      generation: s.generationCost.text,
      span: s.span.text,
      model: s.model ?? "not static",
      growth: s.growth,
      dollars: s.dollars,
      dollarsText: dollarsText(s.dollars, s.estimate.exact),
      fix: bestFix(s),
      fromFile: s.symbols.flatMap((sym) => {
        const value = assumedValue(declared.get(s.file) ?? {}, sym.name);
        return value === undefined ? [] : [`${sym.name}=${value}`];
      }),
    }),
  );
  return {
    summary: summarySentence(model),
    assumptions: assumptionsSentence(model, defaults),
    byClass: model.summary.byClass,
    worst: costliest(rows),
    fixes: fixesSentence(model) ?? null,
    plot: costPlot(model),
    scale: model.scale,
    scaleCandidates: scaleCandidates(model),
    assumptionInputs: assumptionInputs(model, declared, defaults),
    rows,
    skipped: model.skipped.map((s) => `${s.file} (${s.reason})`),
  };
}
