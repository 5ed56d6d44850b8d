// Functions that return their callback's value: `retry(async () => { … return r })` with `retry`
// declared `<T>(fn: () => PromiseLike<T>) => PromiseLike<T>` (the AI SDK's `RetryFunction`), or a
// function whose every return is `await fn()` (`async ({ execute }) => await execute()`). What such a
// call gives back is one of the values the callback returned, so an answer returned there stays an
// answer (PromptFlow.producingCall).
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";

/** Where a callee takes the callback it passes through: an argument, or a key of an options object there. */
interface CallbackPlace {
  readonly index: number;
  readonly key?: string;
}

const PROMISES = new Set(["Promise", "PromiseLike"]);

/** The inline function a call runs and returns the value of, if its callee is read to do that. */
export function passedThroughCallback(t: TS, scopes: Scopes, constants: Constants, call: ts.CallExpression): ts.SignatureDeclaration | undefined {
  const callee = constants.skipTrivia(call.expression);
  const decl = t.isIdentifier(callee) ? scopes.resolve(callee) : undefined;
  const place = decl && placeOf(t, scopes, constants, decl);
  if (!place) return undefined;
  const arg = call.arguments[place.index];
  if (!arg || t.isSpreadElement(arg)) return undefined;
  const value = place.key === undefined ? arg : lastProperty(t, constants, arg, place.key);
  const fn = value && constants.skipTrivia(value);
  return fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) ? fn : undefined;
}

/** The expressions a callback returns (its concise body, or each `return x` of its own); undefined when one returns nothing. */
export function returnedValues(t: TS, fn: ts.SignatureDeclaration): ts.Expression[] | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return undefined;
  if (!t.isBlock(body)) return [body as ts.Expression];
  const out: ts.Expression[] = [];
  let bare = false;
  const visit = (n: ts.Node): void => {
    if (t.isFunctionLike(n)) return;
    if (t.isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
      else bare = true;
    }
    t.forEachChild(n, visit);
  };
  t.forEachChild(body, visit);
  return bare || out.length === 0 ? undefined : out;
}

/** `{ …event, execute: async () => … }`: the key's value, when no spread after it may replace it. */
function lastProperty(t: TS, constants: Constants, arg: ts.Expression, key: string): ts.Expression | undefined {
  const o = constants.skipTrivia(arg);
  if (!t.isObjectLiteralExpression(o)) return undefined;
  let found: ts.Expression | undefined;
  for (const p of o.properties) {
    if (t.isSpreadAssignment(p)) found = undefined;
    else if (t.isPropertyAssignment(p) && p.name && t.isIdentifier(p.name) && p.name.text === key) found = p.initializer;
  }
  return found;
}

/** Where the function a declaration names takes the callback whose value it returns: by its declared type, else by its body. */
function placeOf(t: TS, scopes: Scopes, constants: Constants, decl: ts.Node): CallbackPlace | undefined {
  const typed = (t.isParameter(decl) || t.isVariableDeclaration(decl)) && decl.type ? signatureOf(t, scopes, decl.type) : undefined;
  if (typed) return typed;
  let fn: ts.Node | undefined = decl;
  if (t.isVariableDeclaration(decl) && decl.initializer && constants.isConstDeclaration(decl)) fn = constants.skipTrivia(decl.initializer);
  if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn))) return undefined;
  return (fn.type && fn.typeParameters ? signatureParts(t, fn.typeParameters, fn.parameters, fn.type) : undefined) ?? bodyPlace(t, scopes, constants, fn);
}

/** A declared function type (inline, or a type alias of this file) of the form `<T>(…, fn: () => PromiseLike<T>, …) => PromiseLike<T>`. */
function signatureOf(t: TS, scopes: Scopes, type: ts.TypeNode): CallbackPlace | undefined {
  let node: ts.TypeNode = type;
  for (let hops = 0; t.isTypeReferenceNode(node) && t.isIdentifier(node.typeName) && !node.typeArguments && hops < 4; hops++) {
    const alias = scopes.resolve(node.typeName);
    if (!alias || !t.isTypeAliasDeclaration(alias) || alias.typeParameters) return undefined;
    node = alias.type;
  }
  while (t.isParenthesizedTypeNode(node)) node = node.type;
  return t.isFunctionTypeNode(node) && node.typeParameters ? signatureParts(t, node.typeParameters, node.parameters, node.type) : undefined;
}

/**
 * The result is `T` (or a promise of it) and T is written once among the parameters, as what a
 * function there (or at a key of an options object there) returns: the function can only give back
 * what that callback gave it (it has no other T to return).
 */
function signatureParts(t: TS, typeParameters: readonly ts.TypeParameterDeclaration[], parameters: readonly ts.ParameterDeclaration[], result: ts.TypeNode): CallbackPlace | undefined {
  for (const tp of typeParameters) {
    const name = tp.name.text;
    if (tp.default || !isOrPromises(t, result, name)) continue;
    let place: CallbackPlace | undefined;
    let uses = 0;
    parameters.forEach((p, index) => {
      if (!p.type || p.dotDotDotToken) return;
      uses += mentions(t, p.type, name);
      if (returnsT(t, p.type, name)) place = { index };
      else if (t.isTypeLiteralNode(p.type)) {
        for (const m of p.type.members) if (t.isPropertySignature(m) && m.type && !m.questionToken && t.isIdentifier(m.name) && returnsT(t, m.type, name)) place = { index, key: m.name.text };
      } else if (t.isIntersectionTypeNode(p.type)) {
        for (const part of p.type.types) if (t.isTypeLiteralNode(part)) for (const m of part.members) if (t.isPropertySignature(m) && m.type && !m.questionToken && t.isIdentifier(m.name) && returnsT(t, m.type, name)) place = { index, key: m.name.text };
      }
    });
    if (place && uses === 1) return place;
  }
  return undefined;
}

/** `() => PromiseLike<T>`, `() => T`: a function of no parameters returning T. */
function returnsT(t: TS, type: ts.TypeNode, name: string): boolean {
  return t.isFunctionTypeNode(type) && type.parameters.length === 0 && isOrPromises(t, type.type, name);
}

/** `T`, `Promise<T>`, `PromiseLike<T>`. */
function isOrPromises(t: TS, type: ts.TypeNode, name: string): boolean {
  if (!t.isTypeReferenceNode(type) || !t.isIdentifier(type.typeName)) return false;
  if (type.typeName.text === name) return !type.typeArguments;
  const arg = type.typeArguments?.length === 1 ? type.typeArguments[0]! : undefined;
  return PROMISES.has(type.typeName.text) && !!arg && t.isTypeReferenceNode(arg) && t.isIdentifier(arg.typeName) && arg.typeName.text === name && !arg.typeArguments;
}

/** How often a type names the type parameter `name`. */
function mentions(t: TS, type: ts.Node, name: string): number {
  let n = 0;
  const visit = (x: ts.Node): void => {
    if (t.isTypeReferenceNode(x) && t.isIdentifier(x.typeName) && x.typeName.text === name) n++;
    t.forEachChild(x, visit);
  };
  visit(type);
  return n;
}

/** A function each of whose returns is `await p()` (or `p()`) of one parameter, or of one key destructured from a parameter, never reassigned. */
function bodyPlace(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration): CallbackPlace | undefined {
  const values = returnedValues(t, fn);
  if (!values) return undefined;
  let place: CallbackPlace | undefined;
  for (const v of values) {
    let x = constants.skipTrivia(v);
    if (t.isAwaitExpression(x)) x = constants.skipTrivia(x.expression);
    if (!t.isCallExpression(x) || x.arguments.length || !t.isIdentifier(x.expression)) return undefined;
    const decl = scopes.resolve(x.expression);
    const here = decl && parameterPlace(t, fn, decl);
    if (!here || (place && (place.index !== here.index || place.key !== here.key)) || reassigned(t, scopes, decl!, x.expression.text)) return undefined;
    place = here;
  }
  return place;
}

function parameterPlace(t: TS, fn: ts.SignatureDeclaration, decl: ts.Node): CallbackPlace | undefined {
  if (t.isParameter(decl)) {
    const index = fn.parameters.indexOf(decl);
    return index >= 0 && !decl.dotDotDotToken ? { index } : undefined;
  }
  if (!t.isBindingElement(decl) || decl.dotDotDotToken || !t.isObjectBindingPattern(decl.parent) || !t.isParameter(decl.parent.parent)) return undefined;
  const key = decl.propertyName ?? decl.name;
  const index = fn.parameters.indexOf(decl.parent.parent);
  return index >= 0 && t.isIdentifier(key) ? { index, key: key.text } : undefined;
}

function reassigned(t: TS, scopes: Scopes, decl: ts.Node, name: string): boolean {
  return scopes.referencesTo(decl, name).some((r) => t.isBinaryExpression(r.parent) && r.parent.left === r && r.parent.operatorToken.kind >= t.SyntaxKind.FirstAssignment && r.parent.operatorToken.kind <= t.SyntaxKind.LastAssignment);
}
