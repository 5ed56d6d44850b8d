// A file's advice after an edit, re-analysing only the top-level statements the edit can reach
// (see unitReuse) and keeping the rest from the previous version: at their new offsets, and with
// new line numbers where the edit moved the lines they name (a line break above them). A kept
// statement holds its advice as analysed, with lines marked (see lineRefs), and the number each of
// those lines has now; an edit updates those few numbers and the messages, and a finding is
// rendered again only when it is read (a quick fix). The tsserver plugin answers every
// diagnostics request of an edited file this way.
import type * as ts from "typescript";
import { applyAnnotations, parseAnnotations } from "../annotations";
import type { Scopes, TS } from "../binder/scopes";
import { renderFinding, renumberFinding } from "../findingLines";
import { holdsLineMarks, renderLines, renumberLines } from "../lineRefs";
import type { Finding } from "../model";
import { importedSpecifiers } from "../project/modulePaths";
import { planReuse, unitsOf, type FileUnits, type ReusePlan, type Unit } from "../project/unitReuse";
import { adviseMarkedFindings, mapTexts, type AdviceTexts } from "./diagnostics";
import type { Advice, AdviceSettings } from "./types";

/** One statement's advice, as analysed and as shown now. */
interface StatementAdvice {
  /** With lines marked, at the offsets of the version analysed. */
  readonly marked: readonly Advice[];
  /** Each line the advice names, as analysed → its number now. */
  readonly lines: ReadonlyMap<number, number>;
  /** How far the statement moved since it was analysed. */
  readonly offset: number;
  /** Parallel to `marked`. */
  readonly shown: readonly Advice[];
}

export interface AdviceSnapshot extends FileUnits {
  readonly advice: readonly Advice[];
  /** Per statement, parallel to `units`. */
  readonly byUnit: readonly StatementAdvice[];
  /** The file is in an import cycle: its next version is analysed whole. */
  readonly cyclic: boolean;
  /** Module-level names whose every reference the analysis read. */
  readonly scanned: ReadonlySet<string>;
  /** How many top-level statements were analysed for this version (the others kept their advice). */
  readonly analysed: number;
  /** How many kept statements' advice now names other line numbers. */
  readonly renumbered: number;
}

export interface StatementAnalysis {
  /** With their lines marked (see lineRefs). */
  readonly findings: readonly Finding[];
  readonly sourceFile: ts.SourceFile;
  readonly scopes: Scopes;
}

/** Analyses the given top-level statements (all when omitted); undefined when the file is not analysed. */
export type AnalyseStatements = (within?: ReadonlySet<ts.Statement>) => StatementAnalysis | undefined;

const NONE: StatementAdvice = { marked: [], lines: new Map(), offset: 0, shown: [] };

/**
 * The advice of `sourceFile`, reusing `previous` (the same file's last version) where the edit
 * cannot reach. `inImportCycle` is asked after a whole analysis and after an edit of an import.
 */
export function adviseFile(tsm: TS, sourceFile: ts.SourceFile, analyse: AnalyseStatements, settings: AdviceSettings, inImportCycle: () => boolean, previous?: AdviceSnapshot): AdviceSnapshot | undefined {
  const edited = unitsOf(tsm, sourceFile, previous);
  const units = edited.file;
  const annotations = parseAnnotations(tsm, sourceFile);
  const advise = (r: StatementAnalysis): StatementAdvice[] => {
    const marked = adviseMarkedFindings(applyAnnotations(r.findings, annotations).findings, settings, { ts: tsm, fileName: sourceFile.fileName, text: sourceFile.text, sourceFile, scopes: r.scopes });
    return inUnits(marked, units.units).map(analysed);
  };
  const snapshot = (byUnit: StatementAdvice[], rest: Pick<AdviceSnapshot, "scanned" | "analysed" | "renumbered" | "cyclic">): AdviceSnapshot => ({ ...units, byUnit, advice: byUnit.flatMap((s) => s.shown), ...rest });
  // An annotation's line is not renumbered (the derivation names it), and a file that holds the
  // marks' own characters cannot tell them apart: there, only statements whose lines stay are kept.
  const moves = annotations.bounds.length + annotations.ignores.length === 0 && !holdsLineMarks(sourceFile.text);
  const plan = previous && !previous.cyclic ? planReuse(previous, edited, previous.scanned, moves) : undefined;
  if (!plan || !previous || !syntaxErrorsOnlyIn(sourceFile, units.units, plan)) {
    const r = analyse();
    return r && snapshot(advise(r), { scanned: new Set(r.scopes.scannedModuleNames), analysed: units.units.length, renumbered: 0, cyclic: inImportCycle() });
  }

  // The kept statements' advice at their new offsets and lines; what cannot be renumbered is analysed.
  const renumber = renumbering(previous.units, units.units, plan.reused);
  const kept = new Map<number, StatementAdvice>();
  let renumbered = 0;
  for (const [i, j] of plan.reused) {
    const before = previous.byUnit[j] ?? NONE;
    const after = moved(before, units.units[i]!.fullStart - previous.units[j]!.fullStart, renumber);
    if (!after) continue;
    kept.set(i, after);
    if (after.lines !== before.lines) renumbered++;
  }
  plan.exclude([...plan.reused.keys()].filter((i) => !kept.has(i)));

  let r: StatementAnalysis | undefined;
  let fresh: StatementAdvice[];
  do {
    r = analyse(new Set(sourceFile.statements.filter((_, i) => !plan.reused.has(i))));
    // Only the program's own tree has these statements: anything else is analysed whole.
    if (!r || r.sourceFile !== sourceFile) return adviseFile(tsm, sourceFile, analyse, settings, inImportCycle);
    fresh = advise(r);
  } while (plan.widen(r.scopes.scannedModuleNames));

  const byUnit = units.units.map((_, i) => (plan.reused.has(i) ? kept.get(i)! : (fresh[i] ?? NONE)));
  // Only a changed import can close a cycle (the rest of the program is unchanged).
  const importsChanged = units.units.some((u, i) => !plan.reused.has(i) && importedSpecifiers(u.text).length > 0);
  return snapshot(byUnit, { scanned: new Set([...previous.scanned, ...r.scopes.scannedModuleNames]), analysed: units.units.length - plan.reused.size, renumbered, cyclic: importsChanged && inImportCycle() });
}

/** Advice grouped by the statement it lies in (both in file order). */
function inUnits(advice: readonly Advice[], units: readonly Unit[]): Advice[][] {
  const out: Advice[][] = units.map(() => []);
  let i = 0;
  for (const a of advice) {
    while (i < units.length - 1 && a.start >= units[i]!.fullStart + units[i]!.text.length) i++;
    out[i]!.push(a);
  }
  return out;
}

/** A statement's advice just analysed. */
function analysed(marked: readonly Advice[]): StatementAdvice {
  if (marked.length === 0) return NONE;
  const named = new Set<number>();
  const findings = new Map<Finding, Finding>();
  const shown = marked.map((a) => {
    let f = findings.get(a.finding);
    if (!f) findings.set(a.finding, (f = renderFinding(a.finding, named)));
    return { ...a, ...mapTexts(a, (s) => renderLines(s, (n) => named.add(n))), finding: f };
  });
  return { marked, lines: new Map([...named].map((n) => [n, n])), offset: 0, shown };
}

/**
 * A kept statement's advice after it moved by `delta` characters and the lines it names were
 * renumbered; undefined when one of those lines has no new number.
 */
function moved(before: StatementAdvice, delta: number, renumber: (line: number) => number | undefined): StatementAdvice | undefined {
  let lines: Map<number, number> | undefined;
  for (const [line, now] of before.lines) {
    const next = renumber(now);
    if (next === undefined) return undefined;
    if (next !== now) lines ??= new Map(before.lines);
    lines?.set(line, next);
  }
  if (!lines && delta === 0) return before;
  const offset = before.offset + delta;
  const lineNow = lookup(lines ?? before.lines);
  // Each finding is rendered from the one analysed when first read: no chain of versions is kept.
  const findings = new Map<Finding, () => Finding>();
  const shown = before.marked.map((a, k) => {
    let finding = findings.get(a.finding);
    if (!finding) findings.set(a.finding, (finding = renderedLater(a.finding, offset, lineNow)));
    const texts = lines ? mapTexts(a, (s) => renderLines(renumberLines(s, lineNow)!)) : before.shown[k]!;
    return lazyAdvice(a, texts, a.start + offset, a.end + offset, finding);
  });
  return { marked: before.marked, lines: lines ?? before.lines, offset, shown };
}

// The closures a kept statement's advice holds are made out here, not in `moved`: a closure made
// there shares its scope, and with it `before`, the previous version, which would then hold the
// one before it, and so on: a chain as long as the session, which the heap carries and GC walks.
function lookup(lines: ReadonlyMap<number, number>): (line: number) => number | undefined {
  return (line) => lines.get(line);
}

/** The analysed finding at its new offset and lines, made when first read. */
function renderedLater(analysed: Finding, offset: number, lineNow: (line: number) => number | undefined): () => Finding {
  return once(() => renderFinding(renumberFinding(analysed, offset, lineNow)!));
}

/** Advice whose finding is made when first read: diagnostics read only the rest. */
function lazyAdvice(a: Advice, texts: AdviceTexts, start: number, end: number, finding: () => Finding): Advice {
  return {
    code: a.code,
    severity: a.severity,
    messageId: a.messageId,
    message: texts.message,
    data: texts.data,
    related: texts.related,
    ...(a.sentBy ? { sentBy: a.sentBy } : {}),
    start,
    end,
    get finding() {
      return finding();
    },
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * The new number of each line of the previous version that lies in a kept statement (1-based,
 * as findings name lines); undefined for lines of changed statements, and for a line two
 * statements share unless both are kept and moved alike.
 */
function renumbering(previous: readonly Unit[], next: readonly Unit[], reused: ReadonlyMap<number, number>): (line: number) => number | undefined {
  const moved = new Map<number, number>();
  for (const [i, j] of reused) moved.set(j, next[i]!.line - previous[j]!.line);
  return (line) => {
    const zeroBased = line - 1;
    if (previous.length === 0) return undefined;
    // The last statement starting at or before the line, then back over those that share it.
    let lo = 0;
    let hi = previous.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (previous[mid]!.line <= zeroBased) lo = mid;
      else hi = mid - 1;
    }
    let by: number | undefined;
    for (let j = lo; j >= 0 && previous[j]!.endLine >= zeroBased; j--) {
      const d = moved.get(j);
      if (d === undefined || (by !== undefined && by !== d)) return undefined;
      by = d;
    }
    return by === undefined ? undefined : line + by;
  };
}

/** A syntax error may change how the analysis reads a statement: allowed only in those analysed again. */
function syntaxErrorsOnlyIn(sourceFile: ts.SourceFile, units: readonly Unit[], plan: ReusePlan): boolean {
  const errors = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  return errors.every((e) => {
    const i = units.findIndex((u) => e.start !== undefined && e.start >= u.fullStart && e.start < u.fullStart + u.text.length);
    return i >= 0 && !plan.reused.has(i);
  });
}
