// How many times a function of this file runs the callback it is handed: `twice(fn) { await fn();
// return await fn(); }` runs it 2 times, so a request in `twice(() => …)` is made twice per call of
// twice. Straight-line calls add; a call in a loop of a constant count multiplies by it; a call under
// a condition (a catch too) or after a possible early exit makes the count an upper bound (a retry
// loop's failed attempts are not counted, as in Loops.retried); the
// callback named other than as a callee (aliased, stored, handed on) or called in a loop whose count
// is the callee's own leaves the count unknown.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import { lineRef } from "../lineRefs";
import { Callees } from "./callees";

/** The callback's runs per call of its host: a count (exact, or at most), or unknown with the reason. */
export type Runs = { readonly runs: number; readonly exact: boolean; readonly why: string } | { readonly unknown: string };

/** The loops around a node up to its function (Loops.around), and the call an inline function is handed to (Loops.callbackHost). */
export interface LoopView {
  around(node: ts.Node): readonly { readonly node: ts.Node; readonly trip: { isConstant(): boolean; constantValue(): number }; readonly exact: boolean; readonly tripText: string; readonly line: number; readonly unknown?: string }[];
  callbackHost(fn: ts.Node): ts.Node | undefined;
}

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

export class CallbackRuns {
  private readonly callees: Callees;
  private readonly memo = new Map<ts.Node, Map<number, Runs | null>>();
  /** Callees being read: a callback handed around in a cycle of them is not counted. */
  private readonly reading = new Set<ts.Node>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    constants: Constants,
    private readonly loops: LoopView,
  ) {
    this.callees = new Callees(ts, scopes, constants);
  }

  /**
   * The runs of the inline function `fn` handed as an argument to `host`, a call of a function of this
   * file; undefined when the host is not one (another module's, a package's: once per call, as before).
   */
  of(host: ts.CallExpression | ts.NewExpression, fn: ts.Node): Runs | undefined {
    const t = this.ts;
    if (!t.isCallExpression(host)) return undefined;
    const index = host.arguments.indexOf(fn as ts.Expression);
    if (index < 0 || host.arguments.slice(0, index).some((a) => t.isSpreadElement(a))) return undefined;
    const callee = this.callees.of(host);
    if (callee?.kind !== "local" || !callee.fn.body || (t.isPropertyAccessExpression(host.expression) && host.expression.name.text === "call")) return undefined;
    let byIndex = this.memo.get(callee.fn);
    if (!byIndex) this.memo.set(callee.fn, (byIndex = new Map()));
    let runs = byIndex.get(index);
    if (runs === undefined) {
      if (this.reading.has(callee.fn)) return { unknown: `${callee.name} hands its callback around a cycle of functions: how often it runs is not read` };
      this.reading.add(callee.fn);
      try {
        runs = this.count(callee.fn, callee.name, index) ?? null;
      } finally {
        this.reading.delete(callee.fn);
      }
      byIndex.set(index, runs);
    }
    return runs ?? undefined;
  }

  private count(fn: FunctionNode, name: string, index: number): Runs | undefined {
    const t = this.ts;
    const param = fn.parameters[index];
    if (!param || param.dotDotDotToken) return undefined;
    const where = `${name} (line ${lineRef(this.line(fn))})`;
    if (!t.isIdentifier(param.name)) return { unknown: `${where} takes its callback apart: how often it runs is not read` };
    const refs = this.scopes.referencesTo(param, param.name.text);
    if (refs.length === 0) return undefined;
    let runs = 0;
    let exact = true;
    const lines: string[] = [];
    for (const r of refs) {
      const call = r.parent;
      if (!t.isCallExpression(call) || call.expression !== r) return { unknown: `${where} names its callback other than to call it at line ${lineRef(this.line(r))} (stored, aliased or handed on): how often it runs is not read` };
      const here = this.runsOf(call, fn, where);
      if ("unknown" in here) return here;
      runs += here.runs;
      exact &&= here.exact;
      lines.push(`${here.runs === 1 ? "" : `${here.runs}× `}line ${lineRef(this.line(call))}`);
    }
    return { runs, exact, why: `${where} calls its callback ${exact ? "" : "at most "}${runs} ${runs === 1 ? "time" : "times"} (${lines.join(", ")})` };
  }

  /** The runs of one call of the callback in `fn`: the constant loops around it multiply; a condition or an earlier exit makes it at most. */
  private runsOf(call: ts.CallExpression, fn: FunctionNode, where: string): { runs: number; exact: boolean } | { unknown: string } {
    const t = this.ts;
    let exact = !call.questionDotToken && !this.exitsBefore(fn, call);
    for (let n: ts.Node = call; n.parent && n !== fn; n = n.parent) {
      const p = n.parent;
      if (t.isFunctionLike(p) && p !== fn && !this.loops.callbackHost(p)) return { unknown: `${where} calls its callback in a function of its own (line ${lineRef(this.line(p))}): how often that runs is not read` };
      if ((t.isIfStatement(p) && p.expression !== n) || (t.isConditionalExpression(p) && p.condition !== n) || t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p)) exact = false;
      if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) exact = false;
    }
    let runs = 1;
    for (const l of this.loops.around(call)) {
      if (l.node.pos < fn.pos || l.node.end > fn.end) continue;
      if (l.unknown) return { unknown: l.unknown };
      if (!l.trip.isConstant()) return { unknown: `${where} calls its callback in a loop of ${l.tripText} (line ${lineRef(l.line)}), a count of its own: how often it runs is not read` };
      runs *= l.trip.constantValue();
      exact &&= l.exact;
    }
    return { runs, exact };
  }

  /**
   * A return, break or continue of `fn` itself ending before `call`: a path may leave without making it. A throw
   * is an error's path, not counted (as a request that fails is not: an exact count is of the runs that succeed).
   */
  private exitsBefore(fn: FunctionNode, call: ts.Node): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || n.pos >= call.pos || t.isFunctionLike(n)) return;
      if ((t.isReturnStatement(n) || t.isBreakStatement(n) || t.isContinueStatement(n)) && n.end <= call.pos) {
        found = true;
        return;
      }
      t.forEachChild(n, visit);
    };
    if (fn.body) t.forEachChild(fn.body, visit);
    return found;
  }

  private line(n: ts.Node): number {
    const sf = this.scopes.sourceFile;
    return sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  }
}
