// Diagnostics with stable codes for a file's findings: what grows, what is re-sent, what never
// stops, what runs one at a time, and where a large model writes a one-word answer.
import type * as ts from "typescript";
import { formatBound } from "../algebra/bound";
import type { Scopes, TS } from "../binder/scopes";
import type { Finding } from "../model";
import { holdsLineMarks, lineRef, renderLines } from "../lineRefs";
import { smallerModel } from "../pricing/smallerModel";
import { loopDegree } from "../report/costClass";
import { callAt, independentIterations, loopsAround, parseSource, type ParsedSource } from "./source";
import type { Advice, AdviceSettings, DiagnosticCode, RelatedAdvice, Severity } from "./types";

/** The file the findings came from; the AST decides what the bounds alone cannot. */
export interface AdviceSource {
  readonly ts: TS;
  readonly fileName: string;
  readonly text: string;
  /** An already parsed tree of `text`, reused instead of parsing again. */
  readonly sourceFile?: ts.SourceFile;
  /** The analysis's name resolution of `sourceFile`, reused (and the names it reads recorded). */
  readonly scopes?: Scopes;
}

/** At most this many output tokens is a label, not a text. */
const LABEL_TOKENS = 20;
const CLASSIFICATION_PROMPT = /\b(classify|categori[sz]e|label (it|the|this)|reply with (only )?(one|a single) (word|label)|one word|yes or no|true or false)\b/i;

export function adviseFindings(findings: readonly Finding[], settings: AdviceSettings, source: AdviceSource): Advice[] {
  return adviseMarkedFindings(findings, settings, source).map((a) =>
    holdsLineMarks(a.message) || a.related.some((r) => holdsLineMarks(r.message)) ? { ...a, message: renderLines(a.message), related: a.related.map((r) => ({ ...r, message: renderLines(r.message) })) } : a,
  );
}

/** The advice with the lines in its messages still marked (see lineRefs), for findings that are too. */
export function adviseMarkedFindings(findings: readonly Finding[], settings: AdviceSettings, source: AdviceSource): Advice[] {
  if (findings.length === 0) return [];
  const src = parseSource(source.ts, source.fileName, source.text, source.sourceFile, source.scopes);
  return findings.flatMap((f) => {
    const call = callAt(src, f.start, f.end);
    const advice = (code: DiagnosticCode, severity: Severity, message: string | undefined, related: readonly RelatedAdvice[] = []): Advice[] => (message ? [{ code, severity, message, related, start: f.start, end: f.end, finding: f }] : []);
    // A history that grows by a whole text on each iteration is one finding read two ways, over
    // the same bound: one diagnostic, the whole text's reading related to it.
    const history = growingHistory(f, settings);
    const whole = wholeInputPerItem(f);
    const merged = history !== undefined && whole !== undefined;
    return [
      ...advice("aalp.growing-history", settings.severity, history, merged ? [{ code: "aalp.whole-input-per-item", message: whole }] : []),
      ...advice("aalp.whole-input-per-item", settings.severity, merged ? undefined : whole),
      ...advice("aalp.unbounded-loop", settings.severity, unboundedLoop(f)),
      ...advice("aalp.generalist-for-constant-output", "information", call && generalist(src, call, f)),
      ...advice("aalp.sequential-independent-calls", "information", call && sequentialIndependent(src, call, f)),
    ];
  });
}

function bound(f: Finding, b: Finding["inputTokens"]): string {
  return formatBound(b, f.rank);
}

function growingHistory(f: Finding, settings: AdviceSettings): string | undefined {
  if (loopDegree(f) < settings.warnDegree || !["constant", "output", "rewrite"].includes(f.growth)) return undefined;
  // The derivation names each growing variable and line: "messages grows at line 15 on every …".
  const grows = new Map<string, string[]>();
  for (const e of f.explanation) {
    const m = /^(\S+) grows at line (\uE000\d+\uE001|\d+)/.exec(e);
    if (m) grows.set(m[1]!, [...(grows.get(m[1]!) ?? []), m[2]!]);
  }
  const where = [...grows].map(([name, lines]) => `${name} grows at line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`).join("; ");
  return `History re-sent on every iteration: input ${bound(f, f.inputTokens)}${where ? ` (${where})` : ""}.`;
}

function wholeInputPerItem(f: Finding): string | undefined {
  const whole = wholeInputOf(f);
  if (!whole) return undefined;
  const over = f.loops.map((l) => l.tripCount).join("·");
  return `${whole.name} is sent whole on each of ${over} iterations${whole.everyVersion ? ", and every version is kept" : ""}: input ${bound(f, f.inputTokens)}. If each iteration needs only part of it, send that part.`;
}

/**
 * A size that does not come from the loop (a parameter or value from before it) multiplied by a
 * loop count in the per-call input (a history of whole copies), or sent alongside the loop's own
 * unit (the whole with each item).
 */
export function wholeInputOf(f: Finding): { name: string; everyVersion: boolean } | undefined {
  const outer = f.loops[0];
  if (!outer || f.inputPerCall.kind !== "poly") return undefined;
  const counts = new Set(f.symbols.filter((s) => s.kind === "count").map((s) => s.name));
  const trips = new Set(f.loops.map((l) => l.tripCount));
  const isUnit = (name: string): boolean => {
    const s = f.symbols.find((x) => x.name === name);
    if (!s || s.kind !== "size") return false;
    const collection = /^\|(.+)\[\]\|$/.exec(name);
    // A size from another file's summary is sized per invocation: not a whole from before the loop.
    return !!s.file || s.line >= outer.line || (collection !== null && trips.has(`|${collection[1]}|`));
  };
  const isWhole = (name: string): boolean => f.symbols.find((x) => x.name === name)?.kind === "size" && !isUnit(name);
  const terms = f.inputPerCall.poly.dominant();
  const copies = terms.find((m) => Object.keys(m.factors).some((s) => counts.has(s)) && Object.keys(m.factors).some(isWhole));
  const hasUnit = terms.some((m) => Object.keys(m.factors).some(isUnit));
  const alongside = hasUnit ? terms.find((m) => Object.keys(m.factors).length === 1 && isWhole(Object.keys(m.factors)[0]!)) : undefined;
  const term = copies ?? alongside;
  if (!term) return undefined;
  const name = Object.keys(term.factors).find(isWhole)!;
  return { name: name.replace(/^\||\|$/g, ""), everyVersion: copies !== undefined };
}

function unboundedLoop(f: Finding): string | undefined {
  const l = f.loops.find((x) => x.dataDependent);
  if (!l) return undefined;
  return `The ${l.kind} loop at line ${lineRef(l.line)} ends only when data says so (${l.tripCount} iterations, no bound in the code): calls ${bound(f, f.calls)}. Cap its iterations.`;
}

function generalist(src: ParsedSource, call: ts.CallExpression, f: Finding): string | undefined {
  if (f.outputPerCall.kind !== "poly" || !f.outputPerCall.poly.isConstant()) return undefined;
  const cap = f.outputPerCall.poly.constantValue();
  if (cap > LABEL_TOKENS && !CLASSIFICATION_PROMPT.test(promptText(src, call))) return undefined;
  const smaller = smallerModel(f.model, f.sdk);
  if (!smaller) return undefined;
  const what = cap <= LABEL_TOKENS ? `at most ${cap} tokens` : "a label";
  return `${f.model} writes ${what} here: ${smaller.model} costs ${Math.round(smaller.ratio)}× less per token (paper §3.1: size the model to the task).`;
}

/** The static text of a call's arguments: string literals and template parts. */
function promptText(src: ParsedSource, call: ts.CallExpression): string {
  const t = src.ts;
  const parts: string[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isStringLiteralLike(n)) parts.push(n.text);
    else if (t.isTemplateExpression(n)) parts.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    t.forEachChild(n, visit);
  };
  call.arguments.forEach(visit);
  return parts.join("\n");
}

function sequentialIndependent(src: ParsedSource, call: ts.CallExpression, f: Finding): string | undefined {
  if (f.growth !== "none" || f.loops.length === 0 || f.loops.some((l) => l.parallel)) return undefined;
  if (bound(f, f.span) !== bound(f, f.calls)) return undefined;
  const loop = independentLoop(src, call);
  if (!loop) return undefined;
  const line = src.sf.getLineAndCharacterOfPosition(loop.getStart(src.sf)).line + 1;
  return `The iterations of the loop at line ${lineRef(line)} do not depend on each other but wait for one another: span ${bound(f, f.span)} calls. Run them concurrently.`;
}

/** The outermost for/for-of loop around the call whose iterations are independent. */
export function independentLoop(src: ParsedSource, call: ts.CallExpression): ts.ForStatement | ts.ForOfStatement | undefined {
  const t = src.ts;
  const loops = loopsAround(t, call).reverse();
  for (const l of loops) {
    if ((t.isForOfStatement(l) && !l.awaitModifier) || t.isForStatement(l)) {
      if (independentIterations(src, l)) return l;
    }
  }
  return undefined;
}
