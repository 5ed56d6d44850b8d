// The report's JSON shape (schemaVersion 1): stable keys, non-dominated monomials, 1-based
// positions. Later fields (site identity, class, dollars, advice, projection, summary counts) are
// additions: readers of the first version's fields keep working.
import { boundTerms, formatBound, type Bound } from "../algebra/bound";
import { countTerms, formatCount } from "../algebra/countText";
import type { Poly } from "../algebra/poly";
import type { Finding } from "../model";
import { estimate, type Estimate } from "./estimate";
import type { ReportModel, ReportSummary } from "./model";
import type { ReportSite } from "./sites";
import { isTestPath } from "./testCode";

export interface BoundJson {
  readonly text: string;
  readonly terms: { factors: Record<string, number> }[];
  /** The exact count the estimate evaluates, every term with its coefficient (calls, input, output and generation). */
  readonly count?: CountJson;
}

export interface CountJson {
  readonly text: string;
  readonly terms: { coef: number; factors: Record<string, number> }[];
}

export interface FindingJson {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly function: string;
  readonly sdk: string;
  readonly api: string;
  readonly callee: string;
  /** The user function this call goes through (its own SDK calls are findings too). */
  readonly through: string | null;
  readonly model: string | null;
  readonly calls: BoundJson;
  readonly inputTokens: BoundJson;
  readonly inputTokensPerCall: BoundJson;
  readonly outputTokens: BoundJson;
  readonly outputTokensPerCall: BoundJson;
  readonly generationCost: BoundJson;
  readonly span: BoundJson;
  readonly growth: string;
  readonly loops: { line: number; kind: string; tripCount: string; dataDependent: boolean; exact: boolean; parallel: boolean }[];
  /** `value`: what the code or the SDK states for it (`maxRounds = 8`, `maxSteps: 5`), when it does. */
  readonly symbols: { name: string; kind: string; line: number; origin: string; unbounded: boolean; value?: number }[];
  readonly explanation: string[];
  /** Token counts at the assumed sizes (`--assume`), defaults marked as such. */
  readonly estimate: Estimate;
  /** Set when the file is a test or fixture (see testCode.ts): the gate leaves such sites out by default. */
  readonly testCode?: true;
}

export interface ReportJson {
  readonly schemaVersion: 1;
  readonly tool: { name: "aalp-lens"; version: string };
  readonly assumptions: Record<string, number>;
  readonly findings: ReportSite[];
  readonly skipped: { file: string; reason: string }[];
  readonly summary: ReportSummary;
}

export function boundJson(b: Bound, rank: (s: string) => number, count?: Poly): BoundJson {
  const base = { text: formatBound(b, rank), terms: boundTerms(b) };
  return count && b.kind === "poly" ? { ...base, count: { text: formatCount(count, rank), terms: countTerms(count) } } : base;
}

export function findingJson(f: Finding, file: string, assume: Readonly<Record<string, number>> = {}): FindingJson {
  return {
    file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    function: f.functionName,
    sdk: f.sdk,
    api: f.api,
    callee: f.callee,
    through: f.through ?? null,
    model: f.model,
    calls: boundJson(f.calls, f.rank, f.counts?.calls),
    inputTokens: boundJson(f.inputTokens, f.rank, f.counts?.input),
    inputTokensPerCall: boundJson(f.inputPerCall, f.rank),
    outputTokens: boundJson(f.outputTokens, f.rank, f.counts?.output),
    outputTokensPerCall: boundJson(f.outputPerCall, f.rank),
    generationCost: boundJson(f.generationCost, f.rank, f.counts?.generation),
    span: boundJson(f.span, f.rank),
    growth: f.growth,
    loops: f.loops.map((l) => ({ ...l })),
    symbols: f.symbols.map((s) => ({ name: s.name, kind: s.kind, line: s.line, origin: s.origin, unbounded: !!s.unbounded, ...(s.value !== undefined ? { value: s.value } : {}) })),
    explanation: [...f.explanation],
    estimate: estimate(f, assume),
    ...(isTestPath(file) ? { testCode: true as const } : {}),
  };
}

export function reportJson(model: ReportModel): ReportJson {
  return { schemaVersion: 1, tool: model.tool, assumptions: model.assumptions, findings: model.sites, skipped: model.skipped, summary: model.summary };
}
