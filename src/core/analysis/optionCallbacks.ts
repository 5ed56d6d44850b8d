// Functions written as properties of an options object handed to a call:
// `runInSpan({ name: "step", execute: async () => model.doGenerate(…) })`. They run as part of that
// call (as a function passed as the argument itself does, see Loops.callbackHost) only when the
// callee is a function of this file that calls the property it receives: its parameter destructured
// (`({ execute }) => execute()`) or read (`opts.execute()`), in every alternative of a fallback
// (`telemetry.runInSpan ?? (async ({ execute }) => execute())`: the part not seen is not asked).
// A package's function or another module's (`tool({ execute })`, `createStep({ execute })`, a route
// table) is not taken to run it: such options are mostly handlers kept for later, and taking them
// for inline code would claim the loops around a tool's definition for its requests.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** How deep a callee's fallbacks and aliases are followed (`const run = a ?? b`, `const b = …`). */
const MAX_DEPTH = 4;

export class OptionCallbacks {
  /** Per callee function, per `argument index:key`, whether it calls that property. */
  private readonly runs = new Map<ts.Node, Map<string, boolean>>();
  /** The functions a call's callee may be (empty: some part is not seen). */
  private readonly callees = new Map<ts.CallExpression, readonly FunctionNode[]>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
  ) {}

  /** The call that runs `fn`, a function written as a property of an object literal passed to the call. */
  host(fn: ts.Node): ts.CallExpression | undefined {
    const t = this.ts;
    const prop = fn.parent;
    if (!prop) return undefined;
    let literal: ts.Node;
    let key: ts.PropertyName;
    if (t.isMethodDeclaration(fn) && t.isObjectLiteralExpression(prop)) [literal, key] = [prop, fn.name];
    else if ((t.isArrowFunction(fn) || t.isFunctionExpression(fn)) && t.isPropertyAssignment(prop) && prop.initializer === fn) [literal, key] = [prop.parent, prop.name];
    else return undefined;
    const name = this.keyText(key);
    return name === undefined ? undefined : this.runningCall(literal as ts.ObjectLiteralExpression, name);
  }

  /**
   * `runInSpan({ execute: step })`, `{ execute }` shorthand: the call that runs the named value of
   * property `key` of `literal`, when the literal is an argument of a call whose callee calls it.
   */
  runningCall(literal: ts.ObjectLiteralExpression, key: string): ts.CallExpression | undefined {
    let arg: ts.Node = literal;
    while (this.ts.isParenthesizedExpression(arg.parent)) arg = arg.parent;
    const call = arg.parent;
    if (!call || !this.ts.isCallExpression(call)) return undefined;
    const index = call.arguments.indexOf(arg as ts.Expression);
    if (index < 0) return undefined;
    const fns = this.calleeFunctions(call);
    return fns.length && fns.every((f) => this.callsProperty(f, index, key)) ? call : undefined;
  }

  /**
   * `runInSpan({ type: "generate", execute: generateSteps })`: a closure passed by name in an
   * options object, run by the call (as `retry(step)` is: Callees.passedClosure).
   */
  passedInOptions<F>(call: ts.CallExpression, closureOf: (name: ts.Identifier) => F | undefined): { fn: F; name: ts.Identifier } | undefined {
    const t = this.ts;
    for (const a of call.arguments) {
      const literal = this.constants.skipTrivia(a);
      if (!t.isObjectLiteralExpression(literal)) continue;
      for (const p of literal.properties) {
        const value = t.isShorthandPropertyAssignment(p) ? p.name : t.isPropertyAssignment(p) ? this.constants.skipTrivia(p.initializer) : undefined;
        const key = p.name && this.keyText(p.name);
        if (!value || !t.isIdentifier(value) || key === undefined) continue;
        const fn = closureOf(value);
        if (fn && this.runningCall(literal, key) === call) return { fn, name: value };
      }
    }
    return undefined;
  }

  private keyText(key: ts.PropertyName): string | undefined {
    const t = this.ts;
    return t.isIdentifier(key) || t.isStringLiteral(key) ? key.text : undefined;
  }

  private calleeFunctions(call: ts.CallExpression): readonly FunctionNode[] {
    let fns = this.callees.get(call);
    if (!fns) {
      const found: FunctionNode[] = [];
      fns = this.functionsOf(call.expression, found, 0) ? found : [];
      this.callees.set(call, fns);
    }
    return fns;
  }

  /** Collects the functions `e` may be; false when some alternative is not a function of this file. */
  private functionsOf(expr: ts.Expression, out: FunctionNode[], depth: number): boolean {
    const t = this.ts;
    const e = this.constants.skipTrivia(expr);
    if (depth > MAX_DEPTH) return false;
    if ((t.isArrowFunction(e) || t.isFunctionExpression(e)) && !e.asteriskToken) {
      out.push(e);
      return true;
    }
    if (t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) {
      // `dispatcher.run ?? fallback`: what is seen of the value decides; an unseen side is not asked.
      const before = out.length;
      const left = this.functionsOf(e.left, out, depth + 1);
      const right = this.functionsOf(e.right, out, depth + 1);
      return (left || right) && out.length > before;
    }
    if (t.isConditionalExpression(e)) return this.functionsOf(e.whenTrue, out, depth + 1) && this.functionsOf(e.whenFalse, out, depth + 1);
    if (t.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      if (decl && t.isFunctionDeclaration(decl) && decl.body && !decl.asteriskToken) {
        out.push(decl);
        return true;
      }
      if (decl && t.isVariableDeclaration(decl) && t.isIdentifier(decl.name) && decl.initializer && this.constants.isConstDeclaration(decl)) return this.functionsOf(decl.initializer, out, depth + 1);
      return false;
    }
    // `this.executeWithFallback({ run: async () => … })`: a method of the enclosing class.
    if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = e.parent;
      while (cls && !t.isClassLike(cls)) cls = cls.parent;
      const member = cls && t.isClassLike(cls) ? cls.members.find((m) => m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === e.name.text) : undefined;
      if (member && t.isMethodDeclaration(member) && member.body && !member.asteriskToken) {
        out.push(member);
        return true;
      }
      if (member && t.isPropertyDeclaration(member) && member.initializer) return this.functionsOf(member.initializer, out, depth + 1);
    }
    return false;
  }

  /** Whether `fn` calls property `key` of its parameter at `index`: `({ execute }) => execute()`, `(o) => o.execute()`. */
  private callsProperty(fn: FunctionNode, index: number, key: string): boolean {
    let byKey = this.runs.get(fn);
    if (!byKey) this.runs.set(fn, (byKey = new Map()));
    const memoKey = `${index}:${key}`;
    let found = byKey.get(memoKey);
    if (found === undefined) {
      const param = fn.parameters[index];
      found = !!param && !param.dotDotDotToken && this.bindingCalls(param.name, key);
      byKey.set(memoKey, found);
    }
    return found;
  }

  /** Whether the property `key` of the value bound to `name` is called. */
  private bindingCalls(name: ts.BindingName, key: string): boolean {
    const t = this.ts;
    if (t.isObjectBindingPattern(name)) {
      const el = name.elements.find((e) => !e.dotDotDotToken && this.keyText((e.propertyName ?? e.name) as ts.PropertyName) === key);
      return !!el && t.isIdentifier(el.name) && this.isCalled(el, el.name.text);
    }
    if (!t.isIdentifier(name)) return false;
    for (const ref of this.scopes.referencesTo(name.parent, name.text)) {
      const use = ref.parent;
      // `opts.execute()`, `opts?.execute?.()`
      if (t.isPropertyAccessExpression(use) && use.expression === ref && use.name.text === key && t.isCallExpression(use.parent) && use.parent.expression === use) return true;
      // `const { execute } = opts; … execute()`
      if (t.isVariableDeclaration(use) && use.initializer === ref && t.isObjectBindingPattern(use.name) && this.bindingCalls(use.name, key)) return true;
    }
    return false;
  }

  private isCalled(decl: ts.Node, name: string): boolean {
    const t = this.ts;
    return this.scopes.referencesTo(decl, name).some((ref) => t.isCallExpression(ref.parent) && ref.parent.expression === ref);
  }
}
