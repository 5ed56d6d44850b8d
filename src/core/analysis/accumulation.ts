// Growth across iterations: a variable declared outside a loop and grown inside it holds, at a call
// in the loop, (growth per iteration) × (iterations so far), so a b-turn loop that re-sends its
// history costs Θ(b²·δ) in all (paper §3.2.1). Also windows (full or still filling), resets that cut
// the accumulation, streamed answers collected once, fields and closures grown across calls, and
// growth that compounds across a callee's invocations.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { lineRef } from "../lineRefs";
import { classField } from "./classFields";
import type { GrowthFact } from "../model";
import type { LoopInfo } from "./loops";
import { SizePart } from "./sizeContext";
import { combine, factsOf, indexSymbol, meanOf, sizeAtIteration, strongerGrowth, withMean, ZERO, type Growth, type Size } from "./sizeValues";
import { substitute } from "./summary";
import { fillingOfRun } from "./windowRuns";
import { elementsAdded, repeated, type Write } from "./writes";
import { startsTogether } from "./fanOut";

export class Accumulation extends SizePart {
  private readonly inProgressFields = new Set<string>();

  /**
   * `this.history`: a field that the class's methods grow. At a call inside a method it holds what
   * this invocation added plus what every earlier invocation on the same instance added:
   * `calls[Class]` of them, which a caller's loop fills in. `measure` sizes what is put in (by
   * default its tokens; a count of elements passes one per element).
   */
  fieldSize(e: ts.PropertyAccessExpression, site: ts.Node, measure?: (e: ts.Expression, at: ts.Node) => Size): Size | undefined {
    const field = this.fieldWrites(e);
    if (!field) return undefined;
    const { cls, member, writes } = field;
    const name = e.name.text;
    const key = `${cls.pos}:${name}${measure ? ":count" : ""}`;
    const sizeOf = measure ?? ((x: ts.Expression, at: ts.Node): Size => this.parts.expressions.sizeOf(x, at));
    if (this.inProgressFields.has(key)) return this.ctx.sizeSymbol(name, e, `the size of this.${name}`);
    if (!writes.some((w) => w.kind === "grow")) return undefined;
    this.inProgressFields.add(key);
    try {
      const siteFn = this.loops.enclosingFunction(site);
      const className = (cls as ts.ClassLikeDeclaration).name?.text ?? "<class>";
      const freshEachCall = writes.some((w) => w.kind === "reset" && !w.conditional && this.loops.enclosingFunction(w.node) === siteFn && w.node.pos < site.pos);
      const invocations = Poly.symbol(this.symbols.define({ name: `calls[${className}]`, kind: "count", line: this.ctx.line(cls), origin: `calls of ${className}'s methods on one instance so far` }));
      const window = writes.find((w) => w.kind === "window");
      const perRound = window ? this.slotSharers(writes, site) : 1;
      // What the field may hold before this call's growth: the declaration's value and whatever the class assigns it
      // (the constructor, `init()`, a reset in the sending method), each sized where it is written
      // (`this.steps = [{ content: q }]` in `constructor(q)` is |q|). Summed: an upper bound whichever ran last.
      const starts = writes.filter((w) => w.kind === "reset" || w.kind === "reassign");
      const parts: Size[] = [member?.initializer ? sizeOf(member.initializer, site) : ZERO, ...starts.map((w) => combine((w.delta ?? []).map((d) => sizeOf(d, w.node))))];
      for (const w of writes) {
        if (w.kind !== "grow") continue;
        // `this.record(r)` in the site's loop, with `record` pushing to `this.history`: it grows there on every iteration.
        const helper = this.loops.enclosingFunction(w.node);
        for (const call of this.helperCalls(helper, siteFn, site).filter((c) => c !== site)) {
          // `this.recordAll(rs)` pushing in its own `for (const r of rs)`: |rs| elements per call.
          const times = this.parts.writes.timesPerCall(w.node, helper as ts.SignatureDeclaration, call).mul(w.times ?? Poly.one);
          const added = repeated(combine((w.delta ?? []).map((d) => sizeOf(d, call))), { ...w, times });
          parts.push(this.accumulate(`this.${name}`, { ...w, node: call }, added, this.loops.around(call), window, site, perRound));
        }
        const sameCall = this.loops.enclosingFunction(w.node) === siteFn && w.node.pos < site.pos;
        if (freshEachCall && !sameCall) continue;
        const delta = repeated(combine((w.delta ?? []).map((d) => sizeOf(d, w.node))), w);
        const grown = this.accumulate(`this.${name}`, w, delta, this.loops.around(w.node), window, site, perRound);
        if (window || freshEachCall) parts.push(grown);
        else {
          const kind: Growth = delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
          // Exactly: each earlier invocation added all it grows; this one, what it added before the site.
          const mean = grown.poly.mul(invocations).add(sameCall ? meanOf(grown) : Poly.zero);
          const at = grown.poly.mul(invocations).add(sameCall ? sizeAtIteration(grown) : Poly.zero);
          parts.push(withMean({ ...grown, poly: grown.poly.mul(invocations), tight: false, growth: strongerGrowth(grown.growth, kind), notes: [...grown.notes, `this.${name} grows at line ${lineRef(this.ctx.line(w.node))} and keeps growing across calls of ${className}'s methods (calls[${className}])`], ...acrossCalls(`this.${name}`, this.ctx.line(w.node), grown) }, mean, at));
        }
      }
      return combine(parts);
    } finally {
      this.inProgressFields.delete(key);
    }
  }

  /** The calls in `siteFn` of the method `helper` (`this.record(r)`) that can run before an execution of `site`. */
  private helperCalls(helper: ts.Node, siteFn: ts.Node, site: ts.Node): ts.CallExpression[] {
    const t = this.ts;
    if (helper === siteFn || !(t.isMethodDeclaration(helper) || (t.isArrowFunction(helper) && t.isPropertyDeclaration(helper.parent)))) return [];
    const calls = this.methodCallsIn(siteFn).get(helper);
    if (!calls) return [];
    const siteLoops = new Set(this.loops.around(site).map((l) => l.node));
    return calls.filter((c) => this.reaches(c, site, siteLoops));
  }

  /** Each function's `this.m(…)` calls by the function they call: walked once, not once per write of every field a site reads. */
  private readonly methodCallsMemo = new Map<ts.Node, Map<ts.Node, ts.CallExpression[]>>();

  private methodCallsIn(fn: ts.Node): Map<ts.Node, ts.CallExpression[]> {
    const t = this.ts;
    const known = this.methodCallsMemo.get(fn);
    if (known) return known;
    const byCallee = new Map<ts.Node, ts.CallExpression[]>();
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.expression.kind === t.SyntaxKind.ThisKeyword) {
        const callee = this.constants.calledFunction(n);
        const list = callee && byCallee.get(callee);
        if (list) list.push(n);
        else if (callee) byCallee.set(callee, [n]);
      }
      if (!t.isFunctionLike(n)) t.forEachChild(n, visit);
    };
    t.forEachChild(fn, visit);
    this.methodCallsMemo.set(fn, byCallee);
    return byCallee;
  }

  /** What the class's methods write to `this.<name>`, with the class and the field's declaration. */
  fieldWrites(e: ts.PropertyAccessExpression): { cls: ts.ClassLikeDeclaration; member: ts.PropertyDeclaration | undefined; writes: Write[] } | undefined {
    const t = this.ts;
    const field = classField(t, e);
    if (!field) return undefined;
    const { cls, member } = field;
    const name = e.name.text;
    const isSelf = (n: ts.Node): boolean => t.isPropertyAccessExpression(n) && n.expression.kind === t.SyntaxKind.ThisKeyword && n.name.text === name;
    const refs: ts.PropertyAccessExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (isSelf(n)) refs.push(n as ts.PropertyAccessExpression);
      t.forEachChild(n, visit);
    };
    visit(cls);
    return { cls, member, writes: refs.flatMap((r) => this.parts.writes.classifyWrite(r, member ?? cls, isSelf) ?? []) };
  }

  /** A variable's size at `site`: `base` and what its writes add there (a field's writes for `state.messages`, see ExpressionSizes). */
  accumulated(decl: ts.Node, name: string, site: ts.Node, base: Size, deltaOf: (w: Write) => Size, valueOf: (e: ts.Expression) => Size, writes: readonly Write[] = this.parts.writes.writesOf(decl, name)): Size {
    const declLoops = new Set(this.loops.around(decl).map((l) => l.node));
    const siteLoops = this.loops.around(site);
    const siteLoopSet = new Set(siteLoops.map((l) => l.node));
    const siteFn = this.loops.enclosingFunction(site);
    const window = writes.find((w) => w.kind === "window");
    const resets = writes.filter((w) => w.kind === "reset" && !w.conditional);
    const perRound = window ? this.slotSharers(writes, site) : 1;
    const parts: Size[] = [base];
    // A variable that a model rewrites whole carries that rewrite into whatever it is added to.
    if (writes.some((w) => w.kind === "rewrite" && this.reaches(w.node, site, siteLoopSet))) {
      // Rewritten on every iteration of a loop around the site (`result = (await ask(step + result)).text`): each call sees the previous rewrite.
      const chained = writes.some((w) => w.kind === "rewrite" && this.loops.around(w.node).some((l) => siteLoopSet.has(l.node) && !declLoops.has(l.node)));
      parts.push({ ...ZERO, fromRewrite: true, fromOutput: true, ...(chained ? { growth: "rewrite" as const } : {}) });
    }
    for (const w of writes) {
      // A wrapper that grows what it is passed, sized at its own call: its summary adds that growth (SummaryParam.grows).
      if (w.node === site) continue;
      if (w.kind === "reassign" || w.kind === "reset") {
        // Another value the variable may hold at the site.
        if (w.delta && this.reaches(w.node, site, siteLoopSet)) parts.push(combine(w.delta.map(valueOf)));
        continue;
      }
      if (w.kind !== "grow") continue;
      if (this.loops.enclosingFunction(w.node) !== siteFn) continue;
      const growLoops = this.loops.around(w.node).filter((l) => !declLoops.has(l.node));
      if (!this.reaches(w.node, site, siteLoopSet)) continue;
      // An unconditional reset inside a loop shared with the site stops accumulation across that loop.
      const cut = new Set<ts.Node>();
      for (const r of resets) for (const l of this.loops.around(r.node)) if (siteLoopSet.has(l.node) && !declLoops.has(l.node)) cut.add(l.node);
      const factorLoops = growLoops.filter((l) => !cut.has(l.node));
      const grown = this.accumulate(name, w, deltaOf(w), factorLoops, window, site, perRound);
      // A closure growing a variable it captures, or a function growing a field of an object its caller
      // hands it (`const { state } = params; state.messages.push(x)`): earlier invocations added too.
      const fieldOf = w.field !== undefined || name.includes(".");
      const captured = !window && this.ts.isFunctionLike(siteFn) && (!this.isWithin(decl, siteFn) || (fieldOf && this.handedIn(decl, siteFn)));
      if (captured) {
        const fnName = this.functionLabel(siteFn);
        const invocations = Poly.symbol(this.symbols.define({ name: `calls[${fnName}]`, kind: "count", line: this.ctx.line(siteFn), origin: `calls of ${fnName} so far (it grows ${name}, declared outside it)` }));
        const delta = deltaOf(w);
        const kind: Growth = delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
        const mean = grown.poly.mul(invocations).add(meanOf(grown));
        const at = grown.poly.mul(invocations).add(sizeAtIteration(grown));
        parts.push(withMean({ ...grown, poly: grown.poly.mul(invocations), tight: false, growth: strongerGrowth(grown.growth, kind), notes: [...grown.notes, `${name} is declared outside ${fnName} and keeps growing across its calls (calls[${fnName}])`], ...acrossCalls(name, this.ctx.line(w.node), grown) }, mean, at));
      } else parts.push(grown);
    }
    // Emptied or replaced on some rounds only (`if (x) h.length = 0`) in a loop the site shares: it
    // may hold less than its growth, which is then an upper bound, not a count.
    const sometimes = writes.some((w) => ((w.kind === "reset" && w.conditional) || w.kind === "reassign") && this.loops.around(w.node).some((l) => siteLoopSet.has(l.node) && !declLoops.has(l.node)));
    // A window trimmed in a fan-out's rounds keeps the last writes of whichever rounds ran last: not run in source order.
    const fannedOut = !!window && siteLoops.some((l) => l.parallel);
    const combined = combine(parts);
    const kept = (sometimes && parts.length > 1) || fannedOut ? { ...combined, tight: false } : combined;
    // Kept to a window by a trim in the loop: run iteration by iteration where the shape is known.
    const run = window && !fannedOut ? this.parts.windows.trimmed(decl, site) : undefined;
    if (!run) return kept;
    const filling = fillingOfRun(run);
    return withMean({ ...kept, ...(filling ? { filling } : {}) }, run.steady);
  }

  /**
   * `const { state } = params` (or `({ state }) => …`) with `params` a parameter of `fn`: an object the
   * caller hands in, which keeps what each invocation puts in its fields when the caller passes the same one.
   */
  private handedIn(decl: ts.Node, fn: ts.Node): boolean {
    const t = this.ts;
    if (!t.isBindingElement(decl) || !t.isObjectBindingPattern(decl.parent) || decl.dotDotDotToken) return false;
    const holder = decl.parent.parent;
    if (t.isParameter(holder)) return holder.parent === fn;
    if (!t.isVariableDeclaration(holder) || !holder.initializer) return false;
    const init = this.constants.skipTrivia(holder.initializer);
    const source = t.isIdentifier(init) ? this.scopes.resolve(init) : undefined;
    return !!source && t.isParameter(source) && source.parent === fn;
  }

  private isWithin(node: ts.Node, ancestor: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
    return false;
  }

  private functionLabel(fn: ts.Node): string {
    const t = this.ts;
    if ((t.isFunctionDeclaration(fn) || t.isMethodDeclaration(fn)) && fn.name && t.isIdentifier(fn.name)) return fn.name.text;
    if (fn.parent && t.isVariableDeclaration(fn.parent) && t.isIdentifier(fn.parent.name)) return fn.parent.name.text;
    return `<function at line ${lineRef(this.ctx.line(fn))}>`;
  }

  /** Whether a write at `write` can have happened before an execution of `site`. */
  private reaches(write: ts.Node, site: ts.Node, siteLoops: ReadonlySet<ts.Node>): boolean {
    if (write.pos < site.pos) return true;
    return this.loops.around(write).some((l) => siteLoops.has(l.node));
  }

  /**
   * Among how many elements a round pushes a window's slots are shared out: all of them when every
   * push runs on every round of the site's loops (Writes.pushesEveryRound); otherwise one, each
   * push's elements taking every slot (a push from another loop or method may fill them all).
   */
  private slotSharers(writes: readonly Write[], site: ts.Node): number {
    return writes.every((w) => w.kind !== "grow" || this.parts.writes.pushesEveryRound(w, site)) ? elementsAdded(writes) : 1;
  }

  private accumulate(name: string, w: Write, delta: Size, factorLoops: LoopInfo[], window: Write | undefined, site: ts.Node, elementsPerRound = 1): Size {
    const at = lineRef(this.ctx.line(w.node));
    if (window) {
      // The bound takes every slot as this write's; in a full window each write of one element a round
      // holds at most its share of the slots, rounded up (a question and an answer in a window of 3
      // ending with the question: 2 questions); one of several elements may fill them all.
      const slots = window.cap ?? 1;
      const poly = delta.poly.scale(slots);
      const share = (w.delta?.length ?? 1) === 1 && !w.conditional ? Math.min(slots, Math.ceil(slots / Math.max(1, elementsPerRound))) : slots;
      const mean = meanOf(delta).scale(share);
      return withMean({ ...delta, poly, growth: "none", notes: [...delta.notes, `${name} is windowed at line ${lineRef(this.ctx.line(window.node))} (at most ${window.cap} items): no growth`] }, mean);
    }
    // A loop that reads one streamed answer adds that answer once, not once per chunk; the loops
    // around it still repeat that.
    const streamed = factorLoops.find((l) => this.streamedCall(l));
    if (streamed) {
      const call = this.streamedCall(streamed)!;
      const out = this.parts.outputs.outputOf(call);
      delta = { ...out, notes: [...out.notes, `${name} collects the streamed answer of line ${lineRef(this.ctx.line(call))}`] };
      factorLoops = factorLoops.filter((l) => l !== streamed);
    }
    if (factorLoops.length === 0) return { ...delta, growth: "none" };
    const trips = Poly.product(factorLoops.map((l) => l.trip));
    // A loop that runs once (a retry loop left when its request succeeds) adds once: nothing grows across its iterations.
    const once = trips.isConstant() && trips.constantValue() <= 1;
    const kind: Growth = once ? "none" : delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
    const over = factorLoops.map((l) => `${l.tripText} (${l.kind} at line ${lineRef(l.line)})`).join(" × ");
    const poly = delta.poly.mul(trips);
    const writes = this.writesBefore(factorLoops, w.node, site);
    // A fan-out whose rounds do not all send before any is answered: a round may see more or less
    // of the others' writes than the order below counts (an upper bound still: never more than all earlier rounds').
    const siteLoops = new Set(this.loops.around(site).map((l) => l.node));
    const interleaved = factorLoops.some((l) => l.parallel && siteLoops.has(l.node) && !startsTogether(this.ts, l, site));
    // Written before the request in a fan-out whose rounds all send first: every round's write is counted
    // (below), which a request whose body is built at once (a copy `[...h]`, an SDK reading it in place) does
    // not see: an upper bound.
    const earlyInFanOut = w.node.pos < site.pos && factorLoops.some((l) => l.parallel && siteLoops.has(l.node) && startsTogether(this.ts, l, site));
    return withMean({
      poly,
      tight: delta.tight && factorLoops.every((l) => l.exact) && !w.conditional && !interleaved && !earlyInFanOut,
      growth: once ? delta.growth : strongerGrowth(delta.growth, kind),
      fromOutput: delta.fromOutput,
      fromRewrite: delta.fromRewrite,
      notes: [...delta.notes, `${name} grows at line ${at} on every iteration of ${over}`],
      ...factsOf([delta, { ...ZERO, facts: [{ kind: "grows", symbol: name, line: this.ctx.line(w.node), loops: factorLoops.map((l) => l.line) }] }]),
    }, meanOf(delta).mul(writes.mean), sizeAtIteration(delta).mul(writes.at));
  }

  /**
   * How many times a write in `loops` has run before an execution of `site`, on average over the
   * site's executions: loops the site is not in ran whole (P); over the N iterations of the loops
   * both are in, the i-th sees i earlier ones, plus this iteration's when the write comes first:
   * P·((N−1)/2 + [write before site]), so Σ_{i<N} (s + i·g) = N·s + g·N(N−1)/2 summed over the site.
   * `at` is the count at the i-th execution, P·(i + [write before site]), for the derivation.
   */
  private writesBefore(loops: readonly LoopInfo[], write: ts.Node, site: ts.Node): { mean: Poly; at: Poly } {
    const siteLoops = new Set(this.loops.around(site).map((l) => l.node));
    const shared = loops.filter((l) => siteLoops.has(l.node));
    const whole = Poly.product(loops.filter((l) => !siteLoops.has(l.node)).map((l) => l.trip));
    if (shared.length === 0) return { mean: whole, at: whole };
    // A fan-out whose rounds all send before any is answered. A write after the request (an answer
    // pushed): no round of the same fan-out sees another's. A write before it (the question pushed):
    // at most every round's, since openai-node's and Anthropic's `makeRequest` build the body only after
    // an await, by when every round has made its write (an upper bound: a copy made at the call, or an
    // SDK that reads the list at once, sees only the rounds before). Each earlier round of the
    // sequential loops around saw all of them.
    const before = write.pos < site.pos ? 1 : 0;
    const together = shared.filter((l) => startsTogether(this.ts, l, site));
    if (together.length) {
      const sequential = shared.filter((l) => !together.includes(l));
      const all = whole.mul(Poly.product(together.map((l) => l.trip)));
      const rounds = Poly.product(sequential.map((l) => l.trip));
      const i = sequential.length ? Poly.symbol(indexSymbol(sequential.map((l) => l.tripText).join("·"))) : Poly.zero;
      return { mean: all.mul(rounds.scale(0.5).add(Poly.constant(before - 0.5))), at: all.mul(i.add(Poly.constant(before))) };
    }
    const n = Poly.product(shared.map((l) => l.trip));
    const i = Poly.symbol(indexSymbol(shared.map((l) => l.tripText).join("·")));
    return { mean: whole.mul(n.scale(0.5).add(Poly.constant(before - 0.5))), at: whole.mul(i.add(Poly.constant(before))) };
  }

  /** The LLM call whose stream a `for await` loop reads, if that is what the loop does. */
  private streamedCall(l: LoopInfo): ts.CallExpression | undefined {
    if (l.kind !== "for-await" && l.kind !== "for-of") return undefined;
    const loop = l.node as ts.ForOfStatement;
    // A loop over an answer's items that makes calls of its own is an agent loop, not a stream read.
    return this.makesLlmCalls(loop.statement) ? undefined : this.parts.flow.producingCall(loop.expression);
  }

  /** Per loop body: every write in the loop asks it (a body walked once per write was quadratic). */
  private readonly makesCallsMemo = new Map<ts.Node, boolean>();

  private makesLlmCalls(body: ts.Node): boolean {
    const t = this.ts;
    const known = this.makesCallsMemo.get(body);
    if (known !== undefined) return known;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n)) return;
      if (t.isCallExpression(n) && this.llmCall(n)) found = true;
      else t.forEachChild(n, visit);
    };
    visit(body);
    this.makesCallsMemo.set(body, found);
    return found;
  }
}

/**
 * The growth fact of a write that grows its variable across calls of the function (or of the
 * class's methods) it is in: `loops` empty, also where a loop there grows it too (that growth
 * restarts with no call; this one a caller's loop sees, see Summary.facts).
 */
function acrossCalls(symbol: string, line: number, grown: Size): { facts?: readonly GrowthFact[] } {
  return factsOf([grown, { facts: [{ kind: "grows", symbol, line, loops: [] }] }]);
}

/** Invocations whose compounding growth is followed one by one; more widen. */
const MAX_COMPOUNDED = 8;

/**
 * The size `key` has at a call after `earlier` invocations of the callee, each adding `added` (in
 * the callee's terms, `values` giving them in the caller's). Growth that does not depend on the
 * size itself adds up: |h| + earlier·added. Growth in proportion to the size (the callee pushes
 * once per element: it doubles the array) compounds: after k invocations the size is
 * (1 + c)^k·|h|, a constant factor when k is a constant (2·|h| after one), exponential when k is
 * a loop count, which no polynomial bounds: widened, with the reason.
 */
export function grownBy(key: string, added: Poly, earlier: Poly, values: ReadonlyMap<string, Poly>, who: string): Poly {
  const start = values.get(key) ?? Poly.zero;
  if (earlier.isZero()) return start;
  if (added.degreeIn(key) === 0) return start.add(earlier.mul(substitute(added, values)));
  const k = earlier.isConstant() ? Math.ceil(earlier.constantValue()) : Infinity;
  if (k > MAX_COMPOUNDED) return Poly.widened(`${who} in proportion to its size, ${Number.isFinite(k) ? `${k} times` : "on every iteration of a loop"} before this call: exponential growth, no polynomial bound`);
  let size = start;
  for (let j = 0; j < k; j++) size = size.add(substitute(added, new Map([...values, [key, size]])));
  return size;
}
