// A wrapper's summary at one of its calls: the values of its parameter symbols (the arguments' sizes
// and counts) and what the wrapper's earlier invocations added to the arrays it grows.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { LlmCall } from "../binder/provenance";
import { grownBy } from "./accumulation";
import { SizePart } from "./sizeContext";
import type { Size } from "./sizeValues";
import { substitute, type Summary } from "./summary";

export class ArgumentSizes extends SizePart {
  /**
   * The values of a summary's parameter symbols at a call: `|p|` ← the argument's size, or for a
   * collection `|p|` ← its length and `|p[]|` ← one element's size; `p` ← the argument as a count.
   */
  argumentValues(llm: LlmCall, summary: Summary, pick: (s: Size) => Poly = (s) => s.poly): Map<string, Poly> {
    const t = this.ts;
    const call = llm.node;
    const values = new Map<string, Poly>();
    // `xs.map(ask)`: each invocation gets one element of xs.
    if (llm.elementOf) {
      const p = summary.params[0];
      // A fan-out of another module's routing function: one element of the collection it maps there.
      const element = llm.fanOutFrom ? Poly.symbol(this.symbols.define({ name: `|${llm.fanOutFrom.collection}[]|`, kind: "size", line: this.ctx.line(call), origin: `the size of one element of ${llm.fanOutFrom.collection} (${llm.fanOutFrom.where})` })) : undefined;
      if (p?.name) values.set(`|${p.name}|`, element ?? pick(this.parts.collections.elementSize(llm.elementOf, call)));
      return values;
    }
    // A closure passed to the call: its parameters are whatever the callee gives it.
    if (llm.passed) return values;
    const args = llm.arguments ?? call.arguments;
    summary.params.forEach((p, i) => {
      const arg = args[i];
      if (p.rest) {
        const rest = args.slice(i).map((a) => pick(this.parts.expressions.sizeOf(t.isSpreadElement(a) ? a.expression : a, call)));
        if (p.name) {
          values.set(`|${p.name}|`, Poly.constant(Math.max(1, rest.length)));
          values.set(`|${p.name}[]|`, Poly.sum(rest));
        }
        return;
      }
      // A count-up recursion's start is subtracted from its cap: only its value will do (a negative start runs longer).
      const start = summary.countsUp && p.name === summary.budget;
      if (!arg && p.defaultValue && p.name) {
        values.set(`|${p.name}|`, p.defaultValue.size);
        if (!start) values.set(p.name, p.defaultValue.count);
        else if (p.defaultValue.value !== undefined) values.set(p.name, Poly.constant(p.defaultValue.value));
        return;
      }
      if (!arg || t.isSpreadElement(arg)) return;
      for (const f of p.fields) {
        const field = this.constants.property(arg, [f]);
        values.set(`|${f}|`, pick(this.parts.expressions.sizeOf(field ?? arg, call)));
      }
      if (!p.name) return;
      if (p.array || this.parts.collections.isArrayLike(arg)) {
        values.set(`|${p.name}|`, this.parts.collections.countOf(arg, call) ?? this.loops.collection(arg).trip);
        values.set(`|${p.name}[]|`, pick(this.parts.collections.elementSize(arg, call)));
      } else values.set(`|${p.name}|`, pick(this.parts.expressions.sizeOf(arg, call)));
      if (!start) values.set(p.name, this.loops.count(arg).trip);
      else {
        values.set(p.name, this.startValue(arg, p.name, summary.name, call));
      }
    });
    // A route handler's request body read by field (`const { messages } = await req.json()`, |req.messages|): the field fetch sends.
    if (llm.arguments) {
      summary.params.forEach((p, i) => {
        const arg = args[i];
        if (!p.name || !arg || t.isSpreadElement(arg)) return;
        for (const s of summary.symbols) {
          const field = s.name.startsWith(`|${p.name}.`) && s.name.endsWith("|") ? s.name.slice(p.name.length + 2, -1) : undefined;
          if (field && !field.includes(".")) values.set(s.name, pick(this.parts.expressions.sizeOf(this.constants.property(arg, [field]) ?? arg, call)));
        }
      });
    }
    // Passed by reference and grown by the callee: earlier invocations in this loop added to it too
    // (what they add is in the callee's terms, so it is written in the caller's with the values above).
    const grown = new Map<string, Poly>();
    summary.params.forEach((p, i) => {
      const arg = args[i];
      if (!p.grows || !p.name || !arg || t.isSpreadElement(arg)) return;
      const earlier = this.invocationsSince(arg, call);
      const key = `|${p.name}|`;
      const who = `${summary.name}() grows ${p.name}`;
      if (p.array || this.parts.collections.isArrayLike(arg)) {
        grown.set(key, grownBy(key, p.grows.count, earlier, values, who));
        // What the callee pushes bounds one element too (their sum bounds the largest).
        grown.set(`|${p.name}[]|`, (values.get(`|${p.name}[]|`) ?? Poly.zero).add(substitute(p.grows.size, values)));
      } else grown.set(key, grownBy(key, p.grows.size, earlier, values, who));
    });
    for (const [k, v] of grown) values.set(k, v);
    return values;
  }

  /**
   * For each parameter the callee grows (`history.push(…)` inside it), what its earlier
   * invocations here added to the argument, on average over this call's executions: of n, the k-th
   * sees k earlier ones, so g·(n−1)/2 for g added per invocation (in this call's terms, `values`).
   */
  meanGrowthByEarlierCalls(llm: LlmCall, summary: Summary, values: ReadonlyMap<string, Poly>): Map<string, Poly> {
    const t = this.ts;
    const out = new Map<string, Poly>();
    if (llm.elementOf || llm.passed) return out;
    summary.params.forEach((p, i) => {
      const arg = (llm.arguments ?? llm.node.arguments)[i];
      if (!p.grows || !p.name || !arg || t.isSpreadElement(arg)) return;
      const n = this.invocationsSince(arg, llm.node);
      // Growth in proportion to the size compounds: no such mean (the bound says why).
      if (n.isZero() || p.grows.size.degreeIn(`|${p.name}|`) > 0) return;
      out.set(p.name, substitute(p.grows.size, values).mul(n.scale(0.5).add(Poly.constant(-0.5))));
    });
    return out;
  }

  /**
   * A count-up recursion's start as its value: a number (negative too, a const of one). Anything else (`i` of a
   * loop, `cond ? 5 : 0`, a parameter) is at best a bound, and a start below it makes more levels: the count is
   * then in an unbounded symbol of how far below zero the start may lie.
   */
  private startValue(arg: ts.Expression, counter: string, callee: string, call: ts.Node): Poly {
    const n = this.constants.number(arg);
    if (n !== undefined) return Poly.constant(n);
    const name = this.symbols.define({ name: `below[${counter}]`, kind: "count", line: this.ctx.line(call), origin: `how far below zero the start of the counter ${counter} of ${callee}() may lie: ${this.constants.skipTrivia(arg).getText()} is not a known number, and a lower start makes more levels`, unbounded: true });
    return Poly.symbol(name).scale(-1);
  }

  /** Whether a count-up recursion's caller hands it a known number as its start (or leaves a known default). */
  startKnown(llm: LlmCall, summary: Summary): boolean {
    const i = summary.countsUp ? summary.params.findIndex((p) => p.name === summary.budget) : -1;
    const arg = i < 0 ? undefined : (llm.arguments ?? llm.node.arguments)[i];
    return !arg || (!this.ts.isSpreadElement(arg) && this.constants.number(arg) !== undefined);
  }

  /** How many times a call has run before, since the variable passed to it was declared. */
  private invocationsSince(arg: ts.Expression, call: ts.Node): Poly {
    const t = this.ts;
    const x = this.constants.skipTrivia(arg);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (!decl) return Poly.zero;
    const outer = new Set(this.loops.around(decl).map((l) => l.node));
    // `for (const h of hs) f(h)`: a loop's own variable is a fresh value on every iteration.
    const declaredBy = (loop: ts.Node): boolean => decl.pos >= loop.pos && decl.end <= loop.end;
    return Poly.product(this.loops.around(call).filter((l) => !outer.has(l.node) && !declaredBy(l.node)).map((l) => l.trip));
  }

  /** Elements and tokens a function adds to a parameter it grows (`history.push(…)`), per invocation. */
  growthPerInvocation(param: ts.ParameterDeclaration, name: string, fn: ts.Node): { count: Poly; size: Poly } | undefined {
    const grows = this.parts.writes.writesOf(param, name).filter((w) => w.kind === "grow" && !w.outputOf && this.loops.enclosingFunction(w.node) === fn);
    if (grows.length === 0) return undefined;
    let count = Poly.zero;
    let size = Poly.zero;
    for (const w of grows) {
      const trips = Poly.product(this.loops.around(w.node).map((l) => l.trip)).mul(w.times ?? Poly.one);
      count = count.add(trips.scale((w.delta ?? []).length));
      size = size.add(trips.mul(Poly.sum((w.delta ?? []).map((d) => this.parts.expressions.sizeOf(d, w.node).poly))));
    }
    return { count, size };
  }
}
