// The workspace cost report on the engine side: each scanned document's analysis becomes report
// sites (the same sitesOfFile and buildReport as `aalp report`), priced with that file's settings
// and `@aalp` assumptions. Re-scaling the plot only recomputes the projections, not the analysis
// or the fix savings; values set in the page re-price the sites (fixes too), never re-analyse.
import { buildReport, type FileSites, type ReportModel, type ReportSite } from "../../core/report";
import { projection } from "../../core/report/projection";
import { adviceSettings } from "./adviceAndPricing";
import type { DocumentAnalysis } from "./documentAnalysis";
import type { AalpSettings } from "./settingsModel";
import { sitesOfFile } from "../../core/report/sites";
import { ts } from "./typescriptModule";

export interface ReportFile {
  /** Workspace-relative path: what the report shows and site identities use. */
  readonly relative: string;
  readonly fileName: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  readonly settings: AalpSettings;
}

/**
 * One file's sites (fixes priced); computed once per analysis. `overrides` (the page's values) win
 * over the file's own assumptions (settings and `@aalp`); `scale` as in workspaceReport.
 */
export function reportSitesOf(f: ReportFile, options: { overrides?: Readonly<Record<string, number>>; scale?: string } = {}): FileSites {
  const a = f.analysis;
  const advice = a.findings.length ? { ts, fileName: f.fileName, text: f.text, settings: adviceSettings(f.settings), fixes: true } : undefined;
  const assume = { ...a.assumptions, ...options.overrides };
  return sitesOfFile({ file: f.fileName, findings: a.findings, ...(a.skipped ? { skipped: a.skipped } : {}) }, f.relative, { assume, prices: f.settings.prices, ...(options.scale !== undefined ? { scale: options.scale } : {}) }, advice);
}

/**
 * The report over `files` (their sites from reportSitesOf, in the same order), projections along
 * `scale` when given. `assume` is the workspace's `aalp.assumptions`, shown as the report's own;
 * `overrides` (the page's values) re-price every file's sites and join them.
 */
export function workspaceReport(
  files: readonly { file: ReportFile; sites: FileSites }[],
  options: { version: string; assume: Readonly<Record<string, number>>; scale: string | null; overrides?: Readonly<Record<string, number>> },
): ReportModel {
  const overrides = options.overrides ?? {};
  const repriced = Object.keys(overrides).length > 0;
  const scaled = repriced
    ? files.map(({ file }) => reportSitesOf(file, { overrides, ...(options.scale !== null ? { scale: options.scale } : {}) }))
    : options.scale === null
      ? files.map((f) => f.sites)
      : files.map(({ file, sites }) => rescaled(file, sites, options.scale!));
  const ordered = [...scaled].sort((a, b) => a.file.localeCompare(b.file));
  return buildReport(ordered, { version: options.version, assume: { ...options.assume, ...overrides }, ...(options.scale !== null ? { scale: options.scale } : {}) });
}

function rescaled(file: ReportFile, sites: FileSites, scale: string): FileSites {
  const a = file.analysis;
  return { ...sites, sites: sites.sites.map((s, i): ReportSite => ({ ...s, projection: projection(a.findings[i]!, a.assumptions, file.settings.prices, scale) })) };
}
