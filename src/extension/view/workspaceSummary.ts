// The status bar's summary: the workspace's worst cost class and the sites in it.
import { CLASS_ORDER, type CostClass } from "../../core";

export interface SiteRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly costClass: CostClass;
  readonly label: string;
}

export interface WorkspaceSummary {
  readonly worst: CostClass | undefined;
  /** The sites of the worst class, by file and line. */
  readonly sites: readonly SiteRef[];
  readonly total: number;
}

export function summarize(files: Iterable<readonly SiteRef[]>): WorkspaceSummary {
  const all = [...files].flat();
  const rank = (c: CostClass): number => CLASS_ORDER.indexOf(c);
  const worst = all.reduce<CostClass | undefined>((w, s) => (w === undefined || rank(s.costClass) > rank(w) ? s.costClass : w), undefined);
  const sites = all.filter((s) => s.costClass === worst).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { worst, sites, total: all.length };
}

export function statusText(s: WorkspaceSummary): string {
  if (s.worst === undefined) return "AALP: no LLM calls";
  return `AALP: ${s.worst} ×${s.sites.length}`;
}
