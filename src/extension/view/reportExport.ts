// The report page's export: the workspace report model in the CLI's formats, through the same core
// renderers as `aalp report --format …`, so a file saved from the editor reads as the CLI's would.
import { reportHtml, reportJson, reportMarkdown, reportSarif, type PageAssets, type ReportModel } from "../../core";
import type { ExportFormat } from "./reportMessages";

/**
 * `srcRoot`: the workspace folder's file URL ending in `/` (SARIF's %SRCROOT%, which the sites'
 * relative paths start from); `assets`: the HTML page's script and styles.
 */
export function exportReport(model: ReportModel, format: ExportFormat, srcRoot: string, assets: () => PageAssets): string {
  switch (format) {
    case "html":
      return reportHtml(model, assets());
    case "markdown":
      return reportMarkdown(model);
    case "json":
      return JSON.stringify(reportJson(model), null, 2) + "\n";
    case "sarif":
      return JSON.stringify(reportSarif(model, srcRoot), null, 2) + "\n";
  }
}
