// A file's advice after an edit, re-analysing only the top-level statements the edit can reach
// (see unitReuse) and keeping the rest from the previous version, shifted to their new offsets.
// The tsserver plugin answers every diagnostics request of an edited file this way.
import type * as ts from "typescript";
import { applyAnnotations, parseAnnotations } from "../annotations";
import type { Scopes, TS } from "../binder/scopes";
import type { Finding } from "../model";
import { importedSpecifiers } from "../project/modulePaths";
import { planReuse, unitsOf, type FileUnits, type ReusePlan, type Unit } from "../project/unitReuse";
import { adviseFindings } from "./diagnostics";
import type { Advice, AdviceSettings } from "./types";

export interface AdviceSnapshot extends FileUnits {
  readonly advice: readonly Advice[];
  /** The file is in an import cycle: its next version is analysed whole. */
  readonly cyclic: boolean;
  /** Module-level names whose every reference the analysis read. */
  readonly scanned: ReadonlySet<string>;
  /** How many top-level statements were analysed for this version (the others kept their advice). */
  readonly analysed: number;
}

export interface StatementAnalysis {
  readonly findings: readonly Finding[];
  readonly sourceFile: ts.SourceFile;
  readonly scopes: Scopes;
}

/** Analyses the given top-level statements (all when omitted); undefined when the file is not analysed. */
export type AnalyseStatements = (within?: ReadonlySet<ts.Statement>) => StatementAnalysis | undefined;

/**
 * The advice of `sourceFile`, reusing `previous` (the same file's last version) where the edit
 * cannot reach. `inImportCycle` is asked after a whole analysis and after an edit of an import.
 */
export function adviseFile(tsm: TS, sourceFile: ts.SourceFile, analyse: AnalyseStatements, settings: AdviceSettings, inImportCycle: () => boolean, previous?: AdviceSnapshot): AdviceSnapshot | undefined {
  const units = unitsOf(tsm, sourceFile, previous);
  const annotations = parseAnnotations(sourceFile.text);
  const advise = (r: StatementAnalysis): Advice[] =>
    adviseFindings(applyAnnotations(r.findings, annotations).findings, settings, { ts: tsm, fileName: sourceFile.fileName, text: sourceFile.text, sourceFile, scopes: r.scopes });
  const plan = previous && !previous.cyclic ? planReuse(previous, units, previous.scanned) : undefined;
  if (!plan || !syntaxErrorsOnlyIn(sourceFile, units.units, plan)) {
    const r = analyse();
    return r && { ...units, advice: advise(r), scanned: new Set(r.scopes.scannedModuleNames), analysed: units.units.length, cyclic: inImportCycle() };
  }
  let r: StatementAnalysis | undefined;
  let fresh: Advice[];
  do {
    r = analyse(new Set(sourceFile.statements.filter((_, i) => !plan.reused.has(i))));
    // Only the program's own tree has these statements: anything else is analysed whole.
    if (!r || r.sourceFile !== sourceFile) return adviseFile(tsm, sourceFile, analyse, settings, inImportCycle);
    fresh = advise(r);
  } while (plan.widen(r.scopes.scannedModuleNames));

  // Both lists are in file order, like the statements: one pass over each.
  const advice: Advice[] = [];
  const before = inUnits(previous!.advice, previous!.units);
  const now = inUnits(fresh, units.units);
  units.units.forEach((u, i) => {
    const j = plan.reused.get(i);
    if (j === undefined) advice.push(...(now[i] ?? []));
    else advice.push(...shifted(before[j] ?? [], u.fullStart - previous!.units[j]!.fullStart));
  });
  // Only a changed import can close a cycle (the rest of the program is unchanged).
  const importsChanged = units.units.some((u, i) => !plan.reused.has(i) && importedSpecifiers(u.text).length > 0);
  return { ...units, advice, scanned: new Set([...previous!.scanned, ...r.scopes.scannedModuleNames]), analysed: units.units.length - plan.reused.size, cyclic: importsChanged && inImportCycle() };
}

/** Advice grouped by the statement it lies in (both in file order). */
function inUnits(advice: readonly Advice[], units: readonly Unit[]): Advice[][] {
  const out: Advice[][] = [];
  let i = 0;
  for (const a of advice) {
    while (i < units.length && a.start >= units[i]!.fullStart + units[i]!.text.length) i++;
    (out[i] ??= []).push(a);
  }
  return out;
}

function shifted(advice: readonly Advice[], delta: number): Advice[] {
  if (delta === 0) return [...advice];
  const findings = new Map<Finding, Finding>();
  return advice.map((a) => {
    let f = findings.get(a.finding);
    if (!f) findings.set(a.finding, (f = { ...a.finding, start: a.finding.start + delta, end: a.finding.end + delta }));
    return { ...a, start: a.start + delta, end: a.end + delta, finding: f };
  });
}

/** A syntax error may change how the analysis reads a statement: allowed only in those analysed again. */
function syntaxErrorsOnlyIn(sourceFile: ts.SourceFile, units: readonly Unit[], plan: ReusePlan): boolean {
  const errors = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  return errors.every((e) => {
    const i = units.findIndex((u) => e.start !== undefined && e.start >= u.fullStart && e.start < u.fullStart + u.text.length);
    return i >= 0 && !plan.reused.has(i);
  });
}
