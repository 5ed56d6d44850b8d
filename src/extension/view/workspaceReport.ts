// The workspace cost report on the engine side: each scanned document's analysis becomes report
// sites (the same sitesOfFile and buildReport as `aalp report`), priced with that file's settings.
// The more specific value wins, as in the lenses: values set in the report page replace the
// settings' `aalp.assumptions`, and a file's own `@aalp` values stay, except the scaled symbol,
// which the plot sweeps for every site. Building the model never re-analyses: the fixes' outcomes
// come from the per-file cache, and pricing, projections and the summary are cheap.
import { buildReport, type FileSites, type ReportModel, overlayAssumptions, sitesOfFile } from "../../core";
import { withDefaultSizes } from "./defaultSizes";
import type { DocumentAnalysis } from "./documentAnalysis";
import { fixOutcomesOf, retainFixOutcomes } from "./fixOutcomeCache";
import type { AalpSettings, DefaultSizes } from "./settingsModel";

export interface ReportFile {
  /** Workspace-relative path: what the report shows and site identities use. */
  readonly relative: string;
  readonly fileName: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  readonly settings: AalpSettings;
}

export interface WorkspaceReportOptions {
  readonly version: string;
  /** The workspace's `aalp.assumptions`, shown as the report's own. */
  readonly assume: Readonly<Record<string, number>>;
  /** The symbol the projections scale; null: each site its loop count of highest degree. */
  readonly scale: string | null;
  /** The values set in the report page. */
  readonly overrides?: Readonly<Record<string, number>>;
  /** The workspace's `aalp.defaults.*`: what the report says the open symbols are priced at. */
  readonly defaults?: DefaultSizes;
}

/** The sizes a file's sites are priced at: its settings', the page's over them, its own `@aalp` values over both. */
export function reportAssumptions(f: ReportFile, overrides: Readonly<Record<string, number>> = {}): Record<string, number> {
  return overlayAssumptions(overlayAssumptions(f.settings.assumptions, overrides), f.analysis.declared);
}

function sitesOf(f: ReportFile, options: WorkspaceReportOptions): FileSites {
  const a = f.analysis;
  // The user's defaults for the symbols nothing sets, as the lenses have them.
  const { assume } = withDefaultSizes(a.findings, reportAssumptions(f, options.overrides), f.settings.defaults);
  const siteOptions = { assume, prices: f.settings.prices, ...(options.scale !== null ? { scale: options.scale } : {}) };
  return sitesOfFile({ file: f.fileName, findings: a.findings, ...(a.skipped ? { skipped: a.skipped } : {}) }, f.relative, siteOptions, fixOutcomesOf(f.fileName, f.text, a, f.settings));
}

/** The report over `files`, ordered by path as the CLI's. */
export function workspaceReport(files: readonly ReportFile[], options: WorkspaceReportOptions): ReportModel {
  retainFixOutcomes(new Set(files.map((f) => f.fileName)));
  const ordered = files.map((f) => sitesOf(f, options)).sort((a, b) => a.file.localeCompare(b.file));
  return buildReport(ordered, {
    version: options.version,
    assume: overlayAssumptions(options.assume, options.overrides ?? {}),
    ...(options.defaults ? { defaults: options.defaults } : {}),
    ...(options.scale !== null ? { scale: options.scale } : {}),
  });
}
