// Where a report site is in a document's current text: sites are identified by file, function,
// API and order (never by line), so a row of a report made before an edit still finds its call.
import { siteIds } from "../../core";
import type { DocumentAnalysis } from "./documentAnalysis";

/** `relative`: the path the report names the file by; undefined when the site is gone. */
export function sitePosition(a: DocumentAnalysis, relative: string, site: string): { line: number; column: number } | undefined {
  const ids = siteIds(a.findings.map((f) => ({ file: relative, function: f.functionName, sdk: f.sdk, api: f.api, through: f.through ?? null })));
  const f = a.findings[ids.indexOf(site)];
  return f ? { line: f.line, column: f.column } : undefined;
}
