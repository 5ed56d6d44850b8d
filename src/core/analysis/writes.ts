// What the code writes to a variable or field: growth (push, unshift, splice inserts, +=, concat
// and spread of itself), resets (= [], length = 0), windows (slice(-N), shift()/splice under a
// length test), rewrites by a model's answer, and other reassignments, each marked conditional when
// it runs on some paths only. The accumulation reads them to size a variable at a call.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { Defined } from "../symbols";
import type { LoopInfo } from "./loops";
import { SizePart } from "./sizeContext";
import { meanOf, sizeAtIteration, withMean, type Size } from "./sizeValues";
import { substitute } from "./summary";

/** Elements the growing writes add in one round of each (`push(a, b)` adds two). */
export function elementsAdded(writes: readonly Write[]): number {
  return writes.filter((w) => w.kind === "grow").reduce((n, w) => n + (w.delta?.length ?? 1), 0);
}

export interface Write {
  readonly node: ts.Node;
  readonly kind: "grow" | "reset" | "window" | "reassign" | "rewrite";
  readonly delta?: ts.Expression[];
  /** For "grow" by a result's history: the call whose output is added. */
  readonly outputOf?: ts.CallExpression;
  readonly cap?: number;
  readonly conditional: boolean;
  /** A grow of the variable's field, not of the variable itself (`state.messages.push(x)`): that field's name. */
  readonly field?: string;
  /**
   * A grow a callee makes in loops of its own (`for (const r of rs) h.push(r)` in `addAll(h, rs)`):
   * how many times each delta is added per call, in the caller's terms (`|batch|`); one when absent.
   */
  readonly times?: Poly;
}

/** A delta's size as many times as the write adds it per round (Write.times). */
export function repeated(size: Size, w: Write): Size {
  if (!w.times) return size;
  return withMean({ ...size, poly: size.poly.mul(w.times) }, meanOf(size).mul(w.times), sizeAtIteration(size).mul(w.times));
}

const GROWING = new Set(["push", "unshift"]);

export class Writes extends SizePart {
  /** Memos whose results hold symbols keep their definitions, to repeat for each reader (SymbolTable.record). */
  private readonly writesMemo = new Map<ts.Node, { readonly writes: Write[]; defined: Defined }>();

  /** Every write to a variable, classified (memoised per declaration). */
  writesOf(decl: ts.Node, name: string): Write[] {
    const memo = this.writesMemo.get(decl);
    if (memo) {
      this.symbols.repeat(memo.defined);
      return memo.writes;
    }
    const entry = { writes: [] as Write[], defined: { own: new Map(), offered: new Map() } as Defined };
    this.writesMemo.set(decl, entry);
    // A const string or number cannot change: no need to read every use of a shared prompt.
    if (this.isConstPrimitive(decl)) return entry.writes;
    entry.defined = this.symbols.record(() => {
      for (const ref of this.scopes.referencesTo(decl, name)) {
        const w = this.classifyWrite(ref, decl);
        if (w) entry.writes.push(w);
      }
    }).defined;
    return entry.writes;
  }

  private readonly fieldWritesMemo = new Map<ts.Node, Map<string, { readonly writes: Write[]; defined: Defined }>>();

  /**
   * Every write to a field of a variable or parameter (`state.history.push(x)`, `state.history = []`):
   * a run state whose field array a loop appends to and sends whole (memoised per declaration and field).
   */
  fieldWritesOf(decl: ts.Node, root: string, field: string): Write[] {
    const t = this.ts;
    let byField = this.fieldWritesMemo.get(decl);
    if (!byField) this.fieldWritesMemo.set(decl, (byField = new Map()));
    const memo = byField.get(field);
    if (memo) {
      this.symbols.repeat(memo.defined);
      return memo.writes;
    }
    const entry = { writes: [] as Write[], defined: { own: new Map(), offered: new Map() } as Defined };
    byField.set(field, entry);
    const isSelf = (n: ts.Node): boolean => t.isPropertyAccessExpression(n) && n.name.text === field && t.isIdentifier(n.expression) && this.scopes.resolve(n.expression) === decl;
    entry.defined = this.symbols.record(() => {
      for (const ref of this.scopes.referencesTo(decl, root)) {
        if (!isSelf(ref.parent)) continue;
        const w = this.classifyWrite(ref.parent as ts.PropertyAccessExpression, decl, isSelf);
        if (w) entry.writes.push(w);
      }
    }).defined;
    return entry.writes;
  }

  private isConstPrimitive(decl: ts.Node): boolean {
    const t = this.ts;
    if (!t.isVariableDeclaration(decl) || !decl.initializer || !(t.getCombinedNodeFlags(decl) & t.NodeFlags.Const)) return false;
    const init = this.constants.skipTrivia(decl.initializer);
    return t.isStringLiteralLike(init) || t.isNumericLiteral(init) || t.isTemplateExpression(init);
  }

  classifyWrite(ref: ts.Expression, decl: ts.Node, isSelf: (n: ts.Node) => boolean = (n) => this.isSelfOrAlias(n, decl, ref, 0)): Write | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    const p = ref.parent;
    const conditional = (this.isConditional(ref, decl) || this.afterContinue(ref, decl)) && !this.emptiesUnderOwnTest(ref);
    // `v.f.push(x)`: the field grows, and the object with it; `helper(v)`, `this.helper(v.f)`: a function
    // of this file that grows its parameter grows what it is passed.
    const field = t.isPropertyAccessExpression(p) && p.expression === ref ? p : undefined;
    const fieldCall = field && t.isPropertyAccessExpression(field.parent) && field.parent.expression === field && GROWING.has(field.parent.name.text) && t.isCallExpression(field.parent.parent) && field.parent.parent.expression === field.parent ? field.parent.parent : undefined;
    if (fieldCall) return { node: fieldCall, kind: "grow", delta: fieldCall.arguments.map((a) => (t.isSpreadElement(a) ? a.expression : a)), conditional, field: field!.name.text };
    const passed = field ?? ref;
    if (t.isCallExpression(passed.parent) && passed.parent.arguments.includes(passed)) return this.grownByCallee(passed.parent, passed.parent.arguments.indexOf(passed), conditional, field?.name.text);
    // v.push(x), v.unshift(x), v.splice(i, n, ...xs), v.length = 0, v.shift() under a length test
    if (t.isPropertyAccessExpression(p) && p.expression === ref) {
      const m = p.name.text;
      const call = p.parent;
      if (t.isCallExpression(call) && call.expression === p) {
        const args = call.arguments.map((a) => (t.isSpreadElement(a) ? a.expression : a));
        if (m === "push" || m === "unshift") return { node: call, kind: "grow", delta: args, conditional };
        if (m === "splice") {
          if (args.length <= 1 && this.constants.number(args[0]) === 0) return { node: call, kind: "reset", conditional };
          if (args.length > 2) return { node: call, kind: "grow", delta: args.slice(2), conditional };
          return this.windowByRemoval(call, ref.getText(this.scopes.sourceFile));
        }
        if (m === "shift" || m === "pop") return this.windowByRemoval(call, ref.getText(this.scopes.sourceFile));
      }
      if (m === "length" && t.isBinaryExpression(call) && call.left === p && call.operatorToken.kind === K.EqualsToken && this.constants.number(call.right) === 0) {
        return { node: call, kind: "reset", conditional };
      }
      return undefined;
    }
    if (!t.isBinaryExpression(p) || p.left !== ref) return undefined;
    const op = p.operatorToken.kind;
    if (op === K.PlusEqualsToken) {
      // `i += 1` on a counter that starts as a number counts, it does not append text.
      if (this.constants.number(p.right) !== undefined && t.isVariableDeclaration(decl) && this.constants.number(decl.initializer) !== undefined) return undefined;
      return { node: p, kind: "grow", delta: [p.right], conditional };
    }
    if (op !== K.EqualsToken) return undefined;
    const rhs = this.constants.skipTrivia(p.right);
    const window = this.windowCap(rhs, isSelf);
    if (window !== undefined) return { node: p, kind: "window", cap: window, conditional };
    // `v = answer ?? v`: the answer decides the size; the fallback only keeps the old value.
    const answer = this.parts.flow.withoutFallback(rhs);
    const producer = this.parts.flow.producingCall(answer);
    // A variable assigned the response object itself (`response = await create({ messages })`) whose parts a
    // history keeps holds the next answer, not a rewrite of the last: only a direct read of it rewrites.
    const sources = producer && (this.constants.skipTrivia(answer) === producer ? this.parts.flow.rewriteSources(producer) : this.parts.flow.promptSources(producer));
    if (producer && sources!.has(decl)) {
      if (this.parts.flow.readsHistoryProperty(answer)) return { node: p, kind: "grow", outputOf: producer, conditional };
      // `result = await run(agent, [...result.history, q])`: the new result's history is the old one, q and the answer.
      const added = this.parts.flow.addedToHistory(producer, decl);
      if (added) return { node: p, kind: "grow", delta: added, outputOf: producer, conditional };
      return { node: p, kind: "rewrite", conditional };
    }
    // `this.topK = fields.topK ?? this.topK`: the old value kept as a fallback is not added to.
    const replacement = this.fallbackTo(rhs, isSelf);
    if (replacement) return { node: p, kind: "reassign", delta: [replacement], conditional: true };
    const self = this.selfReferences(rhs, isSelf);
    const added = this.othersThan(rhs, self);
    // `x = candidate` with `const candidate = answer ?? x`: an alias alone adds nothing; it replaces (below).
    const aliasOnly = added.length === 0 && self.every((r) => t.isIdentifier(r) && this.scopes.resolve(r) !== decl);
    if (self.length && !aliasOnly) return { node: p, kind: "grow", delta: added, conditional };
    return { node: p, kind: conditional ? "reassign" : "reset", delta: [p.right], conditional };
  }

  /**
   * How many times a write at `inner` in the function `fn` runs per call `call` of it: the product of
   * fn's own loops around it, each trip in the call's terms (a loop over the parameter `rs` runs
   * |arg| times for the argument given there; a count parameter `n`, the argument as a count).
   */
  timesPerCall(inner: ts.Node, fn: ts.SignatureDeclaration, call: ts.CallExpression): Poly {
    const t = this.ts;
    const own = this.ownLoops(inner, fn);
    if (own.length === 0) return Poly.one;
    const values = new Map<string, Poly>();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (!t.isIdentifier(p.name) || p.dotDotDotToken || !arg || t.isSpreadElement(arg)) return;
      values.set(`|${p.name.text}|`, this.loops.collection(arg).trip);
      values.set(p.name.text, this.loops.count(arg).trip);
    });
    return substitute(Poly.product(own.map((l) => l.trip)), values);
  }

  private ownLoops(inner: ts.Node, fn: ts.Node): LoopInfo[] {
    return this.loops.around(inner).filter((l) => l.node.pos >= fn.pos && l.node.end <= fn.end);
  }

  /**
   * `append(history, x)` with `function append(h, x) { h.push(x) }` (or `h.messages.push(x)`): what
   * the callee adds to its parameter, added at the call (its parameters are sized as the call's
   * arguments there, see ExpressionSizes). A push inside the callee's own loop adds once per
   * iteration of it (`Write.times`); pushes in loops of different lengths each count as often as all of them together.
   */
  private grownByCallee(call: ts.CallExpression, index: number, conditional: boolean, field: string | undefined): Write | undefined {
    const t = this.ts;
    const fn = this.constants.calledFunction(call);
    const param = fn?.parameters[index];
    if (!param || !t.isIdentifier(param.name) || param.dotDotDotToken) return undefined;
    const grows = this.writesOf(param, param.name.text).filter((w) => w.kind === "grow" && !w.outputOf && this.loops.enclosingFunction(w.node) === fn);
    if (!grows.length) return undefined;
    // What is passed whole grows by what the callee puts in it or in its fields; a field passed, by what it puts in it.
    const own = field === undefined ? grows : grows.filter((w) => w.field === undefined);
    if (!own.length) return undefined;
    const fields = new Set(own.map((w) => w.field));
    const inner = fields.size === 1 ? [...fields][0] : undefined;
    // One count for the merged deltas: the pushes' own when they agree, else their sum (each delta at most that often).
    const each = own.map((w) => this.timesPerCall(w.node, fn!, call));
    const times = each.every((x) => x.equals(each[0]!)) ? each[0]! : Poly.sum(each);
    return { node: call, kind: "grow", delta: own.flatMap((w) => w.delta ?? []), conditional: conditional || own.every((w) => w.conditional) || own.some((w) => this.ownLoops(w.node, fn!).some((l) => !l.exact)), ...(field ?? inner ? { field: field ?? inner } : {}), ...(times.isConstant() && times.constantValue() === 1 ? {} : { times }) };
  }

  /**
   * The variable itself, or a const read of it taken anew on each round of the loops the write is in
   * (`const input = next; const msgs = prep?.messages ?? input; next = [...msgs, ...reply]`): such an
   * alias holds the variable's current value (or, through `??`/`||`, a replacement sized where it is
   * read), so rebuilding the variable from it grows the variable. A copy taken once before the loop
   * (`const base = h; for (…) h = [...base, x]`) is the old value: not an alias here.
   */
  private isSelfOrAlias(n: ts.Node, decl: ts.Node, write: ts.Node, depth: number): boolean {
    const t = this.ts;
    if (!t.isIdentifier(n)) return false;
    const d = this.scopes.resolve(n);
    if (d === decl) return true;
    if (depth >= 4 || !d || !t.isVariableDeclaration(d) || !d.initializer || !this.constants.isConstDeclaration(d)) return false;
    const aliasLoops = new Set(this.loops.around(d).map((l) => l.node));
    const declLoops = new Set(this.loops.around(decl).map((l) => l.node));
    if (!this.loops.around(write).every((l) => declLoops.has(l.node) || aliasLoops.has(l.node))) return false;
    let init = this.constants.skipTrivia(d.initializer);
    if (t.isBinaryExpression(init) && (init.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || init.operatorToken.kind === t.SyntaxKind.BarBarToken)) init = this.constants.skipTrivia(init.right);
    return this.isSelfOrAlias(init, decl, write, depth + 1);
  }

  /** `while (h.length > N) h.shift()` or `if (h.length > N) h.splice(…)`: a window of N. */
  private windowByRemoval(call: ts.CallExpression, name: string): Write | undefined {
    // `name` is the collection as written (`history`, `this.history`).
    const t = this.ts;
    for (let n: ts.Node | undefined = call.parent; n && !t.isFunctionLike(n); n = n.parent) {
      const cond = t.isWhileStatement(n) || t.isIfStatement(n) ? n.expression : undefined;
      if (!cond) continue;
      const c = this.constants.skipTrivia(cond);
      if (t.isBinaryExpression(c) && t.isPropertyAccessExpression(c.left) && c.left.name.text === "length" && c.left.expression.getText(this.scopes.sourceFile) === name) {
        const cap = this.constants.number(c.right);
        // `while` removes until N are left; an `if` only when it cuts down to N in one go
        // (`splice(0, h.length - N)`): one `shift()` per turn does not keep up with two pushes.
        if (cap !== undefined && (t.isWhileStatement(n) || this.cutsDownTo(call, name))) return { node: call, kind: "window", cap, conditional: false };
      }
    }
    return undefined;
  }

  /** `h.splice(k, h.length - N)`: leaves N elements (the first k kept, e.g. a system message). */
  private cutsDownTo(call: ts.CallExpression, name: string): boolean {
    const t = this.ts;
    const [start, count] = call.arguments;
    if (!t.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "splice" || this.constants.number(start) === undefined || !count) return false;
    const c = this.constants.skipTrivia(count);
    return t.isBinaryExpression(c) && c.operatorToken.kind === t.SyntaxKind.MinusToken && c.left.getText(this.scopes.sourceFile).replace(/\s+/g, "") === `${name}.length`;
  }

  /** `v.slice(-N)`, `[...v.slice(-N), x]`, `v.slice(v.length - N)`: keeps N elements. */
  private windowCap(rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): number | undefined {
    const t = this.ts;
    const sliceCap = (e: ts.Expression): number | undefined => {
      const x = this.constants.skipTrivia(e);
      if (!t.isCallExpression(x) || !t.isPropertyAccessExpression(x.expression) || x.expression.name.text !== "slice") return undefined;
      const recv = this.constants.skipTrivia(x.expression.expression);
      if (!isSelf(recv)) return undefined;
      const a = x.arguments[0];
      const start = this.constants.number(a);
      if (start !== undefined && start < 0) return -start;
      if (a && t.isBinaryExpression(a) && a.operatorToken.kind === t.SyntaxKind.MinusToken) return this.constants.number(a.right);
      return undefined;
    };
    const direct = sliceCap(rhs);
    if (direct !== undefined) return direct;
    if (t.isArrayLiteralExpression(rhs)) {
      for (const el of rhs.elements) if (t.isSpreadElement(el)) {
        const cap = sliceCap(el.expression);
        if (cap !== undefined) return cap + rhs.elements.length - 1;
      }
    }
    return undefined;
  }

  /** `a ?? v`, `a || v`, `c ? a : v` (either branch): the value that replaces `v`, when `v` is only the fallback. */
  private fallbackTo(rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): ts.Expression | undefined {
    const t = this.ts;
    const self = (e: ts.Expression): boolean => isSelf(this.constants.skipTrivia(e));
    const other = (a: ts.Expression, b: ts.Expression): ts.Expression | undefined => (self(b) && !this.selfReferences(a, isSelf).length ? a : undefined);
    if (t.isBinaryExpression(rhs) && (rhs.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || rhs.operatorToken.kind === t.SyntaxKind.BarBarToken)) return other(rhs.left, rhs.right);
    if (t.isConditionalExpression(rhs)) return other(rhs.whenTrue, rhs.whenFalse) ?? other(rhs.whenFalse, rhs.whenTrue);
    return undefined;
  }

  private selfReferences(rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): ts.Expression[] {
    const t = this.ts;
    const out: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (isSelf(n)) out.push(n as ts.Expression);
      else if (!t.isFunctionLike(n)) t.forEachChild(n, visit);
    };
    visit(rhs);
    return out;
  }

  /** The parts of a self-referencing right side other than the variable itself: `[...v, x]` → x; `v + x` → x. */
  private othersThan(rhs: ts.Expression, self: readonly ts.Expression[]): ts.Expression[] {
    const t = this.ts;
    const e = this.constants.skipTrivia(rhs);
    const isSelf = (x: ts.Node): boolean => self.includes(this.constants.skipTrivia(x as ts.Expression));
    if (t.isArrayLiteralExpression(e)) return e.elements.filter((x) => !(t.isSpreadElement(x) && isSelf(x.expression))).map((x) => (t.isSpreadElement(x) ? x.expression : x));
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return [...(isSelf(e.left) ? [] : this.othersThan(e.left, self)), ...(isSelf(e.right) ? [] : this.othersThan(e.right, self))];
    if (t.isTemplateExpression(e)) return e.templateSpans.map((s) => s.expression).filter((x) => !isSelf(x));
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.name.text === "concat" && isSelf(e.expression.expression)) return e.arguments.map((a) => (t.isSpreadElement(a) ? a.expression : a));
    if (isSelf(e)) return [];
    return [e];
  }

  /**
   * `if (pending.length) { …; pending = []; }`: emptying an array only when it is not empty
   * leaves it empty either way, so the reset holds on every path.
   */
  private emptiesUnderOwnTest(ref: ts.Expression): boolean {
    const t = this.ts;
    const p = ref.parent;
    const empties = (t.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isArrayLiteralExpression(this.constants.skipTrivia(p.right)) && (this.constants.skipTrivia(p.right) as ts.ArrayLiteralExpression).elements.length === 0)
      || (t.isPropertyAccessExpression(p) && p.name.text === "length" && t.isBinaryExpression(p.parent) && p.parent.left === p && this.constants.number(p.parent.right) === 0);
    if (!empties) return false;
    const name = ref.getText(this.scopes.sourceFile);
    let guard: ts.IfStatement | undefined;
    for (let n: ts.Node = ref; n.parent && !t.isFunctionLike(n.parent) && !t.isIterationStatement(n.parent, false); n = n.parent) {
      if (t.isIfStatement(n.parent) && n.parent.thenStatement === n) {
        if (guard) return false;
        guard = n.parent;
      } else if (t.isIfStatement(n.parent) || t.isConditionalExpression(n.parent) || t.isCaseClause(n.parent) || t.isDefaultClause(n.parent) || t.isCatchClause(n.parent)) return false;
    }
    if (!guard) return false;
    const c = this.constants.skipTrivia(guard.expression);
    const isLength = (e: ts.Expression): boolean => {
      const x = this.constants.skipTrivia(e);
      return t.isPropertyAccessExpression(x) && x.name.text === "length" && x.expression.getText(this.scopes.sourceFile) === name;
    };
    if (isLength(c)) return true;
    return t.isBinaryExpression(c) && isLength(c.left) && this.constants.number(c.right) === 0 && [t.SyntaxKind.GreaterThanToken, t.SyntaxKind.ExclamationEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsToken].includes(c.operatorToken.kind);
  }

  /** Whether a write runs only on some paths of its enclosing loop body or function. */
  private isConditional(node: ts.Node, decl: ts.Node): boolean {
    // The walk stops at `decl` only when it lies above the write (`x = [...x, x.length ? … : …]` in
    // x's own initialiser): walked then. Otherwise the answer is the node's own, kept per node.
    if (decl.pos <= node.pos && node.end <= decl.end) return this.conditionalBelow(node, decl);
    const passed: ts.Node[] = [];
    let answer: boolean | undefined;
    for (let n: ts.Node = node; answer === undefined; ) {
      const known = this.conditionalMemo.get(n);
      const step = known ?? (n.parent ? this.conditionalStep(n, n.parent) : false);
      if (known === undefined) passed.push(n);
      if (step !== undefined) answer = step;
      else n = n.parent!;
    }
    for (const n of passed) this.conditionalMemo.set(n, answer);
    return answer;
  }

  /**
   * Whether a push runs once on every round of the loops that repeat `site`, and on no other round:
   * unconditional, in the site's function and its loops alone. A window's slots are shared out among
   * such pushes only (a push from another loop or method may fill them all).
   */
  pushesEveryRound(w: Write, site: ts.Node): boolean {
    if (w.kind !== "grow" || w.conditional || w.times) return false;
    if (this.loops.enclosingFunction(w.node) !== this.loops.enclosingFunction(site)) return false;
    const mine = this.loops.around(w.node);
    const theirs = this.loops.around(site);
    return mine.length === theirs.length && mine.every((l, i) => l.node === theirs[i]!.node);
  }

  /**
   * Whether a loop between the write and the declaration may skip it: a `continue` earlier in the
   * loop's body (`if (!content) continue; history.push(answer)`) leaves it out of some rounds.
   */
  private afterContinue(node: ts.Node, decl: ts.Node): boolean {
    for (let l = this.loopAround(node); l && !(l.pos <= decl.pos && decl.end <= l.end); l = this.loopAround(l)) {
      if (this.continuesIn(l).some((pos) => pos < node.pos)) return true;
    }
    return false;
  }

  /** The innermost loop around a node in its function (memoised along the walk: deep expressions ask for each of their parts). */
  private loopAround(node: ts.Node): ts.IterationStatement | undefined {
    const t = this.ts;
    const passed: ts.Node[] = [];
    let found: ts.IterationStatement | undefined;
    for (let n = node.parent; n && !t.isFunctionLike(n); n = n.parent) {
      const known = this.loopMemo.get(n);
      if (known !== undefined) {
        found = known ?? undefined;
        break;
      }
      if (t.isIterationStatement(n, false)) {
        found = n;
        break;
      }
      passed.push(n);
    }
    for (const n of passed) this.loopMemo.set(n, found ?? null);
    return found;
  }

  /** Each node's innermost loop: loopAround from a node passed through it (null: none in the function). */
  private readonly loopMemo = new Map<ts.Node, ts.IterationStatement | null>();

  /** The positions of the `continue`s in a loop's body that may end its round (not those of loops or functions nested in it). */
  private continuesIn(loop: ts.IterationStatement): number[] {
    const known = this.continueMemo.get(loop);
    if (known) return known;
    const t = this.ts;
    const found: number[] = [];
    const visit = (n: ts.Node): void => {
      if (t.isFunctionLike(n)) return;
      // A labelled `continue` in a nested loop may go on with this one's next round.
      if (t.isContinueStatement(n)) found.push(n.pos);
      else if (t.isIterationStatement(n, false)) visitLabelled(n);
      else t.forEachChild(n, visit);
    };
    const visitLabelled = (n: ts.Node): void => {
      if (t.isFunctionLike(n)) return;
      if (t.isContinueStatement(n) && n.label) found.push(n.pos);
      t.forEachChild(n, visitLabelled);
    };
    visit(loop.statement);
    this.continueMemo.set(loop, found);
    return found;
  }

  private readonly continueMemo = new Map<ts.Node, number[]>();

  /** Each node's answer to isConditional: writes in deep expressions each asked for it. */
  private readonly conditionalMemo = new Map<ts.Node, boolean>();

  private conditionalBelow(node: ts.Node, decl: ts.Node): boolean {
    for (let n: ts.Node = node; n.parent && n !== decl; n = n.parent) {
      const step = this.conditionalStep(n, n.parent);
      if (step !== undefined) return step;
    }
    return false;
  }

  /** What the step from `n` to its parent `p` says: the end of the walk (false), a branch (true), or nothing. */
  private conditionalStep(n: ts.Node, p: ts.Node): boolean | undefined {
    const t = this.ts;
    if (t.isFunctionLike(p) || t.isIterationStatement(p, false) || t.isSourceFile(p)) return false;
    if (t.isIfStatement(p) && p.expression !== n) return true;
    if (t.isConditionalExpression(p) && p.condition !== n) return true;
    if (t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p)) return true;
    if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return true;
    return undefined;
  }
}
