// The report model: every call site with its bounds, class, dollars, advice and projection, and a
// summary (sites per class, the worst offenders, what the quick fixes would save). Pure data, built
// from per-file sites; shared by every CLI format and the editor's report view.
import { CLASS_ORDER, type CostClass } from "./costClass";
import { PROJECTION_SIZES } from "./projection";
import { roundDollars } from "./roundDollars";
import type { FileSites, ReportSite } from "./sites";
import { DEFAULT_ASSUMPTIONS } from "./estimate";

export interface ReportSummary {
  readonly files: number;
  readonly findings: number;
  readonly skipped: number;
  /** SDK call sites, and calls of the user's LLM-calling functions (which repeat those sites' requests). */
  readonly directSites: number;
  readonly throughSites: number;
  /**
   * Sites whose requests another site of the report also counts (a wrapper's own call, reached by a
   * loop's call of the wrapper): listed, with `countedIn`, but left out of `byClass`, `worst` and `fixes`.
   */
  readonly countedElsewhere: number;
  readonly filesWithSites: number;
  /** Worst class first. */
  readonly byClass: { costClass: CostClass; sites: number }[];
  /** Site identities, worst first: by class, then dollars at the assumptions. */
  readonly worst: string[];
  /** Per site its best fix; `saves` adds the priced ones (dollars at the assumptions). */
  readonly fixes: { sites: number; saves: number; unpriced: number };
  readonly projectionSizes: readonly number[];
}

/** The values of the symbols nothing sets: the core's documented defaults unless the editor's `aalp.defaults.*` change them. */
export interface DefaultSizes {
  readonly count: number;
  readonly size: number;
  readonly output: number;
}

export interface ReportModel {
  readonly tool: { name: "aalp-lens"; version: string };
  /** The user's `--assume` values; other symbols use `defaults`, marked per site. */
  readonly assumptions: Record<string, number>;
  readonly defaults: DefaultSizes;
  /** The symbol projections scale, or null: each site its loop count of highest degree. */
  readonly scale: string | null;
  readonly sites: ReportSite[];
  readonly skipped: { file: string; reason: string }[];
  readonly summary: ReportSummary;
}

export interface ReportMeta {
  readonly version: string;
  readonly assume: Readonly<Record<string, number>>;
  /** Set when the sites were priced at other defaults than the core's (the editor's settings). */
  readonly defaults?: DefaultSizes;
  readonly scale?: string;
}

const WORST_COUNT = 5;

export const classRank = (c: CostClass): number => CLASS_ORDER.indexOf(c);

/** Worst first: higher class, then more dollars (unpriced last), then report order. */
export function worstFirst(sites: readonly ReportSite[]): ReportSite[] {
  const order = new Map(sites.map((s, i) => [s, i]));
  return [...sites].sort((a, b) => classRank(b.costClass) - classRank(a.costClass) || (b.dollars ?? -1) - (a.dollars ?? -1) || order.get(a)! - order.get(b)!);
}

/**
 * Each site and the outermost other site whose requests include its own (a loop's call of `a()`,
 * for `b`'s SDK call that `a` reaches through `b`), or null: totals count each request once, at
 * the outer site, while every site stays listed where the user can act on it. An implementation
 * of an interface's method that hands the request on to another instance (a logging wrapper) is
 * reached by every call through that method that is not itself such a wrapper.
 */
function countedIn(sites: readonly ReportSite[]): Map<ReportSite, string> {
  const at = (s: ReportSite): string => `${s.file}:${s.line}`;
  const reachedBy = new Map<string, ReportSite[]>();
  const reach = (r: string, s: ReportSite): void => void (reachedBy.get(r) ?? reachedBy.set(r, []).get(r)!).push(s);
  for (const s of sites) for (const r of s.reaches ?? []) if (r !== at(s)) reach(r, s);
  const callers = new Map<string, ReportSite[]>();
  for (const s of sites) if (s.viaInterface && !s.viaInterface.forwards) (callers.get(s.viaInterface.key) ?? callers.set(s.viaInterface.key, []).get(s.viaInterface.key)!).push(s);
  for (const s of sites) if (s.viaInterface?.forwards) for (const c of callers.get(s.viaInterface.key) ?? []) reach(at(s), c);
  const out = new Map<ReportSite, string>();
  for (const s of sites) {
    // Follow the sites that reach this one outward (a site reached by none is outermost).
    let outer: ReportSite | undefined;
    const seen = new Set<ReportSite>([s]);
    for (let cur = reachedBy.get(at(s))?.find((x) => !seen.has(x)); cur; cur = reachedBy.get(at(cur))?.find((x) => !seen.has(x))) {
      seen.add(cur);
      outer = cur;
    }
    if (outer) out.set(s, outer.site);
  }
  return out;
}

export function buildReport(files: readonly FileSites[], meta: ReportMeta): ReportModel {
  const listed = files.flatMap((f) => f.sites);
  const inner = countedIn(listed);
  const sites: ReportSite[] = listed.map((s) => {
    const { reaches: _reaches, viaInterface: _via, ...shown } = s;
    return { ...shown, countedIn: inner.get(s) ?? null };
  });
  // Totals count each request once: at the outermost site that sends it.
  const counted = sites.filter((s) => !s.countedIn);
  const skipped = files.filter((f) => f.skipped).map((f) => ({ file: f.file, reason: f.skipped! }));
  const byClass = [...CLASS_ORDER].reverse().flatMap((c) => {
    const n = counted.filter((s) => s.costClass === c).length;
    return n ? [{ costClass: c, sites: n }] : [];
  });
  const best = counted.flatMap((s) => (s.fixes.length ? [s.fixes.reduce((a, b) => ((b.saves ?? -Infinity) > (a.saves ?? -Infinity) ? b : a))] : []));
  const through = sites.filter((s) => s.through).length;
  return {
    tool: { name: "aalp-lens", version: meta.version },
    assumptions: { ...meta.assume },
    defaults: meta.defaults ?? { count: DEFAULT_ASSUMPTIONS.count, size: DEFAULT_ASSUMPTIONS.size, output: DEFAULT_ASSUMPTIONS.output },
    scale: meta.scale ?? null,
    sites,
    skipped,
    summary: {
      files: files.length,
      findings: sites.length,
      skipped: skipped.length,
      directSites: sites.length - through,
      throughSites: through,
      countedElsewhere: sites.length - counted.length,
      filesWithSites: files.filter((f) => f.sites.length).length,
      byClass,
      worst: worstFirst(counted.filter((s) => s.costClass !== "constant")).slice(0, WORST_COUNT).map((s) => s.site),
      fixes: { sites: best.length, saves: roundDollars(best.reduce((n, f) => n + Math.max(0, f.saves ?? 0), 0))!, unpriced: best.filter((f) => f.saves === null).length },
      projectionSizes: PROJECTION_SIZES,
    },
  };
}
