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
  // `p.type === K` (either side; `==` too) when `equal`, `p.type !== K` when not.
  const comparison = (e: ts.Expression, equal: boolean): Test | undefined => {
    const x = constants.skipTrivia(e);
    if (!t.isBinaryExpression(x)) return undefined;
    const op = x.operatorToken.kind;
    const ops = equal ? [t.SyntaxKind.EqualsEqualsEqualsToken, t.SyntaxKind.EqualsEqualsToken] : [t.SyntaxKind.ExclamationEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsToken];
    if (!ops.includes(op)) return undefined;
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
  // What holds at `site`: the tests of the branches around it and of the early exits before it.
  const testsAt = (site: ts.Node): Test[] => {
    const found: Test[] = [];
    for (let n: ts.Node = site; n !== body && n.parent; n = n.parent) {
      const p = n.parent;
      if (t.isIfStatement(p) && n === p.thenStatement) found.push(...conjuncts(p.expression).flatMap((c) => comparison(c, true) ?? []));
      else if (t.isIfStatement(p) && n === p.elseStatement) found.push(...[comparison(p.expression, false)].flatMap((c) => c ?? []));
      else if (t.isBlock(p)) {
        for (const s of p.statements) {
          if (s === n) break;
          if (t.isIfStatement(s) && !s.elseStatement && exits(t, s.thenStatement)) found.push(...[comparison(s.expression, false)].flatMap((c) => c ?? []));
        }
      }
    }
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
  if (!key || !test || writesParameter(t, scopes, body, fn.parameters.filter((p) => params.indexOf(p) === test.param)[0]!)) return undefined;
  return { param: test.param, property: test.property, values: [...values.get(key)!] };
}

/**
 * Whether a call hands the guarded parameter an object literal, written in place, whose property is
 * a constant none of the guard's: then the function makes no request. Anything not read so (a
 * variable, a spread after the property, a computed key, `f.call(…)`) keeps the requests.
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

/** Whether the body assigns the parameter or anything under it (`message = …`, `message.type = …`, a destructuring target). */
function writesParameter(t: TS, scopes: Scopes, body: ts.Node, param: ts.ParameterDeclaration): boolean {
  const refersToParam = (n: ts.Node): boolean => (t.isIdentifier(n) && scopes.resolve(n) === param) || (t.forEachChild(n, (c) => (refersToParam(c) ? true : undefined)) ?? false);
  const visit = (n: ts.Node): boolean => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= t.SyntaxKind.FirstAssignment && n.operatorToken.kind <= t.SyntaxKind.LastAssignment && refersToParam(n.left)) return true;
    if ((t.isDeleteExpression(n) || ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === t.SyntaxKind.PlusPlusToken || n.operator === t.SyntaxKind.MinusMinusToken))) && refersToParam(t.isDeleteExpression(n) ? n.expression : n.operand)) return true;
    return t.forEachChild(n, (c) => (visit(c) ? true : undefined)) ?? false;
  };
  return visit(body);
}
