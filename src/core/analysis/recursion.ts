// Recurrences of self-recursive functions over a shrinking input. Recognised shapes:
//   halving  `f(x.slice(0, mid))`, `f(x.slice(mid))` with mid = x.length / 2: T(n) = a·T(n/2) + f(n),
//            solved by the master theorem's three cases;
//   linear   `f(x.slice(1))`, `f(rest)` of `[head, ...rest] = x`, `f(n - 1)`: T(n) = T(n−1) + f(n) = Θ(n·f(n)).
// LLM calls in the base case (`if (x.length <= K) return …`) run at the leaves on inputs of at most K.
// Anything else is an honest unknown with the reason.
import type * as ts from "typescript";
import { Bound } from "../algebra/bound";
import { Poly } from "../algebra/poly";
import type { Constants } from "../binder/constants";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import type { SymbolInfo, SymbolTable } from "../symbols";
import { CHARACTERS_PER_TOKEN, tokensInCharacters } from "../tokens";
import { CONDITIONAL_NOTE, type SiteBounds } from "./callSite";
import { exits, isWithin } from "./controlFlow";
import type { Loops } from "./loops";
import type { SummaryPolys } from "./summary";
import { countPolys, mapCounts, type CountKey, type Counts } from "../model";

type Polys = SummaryPolys;

/** A site of the recursive function over the whole recursion (one top-level invocation). */
export type SiteSolver = (site: Site) => SiteBounds;

/**
 * `budget`: the parameter whose value is the recursion's levels (`f(depth - 1)`), which a caller's argument gives;
 * `countsUp`: the levels are a cap less that value (`f(turn + 1)`), so a caller must give its value, not a bound of it.
 */
export type Solution = { readonly kind: "solved"; readonly polys: Polys; readonly tight: boolean; readonly explanation: string; readonly counts?: Counts; readonly site: SiteSolver; readonly budget?: string; readonly countsUp?: true } | { readonly kind: "unknown"; readonly reason: string };

type Site = { readonly llm: LlmCall; readonly bounds: SiteBounds };

/** `count-down`: a number one smaller (`depth - 1`), whose levels are its value; `minus-one`: a collection one element shorter. */
type Shrink = "half" | "minus-one" | "count-down";

export function solveRecursion(
  t: TS,
  scopes: Scopes,
  constants: Constants,
  loops: Loops,
  symbols: SymbolTable,
  fn: ts.SignatureDeclaration,
  selfCalls: readonly ts.CallExpression[],
  sites: readonly { llm: LlmCall; bounds: SiteBounds }[],
  polys: Polys,
  label: string,
  /** Whether fn calls into no function that calls it back (a tangle's rounds count its calls of itself). */
  alone: boolean,
): Solution {
  if (selfCalls.some((c) => loops.around(c).length > 0)) return solveChunked(t, constants, loops, symbols, fn, selfCalls, sites, polys);
  const shrinks = selfCalls.map((c) => shrinkOf(t, scopes, constants, fn, c));
  const first = shrinks[0];
  if (!first || shrinks.some((s) => !s || s.param !== first.param || s.kind !== first.kind)) {
    const up = selfCalls.length === 1 ? countUp(t, scopes, constants, fn, selfCalls[0]!) : undefined;
    if (up) return solveCountUp(t, scopes, constants, loops, symbols, fn, selfCalls[0]!, up, sites);
    const grown = selfCalls.length === 1 ? grownAcrossLevels(t, scopes, fn, selfCalls[0]!, sites) : undefined;
    const counted = selfCalls.length === 1 ? counterBound(t, constants, loops, fn, selfCalls[0]!) : undefined;
    if (counted && grown) return { kind: "unknown", reason: `the function calls itself while ${counted.text}, but each invocation sends ${grown}, so no invocation's sizes bound the next's` };
    if (counted) {
      // T = (cap + 1) invocations of the body at most: each one's calls, input and output once.
      const solved = Object.fromEntries(Object.entries(polys).map(([k, p]) => [k, k === "result" ? p : p.mul(counted.bound)])) as unknown as Polys;
      const explanation = `the function calls itself while ${counted.text}: at most ${counted.boundText} invocations`;
      return { kind: "solved", polys: solved, tight: false, explanation, site: (s) => solvedSite(s, (p) => p.mul(counted.bound), false, false, `${explanation}: this call runs in each`) };
    }
    const chain = alone && selfCalls.length === 1 ? chainCall(t, scopes, constants, fn, selfCalls[0]!) : undefined;
    if (chain) {
      const line = chain.call.getSourceFile().getLineAndCharacterOfPosition(chain.call.getStart()).line + 1;
      const once = `${label} calls itself at line ${line}, at most once an invocation (no loop or callback around the call), testing no counter`;
      // A round is priced at the first's sizes of its parameters: one handed something else (a copy, a grown value) may be
      // larger each round. (A size the cost does not read of it is the round's own, as in a loop's body.)
      const priced = chain.others.find((name) => Object.values(polys).some((p) => p.symbols().some((x: string) => sizeOf(x, name))));
      if (priced) return { kind: "unknown", reason: `${once}, but hands on another value than its parameter ${priced}, whose size the cost reads (it may be larger each round), so no round's sizes bound the next's` };
      // One invocation re-enters at most once: a chain of invocations, each priced once, as long as data makes it.
      const why = `${once} and handing on its own parameters: data decides how many rounds run`;
      const info: SymbolInfo = { name: `rounds[${label}]`, kind: "count", line: fn.getSourceFile().getLineAndCharacterOfPosition(fn.getStart()).line + 1, origin: `the invocations of ${label} in one call from outside, not bounded in the code: ${why}`, unbounded: true };
      const R = Poly.symbol(symbols.define(info));
      // A history the function's class or closure keeps (calls[X]: earlier invocations) grows by one a round: round i sees calls[X]·R + i, at most (calls[X] + 1)·R.
      const grown = (p: Poly): Poly => p.symbols().filter((x) => x.startsWith("calls[")).reduce((q, x) => q.subst(x, Poly.symbol(x).add(Poly.one).mul(R)), p);
      const times = (p: Poly): Poly => grown(p).mul(R);
      const solved = Object.fromEntries(Object.entries(polys).map(([k, p]) => [k, k === "result" ? p : times(p)])) as unknown as Polys;
      const explanation = `${info.name} = the invocations of ${label}, not bounded in the code: ${why}`;
      return {
        kind: "solved",
        polys: solved,
        tight: false,
        explanation,
        site: (s) => {
          symbols.define(info);
          return solvedSite(s, times, false, false, `${explanation}; this call runs in each`);
        },
      };
    }
    return { kind: "unknown", reason: "the recursive calls do not shrink one parameter by halves or by one element" };
  }
  const param = fn.parameters[first.param]!;
  const name = t.isIdentifier(param.name) ? param.name.text : "n";
  const n = `|${name}|`;
  const a = selfCalls.length;
  const base = baseCase(t, constants, fn, name);

  // Leaf sites see at most K characters of the input; the others run at every internal node.
  const isLeaf = (s: Site): boolean => !!base && isWithin(s.llm.node, base.branch);
  const leafSites = sites.filter(isLeaf);
  const atLeaf = (p: Poly): Poly => (base?.cap !== undefined ? p.subst(n, Poly.constant(tokensInCharacters(base.cap))) : p);
  // The recurrence accounts for the base case's condition; any other condition leaves an upper bound.
  const tight = sites.every((s) => leafSites.includes(s) || (s.bounds.calls.kind === "poly" && s.bounds.calls.tight));
  const leafPart = (pick: (b: SiteBounds) => Poly): Poly => atLeaf(Poly.sum(leafSites.map((s) => pick(s.bounds))));
  const internalPart = (total: Poly, pick: (b: SiteBounds) => Poly): Poly => {
    const leaf = Poly.sum(leafSites.map((s) => pick(s.bounds)));
    return subtract(total, leaf);
  };
  const poly = (b: { kind: string; poly?: Poly }): Poly => (b.kind === "poly" ? (b as { poly: Poly }).poly : Poly.zero);
  const measures: [keyof Polys, (b: SiteBounds) => Poly][] = [
    ["calls", (b) => poly(b.calls)],
    ["input", (b) => poly(b.inputTokens)],
    ["output", (b) => poly(b.outputTokens)],
    ["result", (b) => poly(b.outputPerCall)],
    ["generation", (b) => poly(b.generationCost)],
    ["span", (b) => poly(b.span)],
  ];

  if (first.kind === "minus-one" || first.kind === "count-down") {
    if (a > 1) return { kind: "unknown", reason: `${a} recursive calls on n − 1 elements: exponential in ${n}` };
    const grown = grownAcrossLevels(t, scopes, fn, selfCalls[0]!, sites);
    if (grown) return { kind: "unknown", reason: `each level sends ${grown}, so no level's sizes bound the next's` };
    // A number stepped down (`f(depth - 1)` under `if (depth <= K) return`) makes depth − K levels: the
    // count is the argument's value (a caller's `f(MAX)` gives MAX), not its size in tokens.
    const budget = first.kind === "count-down" && base?.cap !== undefined ? base.cap : undefined;
    // The levels are a count of the recursion (its value is assumed, stated or defaulted like a loop's).
    const levels: SymbolInfo = budget !== undefined ? { name, kind: "count", line: 0, origin: `the levels of the recursion of ${fnName(fn)}() (${name} one smaller each call, down to ${budget})` } : { name: n, kind: "count", line: 0, origin: `the levels of the recursion of ${fnName(fn)}() (one fewer ${name} each call)` };
    const N = Poly.symbol(symbols.define(levels)).add(Poly.constant(-(budget ?? 0)));
    const L = budget === undefined ? n : budget === 0 ? name : `${name} − ${budget}`;
    // A return or throw outside the base case (`if (text.includes("DONE")) return`) may stop it sooner: at most the levels.
    const exact = tight && !exitsEarly(t, scopes, fn, selfCalls[0]!, param);
    // T(n) = T(n−1) + f(n) = Σ_{i≤n} f(i) = Θ(n·f(n)) for polynomial f.
    const solved = Object.fromEntries(measures.map(([k, pick]) => [k, k === "result" ? polys.result : N.mul(internalPart(polys[k], pick)).add(leafPart(pick))])) as unknown as Polys;
    const explanation = `T(${n}) = T(${n} − 1) + f(${n}): ${exact ? "" : "at most "}${L} levels of one call each, so ${exact ? "Θ" : "O"}(${n}·f(${n}))`;
    // Exact where a level's count does not depend on how many levels are left: n times it (once at the bottom).
    const siteCounts = (s: Site): Counts | undefined => {
      const c = s.bounds.counts;
      if (!c || countPolys(c).some((p) => p.degreeIn(n) > 0)) return undefined;
      return isLeaf(s) ? mapCounts(c, atLeaf) : mapCounts(c, (p) => N.mul(p));
    };
    const parts = sites.map(siteCounts);
    const counts = parts.every((c) => c) ? sumCounts(parts as Counts[]) : undefined;
    const site: SiteSolver = (s) => {
      symbols.define(levels);
      return isLeaf(s) ? solvedSite(s, atLeaf, exact, true, `${explanation}; this call runs once, at the bottom`, siteCounts(s)) : solvedSite(s, (p) => N.mul(p), exact, false, `${explanation}; this call runs at each of the ${L} levels`, siteCounts(s));
    };
    return { kind: "solved", polys: solved, tight: exact, explanation, site, ...(counts ? { counts } : {}), ...(budget !== undefined ? { budget: name } : {}) };
  }
  // Halving: T(n) = a·T(n/2) + f(n). Leaves: n^log2(a).
  const e = Math.log2(a);
  if (!Number.isInteger(e)) return { kind: "unknown", reason: `${a} recursive calls on halves: n^log2(${a}) is not a polynomial degree` };
  const leaves = e === 0 ? Poly.one : Poly.symbol(n, e);
  const depth: SymbolInfo = { name: `log${n}`, kind: "count", line: 0, origin: `the depth of the halving recursion over ${name}` };
  const logN = Poly.symbol(symbols.define(depth));
  const solveMeasure = (f: Poly): Poly => {
    const c = f.degreeIn(n);
    if (c < e) return f.subst(n, Poly.one).mul(leaves);
    if (c === e) return f.mul(logN);
    return f;
  };
  const solved = Object.fromEntries(measures.map(([k, pick]) => [k, k === "result" ? polys.result : solveMeasure(internalPart(polys[k], pick)).add(leaves.mul(leafPart(pick)))])) as unknown as Polys;
  const caseText = `T(${n}) = ${a}·T(${n}/2) + f(${n}) (master theorem, ${a} halves${base?.cap !== undefined ? `, leaves where ${name}.length ≤ ${base.cap}` : ""})`;
  const halving = a === 2 && base?.cap !== undefined && leafSites.length > 0 ? halvingCounts(symbols, fn, n, base.cap) : undefined;
  const siteCounts = (s: Site): Counts | undefined => halving?.site(s, isLeaf(s));
  const parts = sites.map(siteCounts);
  const counts = halving && parts.every((c) => c) ? sumCounts(parts as Counts[]) : undefined;
  const explanation = counts ? `${caseText}; L = ${halving!.L} pieces of at most ${base!.cap} characters (${halving!.ratio}), L − 1 merges` : caseText;
  const site: SiteSolver = (s) => {
    // The finding is made after the summary: its symbols are defined again for it.
    symbols.define(depth);
    if (halving) symbols.define(halving.info);
    const leaf = isLeaf(s);
    const where = leaf ? (halving ? "this call runs at each of the L leaves" : "this call runs at each leaf") : halving ? "this call runs at each of the L − 1 merges" : "this call runs at each inner node";
    return solvedSite(s, leaf ? (p) => leaves.mul(atLeaf(p)) : solveMeasure, tight, leaf, `${explanation}; ${where}`, halving ? siteCounts(s) : undefined);
  };
  return { kind: "solved", polys: solved, tight, explanation, site, ...(counts ? { counts } : {}) };
}

/**
 * A site's bounds over the whole recursion (one top-level invocation): each measure through
 * `solve`, with the recurrence's line. A leaf's condition is the base case the recurrence
 * accounts for, so its tightness is its per-call sizes'.
 */
function solvedSite(s: Site, solve: (p: Poly) => Poly, tight: boolean, leaf: boolean, explanation: string, counts?: Counts): SiteBounds {
  const b = s.bounds;
  const isTight = (x: Bound): boolean => x.kind === "poly" && x.tight;
  const calls = tight && (leaf || isTight(b.calls));
  const input = calls && (leaf ? isTight(b.inputPerCall) : isTight(b.inputTokens));
  const output = calls && (leaf ? isTight(b.outputPerCall) : isTight(b.outputTokens));
  const over = (x: Bound, exact: boolean): Bound => (x.kind === "poly" ? Bound.of(solve(x.poly), exact) : x);
  const { counts: _perInvocation, ...rest } = b;
  return {
    ...rest,
    calls: over(b.calls, calls),
    inputTokens: over(b.inputTokens, input),
    outputTokens: over(b.outputTokens, output),
    generationCost: over(b.generationCost, input && output),
    span: over(b.span, calls),
    conditional: b.conditional && !leaf,
    explanation: [...b.explanation.filter((line) => !leaf || line !== CONDITIONAL_NOTE), `recursion: ${explanation}`],
    ...(counts ? { counts } : {}),
  };
}

function sumCounts(parts: readonly Counts[]): Counts {
  return { calls: Poly.sum(parts.map((c) => c.calls)), input: Poly.sum(parts.map((c) => c.input)), output: Poly.sum(parts.map((c) => c.output)), generation: Poly.sum(parts.map((c) => c.generation)) };
}

/**
 * Exact counts of a recursion that halves `n` until it is at most `cap` characters: L leaves (a
 * count that follows from n, see SymbolInfo.leavesOf) and L − 1 internal nodes. The leaves share
 * the input between them (a leaf's input linear in n sums to L·(its constant part) + n); an inner
 * site must not depend on n. A site of any other shape has no count.
 */
function halvingCounts(symbols: SymbolTable, fn: ts.SignatureDeclaration, n: string, cap: number): { L: string; info: SymbolInfo; ratio: string; site: (s: Site, leaf: boolean) => Counts | undefined } {
  const name = fn.name && "text" in fn.name ? String(fn.name.text) : "recursion";
  const ratio = `${CHARACTERS_PER_TOKEN} characters a token`;
  const info: SymbolInfo = { name: `leaves[${name}]`, kind: "count", line: 0, origin: `the pieces ${name}() halves ${n} into: at most ${cap} characters each (${ratio})`, leavesOf: { from: n, characters: cap } };
  const L = Poly.symbol(symbols.define(info));
  const countOf = (s: Site, k: CountKey): Poly => s.bounds.counts?.[k] ?? polyOf(k === "calls" ? s.bounds.calls : k === "input" ? s.bounds.inputTokens : k === "output" ? s.bounds.outputTokens : s.bounds.generationCost);
  const site = (s: Site, leaf: boolean): Counts | undefined => {
    const out: Record<CountKey, Poly> = { calls: Poly.zero, input: Poly.zero, output: Poly.zero, generation: Poly.zero };
    for (const k of ["calls", "input", "output", "generation"] as const) {
      const c = countOf(s, k);
      if (c.degreeIn(n) > (leaf ? 1 : 0)) return undefined;
      const fixed = c.subst(n, Poly.zero);
      out[k] = leaf ? L.mul(fixed).add(subtract(c, fixed)) : L.add(Poly.constant(-1)).mul(c);
    }
    return out;
  };
  return { L: info.name, info, ratio, site };
}

const GROWING = new Set(["push", "unshift", "splice"]);

/**
 * What one level leaves larger for the next: a parameter it grows (`history.push(…)`) and hands on
 * itself, or state the server keeps (`previous_response_id`) that its requests move on. Each level's
 * request then re-sends what the levels before it added, which the recurrence (one level's sizes
 * times the levels) leaves out.
 */
function grownAcrossLevels(t: TS, scopes: Scopes, fn: ts.SignatureDeclaration, self: ts.CallExpression, sites: readonly Site[]): string | undefined {
  const chained = sites.find((s) => s.llm.state && s.llm.state.window === undefined);
  if (chained) return `a request on state the server keeps (${chained.llm.state!.source}) that the levels before it moved on`;
  // A parameter handed on grown (`step(depth - 1, [...history, answer])`, `history.concat(…)`, `prompt + more`).
  for (const [i, p] of fn.parameters.entries()) {
    const grownFrom = self.arguments[i] && handedOnGrown(t, scopes, self.arguments[i]!, p);
    if (grownFrom && sites.some((s) => sends(t, scopes, s.llm, grownFrom))) return `the parameter ${grownFrom.text}, which it hands on grown`;
  }
  const handedOn = new Set<ts.Node>(fn.parameters.filter((p, i) => {
    const a = self.arguments[i];
    return a && t.isIdentifier(a) && scopes.resolve(a) === p;
  }));
  const body = (fn as { body?: ts.Node }).body;
  // What outlives one level: a parameter handed on, a field (`this.h`, or `const { h } = this`), a
  // variable declared outside; and only when a request sends it (an answer collected in `out` is not).
  const kept = (e: ts.Expression): string | undefined => {
    if (!sites.some((s) => sends(t, scopes, s.llm, e))) return undefined;
    if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) return `the field ${e.getText()}, which it grows`;
    const decl = t.isIdentifier(e) ? scopes.resolve(e) : undefined;
    if (!decl) return undefined;
    if (handedOn.has(decl as ts.ParameterDeclaration)) return `the parameter ${e.getText()}, which it grows and hands on`;
    if (!isWithin(decl, fn)) return `${e.getText()}, declared outside it, which it grows`;
    if (t.isBindingElement(decl) && t.isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer?.kind === t.SyntaxKind.ThisKeyword) return `the field ${e.getText()}, which it grows`;
    return undefined;
  };
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found || t.isFunctionLike(n)) return;
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && GROWING.has(n.expression.name.text)) found = kept(n.expression.expression);
    else if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.PlusEqualsToken) found = kept(n.left);
    else t.forEachChild(n, visit);
  };
  if (body) t.forEachChild(body, visit);
  return found;
}

/**
 * Whether the request `llm` sends what `e` (a variable, `this.field`) holds: named in its prompt or
 * its arguments, or in the initializer of a local const they name (`const msgs = [...history]`).
 */
/** The reference to `param` in a self-call's argument that hands it on with more in it: a spread with other elements, `concat`, `+`, a template. */
function handedOnGrown(t: TS, scopes: Scopes, arg: ts.Expression, param: ts.ParameterDeclaration): ts.Identifier | undefined {
  let e = arg;
  while (t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isNonNullExpression(e)) e = e.expression;
  const isParam = (x: ts.Expression): x is ts.Identifier => t.isIdentifier(x) && scopes.resolve(x) === param;
  if (t.isArrayLiteralExpression(e) && e.elements.length > 1) {
    const spread = e.elements.find((el) => t.isSpreadElement(el) && isParam(el.expression)) as ts.SpreadElement | undefined;
    return spread?.expression as ts.Identifier | undefined;
  }
  if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.name.text === "concat" && e.arguments.length > 0 && isParam(e.expression.expression)) return e.expression.expression;
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return handedOnGrown(t, scopes, e.left, param) ?? (isParam(e.left) ? e.left : isParam(e.right) ? e.right : undefined);
  if (t.isTemplateExpression(e)) for (const span of e.templateSpans) if (isParam(span.expression)) return span.expression;
  return undefined;
}

function sends(t: TS, scopes: Scopes, llm: LlmCall, e: ts.Expression): boolean {
  const field = t.isPropertyAccessExpression(e) ? e.name.text : undefined;
  const target = t.isIdentifier(e) ? scopes.resolve(e) : undefined;
  const seen = new Set<ts.Node>();
  const names = (n: ts.Node): boolean => {
    if (seen.has(n)) return false;
    seen.add(n);
    if (field !== undefined && t.isPropertyAccessExpression(n) && n.expression.kind === t.SyntaxKind.ThisKeyword && n.name.text === field) return true;
    if (t.isIdentifier(n)) {
      const decl = scopes.resolve(n);
      if (decl && decl === target) return true;
      if (decl && t.isVariableDeclaration(decl) && decl.initializer && names(decl.initializer)) return true;
    }
    return !!t.forEachChild(n, (c) => (names(c) ? true : undefined));
  };
  return [...llm.prompt, ...llm.node.arguments, ...(llm.arguments ?? [])].some(names);
}

/**
 * Whether `fn` may return or throw before it calls itself, other than in its base case (an `if` that
 * tests the parameter the recursion shrinks, `param`) and the return of its own call `self`.
 */
function exitsEarly(t: TS, scopes: Scopes, fn: ts.SignatureDeclaration, self: ts.CallExpression, param: ts.ParameterDeclaration): boolean {
  const body = (fn as { body?: ts.Node }).body;
  const testsParam = (e: ts.Node): boolean => (t.isIdentifier(e) && scopes.resolve(e) === param) || !!t.forEachChild(e, (c) => (testsParam(c) ? true : undefined));
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || t.isFunctionLike(n) || n.pos >= self.end || (t.isIfStatement(n) && testsParam(n.expression))) return;
    if ((t.isReturnStatement(n) || t.isThrowStatement(n)) && !isWithin(self, n)) found = true;
    else t.forEachChild(n, visit);
  };
  if (body) t.forEachChild(body, visit);
  return found;
}

function fnName(fn: ts.SignatureDeclaration): string {
  return fn.name && "text" in fn.name ? String(fn.name.text) : "recursion";
}

function polyOf(b: { kind: string; poly?: Poly }): Poly {
  return b.kind === "poly" ? (b as { poly: Poly }).poly : Poly.zero;
}

/**
 * Chunked splits: `for (const part of chunk(text, SIZE)) await summarize(part)` (or a `.map` over the
 * chunks) with a base case `if (text.length <= SIZE)`. Each part reaches the base case, so the leaves
 * are Θ(n) chunks of bounded size and the rest of the body runs once: T(n) = Σ T(chunk) + f(n).
 */
function solveChunked(t: TS, constants: Constants, loops: Loops, symbols: SymbolTable, fn: ts.SignatureDeclaration, selfCalls: readonly ts.CallExpression[], sites: readonly { llm: LlmCall; bounds: SiteBounds }[], polys: Polys): Solution {
  const unknown: Solution = { kind: "unknown", reason: "the function calls itself inside a loop that is not over chunks of one of its parameters: no recurrence shape is recognised" };
  const param = fn.parameters.find((p) => t.isIdentifier(p.name) && selfCalls.every((c) => loops.around(c).some((l) => chunksOf(t, constants, l.node, (p.name as ts.Identifier).text))));
  if (!param || !t.isIdentifier(param.name)) return unknown;
  const name = param.name.text;
  const base = baseCase(t, constants, fn, name);
  if (!base) return { kind: "unknown", reason: `the function splits ${name} into chunks but has no base case on ${name}.length: the chunks' sizes are unknown` };
  const n = Poly.symbol(symbols.define({ name: `|${name}|`, kind: "size", line: 0, origin: `the size of ${name}` }));
  const leafSites = sites.filter((s) => isWithin(s.llm.node, base.branch));
  const measures: (keyof Polys)[] = ["calls", "input", "output", "generation", "span"];
  const pick = (s: SiteBounds, k: keyof Polys): Poly => {
    const b = k === "calls" ? s.calls : k === "input" ? s.inputTokens : k === "output" ? s.outputTokens : k === "generation" ? s.generationCost : s.span;
    return b.kind === "poly" ? b.poly : Poly.zero;
  };
  const cap = (p: Poly): Poly => (base.cap !== undefined ? p.subst(`|${name}|`, Poly.constant(tokensInCharacters(base.cap))) : p);
  const solved = { ...polys } as { -readonly [K in keyof Polys]: Poly };
  for (const k of measures) {
    const leaf = Poly.sum(leafSites.map((s) => pick(s.bounds, k)));
    // Θ(n) leaves of bounded size, plus the body once at the top.
    solved[k] = subtract(polys[k], leaf).add(n.mul(cap(leaf)));
  }
  const explanation = `T(|${name}|) = Σ T(chunk) + f(|${name}|): ${name} is split into chunks that each reach the base case (${name}.length ≤ ${base.cap ?? "?"}), so Θ(|${name}|) leaves`;
  const site: SiteSolver = (s) => (leafSites.some((l) => l.llm.node === s.llm.node) ? solvedSite(s, (p) => n.mul(cap(p)), false, true, `${explanation}; this call runs at each leaf`) : solvedSite(s, (p) => p, false, false, `${explanation}; this call runs once, at the top`));
  return { kind: "solved", polys: solved, tight: false, explanation, site };
}

/**
 * A recursion counted by a field or variable stepped on every invocation: `if (this.count++ <
 * this.maxLoops) await this.loop()`, or `if (this.count >= this.max) return; this.count += 1; …
 * this.run()`. The function runs at most the cap's number of times (plus one).
 */
function counterBound(t: TS, constants: Constants, loops: Loops, fn: ts.SignatureDeclaration, self: ts.CallExpression): { bound: Poly; boundText: string; text: string } | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  const K = t.SyntaxKind;
  const key = (e: ts.Expression): string => constants.skipTrivia(e).getText().replace(/\s+/g, "");
  // Counters stepped up anywhere in the body (outside nested functions).
  const stepped = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (t.isFunctionLike(n)) return;
    if ((t.isPostfixUnaryExpression(n) || t.isPrefixUnaryExpression(n)) && n.operator === K.PlusPlusToken) stepped.add(key(n.operand));
    if (t.isBinaryExpression(n) && n.operatorToken.kind === K.PlusEqualsToken) stepped.add(key(n.left));
    t.forEachChild(n, visit);
  };
  t.forEachChild(body, visit);
  // A parameter stepped here or passed on larger (`this.step(depth + 1)`) counts from its caller's start, which may
  // lie below any start this rule could assume: countUp reads it as a budget, or it is not counted.
  const params = new Set(fn.parameters.map((p) => p.name.getText()));
  const counterOf = (e: ts.Expression): string | undefined => {
    const x = constants.skipTrivia(e);
    const k = (t.isPostfixUnaryExpression(x) || t.isPrefixUnaryExpression(x)) && x.operator === K.PlusPlusToken ? key(x.operand) : key(x);
    return stepped.has(k) && !params.has(k) ? k : undefined;
  };
  /** `counter < cap` (continue) or `counter >= cap` (stop), either way round: the cap. */
  const capOf = (cond: ts.Expression, stops: boolean): ts.Expression | undefined => {
    const c = constants.skipTrivia(cond);
    if (!t.isBinaryExpression(c)) return undefined;
    const op = c.operatorToken.kind;
    const below = [K.LessThanToken, K.LessThanEqualsToken], atOrAbove = [K.GreaterThanEqualsToken, K.GreaterThanToken, K.EqualsEqualsEqualsToken, K.EqualsEqualsToken];
    if (counterOf(c.left) && (stops ? atOrAbove : below).includes(op)) return c.right;
    const flipped = op === K.LessThanToken ? K.GreaterThanToken : op === K.LessThanEqualsToken ? K.GreaterThanEqualsToken : op === K.GreaterThanToken ? K.LessThanToken : op === K.GreaterThanEqualsToken ? K.LessThanEqualsToken : op;
    if (counterOf(c.right) && (stops ? atOrAbove : below).includes(flipped)) return c.left;
    return undefined;
  };
  // The self call guarded by `if (counter < cap)`.
  for (let n: ts.Node = self; n.parent && n.parent !== body; n = n.parent) {
    if (t.isIfStatement(n.parent) && n.parent.thenStatement === n) {
      const cap = capOf(n.parent.expression, false);
      if (cap) return { ...countOf(loops, cap), text: constants.skipTrivia(n.parent.expression).getText() };
    }
  }
  // An early `if (counter >= cap) return;` before the self call.
  for (const st of body.statements) {
    if (st.pos > self.pos) break;
    if (!t.isIfStatement(st) || !exits(t, st.thenStatement)) continue;
    const cap = capOf(st.expression, true);
    if (cap) return { ...countOf(loops, cap), text: `not ${constants.skipTrivia(st.expression).getText()}` };
  }
  return undefined;
}

/**
 * A counter parameter stepped up by one toward a cap every level shares: `if (turn >= MAX) return;
 * … f(turn + 1)`, or `if (turn < this.max) await this.f(turn + 1)`. From a start s at most the cap,
 * `cap − s` invocations pass the check (one more for `>`, `<=`) and the last stops at it.
 */
type CountUp = {
  readonly param: ts.ParameterDeclaration;
  readonly name: string;
  readonly cap: ts.Expression;
  /** 1 for a check that lets the cap itself pass (`turn > MAX` stops, `turn <= MAX` goes on). */
  readonly extra: number;
  readonly guard: ts.IfStatement;
  /** Whether the guard stops (`if (…) return`) rather than wraps the call. */
  readonly stops: boolean;
};

function countUp(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration, self: ts.CallExpression): CountUp | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  // A callback around the call may run it any number of times.
  for (let n: ts.Node | undefined = self.parent; n && n !== fn; n = n.parent) if (t.isFunctionLike(n)) return undefined;
  const K = t.SyntaxKind;
  const refersTo = (e: ts.Expression, p: ts.Node): boolean => {
    const x = constants.skipTrivia(e);
    return t.isIdentifier(x) && scopes.resolve(x) === p;
  };
  const index = self.arguments.findIndex((arg, i) => {
    const a = constants.skipTrivia(arg);
    const p = fn.parameters[i];
    if (!p || !t.isIdentifier(p.name) || p.dotDotDotToken || !t.isBinaryExpression(a) || a.operatorToken.kind !== K.PlusToken) return false;
    return (refersTo(a.left, p) && constants.number(a.right) === 1) || (refersTo(a.right, p) && constants.number(a.left) === 1);
  });
  const param = fn.parameters[index];
  if (!param || !t.isIdentifier(param.name) || writes(t, body, (x) => refersTo(x, param))) return undefined;
  // The cap every level sees alike: a number, a const, a parameter handed on as itself, a property of those or of `this` the function does not write.
  const steady = (e: ts.Expression): boolean => {
    const x = constants.skipTrivia(e);
    if (constants.number(x) !== undefined || x.kind === K.ThisKeyword) return true;
    if (t.isIdentifier(x)) {
      const decl = scopes.resolve(x);
      if (!decl || decl === param) return false;
      if (t.isParameter(decl)) {
        const arg = self.arguments[fn.parameters.indexOf(decl)];
        return !decl.dotDotDotToken && !!arg && refersTo(arg, decl) && !writes(t, body, (y) => refersTo(y, decl));
      }
      return t.isVariableDeclaration(decl) && constants.isConstDeclaration(decl);
    }
    // Any function of the file may write a property through any alias (`cfg.max++` in a helper, `this.max++` in a
    // method): only a property no code of the file writes by that name is steady.
    if (t.isPropertyAccessExpression(x)) return steady(x.expression) && !writesProperty(t, fn.getSourceFile(), x.name.text);
    return false;
  };
  /** The cap of `turn OP cap` (either way round) and the comparison's extra level, for a check that stops or goes on. */
  const compare = (cond: ts.Expression, stops: boolean): { cap: ts.Expression; extra: number } | undefined => {
    const c = constants.skipTrivia(cond);
    if (!t.isBinaryExpression(c)) return undefined;
    const flip = new Map([[K.LessThanToken, K.GreaterThanToken], [K.LessThanEqualsToken, K.GreaterThanEqualsToken], [K.GreaterThanToken, K.LessThanToken], [K.GreaterThanEqualsToken, K.LessThanEqualsToken]]);
    const op = refersTo(c.left, param) ? c.operatorToken.kind : refersTo(c.right, param) ? flip.get(c.operatorToken.kind) : undefined;
    const cap = refersTo(c.left, param) ? c.right : c.left;
    if (op === undefined || !steady(cap)) return undefined;
    const extra = stops ? (op === K.GreaterThanEqualsToken ? 0 : op === K.GreaterThanToken ? 1 : undefined) : op === K.LessThanToken ? 0 : op === K.LessThanEqualsToken ? 1 : undefined;
    return extra === undefined ? undefined : { cap, extra };
  };
  // `if (turn < cap) … f(turn + 1)`: the call in the check's then branch.
  for (let n: ts.Node = self; n.parent && n !== body; n = n.parent) {
    if (t.isIfStatement(n.parent) && n.parent.thenStatement === n) {
      const found = compare(n.parent.expression, false);
      if (found) return { param, name: param.name.text, ...found, guard: n.parent, stops: false };
    }
  }
  // `if (turn >= cap) return;` before the call, in the body itself.
  for (const st of body.statements) {
    if (st.pos >= self.pos) break;
    if (!t.isIfStatement(st) || !exits(t, st.thenStatement)) continue;
    const found = compare(st.expression, true);
    if (found) return { param, name: param.name.text, ...found, guard: st, stops: true };
  }
  return undefined;
}

/**
 * Whether any code of `file` may write a property named `name` of any object: `o.name = …`, `o.name++`, `delete
 * o.name`, `o[key] = …` (any computed key), or `Object.assign`/`Object.defineProperty`.
 */
function writesProperty(t: TS, file: ts.SourceFile, name: string): boolean {
  const named = (e: ts.Expression): boolean => (t.isPropertyAccessExpression(e) && e.name.text === name) || (t.isElementAccessExpression(e) && !(t.isStringLiteralLike(e.argumentExpression) && e.argumentExpression.text !== name));
  if (writes(t, file, named)) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && ["assign", "defineProperty", "defineProperties"].includes(n.expression.name.text)) found = true;
    else t.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** Whether `body` (nested functions too) assigns, steps or deletes an expression `target` picks. */
function writes(t: TS, body: ts.Node, target: (e: ts.Expression) => boolean): boolean {
  const K = t.SyntaxKind;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment && target(n.left)) found = true;
    else if ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && target(n.operand)) found = true;
    else if (t.isDeleteExpression(n) && target(n.expression)) found = true;
    else t.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * The levels of a count-up recursion (`countUp`) from the start its caller hands it (`loop(0)`: the
 * counter's value, a budget like a count-down's): `cap − turn` invocations pass the check, and the calls
 * of the last, which stops there, run once more (those before a stopping check, or outside a wrapping one).
 */
function solveCountUp(t: TS, scopes: Scopes, constants: Constants, loops: Loops, symbols: SymbolTable, fn: ts.SignatureDeclaration, self: ts.CallExpression, up: CountUp, sites: readonly Site[]): Solution {
  const grown = grownAcrossLevels(t, scopes, fn, self, sites);
  if (grown) return { kind: "unknown", reason: `each level sends ${grown}, so no level's sizes bound the next's` };
  // A caller's argument replaces it; the parameter's default (`depth = 0`) is the value an estimate takes here.
  const stated = up.param.initializer ? constants.number(up.param.initializer) : undefined;
  const start: SymbolInfo = { name: up.name, kind: "count", line: 0, origin: `the start of the counter of the recursion of ${fnName(fn)}() (${up.name} one larger each call, up to ${up.cap.getText()})`, ...(stated !== undefined ? { value: stated } : {}) };
  // The finding is made after the summary: its symbols are defined again for it.
  const define = (): void => {
    symbols.define(start);
    loops.count(up.cap);
  };
  const cap = loops.count(up.cap);
  const passing = cap.trip.add(Poly.constant(up.extra)).add(Poly.symbol(symbols.define(start)).scale(-1));
  const inGuard = (n: ts.Node): boolean => isWithin(n, up.guard.thenStatement);
  const inElse = (n: ts.Node): boolean => !!up.guard.elseStatement && isWithin(n, up.guard.elseStatement);
  // Stopping: the check's own branch runs once, the calls after it (or in its else) on the passing levels;
  // wrapping: the branch's calls on those, its else's once, at the level that stops.
  const factor = (n: ts.Node): Poly =>
    up.stops ? (inGuard(n) ? Poly.one : n.pos >= up.guard.end || inElse(n) ? passing : passing.add(Poly.one)) : inGuard(n) ? passing : inElse(n) ? Poly.one : passing.add(Poly.one);
  const guard = up.guard.expression.getText();
  const L = `${cap.text}${up.extra ? " + 1" : ""} − ${up.name}`;
  const explanation = `the counter ${up.name} is one larger each call (${self.getText()}), ${up.stops ? `stopping at ${guard}` : `going on while ${guard}`}: ${L} levels pass the check from a start of ${up.name}, and the last stops there`;
  // A return or throw elsewhere before the call may end it sooner; a cap read as at most a default is a bound.
  const exact = cap.exact && sites.every((s) => s.bounds.calls.kind === "poly" && s.bounds.calls.tight) && !leavesEarly(t, fn, self, up.guard) && !conditional(t, fn, self, up);
  const measures: [keyof Polys, (b: SiteBounds) => Bound][] = [["calls", (b) => b.calls], ["input", (b) => b.inputTokens], ["output", (b) => b.outputTokens], ["generation", (b) => b.generationCost], ["span", (b) => b.span]];
  const solvedPolys = { result: Poly.sum(sites.map((s) => polyOf(s.bounds.outputPerCall))) } as { -readonly [K in keyof Polys]: Poly };
  for (const [k, pick] of measures) solvedPolys[k] = Poly.sum(sites.map((s) => factor(s.llm.node).mul(polyOf(pick(s.bounds)))));
  const siteCounts = (s: Site): Counts | undefined => {
    const c = s.bounds.counts;
    return !c || countPolys(c).some((p) => p.degreeIn(up.name) > 0) ? undefined : mapCounts(c, (p) => factor(s.llm.node).mul(p));
  };
  const parts = sites.map(siteCounts);
  const counts = parts.every((c) => c) ? sumCounts(parts as Counts[]) : undefined;
  const where = (n: ts.Node): string => (factor(n) === passing ? `at each of the ${L} levels that pass the check` : factor(n) === Poly.one ? "once, at the level that stops" : `at each of the ${L} + 1 levels`);
  const site: SiteSolver = (s) => {
    define();
    return solvedSite(s, (p) => factor(s.llm.node).mul(p), exact, false, `${explanation}; this call runs ${where(s.llm.node)}`, siteCounts(s));
  };
  return { kind: "solved", polys: { ...solvedPolys }, tight: exact, explanation, site, ...(counts ? { counts } : {}), budget: up.name, countsUp: true };
}

/**
 * Whether the self call `self` may be skipped on a level that passes the counter's check: anything between it and
 * the body but statements, blocks, `await` and the wrapping check's then (`if (text === "") await step(turn + 1)`,
 * a `try`, `&&`, `?:`, a loop) makes the levels a bound.
 */
function conditional(t: TS, fn: ts.SignatureDeclaration, self: ts.CallExpression, up: CountUp): boolean {
  const body = (fn as { body?: ts.Node }).body;
  for (let n: ts.Node = self.parent; n !== body; n = n.parent) {
    if (n === up.guard && !up.stops) continue;
    if (t.isBlock(n) && (n.parent === body || n.parent === up.guard || t.isBlock(n.parent))) continue;
    if (t.isExpressionStatement(n) || t.isAwaitExpression(n) || t.isParenthesizedExpression(n) || t.isReturnStatement(n) || t.isVariableStatement(n) || t.isVariableDeclarationList(n) || t.isVariableDeclaration(n)) continue;
    return true;
  }
  return false;
}

/** Whether `fn` may return or throw before its call of itself `self`, other than in the check `guard`. */
function leavesEarly(t: TS, fn: ts.SignatureDeclaration, self: ts.CallExpression, guard: ts.IfStatement): boolean {
  const body = (fn as { body?: ts.Node }).body;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || t.isFunctionLike(n) || n.pos >= self.end || n === guard.thenStatement) return;
    if ((t.isReturnStatement(n) || t.isThrowStatement(n)) && !isWithin(self, n)) found = true;
    else t.forEachChild(n, visit);
  };
  if (body) t.forEachChild(body, visit);
  return found;
}

/**
 * The one call a function makes of itself, when each invocation can make it at most once: no
 * function between it and the body (a callback may run it again, an event handler any number of
 * times; loops are ruled out before). `other` names a parameter handed something else than itself
 * (a copy, a grown value, another variable): the rounds' sizes are then not the first's. A literal
 * argument is of a fixed size. `this._execute(call)` after a user's approval.
 */
function chainCall(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration, self: ts.CallExpression): { call: ts.CallExpression; others: string[] } | undefined {
  for (let n: ts.Node | undefined = self.parent; n && n !== fn; n = n.parent) if (t.isFunctionLike(n)) return undefined;
  const literal = (e: ts.Expression): boolean => t.isLiteralExpression(e) || t.isNoSubstitutionTemplateLiteral(e) || e.kind === t.SyntaxKind.TrueKeyword || e.kind === t.SyntaxKind.FalseKeyword || e.kind === t.SyntaxKind.NullKeyword;
  const others: string[] = [];
  for (const [i, p] of fn.parameters.entries()) {
    // A destructured parameter's sizes are named after its parts: it is never handed on as itself.
    if (!t.isIdentifier(p.name)) return undefined;
    const a = self.arguments[i];
    // A rest parameter takes what is left; left out, a parameter takes its default, which a caller's value may exceed.
    const same = !p.dotDotDotToken && (a ? literal(constants.skipTrivia(a)) || (t.isIdentifier(constants.skipTrivia(a)) && scopes.resolve(constants.skipTrivia(a) as ts.Identifier) === p) : !p.initializer);
    if (!same) others.push(p.name.text);
  }
  return { call: self, others };
}

/** Whether a size symbol (`|call|`, `|call.args|`, `|call[]|`, `|call.trim()|`) is one of parameter `name`'s value. */
function sizeOf(symbol: string, name: string): boolean {
  if (!symbol.startsWith(`|${name}`)) return false;
  const next = symbol.charAt(name.length + 1);
  return next === "|" || next === "." || next === "[" || next === "?" || next === "(";
}

function countOf(loops: Loops, cap: ts.Expression): { bound: Poly; boundText: string } {
  const c = loops.count(cap);
  return { bound: c.trip.add(Poly.one), boundText: `${c.text} + 1` };
}


/** A loop over pieces cut from `name`: its collection is computed from `name` (`chunk(text, n)`, `text.split(…)`). */
function chunksOf(t: TS, constants: Constants, loop: ts.Node, name: string): boolean {
  let collection: ts.Expression | undefined;
  if (t.isForOfStatement(loop)) collection = loop.expression;
  else if (t.isCallExpression(loop) && t.isPropertyAccessExpression(loop.expression)) collection = loop.expression.expression;
  if (!collection) return false;
  let x = constants.skipTrivia(collection);
  if (t.isIdentifier(x)) x = constants.skipTrivia(constants.initializerOf(x) ?? x);
  // Pieces are cut by a call that is given the parameter: `chunk(text, n)`, `text.split("\n\n")`.
  if (!t.isCallExpression(x)) return false;
  const given = [...x.arguments, ...(t.isPropertyAccessExpression(x.expression) ? [x.expression.expression] : [])];
  return given.some((a) => {
    const y = constants.skipTrivia(a);
    return t.isIdentifier(y) && y.text === name;
  });
}

/** Which parameter a recursive call shrinks, and how. */
function shrinkOf(t: TS, scopes: Scopes, constants: Constants, fn: ts.SignatureDeclaration, call: ts.CallExpression): { param: number; kind: Shrink } | undefined {
  for (let i = 0; i < call.arguments.length; i++) {
    const p = fn.parameters[i];
    if (!p || !t.isIdentifier(p.name)) continue;
    const kind = shrinkKind(t, scopes, constants, p, call.arguments[i]!);
    if (kind) return { param: i, kind };
  }
  return undefined;
}

function shrinkKind(t: TS, scopes: Scopes, constants: Constants, param: ts.ParameterDeclaration, arg: ts.Expression): Shrink | undefined {
  const x = constants.skipTrivia(arg);
  const isParam = (e: ts.Expression): boolean => {
    const y = constants.skipTrivia(e);
    return t.isIdentifier(y) && scopes.resolve(y) === param;
  };
  if (t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.MinusToken && isParam(x.left) && constants.number(x.right) === 1) return "count-down";
  if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && ["slice", "substring", "subarray"].includes(x.expression.name.text) && isParam(x.expression.expression)) {
    const [a, b] = x.arguments;
    const start = constants.number(a);
    // `x.slice(k)` for a constant k: T(n) = T(n − k) + f(n), the same class as n − 1.
    if (start !== undefined && start >= 1 && !b) return "minus-one";
    if (start === 0 && b && constants.number(b) === -1) return "minus-one";
    const mid = start === 0 ? b : a;
    if (mid && isHalf(t, constants, mid)) return "half";
    return undefined;
  }
  // `const [head, ...rest] = xs; f(rest)`
  if (t.isIdentifier(x)) {
    const decl = scopes.resolve(x);
    if (decl && t.isBindingElement(decl) && decl.dotDotDotToken && t.isArrayBindingPattern(decl.parent) && t.isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer && isParam(decl.parent.parent.initializer)) return "minus-one";
    const init = constants.initializerOf(x);
    if (init) return shrinkKind(t, scopes, constants, param, init);
  }
  return undefined;
}

/** `mid` computed as `x.length / 2`, `Math.floor(x.length / 2)`, `x.length >> 1`. */
function isHalf(t: TS, constants: Constants, e: ts.Expression): boolean {
  const x = constants.skipTrivia(e);
  const text = (t.isIdentifier(x) ? constants.initializerOf(x) ?? x : x).getText();
  return /\.length\s*(\/\s*2\b|>>\s*1\b)/.test(text);
}

/** `if (x.length <= K) { … return … }`: the branch, and K when it is static. */
function baseCase(t: TS, constants: Constants, fn: ts.SignatureDeclaration, name: string): { branch: ts.Node; cap?: number } | undefined {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  for (const s of body.statements) {
    if (!t.isIfStatement(s)) continue;
    const c = constants.skipTrivia(s.expression);
    if (!t.isBinaryExpression(c)) continue;
    const left = c.left.getText().replace(/\s+/g, "");
    if (left !== `${name}.length` && left !== name) continue;
    const k = c.operatorToken.kind;
    if (k !== t.SyntaxKind.LessThanEqualsToken && k !== t.SyntaxKind.LessThanToken) continue;
    const cap = constants.number(c.right);
    return cap === undefined ? { branch: s.thenStatement } : { branch: s.thenStatement, cap: k === t.SyntaxKind.LessThanToken ? cap - 1 : cap };
  }
  return undefined;
}


/** total − part, monomial by monomial (part's monomials are a subset of total's). */
function subtract(total: Poly, part: Poly): Poly {
  return total.add(part.scale(-1)).dropZeros();
}
