// The report webview's protocol: what the page and the extension send each other, and the data the
// page renders. Types only, shared by the extension (src/extension/reportPanel.ts), the engine side
// that builds the view (reportPage.ts) and the page script (src/webview/reportClient.ts).
// The page script (browser code, tsconfig.webview.json) shares these types: the core's index would
// bring the whole engine, with its Node-only modules, into the page's type check.
// eslint-disable-next-line no-restricted-imports
import type { PlotData } from "../../core/report/plotData";

/**
 * The core's CostClass (src/core/report/costClass.ts), restated so the page's type check does not
 * reach into the engine; reportView assigns the core's values to it, so a new class fails there.
 */
export type CostClass = "constant" | "linear" | "quadratic" | "cubic+" | "unbounded" | "unknown";

export interface ReportRow {
  /** Site identity (file › function › api #order): stable across line moves. */
  readonly site: string;
  /** Workspace-relative path, as shown. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly function: string;
  readonly costClass: CostClass;
  /** Higher is worse (CLASS_ORDER). */
  readonly classRank: number;
  readonly input: string;
  /** Input tokens at the assumptions; null when unknown (sorts first). */
  readonly inputAt: number | null;
  readonly calls: string;
  readonly callsAt: number | null;
  readonly generation: string;
  readonly span: string;
  readonly model: string;
  readonly growth: string;
  readonly dollars: number | null;
  readonly dollarsText: string;
  /** The quick fix that saves the most at the assumptions (the first offered when none is priced), or null. */
  readonly fix: { readonly title: string; readonly saves: number | null; readonly savesText: string } | null;
  /** The site's sizes its file sets with `@aalp` (`questions=5`): they keep their value whatever the page sets. */
  readonly fromFile: string[];
}

export interface AssumptionInput {
  readonly name: string;
  readonly kind: "count" | "size" | "output";
  /** The report's value: the page's, else the workspace's `aalp.assumptions`, else the default. */
  readonly value: number;
  /** False: the documented default for its kind. */
  readonly given: boolean;
  /** Files that set their own value with `@aalp`: their sites keep it. */
  readonly setInFiles: number;
}

export interface ReportView {
  /** "23 LLM call sites in 12 of 18 files (…)". */
  readonly summary: string;
  /** "rounds=20, other loop counts 10, …". */
  readonly assumptions: string;
  readonly byClass: { costClass: CostClass; sites: number }[];
  /** Indexes into `rows`: the costliest in dollars first (unpriced sites after, by class). */
  readonly worst: number[];
  /** "Quick fixes on 3 sites would save ≈ $1.20 at these sizes.", or null. */
  readonly fixes: string | null;
  /** The log-log plot's data (the core's costPlot; the page draws it), or why there is none. */
  readonly plot: PlotData | { readonly reason: string };
  /** The symbol the plot scales; null: each site its loop count of highest degree. */
  readonly scale: string | null;
  /** Symbols the page offers to scale along (loop counts found in the sites). */
  readonly scaleCandidates: string[];
  /** Every loop count, size and output the sites mention, at the value the dollars use: the page's inputs. */
  readonly assumptionInputs: AssumptionInput[];
  readonly rows: ReportRow[];
  readonly skipped: string[];
}

/** Extension → page. */
export type ToPage =
  /** `assume`: the values set in the page that this view is priced with. */
  | { readonly type: "report"; readonly view: ReportView; readonly assume: Readonly<Record<string, number>> }
  | { readonly type: "busy"; readonly text: string }
  | { readonly type: "error"; readonly text: string };

/** Page → extension. */
export type FromPage =
  /** The page's script runs and listens: send it the report. */
  | { readonly type: "ready" }
  /** Open the site's file at its line. */
  | { readonly type: "open"; readonly site: string }
  /** Rebuild the projections along another symbol (null: each site's main loop count). */
  | { readonly type: "scale"; readonly symbol: string | null }
  /** Rebuild the model with these values (symbol → value ≥ 0) over the workspace's and files' own; {} drops them. */
  | { readonly type: "assume"; readonly values: Readonly<Record<string, number>> }
  /** Write the page's values into the workspace's `aalp.assumptions`, so lenses and hovers use them too. */
  | { readonly type: "save" }
  /** Save the report as a file in one of the CLI's formats (none: the user picks). */
  | { readonly type: "export"; readonly format?: ExportFormat }
  /** The page drew the report: how many table rows and plotted sites (legend entries) it shows (read by the tests). */
  | { readonly type: "rendered"; readonly rows: number; readonly series: number };

/** What the page keeps across reloads (vscode.setState), handed to the panel serializer. */
export interface ReportPageState {
  readonly scale: string | null;
  /** The page's assumption values (absent in states saved before they existed). */
  readonly assume?: Readonly<Record<string, number>>;
}

export const REPORT_VIEW_TYPE = "aalp.report";

/** The CLI's file formats the report can be exported in. */
export const EXPORT_FORMATS = ["html", "markdown", "json", "sarif"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(x: unknown): x is ExportFormat {
  return typeof x === "string" && (EXPORT_FORMATS as readonly string[]).includes(x);
}
