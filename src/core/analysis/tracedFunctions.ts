// Functions wrapped for tracing: `const ask = traceable(askFunc, { name })` of `langsmith/traceable`.
// langsmith's `traceable(wrappedFunc, config)` (js/src/traceable.ts, 0.3–0.7) returns a function that
// calls `wrappedFunc(...args)` once per call and returns its value (a promise or iterator passed
// through, tapped for the trace), so a call of `ask` is a call of `askFunc`. Its arguments line up by
// position unless `config.argsConfigPath` takes one out (not read: the wrapper is then not followed),
// or the caller hands a run tree or a runnable config first (sizes only: the count is the same).
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";

const TRACING_MODULES = new Set(["langsmith/traceable", "langsmith"]);

/**
 * The declaration of the function `traceable(f, config)` wraps, named (`f` a function or a const of
 * one). Undefined for any other expression, or when `config` may move arguments. An inline function
 * (`traceable(async (q) => …)`) is not followed: it is read as a callback its host runs in place.
 */
export function tracedFunction(t: TS, scopes: Scopes, constants: Constants, e: ts.Expression): ts.Node | undefined {
  if (!t.isCallExpression(e) || !isTraceable(t, scopes, constants, e.expression)) return undefined;
  const [wrapped, config] = e.arguments;
  if (!wrapped || t.isSpreadElement(wrapped) || (config && !plainConfig(t, constants, config))) return undefined;
  const fn = constants.skipTrivia(wrapped);
  return t.isIdentifier(fn) ? scopes.resolve(fn) : undefined;
}

/** `traceable` imported by name from langsmith (`import { traceable } from "langsmith/traceable"`, renamed too). */
function isTraceable(t: TS, scopes: Scopes, constants: Constants, callee: ts.Expression): boolean {
  const id = constants.skipTrivia(callee);
  if (!t.isIdentifier(id)) return false;
  const decl = scopes.resolve(id);
  if (!decl || !t.isImportSpecifier(decl)) return false;
  const spec = decl.parent.parent.parent.moduleSpecifier;
  return t.isStringLiteralLike(spec) && TRACING_MODULES.has(spec.text) && (decl.propertyName ?? decl.name).text === "traceable";
}

/** An options object written in place without `argsConfigPath` (nor a spread that may bring it). */
function plainConfig(t: TS, constants: Constants, config: ts.Expression): boolean {
  const c = constants.skipTrivia(config);
  if (!t.isObjectLiteralExpression(c)) return false;
  return c.properties.every((p) => !t.isSpreadAssignment(p) && !!p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) && p.name.text !== "argsConfigPath");
}
