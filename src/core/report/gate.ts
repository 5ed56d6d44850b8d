// The CI gate: this run's sites against a baseline report (`--format json` of an earlier run),
// matched by site identity (file, function, API, order; never the line), like Infer's reportdiff.
import type { CostClass } from "./costClass";
import { classRank, type ReportModel } from "./model";
import type { ReportSite } from "./sites";
import { siteIds } from "./siteIdentity";

export type FailOn = "increase" | "new-quadratic" | "unbounded";
export const FAIL_ON: readonly FailOn[] = ["increase", "new-quadratic", "unbounded"];

/** What the gate needs of a baseline finding (fields of every schemaVersion 1 report). */
export interface BaselineSite {
  readonly site: string;
  readonly file: string;
  readonly line: number;
  readonly costClass: CostClass;
  readonly input: string;
}

export interface Violation {
  readonly rule: FailOn;
  readonly site: ReportSite;
  readonly baseline: BaselineSite | undefined;
  readonly message: string;
}

interface FindingFields {
  file: string;
  line: number;
  function: string;
  sdk: string;
  api: string;
  through: string | null;
  inputTokens: { text: string; terms: { factors: Record<string, number> }[] };
  calls?: { terms: { factors: Record<string, number> }[] };
  loops: { dataDependent: boolean }[];
  symbols: { name: string; kind: string }[];
}

/** A finding's class from its JSON fields alone, as costClass.ts computes it from the bounds. */
export function classOfJson(f: Pick<FindingFields, "inputTokens" | "calls" | "loops" | "symbols">): CostClass {
  if (f.inputTokens.text === "unknown") return "unknown";
  if (f.loops.some((l) => l.dataDependent)) return "unbounded";
  // A report without the calls bound (hand-written) counts every count symbol, as before.
  const repeats = f.calls && new Set(f.calls.terms.flatMap((t) => Object.keys(t.factors)));
  const counts = new Set(f.symbols.filter((s) => s.kind === "count" && (!repeats || repeats.has(s.name) || s.name.startsWith("calls["))).map((s) => s.name));
  const degree = Math.max(0, ...f.inputTokens.terms.map((t) => Object.entries(t.factors).reduce((n, [s, e]) => n + (counts.has(s) ? e : 0), 0)));
  return degree === 0 ? "constant" : degree === 1 ? "linear" : degree === 2 ? "quadratic" : "cubic+";
}

function isFinding(x: unknown): x is FindingFields {
  const f = x as Partial<FindingFields> | null;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  // Every field classOfJson reads: a hand-edited or damaged baseline is a usage error, not a crash.
  const terms = (v: unknown): boolean => Array.isArray(v) && v.every((t) => isObject(t) && isObject(t.factors) && Object.values(t.factors).every((e) => typeof e === "number"));
  return (
    !!f && typeof f.file === "string" && typeof f.line === "number" && typeof f.function === "string" && typeof f.sdk === "string" && typeof f.api === "string" &&
    typeof f.inputTokens?.text === "string" && terms(f.inputTokens.terms) && (f.calls === undefined || (isObject(f.calls) && terms(f.calls.terms))) &&
    Array.isArray(f.loops) && f.loops.every(isObject) && Array.isArray(f.symbols) && f.symbols.every(isObject)
  );
}

/** The sites of a parsed baseline report; throws with the reason when it is not one. */
export function baselineSites(report: unknown): BaselineSite[] {
  const r = report as { schemaVersion?: unknown; findings?: unknown } | null;
  if (!r || r.schemaVersion !== 1 || !Array.isArray(r.findings)) throw new Error("not an aalp JSON report (schemaVersion 1 with findings)");
  const findings = r.findings.map((f: unknown, i: number) => {
    if (!isFinding(f)) throw new Error(`finding ${i} lacks file, line, function, sdk, api or bounds`);
    return { ...f, through: f.through ?? null };
  });
  const ids = siteIds(findings);
  return findings.map((f, i) => ({ site: ids[i]!, file: f.file, line: f.line, costClass: classOfJson(f), input: f.inputTokens.text }));
}

const QUADRATIC = classRank("quadratic");
const atLeastQuadratic = (c: CostClass): boolean => c !== "unknown" && classRank(c) >= QUADRATIC;

function describe(s: ReportSite, b: BaselineSite | undefined): string {
  const where = `${s.file}:${s.line} (${s.site})`;
  const now = `input ${s.inputTokens.text} [${s.costClass}]`;
  if (!b) return `${where}: new site, ${now}; not in the baseline`;
  const moved = b.line !== s.line ? `, line ${b.line} in the baseline` : "";
  return `${where}: input ${b.input} [${b.costClass}] → ${s.inputTokens.text} [${s.costClass}]${moved}`;
}

/**
 * The sites that fail the gate. `increase`: a matched site's class grows. `new-quadratic`: a site is
 * quadratic or worse and its baseline counterpart was not (or it has none). `unbounded`: a site is
 * unbounded and its counterpart was not (without a baseline: any unbounded site). Sites in tests
 * and fixtures are skipped unless `includeTests`.
 */
export function gate(model: ReportModel, baseline: readonly BaselineSite[] | undefined, failOn: readonly FailOn[], options: { readonly includeTests?: boolean } = {}): Violation[] {
  const before = new Map((baseline ?? []).map((b) => [b.site, b]));
  const out: Violation[] = [];
  for (const s of model.sites) {
    // Tests and fixtures are marked in the report; they fail the gate only when asked (--include-tests).
    if (s.testCode && !options.includeTests) continue;
    const b = before.get(s.site);
    const add = (rule: FailOn): void => void out.push({ rule, site: s, baseline: b, message: `${rule}: ${describe(s, b)}` });
    if (failOn.includes("increase") && b && classRank(s.costClass) > classRank(b.costClass)) add("increase");
    if (failOn.includes("new-quadratic") && atLeastQuadratic(s.costClass) && !(b && atLeastQuadratic(b.costClass))) add("new-quadratic");
    if (failOn.includes("unbounded") && s.costClass === "unbounded" && b?.costClass !== "unbounded") add("unbounded");
  }
  return out;
}
