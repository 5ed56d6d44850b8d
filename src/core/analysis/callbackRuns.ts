// How many times a function of this file runs the callback it is handed: `twice(fn) { await fn();
// return await fn(); }` runs it 2 times, so a request in `twice(() => …)` is made twice per call of
// twice. Straight-line calls add; a call in a loop of a constant count multiplies by it; a call under
// a condition (a catch too) or after a possible early exit makes the count an upper bound (a retry
// loop's failed attempts are not counted, as in Loops.retried). Handed on as an argument, the callback
// runs there as often as a function of this file runs it (followed), or once when the function is not
// read (a package's, another module's: the engine's usual assumption, said); calls on exclusive paths
// (`if (c) { fn(); return; } withTrace(fn)`) take the larger count, at most. The callback stored,
// aliased, handed to an iteration or a listener, or called in a loop whose count is the callee's own
// leaves the count unknown.
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
  isIterationCallback(host: ts.Node, fn: ts.Node): boolean;
}

/** Methods that keep a function to run it later, any number of times (stored, or a listener). */
const KEEPS = new Set(["push", "unshift", "splice", "set", "add", "on", "addListener", "prependListener", "addEventListener", "subscribe", "setInterval"]);

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
    const where = `${name} (line ${lineRef(this.line(fn))})`;
    // A rest parameter or `arguments` holds the callback as an element (`fs[0]()`): its calls are not counted, so not once either.
    const rest = fn.parameters.findIndex((p) => !!p.dotDotDotToken);
    if (rest >= 0 && rest <= index) return { unknown: `${where} takes its callback in a rest parameter (...${this.text(fn.parameters[rest]!.name)}): how often it runs is not read` };
    if (this.usesArguments(fn)) return { unknown: `${where} reads its arguments through \`arguments\`: how often it runs its callback is not read` };
    const param = fn.parameters[index];
    if (!param) return undefined;
    if (!t.isIdentifier(param.name)) return { unknown: `${where} takes its callback apart: how often it runs is not read` };
    const refs = this.scopes.referencesTo(param, param.name.text);
    if (refs.length === 0) return undefined;
    const each: { at: ts.Node; runs: number; exact: boolean; line: string }[] = [];
    for (const r of refs) {
      const call = r.parent;
      const here = t.isCallExpression(call) && call.expression === r ? this.runsOf(call, fn, where) : t.isCallExpression(call) && call.arguments.includes(r as ts.Expression) ? this.handedOn(call, r, fn, where) : undefined;
      if (!here) return { unknown: `${where} names its callback other than to call it or hand it on at line ${lineRef(this.line(r))} (stored or aliased): how often it runs is not read` };
      if ("unknown" in here) return here;
      each.push({ at: call, runs: here.runs, exact: here.exact, line: `${here.runs === 1 ? "" : `${here.runs}× `}line ${lineRef(this.line(call))}${"assumed" in here ? `, ${here.assumed}` : ""}` });
    }
    // Runs on paths that exclude each other (if/else, a branch that returns before the next): the larger, at most.
    const exclusive = each.length > 1 && each.every((a, i) => each.every((b, j) => j <= i || this.exclusive(fn, a.at, b.at)));
    const runs = exclusive ? Math.max(...each.map((e) => e.runs)) : each.reduce((n, e) => n + e.runs, 0);
    const exact = !exclusive && each.every((e) => e.exact);
    const lines = each.map((e) => e.line).join(exclusive ? " or " : ", ");
    return { runs, exact, why: `${where} calls its callback ${exact ? "" : "at most "}${runs} ${runs === 1 ? "time" : "times"} (${lines})` };
  }

  /**
   * The callback handed on as an argument of `call`: as often as the function of this file it is handed to
   * runs it, or once if that function is not read (the engine's assumption for a package's or another
   * module's function); the loops and conditions around `call` apply as to a call of it.
   */
  private handedOn(call: ts.CallExpression, r: ts.Node, fn: FunctionNode, where: string): { runs: number; exact: boolean; assumed?: string } | { unknown: string } {
    const t = this.ts;
    const at = `${where} hands its callback on at line ${lineRef(this.line(call))}`;
    const name = t.isPropertyAccessExpression(call.expression) ? call.expression.name.text : t.isIdentifier(call.expression) ? call.expression.text : "";
    if (this.loops.isIterationCallback(call, r)) return { unknown: `${at} to an iteration, which runs it once per element: how often it runs is not read` };
    if (KEEPS.has(name)) return { unknown: `${at} to ${name}, which keeps it to run later: how often it runs is not read` };
    const around = this.runsOf(call, fn, where);
    if ("unknown" in around) return around;
    const callee = this.callees.of(call);
    // An interface's method is what this file's classes implementing it do: read, so not assumed once.
    if (callee?.kind === "implemented") return { unknown: `${at} to ${callee.member}, an interface's method: how often its implementations run it is not read` };
    if (callee?.kind !== "local") return { ...around, assumed: `handed to ${name || "a function"}, not read: once assumed` };
    const inner = this.of(call, r);
    if (!inner) return { unknown: `${at} to ${callee.name}, whose runs of it are not read` };
    if ("unknown" in inner) return inner;
    return { runs: around.runs * inner.runs, exact: around.exact && inner.exact };
  }

  /** Whether no path of `fn` reaches both `a` and `b`: the two branches of one if or conditional, or a branch that ends in a return and what follows its if. */
  private exclusive(fn: FunctionNode, a: ts.Node, b: ts.Node): boolean {
    const t = this.ts;
    const [first, second] = a.pos <= b.pos ? [a, b] : [b, a];
    for (let n: ts.Node = first; n.parent && n !== fn; n = n.parent) {
      const p = n.parent;
      if (t.isFunctionLike(p)) return false;
      const inside = (x: ts.Node | undefined): boolean => !!x && second.pos >= x.pos && second.end <= x.end;
      if (t.isIfStatement(p) && p.thenStatement === n) {
        if (inside(p.elseStatement)) return true;
        if (!inside(p) && second.pos >= p.end && this.endsInReturn(n) && this.sameBlockChain(p, second, fn)) return true;
      }
      if (t.isConditionalExpression(p) && p.whenTrue === n && inside(p.whenFalse)) return true;
    }
    return false;
  }

  /** A statement whose last statement (a block's) is a return. */
  private endsInReturn(s: ts.Node): boolean {
    const t = this.ts;
    if (t.isReturnStatement(s)) return true;
    return t.isBlock(s) && s.statements.length > 0 && t.isReturnStatement(s.statements[s.statements.length - 1]!);
  }

  /** Whether `later` follows the if `stmt` in a block `stmt` sits in directly (not past the loop or block that holds it). */
  private sameBlockChain(stmt: ts.Node, later: ts.Node, fn: FunctionNode): boolean {
    const block = stmt.parent;
    return block === fn.body && later.pos >= block.pos && later.end <= block.end;
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

  /** Whether `fn`'s body names `arguments` outside a function of its own that has its own (an arrow sees `fn`'s). */
  private usesArguments(fn: FunctionNode): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || (t.isFunctionLike(n) && !t.isArrowFunction(n))) return;
      if (t.isIdentifier(n) && n.text === "arguments" && !((t.isPropertyAccessExpression(n.parent) || t.isPropertyAssignment(n.parent)) && n.parent.name === n)) found = true;
      else t.forEachChild(n, visit);
    };
    if (fn.body) t.forEachChild(fn.body, visit);
    return found;
  }

  private text(n: ts.Node): string {
    return n.getText(this.scopes.sourceFile);
  }

  private line(n: ts.Node): number {
    const sf = this.scopes.sourceFile;
    return sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  }
}
