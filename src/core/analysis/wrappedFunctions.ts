// An inline function handed to a call whose result is kept under a name that is then called:
// `const ask = traceable(async (q) => …, { name })`, `const memo = someWrapper(async (q) => …)`, a
// class field `private ask = wrap(async (q) => …)`. The call makes a wrapper of the function: it runs
// when the name is called, not where it is written. Each call of the name is read as one run of the
// function, its arguments by position (the wrapper's own are ignored), an assumption as for a closure
// handed to an unknown function (passedNote): a tracing, limiting or logging wrapper runs it once per
// call. Where the result is not called (`await limit(() => …)`, `useMemo(() => …)`), the function
// is still run in place by the call it is handed to (Loops.callbackHost).
import type * as ts from "typescript";
import type { Scopes, TS } from "../binder/scopes";

export type InlineFunction = ts.ArrowFunction | ts.FunctionExpression;

/** Said where the wrapped function's requests are counted at a call of the wrapper. */
export function wrapperNote(name: string, host: string): string {
  return `${name} is what ${host}() returns for the function written in it: assumed to run the function once per call, as a tracing, limiting or logging wrapper does`;
}

export class WrappedFunctions {
  private readonly known = new Map<ts.Node, InlineFunction | undefined>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
  ) {}

  /** The inline function the initializer of `decl` wraps, when its name is called (or exported: importers may call it). */
  wrappedBy(decl: ts.VariableDeclaration | ts.PropertyDeclaration): InlineFunction | undefined {
    if (this.known.has(decl)) return this.known.get(decl);
    const fn = this.inlineArgument(decl.initializer);
    const wrapped = fn && this.isCalled(decl) ? fn : undefined;
    this.known.set(decl, wrapped);
    return wrapped;
  }

  /** Whether `fn`, an argument of `call`, is wrapped (see wrappedBy): a function of its own, not run in place. */
  isWrapped(fn: ts.Node, call: ts.CallExpression | ts.NewExpression): boolean {
    const decl = this.bindingOf(call);
    return !!decl && this.wrappedBy(decl) === fn;
  }

  /** The name a wrapped function is kept under and the call that wraps it, for the explanation. */
  wrapperOf(fn: ts.Node): { name: string; host: string } | undefined {
    const t = this.ts;
    const call = fn.parent;
    if (!call || !t.isCallExpression(call) || !this.isWrapped(fn, call)) return undefined;
    const decl = this.bindingOf(call)!;
    const callee = call.expression;
    const host = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : "a call";
    return { name: (decl.name as ts.Identifier).text, host };
  }

  /** The declaration whose initializer is `call` (through parentheses and type assertions, not `await`). */
  private bindingOf(call: ts.Node): ts.VariableDeclaration | ts.PropertyDeclaration | undefined {
    const t = this.ts;
    let e: ts.Node = call;
    while (t.isParenthesizedExpression(e.parent) || t.isAsExpression(e.parent) || t.isSatisfiesExpression(e.parent) || t.isNonNullExpression(e.parent)) e = e.parent;
    const decl = e.parent;
    return decl && (t.isVariableDeclaration(decl) || t.isPropertyDeclaration(decl)) && decl.initializer === e && (t.isIdentifier(decl.name) || t.isPrivateIdentifier(decl.name)) ? decl : undefined;
  }

  /** The one inline function (not a generator) a call is handed, the call written in place of the initializer. */
  private inlineArgument(init: ts.Expression | undefined): InlineFunction | undefined {
    const t = this.ts;
    let e = init;
    while (e && (t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isSatisfiesExpression(e) || t.isNonNullExpression(e))) e = e.expression;
    if (!e || !t.isCallExpression(e)) return undefined;
    const fns = e.arguments.filter((a): a is InlineFunction => t.isArrowFunction(a) || t.isFunctionExpression(a));
    return fns.length === 1 && !fns[0]!.asteriskToken ? fns[0] : undefined;
  }

  /** A `const`/`let` whose name is called or exported, or a class field called as `this.f(…)`. */
  private isCalled(decl: ts.VariableDeclaration | ts.PropertyDeclaration): boolean {
    const t = this.ts;
    const name = decl.name as ts.Identifier | ts.PrivateIdentifier;
    if (t.isPropertyDeclaration(decl)) return t.isClassLike(decl.parent) && this.callsOwnField(decl.parent, name.text);
    const statement = decl.parent.parent;
    if (t.isVariableStatement(statement) && t.getModifiers(statement)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return true;
    return this.scopes.referencesTo(decl, name.text).some((ref) => (t.isCallExpression(ref.parent) && ref.parent.expression === ref) || t.isExportSpecifier(ref.parent));
  }

  private callsOwnField(cls: ts.ClassLikeDeclaration, name: string): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.expression.kind === t.SyntaxKind.ThisKeyword && n.expression.name.text === name) found = true;
      else t.forEachChild(n, visit);
    };
    for (const m of cls.members) visit(m);
    return found;
  }
}
