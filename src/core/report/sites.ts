// A report's call sites as plain data (no functions, no class instances): what every format and
// the editor's report view show, and what worker threads send back. One file at a time.
import type { FileAnalysis } from "../model";
import { dollarEstimate, type PriceOverrides } from "../pricing";
import { costClass, type CostClass } from "./costClass";
import { priceAdvice, type SiteAdvice, type SiteFix, type SiteOutcomes } from "./fixSavings";
import { findingJson, type FindingJson } from "./json";
import { projection, type Projection } from "./projection";
import { roundDollars } from "./roundDollars";
import { fingerprint, siteIds } from "./siteIdentity";
import { normalizePath } from "../project/modulePaths";

export interface ReportSite extends FindingJson {
  /** Identity across edits: file › function › api #order (see siteIdentity.ts). */
  readonly site: string;
  /** A hash of `site`, for SARIF's partialFingerprints. */
  readonly fingerprint: string;
  readonly costClass: CostClass;
  /** Input and output dollars at the assumptions; null when unpriced (`unpriced` says why). */
  readonly dollars: number | null;
  readonly unpriced: string | null;
  readonly advice: SiteAdvice[];
  readonly fixes: SiteFix[];
  readonly projection: Projection;
  /**
   * A call of the user's function (`through`): the calls its requests are sent from, as `file:line`
   * in the report's paths. A site listed here by another site is counted once, at the outer one.
   */
  readonly reaches?: readonly string[];
  /** An SDK call through a project interface's method (Finding.viaInterface): a forwarding one is counted in a call through the interface. */
  readonly viaInterface?: { readonly key: string; readonly forwards: boolean };
  /** In a report: the outer site that counts this one's requests too (see ReportSummary.countedElsewhere), or null. */
  readonly countedIn?: string | null;
}

export interface SiteOptions {
  readonly assume: Readonly<Record<string, number>>;
  readonly prices?: PriceOverrides;
  /** The symbol projections scale; by default each site's loop count of highest degree. */
  readonly scale?: string;
}

/** One file's sites, or why it was skipped: the unit a worker thread sends back. */
export interface FileSites {
  readonly file: string;
  readonly sites: ReportSite[];
  readonly skipped?: string;
}

/** `outcomes` (fixOutcomes of the findings) adds diagnostics and priced quick fixes; without them they are empty. */
export function sitesOfFile(fa: FileAnalysis, file: string, options: SiteOptions, outcomes?: readonly SiteOutcomes[]): FileSites {
  const json = fa.findings.map((f) => findingJson(f, file, options.assume));
  const ids = siteIds(json);
  const priced = outcomes ? priceAdvice(fa.findings, outcomes, options.assume, options.prices) : undefined;
  // The analysis names files by path; the report by `file` (relative): the same prefix maps the others.
  const analysed = normalizePath(fa.file);
  const prefix = analysed.endsWith(file) ? analysed.slice(0, analysed.length - file.length) : undefined;
  const shown = (p: string): string | undefined => (p === "" || p === analysed ? file : prefix !== undefined && p.startsWith(prefix) ? p.slice(prefix.length) : undefined);
  const sites = fa.findings.map((f, i): ReportSite => {
    const d = dollarEstimate(f, options.assume, options.prices);
    const reaches = (f.reaches ?? []).flatMap((r) => {
      const at = shown(r.file);
      return at === undefined ? [] : [`${at}:${r.line}`];
    });
    return {
      ...json[i]!,
      site: ids[i]!,
      fingerprint: fingerprint(ids[i]!),
      costClass: costClass(f),
      dollars: roundDollars(d.dollars),
      unpriced: d.dollars === null ? d.reason : null,
      advice: priced?.[i]!.advice ?? [],
      fixes: priced?.[i]!.fixes ?? [],
      projection: projection(f, options.assume, options.prices, options.scale),
      ...(reaches.length ? { reaches } : {}),
      ...(f.viaInterface ? { viaInterface: f.viaInterface } : {}),
    };
  });
  return { file, sites, ...(fa.skipped ? { skipped: fa.skipped } : {}) };
}
