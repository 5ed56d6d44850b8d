// Functions that call each other (a tangle) around a counter: `sendMessageStream(…, turns)` calls
// `processTurn(…, boundedTurns)`, which stops when `!boundedTurns` and otherwise calls
// `sendMessageStream(…, boundedTurns − 1)`. When a counter argument is handed round every cycle,
// one smaller at least once on each, every cycle meets a base case on it, and an invocation
// re-enters the tangle at most once, the tangle's first function runs at most the counter's
// value at entry (plus one) times: a recursion of that many rounds. Syntax only; the analyzer
// prices a round. Anything else says why it is not bounded.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import { exits } from "./controlFlow";
import type { Loops } from "./loops";

export interface TangleMember {
  readonly fn: ts.SignatureDeclaration;
  readonly name: string;
}

export type CountedTangle =
  | {
      readonly kind: "counted";
      /** The member the rounds are counted from: one with a base case, the tangle's first if it has one. */
      readonly root: TangleMember;
      /** The counter's value when the root is entered: its parameter, or `Math.min(turns, MAX_TURNS)`. */
      readonly cap: ts.Expression;
      /** `boundedTurns − 1`: how the counter steps, for the derivation. */
      readonly step: string;
      /** The root checks the counter before it makes any request: its last invocation costs nothing. */
      readonly baseFirst: boolean;
      /** Every round runs every member once and the counter stops at 0 one step at a time: exactly cap rounds. */
      readonly exact: boolean;
    }
  | {
      /** Rounds no count in the code states: as many as data decides (`unbounded`), or one per piece of a parameter handed back at every depth. */
      readonly kind: "uncounted";
      readonly root: TangleMember;
      readonly unbounded: boolean;
      /** Why the rounds have no count in the code, or what they are one of: for the count's origin. */
      readonly why: string;
    }
  | { readonly kind: "unknown"; readonly reason: string };

interface Edge {
  readonly from: TangleMember;
  readonly to: TangleMember;
  readonly call: ts.CallExpression;
}

/** Whether a tangle's member calls (the calls of other members, or of itself) bound it by a counter; `root` is its first function, counted from if it has a base case. */
export function countedTangle(t: TS, scopes: Scopes, constants: Constants, loops: Loops, memberOf: (call: ts.CallExpression) => ts.Node | undefined, members: readonly TangleMember[], root: ts.Node, makesRequests: (call: ts.CallExpression) => boolean, isEntry: (fn: ts.Node) => boolean): CountedTangle {
  const byFn = new Map<ts.Node, TangleMember>(members.map((m) => [m.fn, m]));
  const line = (n: ts.Node): number => n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const names = members.map((m) => m.name).join(" ↔ ");
  const unknown = (why: string): CountedTangle => ({ kind: "unknown", reason: `functions that call each other (${names}): ${why}` });
  const edges: Edge[] = [];
  for (const m of members) {
    const body = (m.fn as { body?: ts.Node }).body;
    if (!body) continue;
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && loops.enclosingFunction(n) === m.fn) {
        const to = byFn.get(memberOf(n) as ts.Node);
        if (to) edges.push({ from: m, to, call: n });
      }
      if (t.isFunctionLike(n) && !loops.callbackHost(n)) return;
      t.forEachChild(n, visit);
    };
    t.forEachChild(body, visit);
  }

  // Which parameter of each member is the counter: seeded by a call passing `x − k`, spread along the calls.
  const counter = new Map<TangleMember, number>();
  const param = (m: TangleMember, i: number): ts.ParameterDeclaration | undefined => {
    const p = m.fn.parameters[i];
    return p && t.isIdentifier(p.name) ? p : undefined;
  };
  /** `x`, or a const of its (`const boundedTurns = Math.min(turns, MAX_TURNS)`), is no more than parameter p. */
  const isCounter = (e: ts.Expression, p: ts.ParameterDeclaration, depth = 0): boolean => {
    const x = constants.skipTrivia(e);
    if (t.isIdentifier(x)) {
      const decl = scopes.resolve(x);
      if (decl === p) return true;
      return depth < 3 && !!decl && t.isVariableDeclaration(decl) && constants.isConstDeclaration(decl) && !!decl.initializer && isCounter(decl.initializer, p, depth + 1);
    }
    return depth < 3 && isMathMin(x) && x.arguments.some((a) => isCounter(a, p, depth + 1));
  };
  const isMathMin = (x: ts.Expression): x is ts.CallExpression => t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && t.isIdentifier(x.expression.expression) && x.expression.expression.text === "Math" && x.expression.name.text === "min";
  /** The argument against the caller's counter: one k smaller, the same, or neither. */
  const relation = (arg: ts.Expression | undefined, p: ts.ParameterDeclaration | undefined): { down: number } | undefined => {
    if (!arg || !p) return undefined;
    const x = constants.skipTrivia(arg);
    if (isCounter(x, p)) return { down: 0 };
    if (t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.MinusToken && isCounter(x.left, p)) {
      const k = constants.number(x.right);
      return k !== undefined && k >= 1 ? { down: k } : undefined;
    }
    return undefined;
  };
  for (const e of edges) {
    if (counter.size) break;
    e.call.arguments.forEach((arg, i) => {
      if (counter.size || !param(e.to, i)) return;
      e.from.fn.parameters.forEach((_, j) => {
        const r = relation(arg, param(e.from, j));
        if (!counter.size && r && r.down > 0) {
          counter.set(e.from, j);
          if (e.to !== e.from || i === j) counter.set(e.to, i);
          else counter.clear();
        }
      });
    });
  }
  // Every cycle passes the member the rounds are counted from (an entry, one with a base case if it can be).
  const acyclicWithout = (drop: (e: Edge) => boolean): boolean => {
    const state = new Map<TangleMember, 1 | 2>();
    const cyclic = (m: TangleMember): boolean => {
      state.set(m, 1);
      for (const e of edges) {
        if (e.from !== m || drop(e)) continue;
        const s = state.get(e.to);
        if (s === 1 || (s === undefined && cyclic(e.to))) return true;
      }
      state.set(m, 2);
      return false;
    };
    return members.every((m) => state.has(m) || !cyclic(m));
  };
  const through = (m: TangleMember): boolean => acyclicWithout((e) => e.from === m || e.to === m);
  const ordered = [byFn.get(root)!, ...members.filter((m) => m.fn !== root)];
  const rootWhere = (prefer: (m: TangleMember) => boolean): TangleMember | undefined => ordered.find((m) => isEntry(m.fn) && prefer(m) && through(m)) ?? ordered.find((m) => isEntry(m.fn) && through(m)) ?? ordered.find((m) => prefer(m) && through(m));

  if (!counter.size) {
    const parts = overParts(t, scopes, constants, loops, edges, line);
    const partsRoot = parts?.structural && acyclicWithout((e) => parts.structural!.has(e)) ? rootWhere(() => true) : undefined;
    if (parts && partsRoot) return { kind: "uncounted", root: partsRoot, unbounded: false, why: parts.text };
    return unknown(parts ? parts.reason : "no argument is passed round them one smaller each time, so nothing in the code bounds how often they run");
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      const j = counter.get(e.from);
      if (j !== undefined && !counter.has(e.to)) {
        const i = e.call.arguments.findIndex((a, k) => !!param(e.to, k) && !!relation(a, param(e.from, j)));
        if (i >= 0) {
          counter.set(e.to, i);
          changed = true;
        }
      }
      const i = counter.get(e.to);
      if (i !== undefined && !counter.has(e.from)) {
        const k = e.from.fn.parameters.findIndex((_, x) => !!relation(e.call.arguments[i], param(e.from, x)));
        if (k >= 0) {
          counter.set(e.from, k);
          changed = true;
        }
      }
    }
  }
  const steps = new Map<Edge, number>();
  for (const e of edges) {
    const i = counter.get(e.to);
    const j = counter.get(e.from);
    const r = i !== undefined && j !== undefined ? relation(e.call.arguments[i], param(e.from, j)) : undefined;
    const where = `${e.from.name} calls ${e.to.name} at line ${line(e.call)}`;
    if (!r) return unknown(`${where} without handing on the counter${i !== undefined && param(e.to, i) ? ` ${param(e.to, i)!.name.getText()}` : ""} (the same or smaller), so nothing in the code bounds how often they run`);
    steps.set(e, r.down);
  }

  // Every cycle must lower the counter, meet a base case, and pass through the root (whose later passes price the others).
  const counterText = (m: TangleMember): string => param(m, counter.get(m)!)!.name.getText();
  const down = edges.find((e) => steps.get(e)! > 0)!;
  const stepArg = constants.skipTrivia(down.call.arguments[counter.get(down.to)!]!);
  // `turns - 1` told as `turns − 1`, from the expression's parts (no pattern over the user's text).
  const stepText = t.isBinaryExpression(stepArg) && stepArg.operatorToken.kind === t.SyntaxKind.MinusToken ? `${stepArg.left.getText()} − ${stepArg.right.getText()}` : stepArg.getText();
  if (!acyclicWithout((e) => steps.get(e)! > 0)) {
    const same = edges.find((e) => steps.get(e) === 0 && e.from === e.to) ?? edges.find((e) => steps.get(e) === 0)!;
    return unknown(`a cycle through ${same.from.name} → ${same.to.name} (line ${line(same.call)}) hands the counter on unchanged, so nothing bounds how often it runs`);
  }

  const bases = new Map<TangleMember, { stmt: ts.IfStatement; zero: boolean; below: number }>();
  for (const m of members) {
    const b = baseCase(t, constants, m, edges, (e) => isCounter(e, param(m, counter.get(m)!)!));
    if (b) bases.set(m, b);
  }
  if (!acyclicWithout((e) => bases.has(e.from) || bases.has(e.to))) {
    const self = edges.find((e) => e.from === e.to && !bases.has(e.from));
    const open = members.filter((m) => !bases.has(m) && onCycleWithout(edges, m, (e) => bases.has(e.from) || bases.has(e.to)));
    const where = self ? `${self.from.name} calls itself at line ${line(self.call)} with ${stepText}` : `a cycle of calls through ${open.map((m) => m.name).join(", ")}`;
    // Nothing on such a cycle reads the counter but to hand it on: no code stops it, data decides (a hook's answer).
    const openRoot = open.every((m) => !testsCounter(t, m, (e) => isCounter(e, param(m, counter.get(m)!)!))) ? rootWhere((m) => open.includes(m)) : undefined;
    if (openRoot) {
      const zeroOnly = [...bases].find(([, b]) => b.zero);
      const past = zeroOnly ? `; ${zeroOnly[0].name} stops only when ${counterText(zeroOnly[0])} is exactly 0, which that way round steps past` : "";
      return { kind: "uncounted", root: openRoot, unbounded: true, why: `${where}, and nothing on that way round tests ${counterText(self?.from ?? open[0]!)} (no early return on it)${past}: data decides how many rounds run` };
    }
    return unknown(`${where} but no function on that cycle stops when ${self ? counterText(self.from) : "the counter"} reaches 0 (an early return on it), so nothing in the code bounds how often it runs`);
  }

  // An invocation re-enters the tangle at most once: a member call followed by another one must end the function.
  for (const m of members) {
    const own = edges.filter((e) => e.from === m).sort((a, b) => a.call.pos - b.call.pos);
    for (const e of own) {
      const loop = loops.around(e.call).find((l) => l.node.pos >= (m.fn as { body?: ts.Node }).body!.pos);
      if (loop) return unknown(`${m.name} calls ${e.to.name} inside a loop (line ${line(e.call)}): each round may start several, so the rounds multiply`);
    }
    const reentering = own.slice(0, -1).find((e) => !endsFunction(t, e.call, m.fn));
    if (reentering) {
      const next = own[own.indexOf(reentering) + 1]!;
      return unknown(`${m.name} may call ${reentering.to.name} (line ${line(reentering.call)}) and then ${next.to.name} (line ${line(next.call)}) in one invocation: each round may start two, so the rounds multiply (up to 2 to the counter's power)`);
    }
  }

  // Counted from where the tangle is entered (a member others call), one with a base case if it can be: every cycle must pass through it.
  const rootMember = rootWhere((m) => bases.has(m));
  if (!rootMember) return unknown("no one of them is passed through by every cycle of calls, where the rounds could be counted");
  // `!n` (and `n === 0`) stops only at 0 itself: every way round must step it by exactly one.
  for (const [m, b] of bases) {
    if (!b.zero) continue;
    if (!everyCycleStepsOne(edges, steps, m)) return unknown(`${m.name} stops only when ${counterText(m)} is exactly 0, and a way round steps it by more than one, so it may pass 0`);
  }

  const rootBase = bases.get(rootMember);
  const body = (rootMember.fn as { body?: ts.Node }).body;
  const before = rootBase && body && t.isBlock(body) ? body.statements.slice(0, body.statements.indexOf(rootBase.stmt)) : undefined;
  const baseFirst = !!before && before.every((s) => !containsCall(t, s, makesRequests));
  // Entered where there is no base case, the root runs once more than the counter (the round that reaches the base case).
  const oneEach = members.every((m) => edges.filter((e) => e.from === m).length === 1);
  const exact = baseFirst && rootBase!.below === 0 && bases.size === 1 && oneEach && edges.every((e) => steps.get(e)! <= 1) && edges.every((e) => alwaysRuns(t, e.call, e.from.fn, bases.get(e.from)?.stmt));
  const counterParam = param(rootMember, counter.get(rootMember)!)!;
  return { kind: "counted", root: rootMember, cap: capOf(t, rootMember, counterParam, isCounter, isMathMin) ?? (counterParam.name as ts.Identifier), step: stepText, baseFirst, exact };
}

/** The root's counter's value: a top-level `const b = Math.min(turns, MAX_TURNS)` of its body, else the parameter. */
function capOf(t: TS, m: TangleMember, p: ts.ParameterDeclaration, isCounter: (e: ts.Expression, p: ts.ParameterDeclaration) => boolean, isMathMin: (x: ts.Expression) => x is ts.CallExpression): ts.Expression | undefined {
  const body = (m.fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  for (const s of body.statements) {
    if (!t.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) if (d.initializer && isMathMin(d.initializer) && isCounter(d.initializer, p)) return d.initializer;
  }
  return undefined;
}

/**
 * `if (!n) return`, `if (n <= 0) return …`, `if (n < 1 || …) { …; return }` among the body's
 * statements before its first member call: where the member stops on its counter (`zero`: only at
 * 0 itself; `below`: how far above 0 it already stops).
 */
function baseCase(t: TS, constants: Constants, m: TangleMember, edges: readonly Edge[], isCounter: (e: ts.Expression) => boolean): { stmt: ts.IfStatement; zero: boolean; below: number } | undefined {
  const body = (m.fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return undefined;
  const first = Math.min(...edges.filter((e) => e.from === m).map((e) => e.call.pos));
  const K = t.SyntaxKind;
  const stops = (c: ts.Expression): { zero: boolean; below: number } | undefined => {
    const x = constants.skipTrivia(c);
    if (t.isBinaryExpression(x) && x.operatorToken.kind === K.BarBarToken) return stops(x.left) ?? stops(x.right);
    if (t.isPrefixUnaryExpression(x) && x.operator === K.ExclamationToken && isCounter(x.operand)) return { zero: true, below: 0 };
    if (!t.isBinaryExpression(x)) return undefined;
    const op = x.operatorToken.kind;
    const [counterLeft, k] = isCounter(x.left) ? [true, constants.number(x.right)] : isCounter(x.right) ? [false, constants.number(x.left)] : [false, undefined];
    if (k === undefined) return undefined;
    // Written as counter OP k (flipped when the counter is on the right).
    const o = counterLeft ? op : op === K.LessThanToken ? K.GreaterThanToken : op === K.LessThanEqualsToken ? K.GreaterThanEqualsToken : op === K.GreaterThanToken ? K.LessThanToken : op === K.GreaterThanEqualsToken ? K.LessThanEqualsToken : op;
    if ((o === K.EqualsEqualsEqualsToken || o === K.EqualsEqualsToken) && k === 0) return { zero: true, below: 0 };
    if (o === K.LessThanEqualsToken && k >= 0) return { zero: false, below: k };
    if (o === K.LessThanToken && k >= 1) return { zero: false, below: k - 1 };
    return undefined;
  };
  for (const s of body.statements) {
    if (s.pos >= first) break;
    if (!t.isIfStatement(s) || !exits(t, s.thenStatement)) continue;
    const b = stops(s.expression);
    if (b) return { stmt: s, ...b };
  }
  return undefined;
}

/** Whether every way from `m` back to itself lowers the counter by exactly one (no more than 4,096 ways are walked). */
function everyCycleStepsOne(edges: readonly Edge[], steps: ReadonlyMap<Edge, number>, m: TangleMember): boolean {
  let budget = 4096;
  const onPath = new Set<TangleMember>();
  const walk = (at: TangleMember, lowered: number): boolean => {
    if (--budget < 0) return false;
    for (const e of edges) {
      if (e.from !== at) continue;
      const d = lowered + steps.get(e)!;
      if (e.to === m) {
        if (d !== 1) return false;
        continue;
      }
      if (d > 1 || onPath.has(e.to)) continue;
      onPath.add(e.to);
      const ok = walk(e.to, d);
      onPath.delete(e.to);
      if (!ok) return false;
    }
    return true;
  };
  return walk(m, 0);
}

/** `return f(…)`, or `x = yield* f(…); return x;`: after the call, the function returns. */
function endsFunction(t: TS, call: ts.CallExpression, fn: ts.Node): boolean {
  let s: ts.Node = call;
  while (s.parent && !t.isBlock(s.parent) && !t.isSourceFile(s.parent) && s.parent !== fn) s = s.parent;
  if (t.isReturnStatement(s)) return true;
  const block = s.parent;
  if (!block || !t.isBlock(block)) return false;
  const next = block.statements[block.statements.indexOf(s as ts.Statement) + 1];
  return !!next && (t.isReturnStatement(next) || t.isThrowStatement(next));
}

/** The call is a statement of the function's own body (through await, yield*, an assignment) with no earlier way out but the base case. */
function alwaysRuns(t: TS, call: ts.CallExpression, fn: ts.Node, base: ts.Statement | undefined): boolean {
  const body = (fn as { body?: ts.Node }).body;
  if (!body || !t.isBlock(body)) return false;
  let s: ts.Node = call;
  while (s.parent && s.parent !== body) {
    const p = s.parent;
    const plain = t.isAwaitExpression(p) || t.isYieldExpression(p) || t.isParenthesizedExpression(p) || t.isExpressionStatement(p) || t.isReturnStatement(p) || t.isVariableDeclaration(p) || t.isVariableDeclarationList(p) || t.isVariableStatement(p) || (t.isBinaryExpression(p) && p.operatorToken.kind === t.SyntaxKind.EqualsToken && p.right === s);
    if (!plain) return false;
    s = p;
  }
  const earlier = body.statements.slice(0, body.statements.indexOf(s as ts.Statement));
  return earlier.every((x) => x === base || !leaves(t, x));
}

/** A statement holding a return or throw of its own function. */
function leaves(t: TS, s: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || t.isFunctionLike(n)) return;
    if (t.isReturnStatement(n) || t.isThrowStatement(n)) found = true;
    else t.forEachChild(n, visit);
  };
  visit(s);
  return found;
}

function containsCall(t: TS, s: ts.Node, makesRequests: (call: ts.CallExpression) => boolean): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isCallExpression(n) && makesRequests(n)) found = true;
    else t.forEachChild(n, visit);
  };
  visit(s);
  return found;
}

/** Whether `m` reaches itself by calls, leaving out those `drop` says. */
function onCycleWithout(edges: readonly Edge[], m: TangleMember, drop: (e: Edge) => boolean): boolean {
  const seen = new Set<TangleMember>();
  const reaches = (at: TangleMember): boolean => {
    for (const e of edges) {
      if (e.from !== at || drop(e)) continue;
      if (e.to === m) return true;
      if (!seen.has(e.to)) {
        seen.add(e.to);
        if (reaches(e.to)) return true;
      }
    }
    return false;
  };
  return reaches(m);
}

/** Whether the member's own body compares its counter (`!n`, `n <= 1`, `n === 0` …) anywhere: a guard this module does not read as a base case may stop it. */
function testsCounter(t: TS, m: TangleMember, isCounter: (e: ts.Expression) => boolean): boolean {
  const K = t.SyntaxKind;
  const comparisons = new Set([K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken, K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken, K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken]);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isPrefixUnaryExpression(n) && n.operator === K.ExclamationToken && isCounter(n.operand)) found = true;
    else if (t.isBinaryExpression(n) && comparisons.has(n.operatorToken.kind) && (isCounter(n.left) || isCounter(n.right))) found = true;
    else if ((t.isIfStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n) || t.isConditionalExpression(n)) && isCounter((n as { expression?: ts.Expression; condition?: ts.Expression }).expression ?? (n as ts.ConditionalExpression).condition)) found = true;
    else if (t.isForStatement(n) && n.condition && isCounter(n.condition)) found = true;
    else t.forEachChild(n, visit);
  };
  const body = (m.fn as { body?: ts.Node }).body;
  if (body) visit(body);
  return found;
}

/**
 * A tangle re-entered from a loop over pieces of its input (`for (const detail of subCommands)
 * … this.check({ command: detail.text })`): a structural recursion over parts. Each part may be
 * split again, so the rounds are as many as the parts at every depth, a count no expression of the
 * code states; re-entered twice an iteration (a part, and a piece of it), a part is checked again
 * inside another's check, so one nested d deep runs 2^d times. When every cycle passes such a call
 * handing on a piece of the loop's element (`structural`), the rounds are that count; else the
 * reason says why there is none.
 */
/** Calls that build a collection from their arguments or a callback's results (`Array.of(command, command)`, `xs.concat([command])`, `xs.map(() => command)`). */
const gathers: ReadonlySet<string> = new Set(["of", "concat", "push", "unshift", "fill", "with", "toSpliced", "splice", "map", "flatMap", "reduce", "reduceRight"]);
/** Calls whose result holds what their receiver (or, on `Array`/`Object`, their first argument) holds. */
const keeps: ReadonlySet<string> = new Set(["from", "values", "entries", "keys", "filter", "flat", "slice", "reverse", "sort", "toSorted", "toReversed"]);

function overParts(t: TS, scopes: Scopes, constants: Constants, loops: Loops, edges: readonly Edge[], line: (n: ts.Node) => number): { text: string; reason: string; structural?: ReadonlySet<Edge> } | undefined {
  // The loop's collection is computed from a parameter (`parseCommandDetails(command).details`), not a field.
  const from = (e: ts.Node, is: (d: ts.Node) => boolean, depth = 0): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      // A property's name (`{ command: part }`, `detail.text`) is no reference.
      if (t.isPropertyAssignment(n)) return visit(n.initializer);
      if (t.isPropertyAccessExpression(n)) return visit(n.expression);
      if (t.isIdentifier(n)) {
        const decl = scopes.resolve(n);
        if (decl && is(decl)) found = true;
        else if (depth < 4 && decl && t.isVariableDeclaration(decl) && decl.initializer && constants.isConstDeclaration(decl)) found = from(decl.initializer, is, depth + 1);
      }
      t.forEachChild(n, visit);
    };
    visit(e);
    return found;
  };
  const inLoop = edges.flatMap((e) => {
    const body = (e.from.fn as { body?: ts.Node }).body;
    const loop = body && loops.around(e.call).find((l) => l.node.pos >= body.pos && !l.dataDependent && t.isForOfStatement(l.node) && from(l.node.expression, (d) => t.isParameter(d) && d.parent === e.from.fn));
    return loop ? [{ e, loop }] : [];
  });
  const first = inLoop[0];
  if (!first) return undefined;
  const same = inLoop.filter((x) => x.loop.node === first.loop.node);
  const where = `${first.e.from.name} calls ${first.e.to.name} in a loop over ${first.loop.tripText} (line ${first.loop.line})`;
  // A call handing on a piece: the element or something made of it (`{ command: stripShellWrapper(detail.text) }`),
  // and not the parameter the pieces were cut from (`b(xs, x)` may start over on all of xs).
  const element = (x: { e: Edge; loop: { node: ts.Node } }): boolean => {
    const loop = x.loop.node as ts.ForOfStatement;
    const declared = new Set<ts.Node>();
    const collect = (n: ts.Node): void => {
      if (t.isVariableDeclaration(n) || t.isBindingElement(n)) declared.add(n);
      t.forEachChild(n, collect);
    };
    collect(loop.initializer);
    const cutFrom = x.e.from.fn.parameters.filter((p) => from(loop.expression, (d) => d === p));
    return x.e.call.arguments.some((a) => from(a, (d) => declared.has(d))) && !x.e.call.arguments.some((a) => from(a, (d) => cutFrom.includes(d as ts.ParameterDeclaration)));
  };
  // The collection is cut from the input by a call (`command.split("&&")`, `parse(command).details`), so no element
  // is the input itself; an array literal (`[command, command]`), the parameter, or anything not known to be cut may
  // hold the whole input, and a recursion over it need never end.
  const cut = (e: ts.Expression, depth = 0): boolean => {
    if (depth > 4) return false;
    if (t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isNonNullExpression(e) || t.isAwaitExpression(e) || t.isSatisfiesExpression(e)) return cut(e.expression, depth + 1);
    if (t.isPropertyAccessExpression(e) || t.isElementAccessExpression(e)) return cut(e.expression, depth + 1);
    // `parsed?.details ?? []`: a fallback that holds nothing holds no input either.
    const empty = (b: ts.Expression): boolean => t.isArrayLiteralExpression(b) && b.elements.length === 0;
    if (t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) return cut(e.left, depth + 1) && (empty(e.right) || cut(e.right, depth + 1));
    if (t.isConditionalExpression(e)) return (empty(e.whenTrue) || cut(e.whenTrue, depth + 1)) && (empty(e.whenFalse) || cut(e.whenFalse, depth + 1));
    if (t.isIdentifier(e)) {
      const decl = scopes.resolve(e);
      return !!decl && t.isVariableDeclaration(decl) && !!decl.initializer && constants.isConstDeclaration(decl) && cut(decl.initializer, depth + 1);
    }
    if (!t.isCallExpression(e)) return false;
    const callee = e.expression;
    const name = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : undefined;
    if (name === undefined || gathers.has(name)) return false;
    // `xs.filter(…)`, `Array.from(xs)` keep what they are given: cut only if that was.
    if (t.isPropertyAccessExpression(callee) && keeps.has(name)) {
      const whole = t.isIdentifier(callee.expression) && (callee.expression.text === "Array" || callee.expression.text === "Object") ? e.arguments[0] : callee.expression;
      // `Array.from(xs, (x) => command)` maps as it copies.
      return !!whole && !(whole === e.arguments[0] && e.arguments.length > 1) && cut(whole, depth + 1);
    }
    return true;
  };
  const elementOnly = inLoop.filter(element);
  const handed = elementOnly.filter((x) => cut((x.loop.node as ts.ForOfStatement).expression));
  const structural = handed.length ? new Set(handed.map((x) => x.e)) : undefined;
  if (!structural && elementOnly.length) {
    const reason = `${where}, a collection not cut from the input by a call, which may hold the input itself: a recursion that need not end`;
    return { reason, text: reason };
  }
  if (same.length > 1) {
    const lines = `lines ${same.map((x) => line(x.e.call)).join(", ")}`;
    return { reason: `${where}, ${same.length} times an iteration (${lines}): a recursion over parts that may check a part again inside another's check, so no count of the parts bounds the calls`, text: `${where}, ${same.length} times an iteration (${lines}): one for each part at every depth, and a part may be checked again inside another's check (one nested d deep ${same.length}^d times)`, ...(structural ? { structural } : {}) };
  }
  return { reason: `${where}: a recursion over parts that may be split again at every depth, which no count in the code bounds`, text: `${where}: one for each part at every depth`, ...(structural ? { structural } : {}) };
}
