// Dispatch by a message's type: a function whose every request is made under a test of one
// parameter's property against a constant (`if (message.type === MessageBusType.TOOL_CONFIRMATION_REQUEST)
// { … this.policyEngine.check(…) }`, or after `if (message.type !== K) return;`) makes none when a
// call hands it an object literal whose property is another constant. gemini-cli's message bus checks
// policy only for confirmation requests; its scheduler's state updates publish TOOL_CALLS_UPDATE.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import { exits } from "./controlFlow";

export interface DispatchGuard {
  /** The tested parameter's position among the arguments (a `this` parameter is none). */
  readonly param: number;
  readonly property: string;
  /** The constants the requests are made under: a request is reached only when the property is one of them. */
  readonly values: readonly (string | number)[];
}

type Test = { readonly param: number; readonly property: string; readonly value: string | number };

/** The guard every site of `fn` lies under (the same parameter's property at each), or undefined. */
export function dispatchGuardOf(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration, sites: readonly ts.Node[]): DispatchGuard | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || sites.length === 0) return undefined;
  const params = fn.parameters.filter((p) => !(t.isIdentifier(p.name) && p.name.text === "this"));
  const tested = (e: ts.Expression): { param: number; property: string } | undefined => {
    const x = constants.skipTrivia(e);
    if (!t.isPropertyAccessExpression(x) || !t.isIdentifier(x.name)) return undefined;
    const recv = constants.skipTrivia(x.expression);
    if (!t.isIdentifier(recv)) return undefined;
    const decl = scopes.resolve(recv);
    const param = decl && t.isParameter(decl) && !decl.dotDotDotToken && t.isIdentifier(decl.name) ? params.indexOf(decl) : -1;
    return param >= 0 ? { param, property: x.name.text } : undefined;
  };
  // `p.type === K` (either side) when `equal`, `p.type !== K` when not. Not `==`: `"1" == 1`.
  const comparison = (e: ts.Expression, equal: boolean): Test | undefined => {
    const x = constants.skipTrivia(e);
    if (!t.isBinaryExpression(x)) return undefined;
    const op = x.operatorToken.kind;
    if (op !== (equal ? t.SyntaxKind.EqualsEqualsEqualsToken : t.SyntaxKind.ExclamationEqualsEqualsToken)) return undefined;
    for (const [side, other] of [[x.left, x.right], [x.right, x.left]] as const) {
      const at = tested(side);
      const value = at && constantValue(constants, other);
      if (at && value !== undefined) return { ...at, value };
    }
    return undefined;
  };
  const conjuncts = (e: ts.Expression): ts.Expression[] => {
    const x = constants.skipTrivia(e);
    return t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken ? [...conjuncts(x.left), ...conjuncts(x.right)] : [x];
  };
  // What holds at `n`, entered from its parent: the test of the branch it is, or of the early exits before it.
  const testsEntering = (n: ts.Node): Test[] => {
    const p = n.parent;
    if (t.isIfStatement(p) && n === p.thenStatement) return conjuncts(p.expression).flatMap((c) => comparison(c, true) ?? []);
    if (t.isIfStatement(p) && n === p.elseStatement) return [comparison(p.expression, false)].flatMap((c) => c ?? []);
    const found: Test[] = [];
    if (t.isBlock(p)) {
      for (const s of p.statements) {
        if (s === n) break;
        if (t.isIfStatement(s) && !s.elseStatement && exits(t, s.thenStatement)) found.push(...[comparison(s.expression, false)].flatMap((c) => c ?? []));
      }
    }
    return found;
  };
  // What holds at `site`: the tests of the branches around it and of the early exits before it.
  const testsAt = (site: ts.Node): Test[] => {
    const found: Test[] = [];
    for (let n: ts.Node = site; n !== body && n.parent; n = n.parent) found.push(...testsEntering(n));
    return found;
  };
  let common: Map<string, Test> | undefined;
  const values = new Map<string, Set<string | number>>();
  for (const site of sites) {
    const here = new Map(testsAt(site).map((x) => [`${x.param}\u0000${x.property}`, x]));
    common = common ? new Map([...common].filter(([k]) => here.has(k))) : here;
    for (const [k, x] of here) values.set(k, (values.get(k) ?? new Set()).add(x.value));
  }
  const [key, test] = [...(common ?? [])][0] ?? [];
  if (!key || !test) return undefined;
  const guard = { param: test.param, property: test.property, values: [...values.get(key)!] };
  // Code reached only once the property was found to be one of the guard's constants may do anything with the parameter:
  // a caller's other constant never gets there, as nothing before can change the property (see readsOnly).
  const onKey = (x: Test | undefined): boolean => x?.param === guard.param && x.property === guard.property;
  const guarded = (n: ts.Node): boolean => testsEntering(n).some((x) => onKey(x) && guard.values.includes(x.value));
  // The parameter may also be handed to a function here that only reads it (gemini-cli's `this.isValidMessage(message)`).
  const readingCallee = (call: ts.CallExpression, at: number): boolean => {
    const g = calleeOf(t, scopes, constants, call, fn);
    const q = g?.parameters[at];
    const gBody = (g as { body?: ts.Node } | undefined)?.body;
    return !!g && g !== fn && !!q && !!gBody && !q.dotDotDotToken && t.isIdentifier(q.name) && readsOnly(t, scopes, gBody, q, () => false, () => false);
  };
  const handed = (id: ts.Identifier): boolean => {
    const call = id.parent;
    if (!t.isCallExpression(call) || call.arguments.slice(0, call.arguments.indexOf(id)).some((a) => t.isSpreadElement(a))) return false;
    return call.arguments.includes(id) && readingCallee(call, call.arguments.indexOf(id));
  };
  return readsOnly(t, scopes, body, params[test.param]!, guarded, handed) ? guard : undefined;
}

/** The function or method a call names: a declared function, or `this.m(…)` on the class `fn` is a member of. */
function calleeOf(t: TS, scopes: Scopes, constants: Constants, call: ts.CallExpression, fn: ts.SignatureDeclaration): ts.SignatureDeclaration | undefined {
  const callee = constants.skipTrivia(call.expression);
  if (t.isIdentifier(callee)) {
    const decl = scopes.resolve(callee);
    return decl && t.isFunctionDeclaration(decl) ? decl : undefined;
  }
  if (!t.isPropertyAccessExpression(callee) || callee.expression.kind !== t.SyntaxKind.ThisKeyword || !t.isClassLike(fn.parent)) return undefined;
  const named = fn.parent.members.filter((m) => m.name && t.isIdentifier(m.name) && m.name.text === callee.name.text);
  return named.length === 1 && t.isMethodDeclaration(named[0]!) ? named[0] : undefined;
}

/**
 * Whether a call hands the guarded parameter an object literal, written in place, whose property is
 * a constant none of the guard's: then the function makes no request. Anything not read so (a
 * variable, a spread after the property, a computed key, an accessor or `__proto__`, `f.call(…)`) keeps the requests.
 */
export function guardExcludes(t: TS, constants: Constants, call: ts.CallExpression, guard: DispatchGuard): boolean {
  const callee = constants.skipTrivia(call.expression);
  if (t.isPropertyAccessExpression(callee) && ["call", "apply", "bind"].includes(callee.name.text)) return false;
  const before = call.arguments.slice(0, guard.param + 1);
  if (before.length <= guard.param || before.some((a) => t.isSpreadElement(a))) return false;
  const arg = constants.skipTrivia(call.arguments[guard.param]!);
  if (!t.isObjectLiteralExpression(arg)) return false;
  let value: string | number | undefined;
  for (const p of arg.properties) {
    // A getter (its own or its prototype's) runs on a read with the object as `this`: it may set the property.
    if (t.isGetAccessorDeclaration(p) || t.isSetAccessorDeclaration(p) || (p.name && !t.isComputedPropertyName(p.name) && p.name.text === "__proto__")) return false;
    const name = p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === guard.property) {
      value = t.isPropertyAssignment(p) ? constantValue(constants, p.initializer) : t.isShorthandPropertyAssignment(p) ? constantValue(constants, p.name) : undefined;
      if (value === undefined) return false;
    }
    // What comes after may set the property again: a spread, a computed key.
    else if (value !== undefined && (t.isSpreadAssignment(p) || (p.name && t.isComputedPropertyName(p.name)))) return false;
  }
  return value !== undefined && !guard.values.includes(value);
}

/** A string or number literal, a const of one, an enum's member (here or imported). */
function constantValue(constants: Constants, e: ts.Expression): string | number | undefined {
  return constants.string(e) ?? constants.number(e) ?? constants.memberValue(e);
}

/**
 * Whether, outside the `guarded` code, the body only reads the parameter's properties (`message.type`, `message.text`):
 * never assigns it (`=`, a for-of head, a destructuring target), aliases it (`const m = message`), hands it to a call
 * (`normalize(message)`, `Object.assign(message, …)`; but `handed` may allow a call), calls a method on it, writes a
 * property of it, or reads `arguments`. Anything else may change the tested property before the test.
 */
function readsOnly(t: TS, scopes: Scopes, body: ts.Node, param: ts.ParameterDeclaration, guarded: (n: ts.Node) => boolean, handed: (id: ts.Identifier) => boolean): boolean {
  const written = (e: ts.Node): boolean => {
    let n = e;
    for (let p = n.parent; ; n = p, p = p.parent) {
      if (t.isParenthesizedExpression(p) || t.isArrayLiteralExpression(p) || t.isSpreadElement(p) || t.isSpreadAssignment(p) || t.isObjectLiteralExpression(p) || (t.isPropertyAssignment(p) && n === p.initializer) || t.isShorthandPropertyAssignment(p) || t.isNonNullExpression(p) || t.isAsExpression(p) || t.isSatisfiesExpression(p) || t.isTypeAssertionExpression(p)) continue;
      if (t.isBinaryExpression(p)) return n === p.left && p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment;
      if (t.isForOfStatement(p) || t.isForInStatement(p)) return n === p.initializer;
      if (t.isDeleteExpression(p)) return true;
      return (t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p)) && (p.operator === t.SyntaxKind.PlusPlusToken || p.operator === t.SyntaxKind.MinusMinusToken);
    }
  };
  const read = (id: ts.Identifier): boolean => {
    const access = id.parent;
    // `!message`, `typeof message`, `message === x` call nothing on it (`==` may call its `valueOf`).
    if ((t.isPrefixUnaryExpression(access) && access.operator === t.SyntaxKind.ExclamationToken) || t.isTypeOfExpression(access)) return true;
    if (t.isBinaryExpression(access) && [t.SyntaxKind.EqualsEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsEqualsToken].includes(access.operatorToken.kind)) return true;
    if (!t.isPropertyAccessExpression(access) || access.expression !== id) return false;
    if ((t.isCallExpression(access.parent) && access.parent.expression === access) || (t.isTaggedTemplateExpression(access.parent) && access.parent.tag === access)) return false;
    // A literal around the read (`[message.type] = …`) is a target only through what is assigned; `written` walks it.
    return !written(access);
  };
  const visit = (n: ts.Node): boolean => {
    if (n !== body && guarded(n)) return true;
    if (t.isIdentifier(n) && (n.text === "arguments" || scopes.resolve(n) === param)) return n.text !== "arguments" && (read(n) || handed(n));
    return t.forEachChild(n, (c) => (visit(c) ? undefined : true)) === undefined;
  };
  return visit(body);
}
