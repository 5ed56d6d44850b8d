// Which argument a function returns a derived copy of, so that a caller in another module sizes the
// call as that argument: gemini-cli's `extractCuratedHistory(history)` (`history.filter(…)`), and the
// AI SDK's `convertToLanguageModelPrompt({ prompt: { messages } })`, whose result is the messages it
// is given, converted one by one and filtered (a growing history stays growing through it).
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";

/** A parameter, and the keys read down from it (`{ prompt }` then `prompt.messages`: ["prompt", "messages"]). */
export interface CopiedParameter {
  readonly index: number;
  readonly path: readonly string[];
  /** Built from its elements by a converter (builtFromParameter): not bounded by them. */
  readonly built?: true;
}

const COPYING_METHODS = new Set(["filter", "map", "slice", "concat", "toSorted", "toReversed"]);
/** Methods that change an array in place: an array built by pushes must take no other. */
const MUTATING_METHODS = new Set(["push", "unshift", "splice", "pop", "shift", "sort", "reverse", "fill", "copyWithin"]);
const MAX_DEPTH = 8;

/**
 * The parameter (and keys below it) whose elements `fn`'s one returned expression holds: the
 * parameter through `filter`, `map`, `slice`, `concat`, `[...p]`, `structuredClone(p)`, a const
 * holding one of these, a key of it, or an array declared empty that only takes, by `push`, the
 * element of a `for … of` over one of these (a filter written as a loop). `[...a, ...p]` is `p`'s copy:
 * parts of the callee's own (a system message put first) are not sized.
 */
export function copiedParameter(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration): CopiedParameter | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return undefined;
  const last = t.isBlock(body) ? body.statements[body.statements.length - 1] : undefined;
  const returned = t.isBlock(body) ? (last && t.isReturnStatement(last) ? last.expression : undefined) : (body as ts.Expression);

  const ofDeclaration = (decl: ts.Node | undefined, depth: number): CopiedParameter | undefined => {
    const index = fn.parameters.findIndex((p) => p === decl);
    if (index >= 0) return { index, path: [] };
    // `({ prompt }) => …`: a key of a parameter destructured in place.
    if (decl && t.isBindingElement(decl) && t.isObjectBindingPattern(decl.parent) && !decl.dotDotDotToken && t.isParameter(decl.parent.parent)) {
      const key = decl.propertyName ?? decl.name;
      const i = fn.parameters.indexOf(decl.parent.parent);
      return i >= 0 && t.isIdentifier(key) ? { index: i, path: [key.text] } : undefined;
    }
    if (!decl || !t.isVariableDeclaration(decl) || !constants.isConstDeclaration(decl) || !decl.initializer) return undefined;
    return t.isArrayLiteralExpression(constants.skipTrivia(decl.initializer)) && (constants.skipTrivia(decl.initializer) as ts.ArrayLiteralExpression).elements.length === 0
      ? pushedFromLoop(decl, depth)
      : of(decl.initializer, depth + 1);
  };

  // `const out = []; for (const m of xs) { …; out.push(m) }`: at most the elements of xs, when every
  // change to `out` is such a push (one per path through the body is not checked: a filter's shape).
  const pushedFromLoop = (decl: ts.VariableDeclaration, depth: number): CopiedParameter | undefined => {
    if (!t.isIdentifier(decl.name)) return undefined;
    const pushes = onlyPushes(t, scopes, decl, decl.name);
    if (!pushes) return undefined;
    let source: CopiedParameter | undefined;
    for (const call of pushes) {
      const arg = call.arguments.length === 1 ? call.arguments[0]! : undefined;
      const element = arg && t.isIdentifier(arg) ? scopes.resolve(arg) : undefined;
      const loop = element && t.isVariableDeclaration(element) && t.isVariableDeclarationList(element.parent) && t.isForOfStatement(element.parent.parent) ? element.parent.parent : undefined;
      if (!loop || !directlyIn(call, loop)) return undefined;
      const from = of(loop.expression, depth + 1);
      if (!from || (source && !samePath(source, from))) return undefined;
      source = from;
    }
    return source;
  };


  // The push runs once per element: no loop or function between it and the `for … of`.
  const directlyIn = (call: ts.Node, loop: ts.ForOfStatement): boolean => {
    for (let n = call.parent; n; n = n.parent) {
      if (n === loop) return true;
      if (t.isIterationStatement(n, false) || t.isFunctionLike(n)) return false;
    }
    return false;
  };

  const of = (e: ts.Expression | undefined, depth: number): CopiedParameter | undefined => {
    if (!e || depth > MAX_DEPTH) return undefined;
    const x = constants.skipTrivia(e);
    if (t.isIdentifier(x)) return ofDeclaration(scopes.resolve(x), depth);
    if (t.isPropertyAccessExpression(x) && t.isIdentifier(x.name)) {
      const base = of(x.expression, depth + 1);
      return base && { index: base.index, path: [...base.path, x.name.text] };
    }
    if (t.isArrayLiteralExpression(x) && x.elements.length > 0 && x.elements.every((el) => t.isSpreadElement(el))) {
      const copies = x.elements.map((el) => of((el as ts.SpreadElement).expression, depth + 1)).filter((c): c is CopiedParameter => !!c);
      return copies.length === 1 ? copies[0] : undefined;
    }
    if (!t.isCallExpression(x)) return undefined;
    if (t.isIdentifier(x.expression) && x.expression.text === "structuredClone") return of(x.arguments[0], depth + 1);
    return t.isPropertyAccessExpression(x.expression) && COPYING_METHODS.has(x.expression.name.text) ? of(x.expression.expression, depth + 1) : undefined;
  };
  return of(returned, 0);
}

/** The expression a call passes at a copied parameter's place (`f({ prompt: { messages: h } })`: `h`), if written there. */
export function argumentAt(t: TS, constants: Constants, call: ts.CallExpression, copied: CopiedParameter): ts.Expression | undefined {
  let e: ts.Expression | undefined = call.arguments[copied.index];
  if (!e || t.isSpreadElement(e)) return undefined;
  for (const key of copied.path) {
    const o = constants.skipTrivia(e);
    if (!t.isObjectLiteralExpression(o)) return undefined;
    const prop = o.properties.find((p) => p.name && t.isIdentifier(p.name) && p.name.text === key);
    if (prop && t.isPropertyAssignment(prop)) e = prop.initializer;
    else if (prop && t.isShorthandPropertyAssignment(prop)) e = prop.name;
    else return undefined;
  }
  return e;
}

/** `mutate(out)`, `out[i] = x`, `const y = out`: a change an array's own references do not show. */
/** The `push` calls that are the only changes made to a local array; undefined when it escapes or is changed another way. */
function onlyPushes(t: TS, scopes: Scopes, decl: ts.VariableDeclaration, name: ts.Identifier): ts.CallExpression[] | undefined {
  const pushes: ts.CallExpression[] = [];
  for (const ref of scopes.referencesTo(decl, name.text)) {
    const p = ref.parent;
    if (!t.isPropertyAccessExpression(p) || p.expression !== ref || !MUTATING_METHODS.has(p.name.text)) {
      if (escapesArray(t, ref)) return undefined;
      continue;
    }
    const call = p.parent;
    if (p.name.text !== "push" || !t.isCallExpression(call) || call.expression !== p) return undefined;
    pushes.push(call);
  }
  return pushes;
}

function escapesArray(t: TS, ref: ts.Identifier): boolean {
  const p = ref.parent;
  if ((t.isCallExpression(p) || t.isNewExpression(p)) && !!p.arguments?.includes(ref)) return true;
  if (t.isElementAccessExpression(p) && p.expression === ref) return t.isBinaryExpression(p.parent) && p.parent.left === p;
  return (t.isVariableDeclaration(p) && p.initializer === ref) || (t.isBinaryExpression(p) && p.right === ref && p.operatorToken.kind === t.SyntaxKind.EqualsToken);
}

function samePath(a: CopiedParameter, b: CopiedParameter): boolean {
  return a.index === b.index && a.path.length === b.path.length && a.path.every((k, i) => k === b.path[i]);
}

/**
 * A converter (the AI SDK's `toResponseMessages({ content })`): `fn` returns an array declared empty
 * that only takes, by `push`, values read off the element of a `for … of` over a parameter (or a key
 * below it), or read off another such array (`responseMessages.push({ role, content })`, `content`
 * filled so). Its result holds what the parameter's elements hold, and what the converter adds (not
 * bounded by the argument, unlike a copy): a caller carries the argument's size and where it came
 * from (a model's answer) into it.
 */
export function builtFromParameter(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration): CopiedParameter | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  const last = body.statements[body.statements.length - 1];
  const returned = last && t.isReturnStatement(last) && last.expression ? constants.skipTrivia(last.expression) : undefined;
  const decl = returned && t.isIdentifier(returned) ? scopes.resolve(returned) : undefined;
  return decl && t.isVariableDeclaration(decl) ? converterReader(t, scopes, constants, fn).built(decl) : undefined;
}

/**
 * A converter of several parameters, this module's (the AI SDK's `asContent({ content, toolCalls,
 * toolOutputs, … })`): its one return is an array built as builtFromParameter reads it, or a list of
 * spreads each of which is one (`[...contentParts, ...toolOutputsWithout, …]`) or a parameter (or a
 * key below it) itself. Its result holds those parameters' elements and what it adds: a caller sizes
 * it as the arguments at those places and a size of its own. Undefined when a part is anything else.
 */
export function convertedParameters(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration): CopiedParameter[] | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body) || returnCount(t, body) !== 1) return undefined;
  const last = body.statements[body.statements.length - 1];
  const returned = last && t.isReturnStatement(last) && last.expression ? constants.skipTrivia(last.expression) : undefined;
  if (!returned) return undefined;
  const reader = converterReader(t, scopes, constants, fn);
  const builtOf = (e: ts.Expression): CopiedParameter | undefined => {
    const x = constants.skipTrivia(e);
    const decl = t.isIdentifier(x) ? scopes.resolve(x) : undefined;
    return decl && t.isVariableDeclaration(decl) ? reader.built(decl) : undefined;
  };
  if (!t.isArrayLiteralExpression(returned)) {
    const one = builtOf(returned);
    return one && [{ ...one, built: true }];
  }
  const parts: CopiedParameter[] = [];
  let converts = false;
  for (const el of returned.elements) {
    if (!t.isSpreadElement(el)) return undefined;
    const built = builtOf(el.expression);
    const part = built ? { ...built, built: true as const } : reader.parameterPath(el.expression, 0);
    if (!part) return undefined;
    converts ||= !!built;
    parts.push(part);
  }
  return converts ? parts : undefined;
}

/** The return statements of a function body with a value (not those of functions inside it). */
function returnCount(t: TS, body: ts.Node): number {
  let n = 0;
  const visit = (x: ts.Node): void => {
    if (t.isFunctionLike(x)) return;
    if (t.isReturnStatement(x) && x.expression) n++;
    t.forEachChild(x, visit);
  };
  t.forEachChild(body, visit);
  return n;
}

/** What builtFromParameter reads in `fn`: a parameter's path, and the parameter an array declared empty is filled from by pushes. */
function converterReader(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration): { parameterPath: (e: ts.Expression, depth: number) => CopiedParameter | undefined; built: (d: ts.VariableDeclaration) => CopiedParameter | undefined } {
  const seen = new Set<ts.Node>();

  // `inputContent` of `({ content: inputContent }) => …`, `params.messages`: a parameter and the keys read below it.
  const parameterPath = (e: ts.Expression, depth: number): CopiedParameter | undefined => {
    const x = constants.skipTrivia(e);
    if (depth > MAX_DEPTH) return undefined;
    if (t.isPropertyAccessExpression(x) && t.isIdentifier(x.name)) {
      const base = parameterPath(x.expression, depth + 1);
      return base && { index: base.index, path: [...base.path, x.name.text] };
    }
    const d = t.isIdentifier(x) ? scopes.resolve(x) : undefined;
    const index = fn.parameters.findIndex((p) => p === d);
    if (index >= 0) return { index, path: [] };
    if (d && t.isBindingElement(d) && t.isObjectBindingPattern(d.parent) && !d.dotDotDotToken && t.isParameter(d.parent.parent)) {
      const key = d.propertyName ?? d.name;
      const i = fn.parameters.indexOf(d.parent.parent);
      return i >= 0 && t.isIdentifier(key) ? { index: i, path: [key.text] } : undefined;
    }
    return undefined;
  };

  // The parameter an expression reads elements of: a `for … of` element over it, or an array built so.
  const sourceOf = (e: ts.Node, depth: number): CopiedParameter | undefined => {
    let found: CopiedParameter | undefined;
    let mixed = false;
    const visit = (n: ts.Node): void => {
      if (mixed || t.isFunctionLike(n)) return;
      const d = t.isIdentifier(n) ? scopes.resolve(n) : undefined;
      const loop = d && t.isVariableDeclaration(d) && t.isVariableDeclarationList(d.parent) && t.isForOfStatement(d.parent.parent) ? d.parent.parent : undefined;
      const from = loop ? parameterPath(loop.expression, 0) : d && t.isVariableDeclaration(d) ? built(d, depth + 1) : undefined;
      if (from) {
        if (found && !samePath(found, from)) mixed = true;
        found ??= from;
      }
      t.forEachChild(n, visit);
    };
    visit(e);
    return mixed ? undefined : found;
  };

  const built = (d: ts.VariableDeclaration, depth: number): CopiedParameter | undefined => {
    if (depth > MAX_DEPTH || seen.has(d) || !t.isIdentifier(d.name) || !d.initializer || !constants.isConstDeclaration(d)) return undefined;
    const init = constants.skipTrivia(d.initializer);
    if (!t.isArrayLiteralExpression(init) || init.elements.length > 0) return undefined;
    seen.add(d);
    const pushes = onlyPushes(t, scopes, d, d.name);
    if (!pushes) return undefined;
    let source: CopiedParameter | undefined;
    for (const call of pushes) {
      for (const arg of call.arguments) {
        const from = sourceOf(arg, depth);
        if (!from) continue;
        if (source && !samePath(source, from)) return undefined;
        source = from;
      }
    }
    return source;
  };
  return { parameterPath, built: (d) => built(d, 0) };
}

/**
 * A rebuild of a parameter's array (gemini-cli's `coalesceConsecutiveRoles(history: HistoryTurn[]):
 * HistoryTurn[]`, `scrubHistory`, `scrubContents(contents: Content[]): Content[]`): a function whose
 * declared result is the array type one of its parameters is declared with (`readonly`,
 * `ReadonlyArray<T>` and `Array<T>` read as `T[]`), not a generator. Taken, as a converter is, to
 * hold that argument's elements, merged, cleaned or dropped, and what it adds besides (a size not
 * seen, `|f()|`): its body (a loop merging neighbours in place, `result[last] = { … }`) is not read.
 */
export function rebuiltParameter(t: TS, fn: ts.SignatureDeclaration): CopiedParameter | undefined {
  if (!fn.type || (fn as { asteriskToken?: unknown }).asteriskToken) return undefined;
  const result = arrayElementType(t, fn.type);
  if (result === undefined) return undefined;
  const index = fn.parameters.findIndex((p) => !p.dotDotDotToken && !!p.type && arrayElementType(t, p.type) === result);
  return index >= 0 ? { index, path: [], built: true } : undefined;
}

/** `T[]`, `readonly T[]`, `Array<T>`, `ReadonlyArray<T>`: the text of T (spaces dropped); else undefined. */
function arrayElementType(t: TS, type: ts.TypeNode): string | undefined {
  if (t.isTypeOperatorNode(type) && type.operator === t.SyntaxKind.ReadonlyKeyword) return arrayElementType(t, type.type);
  if (t.isParenthesizedTypeNode(type)) return arrayElementType(t, type.type);
  const element = t.isArrayTypeNode(type) ? type.elementType : t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && (type.typeName.text === "Array" || type.typeName.text === "ReadonlyArray") && type.typeArguments?.length === 1 ? type.typeArguments[0] : undefined;
  return element && element.getText().replace(/\s+/g, "");
}
