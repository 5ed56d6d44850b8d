// The helpers a loop calls to step or check its counter: `check(turn, maxTurns)`,
// `this.shouldContinue(iterations)`, `state.nextTurn()`. A helper's parameters stand for the call's
// arguments and its `this` for the receiver, so what it compares or steps is named in the loop's
// terms (`t > m` in `check(turn, max)` is `turn > max`; `this.turn++` in `state.nextTurn()` steps `state.turn`).
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";

/** What a helper's names stand for at the call: its parameters' arguments, its `this`'s receiver (none: the caller's own `this`). */
export interface Frame {
  readonly params: ReadonlyMap<string, ts.Expression>;
  readonly self: ts.Expression | undefined;
  /** The parameters' and `this`'s keys in the caller's terms, worked out in the caller's frame (`state` destructured from a parameter there is `$0.state`). */
  readonly keys?: ReadonlyMap<string, string | undefined>;
}

export const OWN_FRAME: Frame = { params: new Map(), self: undefined };

export interface Helper {
  readonly fn: ts.FunctionLikeDeclaration & { readonly body: ts.Block | ts.Expression };
  readonly frame: Frame;
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { readonly body: ts.Block | ts.Expression };

export class LoopHelpers {
  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
  ) {}

  /**
   * The function a call runs, declared in this file: a function or arrow (`check(t, m)`), a method of
   * the enclosing class (`this.shouldContinue(i)`), or a method of a class of this file the receiver
   * is an instance of (`state.nextTurn()` with `state = new RunState()` or typed `RunState`).
   */
  helperOf(call: ts.CallExpression, frame: Frame): Helper | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    let fn: ts.Node | undefined;
    let self: ts.Expression | undefined;
    if (t.isIdentifier(callee)) {
      const decl = this.scopes.resolve(callee);
      fn = decl && t.isVariableDeclaration(decl) && decl.initializer ? this.constants.skipTrivia(decl.initializer) : decl;
    } else if (t.isPropertyAccessExpression(callee)) {
      const recv = this.constants.skipTrivia(callee.expression);
      const cls = recv.kind === t.SyntaxKind.ThisKeyword ? enclosingClass(t, callee) : this.classOfInstance(recv);
      fn = cls && (methodOf(t, cls, callee.name.text) ?? this.boundByGetter(cls, callee.name.text));
      // The receiver in the loop's terms: the caller's `this` is the helper's `this` too.
      self = recv.kind === t.SyntaxKind.ThisKeyword ? frame.self : this.inFrame(recv, frame);
    }
    if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn) || t.isMethodDeclaration(fn)) || !fn.body || fn.asteriskToken) return undefined;
    const params = new Map<string, ts.Expression>();
    const keys = new Map<string, string | undefined>();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (t.isIdentifier(p.name) && arg) {
        params.set(p.name.text, this.inFrame(arg, frame));
        keys.set(p.name.text, this.key(arg, frame));
      }
    });
    if (t.isPropertyAccessExpression(callee)) {
      const recv = this.constants.skipTrivia(callee.expression);
      keys.set("this", this.key(recv, frame));
    }
    return { fn: fn as FunctionWithBody, frame: { params, self, keys } };
  }

  /** An expression of a helper as the loop sees it: a parameter is its argument (one level: arguments are the caller's own). */
  inFrame(e: ts.Expression, frame: Frame): ts.Expression {
    const x = this.constants.skipTrivia(e);
    return this.ts.isIdentifier(x) ? (frame.params.get(x.text) ?? x) : x;
  }

  /** `turn`, `state.turn`, `this.turn` named in the loop's terms (`this` inside `state.nextTurn()` is `state`). */
  key(e: ts.Expression, frame: Frame, depth = 0): string | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isIdentifier(x)) {
      if (frame.keys?.has(x.text)) return frame.keys.get(x.text);
      const arg = frame.params.get(x.text);
      if (arg) return this.key(arg, OWN_FRAME, depth + 1);
      // `const { state } = options`: the state of the options.
      const taken = x.pos >= 0 ? this.destructuredFrom(x) : undefined;
      const head = taken && this.key(taken.from, frame);
      if (head !== undefined) return `${head}.${taken!.key}`;
      // `const xs = items`: another name for the same object, named as it (a write through xs writes items).
      const same = x.pos >= 0 && depth < 8 ? this.constAlias(x) : undefined;
      return same ? this.key(same, frame, depth + 1) : x.text;
    }
    if (x.kind === t.SyntaxKind.ThisKeyword) return frame.keys?.has("this") ? frame.keys.get("this") : frame.self ? this.key(frame.self, OWN_FRAME) : "this";
    if (t.isPropertyAccessExpression(x)) {
      const head = this.key(x.expression, frame, depth);
      return head === undefined ? undefined : `${head}.${x.name.text}`;
    }
    return undefined;
  }

  /** The object a `const` names when it is initialised with another name for one (`const xs = items`, `const s = this.state`). */
  constAlias(id: ts.Identifier): ts.Expression | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name) || !decl.initializer || !this.constants.isConstDeclaration(decl)) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    return isNamePath(t, this.constants, init) ? init : undefined;
  }

  /**
   * The conditions under which a helper returns a truthy value, when it returns one exactly then:
   * `if (turn >= max) return Mode.MAX_TURNS; return null;` gives `turn >= max` (gemini-cli's
   * `checkTermination`); `return turn >= max ? "max" : null` and `return turn >= max` too. Each
   * `if (c) return T` (T surely truthy) is tried in order, and the helper otherwise returns a falsy
   * value or nothing, with no other `return` or `throw` on the way.
   */
  truthyWhen(fn: FunctionWithBody): ts.Expression[] | undefined {
    const t = this.ts;
    if (!t.isBlock(fn.body)) return this.truthyReturn(fn.body);
    const statements = fn.body.statements;
    const conditions: ts.Expression[] = [];
    for (const [i, st] of statements.entries()) {
      const last = i === statements.length - 1;
      if (t.isIfStatement(st) && !st.elseStatement) {
        const then = t.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
        const ret = then[then.length - 1];
        if (!ret || !t.isReturnStatement(ret) || !ret.expression || !this.isTruthy(ret.expression) || then.slice(0, -1).some((x) => leaves(t, x))) return undefined;
        conditions.push(st.expression);
        continue;
      }
      if (last && t.isReturnStatement(st)) {
        if (st.expression && !this.isFalsy(st.expression)) {
          const returned = statements.length === 1 ? this.truthyReturn(st.expression) : undefined;
          return returned && [...conditions, ...returned];
        }
        continue;
      }
      if (leaves(t, st)) return undefined;
    }
    return conditions.length ? conditions : undefined;
  }

  /** `c ? T : F` (T truthy, F falsy), or a comparison: truthy exactly when `c`. */
  private truthyReturn(e: ts.Expression): ts.Expression[] | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isConditionalExpression(x)) return this.isTruthy(x.whenTrue) && this.isFalsy(x.whenFalse) ? [x.condition] : undefined;
    const K = t.SyntaxKind;
    // `<`, `<=`, `>`, `>=`, `===`: a boolean, truthy exactly when it holds.
    if (t.isBinaryExpression(x) && [K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken, K.EqualsEqualsEqualsToken].includes(x.operatorToken.kind)) return [x];
    return undefined;
  }

  /** A value that is surely truthy: a non-empty string, a non-zero number, `true`, an object, or a const or enum member holding one. */
  private isTruthy(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (x.kind === t.SyntaxKind.TrueKeyword || t.isObjectLiteralExpression(x) || t.isArrayLiteralExpression(x) || t.isNewExpression(x) || t.isArrowFunction(x) || t.isFunctionExpression(x)) return true;
    const v = this.constants.number(x) ?? this.constants.string(x) ?? (t.isPropertyAccessExpression(x) ? this.constants.memberValue(x) : undefined);
    return v !== undefined && v !== "" && v !== 0 && !Number.isNaN(v);
  }

  /** `null`, `undefined`, `false`, `0`, `""`, `void 0`. */
  private isFalsy(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (x.kind === t.SyntaxKind.NullKeyword || x.kind === t.SyntaxKind.FalseKeyword || t.isVoidExpression(x) || (t.isIdentifier(x) && x.text === "undefined")) return true;
    if (t.isNumericLiteral(x)) return Number(x.text) === 0;
    return (t.isStringLiteral(x) || t.isNoSubstitutionTemplateLiteral(x)) && x.text === "";
  }

  /** `state` of `const { state } = options`: the object it was taken from and under which key. */
  private destructuredFrom(id: ts.Identifier): { from: ts.Expression; key: string } | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl || !t.isBindingElement(decl) || decl.dotDotDotToken || !t.isObjectBindingPattern(decl.parent)) return undefined;
    const holder = decl.parent.parent;
    const key = decl.propertyName ?? decl.name;
    if (!t.isVariableDeclaration(holder) || !holder.initializer || !this.constants.isConstDeclaration(holder) || !t.isIdentifier(key)) return undefined;
    return { from: holder.initializer, key: key.text };
  }

  /**
   * `get check() { return this.check_.bind(this); }`: the method a getter hands out bound to its object
   * (AgentExecutor's `shouldContinueGetter`), so `x.check(i)` runs it with `x` as `this`. A getter
   * that does anything else, or hands out the method unbound, is not read.
   */
  private boundByGetter(cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
    const t = this.ts;
    const getter = cls.members.find((m): m is ts.GetAccessorDeclaration => t.isGetAccessorDeclaration(m) && !!m.name && t.isIdentifier(m.name) && m.name.text === name);
    const only = getter?.body?.statements.length === 1 ? getter.body.statements[0] : undefined;
    const returned = only && t.isReturnStatement(only) && only.expression ? this.constants.skipTrivia(only.expression) : undefined;
    if (!returned || !t.isCallExpression(returned) || returned.arguments.length !== 1 || this.constants.skipTrivia(returned.arguments[0]!).kind !== t.SyntaxKind.ThisKeyword) return undefined;
    const bind = this.constants.skipTrivia(returned.expression);
    if (!t.isPropertyAccessExpression(bind) || bind.name.text !== "bind") return undefined;
    const target = this.constants.skipTrivia(bind.expression);
    if (!t.isPropertyAccessExpression(target) || this.constants.skipTrivia(target.expression).kind !== t.SyntaxKind.ThisKeyword) return undefined;
    return methodOf(t, cls, target.name.text);
  }

  /** A class of this file a variable, parameter or field of the enclosing class holds an instance of: `new RunState()`, or its declared type (`executor: AgentExecutor`). */
  private classOfInstance(e: ts.Expression): ts.ClassLikeDeclaration | undefined {
    const t = this.ts;
    if (t.isPropertyAccessExpression(e) && this.constants.skipTrivia(e.expression).kind === t.SyntaxKind.ThisKeyword) {
      const field = enclosingClass(t, e)?.members.find((m): m is ts.PropertyDeclaration => t.isPropertyDeclaration(m) && t.isIdentifier(m.name) && m.name.text === e.name.text);
      const cls = field?.type && t.isTypeReferenceNode(field.type) && t.isIdentifier(field.type.typeName) ? this.scopes.resolve(field.type.typeName) : undefined;
      return cls && t.isClassDeclaration(cls) ? cls : undefined;
    }
    if (!t.isIdentifier(e)) return undefined;
    const decl = this.scopes.resolve(e);
    if (!decl || !(t.isVariableDeclaration(decl) || t.isParameter(decl))) return undefined;
    const init = decl.initializer && this.constants.skipTrivia(decl.initializer);
    const name = init && t.isNewExpression(init) && t.isIdentifier(init.expression) ? init.expression : decl.type && t.isTypeReferenceNode(decl.type) && t.isIdentifier(decl.type.typeName) ? decl.type.typeName : undefined;
    const cls = name && this.scopes.resolve(name);
    return cls && t.isClassDeclaration(cls) ? cls : undefined;
  }
}

/** `items`, `this`, `state.inner.list`: an expression that names an object without making one. */
export function isNamePath(t: TS, constants: Constants, e: ts.Expression): boolean {
  const x = constants.skipTrivia(e);
  if (t.isIdentifier(x) || x.kind === t.SyntaxKind.ThisKeyword) return true;
  return t.isPropertyAccessExpression(x) && isNamePath(t, constants, x.expression);
}

function methodOf(t: typeof ts, cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((m): m is ts.MethodDeclaration => t.isMethodDeclaration(m) && !!m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === name);
}

function enclosingClass(t: typeof ts, n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let c: ts.Node | undefined = n.parent; c; c = c.parent) if (t.isClassLike(c)) return c;
  return undefined;
}

/** Whether a statement may `return` or `throw` (nested functions aside). */
function leaves(t: typeof ts, st: ts.Node): boolean {
  if (t.isReturnStatement(st) || t.isThrowStatement(st)) return true;
  return !t.isFunctionLike(st) && !!t.forEachChild(st, (c) => (leaves(t, c) ? true : undefined));
}
