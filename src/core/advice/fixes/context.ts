// What every quick fix works from, and the re-analysis that gives its "after" bound: a fix's bound
// and the dollars in its title are what the engine reports once the edit is applied, not a promise.
import type * as ts from "typescript";
import { formatBound, type Bound } from "../../algebra/bound";
import { dollarEstimate, formatDollars } from "../../pricing/dollars";
import { analyzeFileMarked } from "../../analysis/analyzeFile";
import { renderFinding, renumberFinding } from "../../findingLines";
import type { FileAnalysis, Finding } from "../../model";
import type { ParsedSource } from "../source";
import type { Advice, AdviceSettings, QuickFix, QuickFixId, TextEdit } from "../types";
import { linesBefore } from "./linesBefore";

export interface FixContext {
  readonly src: ParsedSource;
  readonly fileName: string;
  readonly call: ts.CallExpression;
  readonly advice: Advice;
  readonly settings: AdviceSettings;
  /** Re-analyses an edited text of the file (lines still marked); absent, the file is analysed on its own. */
  readonly analyze?: AnalyzeEdited;
}

/**
 * How a front end with a project re-analyses an edited file: with the project's other modules
 * (`Project.analyzeEdited`), so that a fix at the call of a wrapper from another module is
 * verified with that wrapper's summary. Without one, the file alone: such a call is no LLM call
 * and its fixes are not offered.
 */
export type AnalyzeEdited = (fileName: string, text: string) => FileAnalysis;

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Where an offset lands once the edits are applied (edits that end at or before it shift it). */
function shifted(pos: number, edits: readonly TextEdit[]): number {
  return edits.reduce((p, e) => (e.end <= pos ? p + e.newText.length - (e.end - e.start) : p), pos);
}

/**
 * The finding of the same call in the edited text, re-analysed: at its shifted offset, or, when an
 * edit moved it (re-indented inside a new block), the one call with the same text. Its offsets are
 * the edited text's; the lines it names (`line 5: while …`) are the lines they were on before the
 * edit, so that before and after name the same loop alike (a line only the fix wrote keeps its
 * number in the edited text).
 */
export function findingAfter(ctx: FixContext, edits: readonly TextEdit[]): Finding | undefined {
  const text = applyEdits(ctx.src.text, edits);
  const { findings, sourceFile } = ctx.analyze ? ctx.analyze(ctx.fileName, text) : analyzeFileMarked(ctx.src.ts, ctx.fileName, text);
  const found = findings.find((f) => f.start === shifted(ctx.advice.start, edits)) ?? movedCall(ctx, text, findings);
  if (!found || !sourceFile) return found && renderFinding(found);
  const before = linesBefore(ctx.src.sf, sourceFile, edits);
  // Never undefined: a line with no line before keeps its own number.
  return renderFinding(renumberFinding(found, (offset) => offset, (line) => before(line) ?? line)!);
}

/** The one finding of the edited text whose call reads as the advised call, whitespace aside. */
function movedCall(ctx: FixContext, text: string, findings: readonly Finding[]): Finding | undefined {
  const squeeze = (s: string): string => s.replace(/\s+/g, "");
  const call = squeeze(ctx.src.text.slice(ctx.advice.start, ctx.advice.end));
  const same = findings.filter((f) => squeeze(text.slice(f.start, f.end)) === call);
  return same.length === 1 ? same[0] : undefined;
}

export function printed(f: Finding, pick: (f: Finding) => Bound): string {
  return formatBound(pick(f), f.rank);
}

/**
 * A fix that changes the call's input, its after bound read from re-analysis and titled with the
 * dollars before → after at default sizes; undefined when the edited code no longer holds the call
 * (the fix would be unverifiable).
 */
export function boundFix(ctx: FixContext, id: QuickFixId, label: string, edits: readonly TextEdit[], isPreferred: boolean): QuickFix | undefined {
  const after = findingAfter(ctx, edits);
  if (!after) return undefined;
  const before = printed(ctx.advice.finding, (f) => f.inputTokens);
  const now = printed(after, (f) => f.inputTokens);
  const dollars = dollarsBeforeAfter(ctx.settings, ctx.advice.finding, after);
  return { id, label, title: `${label}: ${dollars ? `${dollars.from} → ${dollars.to} ${perRun(ctx.settings)}` : `input ${before} → ${now}`}`, code: ctx.advice.code, edits, before, after: now, isPreferred };
}

/** The site's dollars per run before and after a fix, at the settings' sizes; undefined when either is unpriced. */
export function dollarsBeforeAfter(settings: AdviceSettings, before: Finding, after: Finding): { from: string; to: string } | undefined {
  const from = dollarsOf(settings, before);
  const to = dollarsOf(settings, after);
  return from === null || to === null ? undefined : { from: formatDollars(from), to: formatDollars(to) };
}

/** One run's dollars at the editor's sizes and prices, or at the core's defaults. */
export function dollarsOf(settings: AdviceSettings, f: Finding): number | null {
  return dollarEstimate(f, settings.pricing?.assume ?? {}, settings.pricing?.prices).dollars;
}

/** "per run at your sizes" where the editor gave them, else "per run at default sizes". */
export function perRun(settings: AdviceSettings): string {
  return settings.pricing ? "per run at your sizes" : "per run at default sizes";
}

/** Re-indents the lines of `body` by `extra` spaces, except lines that continue a multi-line string. */
export function reindent(src: ParsedSource, from: number, to: number, extra: string): string {
  const t = src.ts;
  const insideString: [number, number][] = [];
  const visit = (n: ts.Node): void => {
    if (n.end < from || n.pos > to) return;
    if (t.isNoSubstitutionTemplateLiteral(n) || t.isTemplateExpression(n) || t.isStringLiteral(n)) insideString.push([n.getStart(src.sf), n.end]);
    else t.forEachChild(n, visit);
  };
  visit(src.sf);
  let out = "";
  let pos = from;
  for (const line of src.text.slice(from, to).split("\n")) {
    const continuesString = insideString.some(([s, e]) => pos > s && pos < e);
    out += (out ? "\n" : "") + (line.trim() && !continuesString ? extra + line : line);
    pos += line.length + 1;
  }
  return out;
}

/** Appends a helper function at the end of the file, separated by one blank line. */
export function appendHelper(text: string, helper: string): TextEdit {
  // trimEnd, not /\s+$/: the regex retries every start in a run of spaces (quadratic on the file's text).
  const trimmed = text.trimEnd();
  return { start: trimmed.length, end: text.length, newText: `\n\n${helper}\n` };
}
