// `await import("x")`: a module loaded lazily. Its awaited value is the module's namespace, as an
// `import * as ns from "x"` would bind (named exports, `.default`); without `await` it is a promise
// and nothing is claimed. The specifier must be a string literal: a computed one stays unknown.
import type * as ts from "typescript";
import type { TS } from "./scopes";

/** An export of a module loaded lazily: `await import("x").then((m) => m.ask)` → ("x", "ask"). */
export interface LoadedExport {
  readonly specifier: string;
  readonly exportName: string;
}

/**
 * `import("x")` whose value is awaited (`await import("x")`, `await (import("x"))`) → "x". Takes the
 * call itself (callers skip the `await` with `Constants.skipTrivia`, which keeps parent links).
 */
export function awaitedImport(t: TS, call: ts.Expression): string | undefined {
  const specifier = importSpecifier(t, call);
  return specifier !== undefined && isAwaited(t, call) ? specifier : undefined;
}

/** `import("x").then((m) => m.ask)` (or `function (m) { return m.ask; }`), awaited → ("x", "ask"). */
export function awaitedImportExport(t: TS, call: ts.Expression): LoadedExport | undefined {
  if (!t.isCallExpression(call) || call.arguments.length !== 1 || !t.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "then") return undefined;
  const specifier = importSpecifier(t, unwrapParens(t, call.expression.expression));
  if (specifier === undefined || !isAwaited(t, call)) return undefined;
  const exportName = memberReturned(t, call.arguments[0]!);
  return exportName === undefined ? undefined : { specifier, exportName };
}

/** `import("x")` (import attributes allowed) → "x"; a specifier that is not a string literal → undefined. */
function importSpecifier(t: TS, e: ts.Expression): string | undefined {
  if (!t.isCallExpression(e) || e.expression.kind !== t.SyntaxKind.ImportKeyword) return undefined;
  const arg = e.arguments[0];
  return arg && t.isStringLiteralLike(arg) ? arg.text : undefined;
}

function isAwaited(t: TS, e: ts.Node): boolean {
  let p = e.parent;
  while (p && t.isParenthesizedExpression(p)) p = p.parent;
  return !!p && t.isAwaitExpression(p);
}

function unwrapParens(t: TS, e: ts.Expression): ts.Expression {
  while (t.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** `(m) => m.ask`, `(m) => m["ask"]`, `function (m) { return m.ask; }` → "ask": the callback's one parameter's member. */
function memberReturned(t: TS, cb: ts.Expression): string | undefined {
  const fn = unwrapParens(t, cb);
  if (!(t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || fn.parameters.length !== 1) return undefined;
  const param = fn.parameters[0]!.name;
  if (!t.isIdentifier(param)) return undefined;
  const body = fn.body;
  const only = t.isBlock(body) ? (body.statements.length === 1 ? body.statements[0] : undefined) : undefined;
  const returned = t.isBlock(body) ? (only && t.isReturnStatement(only) ? only.expression : undefined) : body;
  const x = returned && unwrapParens(t, returned);
  if (!x) return undefined;
  const owner = t.isPropertyAccessExpression(x) || t.isElementAccessExpression(x) ? unwrapParens(t, x.expression) : undefined;
  if (!owner || !t.isIdentifier(owner) || owner.text !== param.text) return undefined;
  if (t.isPropertyAccessExpression(x)) return x.name.text;
  return t.isElementAccessExpression(x) && t.isStringLiteralLike(x.argumentExpression) ? x.argumentExpression.text : undefined;
}
