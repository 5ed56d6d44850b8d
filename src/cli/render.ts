// The chosen format of a report model, as the text written to the output.
import { pathToFileURL } from "node:url";
import { reportHtml, reportJson, reportMarkdown, reportSarif, reportText, type ReportModel } from "../core";
import type { Format } from "./args";
import { pageAssets } from "./pageAssets";

/** `cwd`: the folder the report's relative paths start from (SARIF's %SRCROOT%). */
export function render(model: ReportModel, format: Format, cwd: string): string {
  switch (format) {
    case "text":
      return reportText(model);
    case "json":
      return JSON.stringify(reportJson(model), null, 2) + "\n";
    case "markdown":
      return reportMarkdown(model);
    case "sarif": {
      const root = pathToFileURL(cwd).href;
      return JSON.stringify(reportSarif(model, root.endsWith("/") ? root : `${root}/`), null, 2) + "\n";
    }
    case "html":
      return reportHtml(model, pageAssets());
  }
}
