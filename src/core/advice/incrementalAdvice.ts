// A file's advice after an edit, re-analysing only the top-level statements the edit can reach
// (see unitReuse) and keeping the rest from the previous version: at their new offsets, and with
// new line numbers where the edit moved the lines they name (a line break above them, or blank
// lines typed or deleted inside the statement itself: then what lies below the change moves). A kept
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
import type { BlankChange } from "../project/blankLines";
import { planReuse, unitsOf, type FileUnits, type ReusePlan, type Unit } from "../project/unitReuse";
import { adviseMarkedFindings, mapTexts, type AdviceTexts } from "./diagnostics";
import type { Advice, AdviceSettings } from "./types";

/** One statement's advice, as analysed and as shown now. */
interface StatementAdvice {
  /** With lines marked, at the offsets of the version analysed. */
  readonly marked: readonly Advice[];
  /** Each line the advice names, as analysed → its number now. */
  readonly lines: ReadonlyMap<number, number>;
  /** Where its offsets as analysed are now. */
  readonly shift: Shift;
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

/**
 * Offsets of the version analysed → offsets now: each moves by `by`, and by each break's `by` from
 * that break's offset on (blank lines added or removed inside the statement since).
 */
interface Shift {
  readonly by: number;
  readonly breaks: readonly { readonly from: number; readonly by: number }[];
}

const UNMOVED: Shift = { by: 0, breaks: [] };

const NONE: StatementAdvice = { marked: [], lines: new Map(), shift: UNMOVED, shown: [] };

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
  const renumber = renumbering(previous.units, units.units, plan.reused, edited.blank);
  const kept = new Map<number, StatementAdvice>();
  let renumbered = 0;
  for (const [i, j] of plan.reused) {
    const before = previous.byUnit[j] ?? NONE;
    const blank = edited.blank[i];
    // Offsets of the previous version from `from` on (past removed lines, or at inserted ones) move by the blank lines' characters too.
    const inside = blank && { from: previous.units[j]!.fullStart + blank.at + Math.max(0, -blank.chars), by: blank.chars };
    const after = moved(before, units.units[i]!.fullStart - previous.units[j]!.fullStart, inside, renumber);
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
  return { marked, lines: new Map([...named].map((n) => [n, n])), shift: UNMOVED, shown };
}

/**
 * A kept statement's advice after it moved by `delta` characters (and, with `inside`, what lay at or
 * after `inside.from` in the previous version by `inside.by` more) and the lines it names were
 * renumbered; undefined when one of those lines has no new number.
 */
function moved(before: StatementAdvice, delta: number, inside: { from: number; by: number } | undefined, renumber: (line: number) => number | undefined): StatementAdvice | undefined {
  let lines: Map<number, number> | undefined;
  for (const [line, now] of before.lines) {
    const next = renumber(now);
    if (next === undefined) return undefined;
    if (next !== now) lines ??= new Map(before.lines);
    lines?.set(line, next);
  }
  if (!lines && delta === 0 && !inside) return before;
  const shift = shifted(before.shift, delta, inside);
  const position = positionIn(shift);
  const lineNow = lookup(lines ?? before.lines);
  // Each finding is rendered from the one analysed when first read: no chain of versions is kept.
  const findings = new Map<Finding, () => Finding>();
  const shown = before.marked.map((a, k) => {
    let finding = findings.get(a.finding);
    if (!finding) findings.set(a.finding, (finding = renderedLater(a.finding, position, lineNow)));
    const texts = lines ? mapTexts(a, (s) => renderLines(renumberLines(s, lineNow)!)) : before.shown[k]!;
    return lazyAdvice(a, texts, position(a.start), position(a.end), finding);
  });
  return { marked: before.marked, lines: lines ?? before.lines, shift, shown };
}

/** `shift` after the statement moved by `delta`, and what lay at or after `inside.from` (offsets now, before this edit) by `inside.by` more. */
function shifted(shift: Shift, delta: number, inside: { from: number; by: number } | undefined): Shift {
  if (!inside) return { by: shift.by + delta, breaks: shift.breaks };
  // The first offset as analysed that is now at or after `inside.from`: offsets now grow with
  // offsets as analysed, segment by segment between the breaks.
  let from = Infinity;
  let added = 0;
  for (let k = 0; k <= shift.breaks.length; k++) {
    const lo = k === 0 ? -Infinity : shift.breaks[k - 1]!.from;
    const hi = k < shift.breaks.length ? shift.breaks[k]!.from : Infinity;
    if (k > 0) added += shift.breaks[k - 1]!.by;
    const candidate = Math.max(lo, inside.from - shift.by - added);
    if (candidate < hi) {
      from = candidate;
      break;
    }
  }
  const breaks = [...shift.breaks, { from, by: inside.by }].sort((a, b) => a.from - b.from);
  return { by: shift.by + delta, breaks };
}

/** Made out here for the reason given below `moved`: the closure holds the shift, plain data. */
function positionIn(shift: Shift): (offset: number) => number {
  return (offset) => {
    let at = offset + shift.by;
    for (const b of shift.breaks) if (offset >= b.from) at += b.by;
    return at;
  };
}

// The closures a kept statement's advice holds are made out here, not in `moved`: a closure made
// there shares its scope, and with it `before`, the previous version, which would then hold the
// one before it, and so on: a chain as long as the session, which the heap carries and GC walks.
function lookup(lines: ReadonlyMap<number, number>): (line: number) => number | undefined {
  return (line) => lines.get(line);
}

/** The analysed finding at its new offset and lines, made when first read. */
function renderedLater(analysed: Finding, position: (offset: number) => number, lineNow: (line: number) => number | undefined): () => Finding {
  return once(() => renderFinding(renumberFinding(analysed, position, lineNow)!));
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
 * as findings name lines); undefined for lines of changed statements, for blank lines removed, and
 * for a line two statements share unless both are kept and moved alike.
 */
function renumbering(previous: readonly Unit[], next: readonly Unit[], reused: ReadonlyMap<number, number>, blank: readonly (BlankChange | undefined)[]): (line: number) => number | undefined {
  // Per kept statement: how far its lines moved, as a function of the 0-based line.
  const moved = new Map<number, (zeroBased: number) => number | undefined>();
  for (const [i, j] of reused) {
    const by = next[i]!.line - previous[j]!.line;
    const change = blank[i];
    if (!change) {
      moved.set(j, () => by);
      continue;
    }
    const at = previous[j]!.line + change.line;
    const removedEnd = at + Math.max(0, -change.lines);
    moved.set(j, (z) => (z < at ? by : z < removedEnd ? undefined : by + change.lines));
  }
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
      const d = moved.get(j)?.(zeroBased);
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
