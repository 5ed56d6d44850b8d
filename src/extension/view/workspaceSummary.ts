// The status bar's summary: the workspace's worst cost class and the sites in it.
import type { CostClass } from "../../core";

export interface SiteRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly costClass: CostClass;
  readonly label: string;
  /** The class's place in the core's order, cheapest first: the status bar ranks by it without the engine. */
  readonly rank: number;
}

export interface WorkspaceSummary {
  readonly worst: CostClass | undefined;
  /** The sites of the worst class, by file and line. */
  readonly sites: readonly SiteRef[];
  readonly total: number;
}

export function summarize(files: Iterable<readonly SiteRef[]>): WorkspaceSummary {
  const all = [...files].flat();
  const top = all.reduce<SiteRef | undefined>((w, s) => (w === undefined || s.rank > w.rank ? s : w), undefined);
  const worst = top?.costClass;
  const sites = all.filter((s) => s.costClass === worst).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { worst, sites, total: all.length };
}

export function statusText(s: WorkspaceSummary): string {
  if (s.worst === undefined) return "AALP: no LLM calls";
  return `AALP: ${s.worst} ×${s.sites.length}`;
}
